/** @jest-environment jsdom */
// The DPO's request page against a fake /api: records found with the third-party appearance flagged, a
// decision without a reason refused with an error summary linking to the item, then saved with a reason;
// the export link only once approved; when the records were gathered, and "Gather again" behind its
// confirmation (with the reason it asks for), not offered once approved.
import '../tasks/text-encoding.polyfill';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { SarRequestPage } from '../../../../client/src/features/sar/sar-request-page';

const victimItem = {
  id: 'C1/victims/victims/v1', caseId: 'C1', kind: 'item', section: 'victims', label: 'Victims › Victim 1', value: { 'Victim name': 'Pat Other' },
  proposal: { decision: 'review', reason: 'Third-party data: held in the victims section, about another person' }, decision: 'withhold', reason: 'undecided', decidedByDpo: false,
  source: 'Case record', thirdParty: true, isNew: false,
};
const newSubmission = {
  id: 'C1/submission/s9', caseId: 'C1', kind: 'submission', label: 'Form "Plan review" (version 1) submitted on 2026-03-15 by cara.case', value: { 'Review notes': 'Going well' },
  proposal: { decision: 'disclose', reason: "The child's own data" }, decision: 'disclose', reason: "The child's own data", decidedByDpo: false,
  source: 'Form submission', thirdParty: false, isNew: true,
};
const review = (approved: boolean) => ({
  request: { key: 'k1', state: 'active', activeSteps: [approved ? 'sendResponse' : 'reviewRedactions'], receivedOn: '2026-11-20', requesterName: 'Robin Quarry', subject: { givenName: 'Robin', familyName: 'Quarry', otherNames: [] }, due: '2026-12-20T17:00:00.000Z', extended: false, approved, decisions: [] },
  matches: [{ caseId: 'C1', team: 'north', displayName: 'Robin Quarry', role: 'subject', reasons: ['name and date of birth'], flaggedForReview: false },
    { caseId: 'C2', team: 'north', displayName: 'Sky Other', role: 'victim', reasons: ['named in the victims section'], flaggedForReview: true }],
  noDataHeld: false,
  gathered: { at: '2026-03-14T09:30:00.000Z', by: 'Automatically, when the request reached gathering', itemCount: 2, newItems: 0 },
  items: [{ id: 'C1/personal/givenName', caseId: 'C1', kind: 'field', section: 'personal', label: 'Personal › Given name', value: 'Robin', proposal: { decision: 'disclose', reason: "The child's own data" }, decision: 'disclose', reason: "The child's own data", decidedByDpo: false, source: 'Case record', thirdParty: false, isNew: false }, victimItem],
});

function fakeApi(approved: boolean, snapshot = true) {
  const puts: unknown[] = [];
  let gatheredAgain = false;
  const json = (status: number, body: unknown) => Promise.resolve({ status, ok: status < 400, json: async () => body });
  global.fetch = jest.fn((url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    if (url === '/api/auth/me') {
      return json(200, { user: { id: 'd1', username: 'dee.dpo', displayName: 'Dee', email: '', roles: ['dpo'], teams: [], managerId: null }, csrfToken: 'tok', actions: ['export-sar'], readableSections: [], writableSections: [] });
    }
    if (url === '/api/sar/k1' && method === 'GET') {
      const r = review(approved);
      if (!snapshot && !gatheredAgain) {
        const { gathered: _none, ...rest } = r;
        return json(200, { ...rest, matches: [], items: [], request: { ...r.request, activeSteps: ['verifyIdentity'] } });
      }
      return json(200, gatheredAgain
        ? { ...r, gathered: { ...r.gathered, at: '2026-03-16T14:05:00.000Z', by: 'Dee Dpo', previousAt: r.gathered.at, itemCount: 3, newItems: 1 }, items: [...r.items, newSubmission] }
        : r);
    }
    if (url === '/api/sar/k1/gather-again' && method === 'POST') {
      const body = JSON.parse(String(init.body));
      puts.push(body);
      if (!body.reason) return json(422, { error: { code: 'REQUEST_INVALID', message: 'The request needs correcting' }, errors: { reason: 'Say why the records are gathered again' } });
      gatheredAgain = true;
      return json(200, { gathered: { at: '2026-03-16T14:05:00.000Z', by: 'Dee Dpo', itemCount: 3, newItems: 1 }, decisionsKept: 1, decisionsDropped: 0 });
    }
    if (url === '/api/sar/k1/redactions') {
      const body = JSON.parse(String(init.body));
      puts.push(body);
      if (!body.decisions[0].reason) return json(422, { error: { code: 'SAR_DECISIONS_INVALID', message: 'Check the redaction decisions' }, errors: { [victimItem.id]: 'Give the reason for the decision' } });
      return json(200, { decisions: body.decisions });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as unknown as typeof fetch;
  return puts;
}

const renderAt = () => render(
  <SessionProvider><MemoryRouter initialEntries={['/sar/k1']}><Routes><Route path="/sar/:key" element={<SarRequestPage />} /></Routes></MemoryRouter></SessionProvider>,
);

describe('SAR request page', () => {
  it('flags the third-party appearance, refuses a decision without a reason, then saves it with one', async () => {
    const puts = fakeApi(false);
    renderAt();
    await screen.findByRole('heading', { name: 'Subject access request: Robin Quarry' });
    expect(screen.getByRole('row', { name: /Sky Other \(C2\) Named as a victim .* Check this is the same person/ })).toBeTruthy();
    const item = screen.getByRole('group', { name: 'Victims › Victim 1' });
    await userEvent.click(within(item).getByLabelText('Withhold'));
    await userEvent.click(screen.getByRole('button', { name: 'Save decisions' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Give the reason for the decision' }).getAttribute('href')).toBe('#decision-C1-victims-victims-v1');
    await userEvent.type(within(item).getByLabelText('Reason'), 'The victim has not agreed');
    await userEvent.click(screen.getByRole('button', { name: 'Save decisions' }));
    await screen.findByText('1 decision saved');
    expect(puts.at(-1)).toEqual({ decisions: [{ itemId: victimItem.id, decision: 'withhold', reason: 'The victim has not agreed' }] });
    expect(screen.queryByRole('link', { name: /Download the response/ })).toBeNull();
  });

  it('offers the download once the disclosure is approved, and no longer offers gathering again', async () => {
    fakeApi(true);
    renderAt();
    const link = await screen.findByRole('link', { name: /Download the response/ });
    expect(link.getAttribute('href')).toBe('/api/sar/k1/export');
    expect(screen.queryByRole('button', { name: 'Gather again' })).toBeNull();
    expect(screen.getByText(/Frozen: the disclosure was approved/)).toBeTruthy();
  });

  it('before the identity is checked: not gathered yet, and nothing to gather again', async () => {
    fakeApi(false, false);
    renderAt();
    await screen.findByText(/^Not gathered yet/);
    expect(screen.queryByRole('button', { name: 'Gather again' })).toBeNull();
  });

  it('says when the records were gathered; gathering again asks first, needs a reason, and flags the new item', async () => {
    const puts = fakeApi(false);
    renderAt();
    expect((await screen.findByText(/^Gathered 14 March 2026, 09:30$/)).tagName).toBe('STRONG');
    await userEvent.click(screen.getByRole('button', { name: 'Gather again' }));
    const confirm = screen.getByRole('group', { name: 'Gather the records again?' });
    expect(puts).toEqual([]); // nothing happens before the confirmation
    await userEvent.click(within(confirm).getByRole('button', { name: 'Yes, gather again' }));
    expect((await within(confirm).findByRole('alert')).textContent).toBe('Say why the records are gathered again');
    await userEvent.type(within(confirm).getByLabelText('Why are you gathering again?'), 'A new school report arrived');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Yes, gather again' }));
    await screen.findByText('Gathered again: 1 new item to decide, 1 decision kept');
    expect(puts.at(-1)).toEqual({ reason: 'A new school report arrived' });
    expect(screen.getByText(/^Gathered 16 March 2026, 14:05$/)).toBeTruthy();
    const fresh = screen.getByRole('group', { name: newSubmission.label });
    expect(within(fresh).getByText('New since the last gather: needs a decision')).toBeTruthy();
  });
});
