/** @jest-environment jsdom */
// "Change allocated worker" on the case page against a scripted server: only someone who may allocate is
// offered it (a case manager's page asks nothing); the team's case managers are offered by name; a refusal
// is shown in the error summary linking to the field; a change says who holds the case and how much moved.
import '../tasks/text-encoding.polyfill';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { CaseAllocation } from '../../../../client/src/features/cases/case-allocation';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const person = (actions: string[]) => ({ user: { id: 'tm-1', username: 'tm', displayName: 'Tom', email: 't@x', roles: ['team-managers'], teams: ['north'], managerId: null }, csrfToken: 't', actions, readableSections: [], writableSections: [] });
const allocation = { caseId: 'YJ-1', team: 'north', current: { id: 'u-kim', name: 'Kim Keen' }, options: [{ label: 'Cara Case', value: 'u-cara' }, { label: 'Kim Keen', value: 'u-kim' }], mayChange: true };

function serve(actions: string[], put: () => Response) {
  const calls: string[] = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = `${init.method ?? 'GET'} ${String(url)}`;
    calls.push(init.body ? `${call} ${String(init.body)}` : call);
    if (String(url) === '/api/auth/me') return json(200, person(actions));
    if (call === 'GET /api/cases/YJ-1/allocation') return json(200, allocation);
    if (call === 'PUT /api/cases/YJ-1/allocation') return put();
    if (call === 'GET /api/cases/YJ-1') return json(200, { id: 'YJ-1' });
    return json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
  const changed = jest.fn();
  render(<SessionProvider><MemoryRouter><CaseAllocation caseId="YJ-1" onChanged={changed} /></MemoryRouter></SessionProvider>);
  return { calls, changed };
}

it('a manager picks Cara Case by name; the page says she holds the case and how many tasks moved', async () => {
  const { calls, changed } = serve(['allocate'], () => json(200, { ...allocation, current: { id: 'u-cara', name: 'Cara Case' }, reassignedTasks: 2 }));
  const user = userEvent.setup();
  await user.click(await screen.findByText('Change allocated worker'));
  const select = screen.getByLabelText('Allocated worker') as HTMLSelectElement;
  expect(select.value).toBe('u-kim');
  await user.selectOptions(select, 'Cara Case');
  await user.type(screen.getByLabelText('Reason (optional)'), 'Kim on leave');
  await user.click(screen.getByRole('button', { name: 'Save allocated worker' }));
  expect(await screen.findByText('Cara Case is now the allocated worker; 2 open tasks moved to them.')).toBeTruthy();
  expect(calls).toContain('PUT /api/cases/YJ-1/allocation {"caseManagerId":"u-cara","reason":"Kim on leave"}');
  expect(changed).toHaveBeenCalled();
});

it('a refusal is listed in the error summary, linking to the field', async () => {
  serve(['allocate'], () => json(422, { error: { code: 'NOT_A_TEAM_CASE_MANAGER', message: 'Allocated worker: Cara Case is not in team north' }, errors: { caseManagerId: 'Allocated worker: Cara Case is not in team north' } }));
  const user = userEvent.setup();
  await user.click(await screen.findByText('Change allocated worker'));
  await user.selectOptions(screen.getByLabelText('Allocated worker'), 'Cara Case');
  await user.click(screen.getByRole('button', { name: 'Save allocated worker' }));
  const link = await screen.findByRole('link', { name: 'Allocated worker: Cara Case is not in team north' });
  expect(link.getAttribute('href')).toBe('#allocation-caseManagerId');
});

it('someone who may not allocate is offered nothing, and nothing is asked of the server', async () => {
  const { calls } = serve(['claim', 'complete'], () => json(500, {}));
  await screen.findByText((_, el) => el?.tagName === 'BODY');
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.queryByText('Change allocated worker')).toBeNull();
  expect(calls.filter((c) => c.includes('/allocation'))).toEqual([]);
});
