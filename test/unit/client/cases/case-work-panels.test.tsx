/** @jest-environment jsdom */
// The Contacts and Start work tabs against a scripted server: the log in words (the one date format), a
// contact recorded with the case-contact form and, when the first save fails, saved again with the same key
// (so the server records it once); a start form that names what is missing before anything is sent, then
// starts victim contact and says where its first task waits.
import '../tasks/text-encoding.polyfill';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { CaseContactsPanel } from '../../../../client/src/features/cases/case-contacts-panel';
import { CaseStartWorkPanel } from '../../../../client/src/features/cases/case-start-work-panel';

const form = (id: string) => JSON.parse(readFileSync(path.resolve(__dirname, `../../../../forms/${id}.form`), 'utf8'));
const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const me = { user: { id: 'u-cara', username: 'cara', displayName: 'Cara Case', email: 'c@x', roles: ['case-managers'], teams: ['north'], managerId: null }, csrfToken: 't', actions: ['complete'], readableSections: ['plans'], writableSections: ['plans'] };

function serve(routes: Record<string, (body?: string) => Response>) {
  const calls: string[] = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = `${init.method ?? 'GET'} ${String(url)}`;
    calls.push(init.body ? `${call} ${String(init.body)}` : call);
    if (String(url) === '/api/auth/me') return json(200, me);
    return routes[call]?.(init.body ? String(init.body) : undefined) ?? json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
  return calls;
}

it('lists contacts in words and saves a contact again with the same key after a failed attempt', async () => {
  let posts = 0;
  const calls = serve({
    'GET /api/cases/YJ-1/contacts': () => json(200, {
      form: form('case-contact'),
      items: [{ id: 'c1', date: '2026-11-23', time: '10:00', type: 'Office appointment', outcome: 'Did not attend: unacceptable absence', outcomeKind: 'unacceptable', recordedBy: 'Cara Case', recordedAt: '2026-11-23T11:00:00Z' }],
    }),
    'POST /api/cases/YJ-1/contacts': () => (++posts === 1
      ? json(503, { error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not answering; try again in a moment.' } })
      : json(201, { contactId: 'i1', repeated: false, compliance: { started: true, alreadyStarted: false, message: 'The compliance and breach follow-up has started: the follow-up task is in the team queue.' } })),
  });
  render(<SessionProvider><MemoryRouter><CaseContactsPanel caseId="YJ-1" /></MemoryRouter></SessionProvider>);
  expect(await screen.findByRole('heading', { name: 'Office appointment, 23 November 2026, 10:00' })).toBeTruthy();
  expect(screen.getByText('Did not attend: unacceptable absence')).toBeTruthy();

  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Record a contact' }));
  await user.type(screen.getByLabelText(/^Date/), '2026-11-30');
  await user.selectOptions(screen.getByLabelText(/^Type of contact/), 'Home visit');
  await user.click(screen.getByLabelText('Did not attend'));
  await user.click(screen.getByLabelText('Unacceptable absence'));
  await user.click(screen.getByRole('button', { name: 'Save contact' }));
  expect(await screen.findByText(/The database is not answering/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Save contact' }));
  expect(await screen.findByText(/Contact saved\. The compliance and breach follow-up has started/)).toBeTruthy();

  const bodies = calls.filter((c) => c.startsWith('POST')).map((c) => JSON.parse(c.slice(c.indexOf('{'))));
  expect(bodies).toHaveLength(2);
  expect(bodies[1].key).toBe(bodies[0].key);
  expect(bodies[0].data).toEqual({ contact: { appointmentDate: '2026-11-30', type: 'home-visit', attendance: 'missed', absence: 'unacceptable' } });
});

it('a start form names what is missing first, then starts victim contact and says where its first task waits', async () => {
  const calls = serve({
    'GET /api/cases/YJ-1/startable-processes': () => json(200, {
      items: [{ processId: 'victim-contact', name: 'Victim contact & restorative justice', startEventName: 'Victim details received from police', form: form('victim-contact-start') }],
      variables: { caseOrders: [] },
    }),
    'POST /api/cases/YJ-1/processes': () => json(201, {
      instanceKey: 'k1', processId: 'victim-contact', version: 1,
      firstTask: { id: 'k1.t1', name: 'Decide whether to invite the victim to restorative justice', candidateGroups: ['victim-workers'], forYou: false },
    }),
  });
  render(<SessionProvider><MemoryRouter><CaseStartWorkPanel caseId="YJ-1" /></MemoryRouter></SessionProvider>);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Victim contact & restorative justice' }));
  // One heading per level: the tab's h2, then the start form's own title (not a second title above it).
  expect(screen.getAllByRole('heading').map((h) => `${h.tagName} ${h.textContent}`)).toEqual(['H2 Start work', 'H3 Start victim contact']);
  await user.click(screen.getByRole('button', { name: 'Start' }));
  expect(await screen.findByText('There is a problem')).toBeTruthy();
  expect(calls.some((c) => c.startsWith('POST'))).toBe(false);

  await user.type(screen.getByLabelText(/^Date the police passed on/), '2026-11-23');
  await user.click(screen.getByRole('button', { name: 'Start' }));
  expect(await screen.findByText('Victim contact & restorative justice has started.')).toBeTruthy();
  expect(screen.getByText(/Its first task, “Decide whether to invite the victim to restorative justice”, is in the victim workers queue\./)).toBeTruthy();
  const post = calls.find((c) => c.startsWith('POST'))!;
  expect(JSON.parse(post.slice(post.indexOf('{')))).toEqual({ processId: 'victim-contact', variables: expect.objectContaining({ detailsReceivedAt: '2026-11-23' }) });
});
