/** @jest-environment jsdom */
// The New referral page's checks against a scripted server: a date of birth in the future is listed in the
// error summary (linking to the field) and nothing is sent; a child of 9 is a warning the referrer confirms
// before anything is sent; the intake then starts with the referral's details under the first form's keys
// (prefill); a likely duplicate links to the existing case by name, and another team's record offers
// break glass without naming the child.
import '../tasks/text-encoding.polyfill';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { NewReferralPage } from '../../../../client/src/features/cases/new-referral-page';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const session = { user: { id: 'cm-1', username: 'cm', displayName: 'Cara', email: 'c@x', roles: ['case-managers'], teams: ['east'], managerId: null }, csrfToken: 't', actions: ['create-case'], readableSections: ['personal'], writableSections: ['personal'] };
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function serve(answer: (call: string) => Response | undefined) {
  const calls: string[] = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = `${init.method ?? 'GET'} ${String(url)}`;
    calls.push(init.body ? `${call} ${String(init.body)}` : call);
    if (String(url) === '/api/auth/me') return json(200, session);
    return answer(call) ?? json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
  render(<SessionProvider><MemoryRouter initialEntries={['/cases/new']}><Routes>
    <Route path="/cases/new" element={<NewReferralPage />} />
    <Route path="/cases/:id" element={<p>case page</p>} />
  </Routes></MemoryRouter></SessionProvider>);
  return calls;
}

async function fill(givenName: string, familyName: string, dateOfBirth: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Given name'), givenName);
  await user.type(screen.getByLabelText('Family name'), familyName);
  await user.type(screen.getByLabelText('Date of birth'), dateOfBirth);
  return user;
}

it('a date of birth in the future is listed in the error summary, linking to the field, and nothing is sent', async () => {
  const calls = serve(() => undefined);
  const tomorrow = isoDay(new Date(Date.now() + 2 * 86_400_000));
  const user = await fill('Tam', 'Future', tomorrow);
  await user.click(screen.getByRole('button', { name: 'Open referral' }));
  const summary = await screen.findByRole('alert');
  expect(summary.textContent).toContain('There is a problem');
  const link = screen.getByRole('link', { name: 'Date of birth must be today or in the past' });
  expect(link.getAttribute('href')).toBe('#referral-dateOfBirth');
  expect(calls.filter((c) => c.startsWith('POST'))).toEqual([]);
});

it('a child of 9 is a warning to confirm; once confirmed, the case opens and intake starts with the referral under the first form’s keys', async () => {
  const calls = serve((call) => {
    if (call === 'POST /api/cases') return json(201, { id: 'YJ-9', displayName: 'Nia Young' });
    if (call === 'POST /api/cases/YJ-9/processes') return json(201, { instanceKey: 'i1', processId: 'referral-intake', version: 1 });
    return undefined;
  });
  const nine = new Date();
  nine.setUTCFullYear(nine.getUTCFullYear() - 9);
  const dob = isoDay(nine);
  const user = await fill('Nia', 'Young', dob);
  await user.click(screen.getByRole('button', { name: 'Open referral' }));
  expect((await screen.findByRole('heading', { name: 'Check the date of birth' }))).toBeTruthy();
  expect(screen.getByText(/The child would be 9 years old on the referral date/)).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Open referral' }) as HTMLButtonElement).disabled).toBe(true);
  expect(calls.filter((c) => c.startsWith('POST'))).toEqual([]);
  await user.click(screen.getByLabelText(/The date of birth is right/));
  await user.click(screen.getByRole('button', { name: 'Open referral' }));
  expect(await screen.findByText('case page')).toBeTruthy();
  const start = calls.find((c) => c.startsWith('POST /api/cases/YJ-9/processes'))!;
  const body = JSON.parse(start.slice(start.indexOf('{')));
  expect(body).toEqual({
    processId: 'referral-intake',
    variables: { referralReceivedAt: expect.any(String), referralSource: 'police', matchOutcome: 'new', givenName: 'Nia', familyName: 'Young', dateOfBirth: dob },
  });
});

it('a likely duplicate links to the existing case by name; another team’s record says only that it exists and offers break glass', async () => {
  serve((call) => {
    if (call === 'POST /api/cases') return json(422, { error: { code: 'POSSIBLE_DUPLICATE', message: 'This child may already be known.' } });
    if (call.startsWith('GET /api/cases/duplicates?')) {
      return json(200, { items: [
        { reasons: ['name-and-date-of-birth'], caseId: 'YJ-7', displayName: 'Sam Smith', dateOfBirth: '2010-03-14', team: 'east' },
        { reasons: ['nhs-number'], team: 'west', breakGlassId: 'YJ-W' },
      ] });
    }
    return undefined;
  });
  const user = await fill('Sam', 'Smith', '2010-03-14');
  await user.click(screen.getByRole('button', { name: 'Open referral' }));
  const toCase = await screen.findByRole('link', { name: 'Sam Smith' });
  expect(toCase.getAttribute('href')).toBe('/cases/YJ-7');
  expect(screen.getByText(/born 14 March 2010 \(same name and date of birth\)/)).toBeTruthy();
  expect(screen.getByText(/A record exists in West team \(same NHS number\)/)).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Open it with a reason (break glass)' }).getAttribute('href')).toBe('/cases/YJ-W');
  expect(screen.queryByText(/YJ-7|YJ-W/)).toBeNull(); // no bare reference in words
});
