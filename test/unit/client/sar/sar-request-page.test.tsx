/** @jest-environment jsdom */
// The DPO's request page against a fake /api: records found with the third-party appearance flagged, a
// decision without a reason refused with an error summary linking to the item, then saved with a reason;
// the export link only once approved.
import '../tasks/text-encoding.polyfill';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { SarRequestPage } from '../../../../client/src/features/sar/sar-request-page';

const victimItem = {
  id: 'C1/victims/victims/v1', caseId: 'C1', kind: 'item', section: 'victims', label: 'Victims › Victim 1', value: { 'Victim name': 'Pat Other' },
  proposal: { decision: 'review', reason: 'Third-party data: held in the victims section, about another person' }, decision: 'withhold', reason: 'undecided', decidedByDpo: false,
};
const review = (approved: boolean) => ({
  request: { key: 'k1', state: 'active', activeSteps: [approved ? 'sendResponse' : 'reviewRedactions'], receivedOn: '2026-11-20', requesterName: 'Robin Quarry', subject: { givenName: 'Robin', familyName: 'Quarry', otherNames: [] }, due: '2026-12-20T17:00:00.000Z', extended: false, approved, decisions: [] },
  matches: [{ caseId: 'C1', team: 'north', displayName: 'Robin Quarry', role: 'subject', reasons: ['name and date of birth'], flaggedForReview: false },
    { caseId: 'C2', team: 'north', displayName: 'Sky Other', role: 'victim', reasons: ['named in the victims section'], flaggedForReview: true }],
  noDataHeld: false,
  items: [{ id: 'C1/personal/givenName', caseId: 'C1', kind: 'field', section: 'personal', label: 'Personal › Given name', value: 'Robin', proposal: { decision: 'disclose', reason: "The child's own data" }, decision: 'disclose', reason: "The child's own data", decidedByDpo: false }, victimItem],
});

function fakeApi(approved: boolean) {
  const puts: unknown[] = [];
  const json = (status: number, body: unknown) => Promise.resolve({ status, ok: status < 400, json: async () => body });
  global.fetch = jest.fn((url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    if (url === '/api/auth/me') {
      return json(200, { user: { id: 'd1', username: 'dee.dpo', displayName: 'Dee', email: '', roles: ['dpo'], teams: [], managerId: null }, csrfToken: 'tok', actions: ['export-sar'], readableSections: [], writableSections: [] });
    }
    if (url === '/api/sar/k1' && method === 'GET') return json(200, review(approved));
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
    expect(screen.getByRole('row', { name: /C2 \(Sky Other\) Named as a victim .* Check this is the same person/ })).toBeTruthy();
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

  it('offers the download once the disclosure is approved', async () => {
    fakeApi(true);
    renderAt();
    const link = await screen.findByRole('link', { name: /Download the response/ });
    expect(link.getAttribute('href')).toBe('/api/sar/k1/export');
  });
});
