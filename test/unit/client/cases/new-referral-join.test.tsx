/** @jest-environment jsdom */
// The New referral page against a scripted server: when the server refuses a likely duplicate, the page
// offers the matching open case and adds the referral to it (POST /api/cases/:id/referrals) instead of
// opening a second record.
import '../tasks/text-encoding.polyfill';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { NewReferralPage } from '../../../../client/src/features/cases/new-referral-page';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const session = { user: { id: 'cm-1', username: 'cm', displayName: 'Cara', email: 'c@x', roles: ['case-managers'], teams: ['east'], managerId: null }, csrfToken: 't', actions: ['create-case'], readableSections: ['personal'], writableSections: ['personal'] };

it('a child already known: the referral joins the open case, no second record is made', async () => {
  const calls: string[] = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = `${init.method ?? 'GET'} ${String(url)}`;
    calls.push(init.body ? `${call} ${String(init.body)}` : call);
    if (String(url) === '/api/auth/me') return json(200, session);
    if (call === 'POST /api/cases') return json(422, { error: { code: 'POSSIBLE_DUPLICATE', message: 'This child may already be known: YJ-7 (same name and date of birth).' } });
    if (call.startsWith('GET /api/cases/duplicates?')) return json(200, { items: [{ reasons: ['name-and-date-of-birth'], caseId: 'YJ-7', displayName: 'Rhys Okafor', team: 'east' }] });
    if (call === 'POST /api/cases/YJ-7/referrals') return json(201, { caseId: 'YJ-7', processId: 'referral-intake', referralReceivedAt: '2026-11-24T10:00:00.000Z' });
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
  render(<SessionProvider><MemoryRouter initialEntries={['/cases/new']}><Routes>
    <Route path="/cases/new" element={<NewReferralPage />} />
    <Route path="/cases/:id" element={<p>case page</p>} />
  </Routes></MemoryRouter></SessionProvider>);
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Given name'), 'Rhys');
  await user.type(screen.getByLabelText('Family name'), 'Okafor');
  await user.type(screen.getByLabelText('Date of birth'), '2011-02-03');
  await user.click(screen.getByRole('button', { name: 'Open referral' }));
  await user.click(await screen.findByRole('button', { name: 'Add this referral to Rhys Okafor’s case' }));
  expect(await screen.findByText('case page')).toBeTruthy();
  expect(calls.filter((c) => c.startsWith('POST'))).toEqual([
    expect.stringMatching(/^POST \/api\/cases \{/),
    'POST /api/cases/YJ-7/referrals {"referralSource":"police"}',
  ]);
});
