/** @jest-environment jsdom */
// The case page's collections against a scripted server: each item of a collection is its own summary
// list under its own label, fields read by their form labels, and "Amend this item" sends the change
// to that item only (PATCH …/collections/victims/<id>), the same small form as for flat values.
import '../tasks/text-encoding.polyfill';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { CasePage } from '../../../../client/src/features/cases/case-page';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const session = { user: { id: 'vw-1', username: 'vw', displayName: 'Vic', email: 'v@x', roles: ['victim-workers'], teams: ['east'], managerId: null }, csrfToken: 't', actions: ['complete'], readableSections: ['victims'], writableSections: ['victims'] };
const src = { at: '2026-11-24T10:00:00.000Z', by: 'vw-1', formId: 'victim-rj-suitability', formVersion: 1, taskId: 't1', amendmentSeq: 1 };
const item = (id: string, label: string, values: Record<string, unknown>) => ({ id, label, values, sources: Object.fromEntries(Object.keys(values).map((k) => [k, src])) });
const record = (rj: string) => ({
  id: 'YJ-1', displayName: 'Ada Jones', dateOfBirth: '2010-02-03', team: 'east', status: 'open', createdAt: '2026-11-24T10:00:00Z',
  sections: { victims: {
    values: {}, revision: 3, updatedAt: 'x', updatedBy: 'vw-1', sources: {},
    collections: { victims: [item('i1', 'Ann', { name: 'Ann', rjConsent: rj, contactedOn: '2026-11-20' }), item('i2', 'Victim 2', { name: 'Bo' })] },
    labels: { items: { victims: { name: "Victim's name", rjConsent: 'Consents to restorative justice', contactedOn: 'Contacted on' } } },
  } },
  readableSections: ['victims'], withheldSections: [], submissions: [],
});

it('lists each victim as its own item with labels and amends one item by id', async () => {
  const calls: string[] = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = `${init.method ?? 'GET'} ${String(url)}`;
    calls.push(init.body ? `${call} ${String(init.body)}` : call);
    if (String(url) === '/api/auth/me') return json(200, session);
    if (call === 'GET /api/cases/YJ-1') return json(200, record('no'));
    if (call === 'PATCH /api/cases/YJ-1/sections/victims/collections/victims/i1') return json(200, record('yes'));
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
  render(<SessionProvider><MemoryRouter initialEntries={['/cases/YJ-1']}><Routes><Route path="/cases/:caseId" element={<CasePage />} /></Routes></MemoryRouter></SessionProvider>);
  const list = await screen.findByRole('region', { name: /Victims/ });
  const ann = within(list).getByTestId('item-i1');
  expect(within(ann).getByRole('heading', { name: 'Ann' })).toBeTruthy();
  expect(within(ann).getByText('Consents to restorative justice').nextSibling?.textContent).toBe('no');
  expect(within(ann).getByText('Contacted on').nextSibling?.textContent).toBe('20/11/2026');
  expect(within(within(list).getByTestId('item-i2')).getByRole('heading', { name: 'Victim 2' })).toBeTruthy();

  const user = userEvent.setup();
  await user.click(within(ann).getByText('Amend this item'));
  const form = within(ann).getByRole('form', { name: 'Amend Ann' });
  await user.type(within(form).getByLabelText('Field'), 'rjConsent');
  await user.type(within(form).getByLabelText('New value (empty clears it)'), 'yes');
  await user.type(within(form).getByLabelText('Reason for the change'), 'told us by phone');
  await user.click(within(form).getByRole('button', { name: 'Save change' }));
  expect(await within(screen.getByTestId('item-i1')).findByText('yes')).toBeTruthy();
  expect(calls).toContain('PATCH /api/cases/YJ-1/sections/victims/collections/victims/i1 {"changes":{"rjConsent":"yes"},"reason":"told us by phone"}');
});
