/** @jest-environment jsdom */
// The case header shows the consent state GET /api/cases/:id gives: a restriction of processing as an alert,
// a withdrawal naming the victim by their item's label, and the consents that stand.
import '../tasks/text-encoding.polyfill';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { CasePage } from '../../../../client/src/features/cases/case-page';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const session = { user: { id: 'vw-1', username: 'vw', displayName: 'Vic', email: 'v@x', roles: ['victim-workers'], teams: ['east'], managerId: null }, csrfToken: 't', actions: ['complete'], readableSections: ['victims'], writableSections: ['victims'] };
const record = (consent: unknown) => ({
  id: 'YJ-1', displayName: 'Ada Jones', dateOfBirth: '2010-02-03', team: 'east', status: 'open', createdAt: '2026-11-24T10:00:00Z',
  sections: { victims: { values: {}, revision: 1, updatedAt: 'x', updatedBy: 'vw-1', sources: {}, collections: { victims: [{ id: 'i1', label: 'Ann', values: {}, sources: {} }] } } },
  readableSections: ['victims'], withheldSections: [], submissions: [], consent,
});

function show(consent: unknown, after: unknown = consent, calls: string[] = []) {
  let withdrawn = false;
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    calls.push(`${init.method ?? 'GET'} ${String(url)}${init.body ? ` ${String(init.body)}` : ''}`);
    if (String(url) === '/api/auth/me') return json(200, session);
    if (String(url) === '/api/cases/YJ-1') return json(200, record(withdrawn ? after : consent));
    if (init.method === 'POST' && String(url) === '/api/cases/YJ-1/consents/c-ann/withdrawal') { withdrawn = true; return json(200, {}); }
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
  render(<SessionProvider><MemoryRouter initialEntries={['/cases/YJ-1']}><Routes><Route path="/cases/:caseId" element={<CasePage />} /></Routes></MemoryRouter></SessionProvider>);
}

it('shows a restriction, a withdrawn RJ consent by the victim’s name, and the consents that stand', async () => {
  show({
    restriction: { reason: 'Child contests the date of birth', setAt: '2026-11-24T10:00:00Z', setBy: 'dpo-1' },
    standings: [
      { purpose: 'restorative-justice', subject: 'i1', status: 'withdrawn', givenOn: '2026-11-20', withdrawnAt: '2026-11-24T10:00:00Z' },
      { purpose: 'agency-sharing', subject: 'Police', status: 'given', givenOn: '2026-11-21' },
    ],
  });
  const banner = await screen.findByRole('region', { name: 'Consent and restriction' });
  expect(within(banner).getByRole('alert').textContent).toBe(
    'Processing restricted since 24 November 2026: Child contests the date of birth. The case is read-only until the data protection officer lifts the restriction.',
  );
  expect(within(banner).getByText(/Consent withdrawn/).parentElement?.textContent).toBe('Consent withdrawn: Restorative justice (Ann) on 24 November 2026. Work that needs it has stopped.');
  expect(within(banner).getByText(/Consent given/).textContent).toBe('Consent given: Sharing with Police (21 November 2026).');
});

it('offers no withdrawal to a reader who may not write that purpose\'s section', async () => {
  show({ standings: [{ purpose: 'prevention-work', status: 'given', givenOn: '2026-11-20', recordId: 'c-p' }] });
  expect(await screen.findByText(/Consent given: Prevention work/)).toBeTruthy();
  expect(screen.queryByRole('button', { name: /Record a withdrawal/ })).toBeNull();
});

it('shows nothing when no consent is recorded and processing is not restricted', async () => {
  show({ standings: [] });
  await screen.findByRole('heading', { name: 'Ada Jones' });
  expect(screen.queryByTestId('consent-banner')).toBeNull();
});

it('records a withdrawal said by the victim, and then shows it withdrawn', async () => {
  const given = { purpose: 'restorative-justice', subject: 'i1', status: 'given', givenOn: '2026-11-20', recordId: 'c-ann' };
  const calls: string[] = [];
  show({ standings: [given] }, { standings: [{ ...given, status: 'withdrawn', withdrawnAt: '2026-11-24T10:00:00Z' }] }, calls);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Record a withdrawal of consent: Restorative justice (Ann)' }));
  const form = screen.getByRole('form', { name: 'Withdraw consent: Restorative justice (Ann)' });
  await user.selectOptions(within(form).getByLabelText('Withdrawn by'), "The victim's parent or guardian");
  await user.type(within(form).getByLabelText('What they said (optional)'), 'Does not want to meet');
  await user.click(within(form).getByRole('button', { name: 'Record the withdrawal' }));
  expect((await screen.findByText(/Consent withdrawn/)).parentElement?.textContent).toMatch(/^Consent withdrawn: Restorative justice \(Ann\) on 24 November 2026/);
  expect(calls).toContain('POST /api/cases/YJ-1/consents/c-ann/withdrawal {"by":"victim-parent-guardian","reason":"Does not want to meet"}');
});
