/** @jest-environment jsdom */
// Names in the queue and on the task page: the child's name beside the case reference when the server
// sent it (the reader may open the case), the reference alone when not, and a colleague's name for a claim.
import './text-encoding.polyfill';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { QueuePage } from '../../../../client/src/features/tasks/queue-page';
import { TaskPage } from '../../../../client/src/features/tasks/task-page';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const session = { user: { id: 'cm-1', username: 'cm', displayName: 'Cara', email: 'c@x', roles: ['case-managers'], teams: ['east'], managerId: null }, csrfToken: 't', actions: ['claim', 'complete'], readableSections: ['personal'], writableSections: ['personal'] };
const row = (id: string, over = {}) => ({ id, name: `Task ${id}`, processId: 'referral-intake', elementId: 'e', candidateGroups: ['case-managers'], priority: 50, state: 'open', overdue: false, dueDate: '2026-11-26T17:00:00.000Z', ...over });

function serve(routes: Record<string, unknown>) {
  global.fetch = jest.fn(async (url: string | URL | Request) => {
    const u = String(url);
    if (u === '/api/auth/me') return json(200, session);
    const key = Object.keys(routes).find((k) => u.startsWith(k));
    return key ? json(200, routes[key]) : json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
}
const at = (path: string, element: React.ReactNode, route: string) =>
  render(<SessionProvider><MemoryRouter initialEntries={[path]}><Routes><Route path={route} element={element} /></Routes></MemoryRouter></SessionProvider>);

describe('names in the task queue and on the task page', () => {
  it('shows the child\'s name beside the reference, the reference alone without it, and the assignee\'s name', async () => {
    serve({
      '/api/tasks/filters': { items: [] },
      '/api/tasks?queue=mine': { items: [
        row('t1', { caseId: 'YJ-AAA', caseName: 'Ada Jones', assignee: 'cm-2', assigneeName: 'Casey Colleague' }),
        row('t2', { caseId: 'YJ-BBB' }),
      ], total: 2, offset: 0, limit: 25 },
    });
    at('/tasks', <QueuePage />, '/tasks');
    const first = (await screen.findByText('Task t1')).closest('tr')!;
    expect(within(first).getByRole('link', { name: 'Ada Jones' }).getAttribute('href')).toBe('/cases/YJ-AAA');
    expect(within(first).getByText('YJ-AAA')).toBeTruthy();
    expect(within(first).getByText('Casey Colleague')).toBeTruthy();
    expect(within(first).queryByText('cm-2')).toBeNull();
    const second = screen.getByText('Task t2').closest('tr')!;
    expect(within(second).getByRole('link', { name: 'YJ-BBB' })).toBeTruthy();
  });

  it('says who claimed the task by name and names the child in the task facts', async () => {
    serve({ '/api/tasks/t1': {
      task: row('t1', { caseId: 'YJ-AAA', caseName: 'Ada Jones', assignee: 'cm-2', assigneeName: 'Casey Colleague' }),
      unwritableSections: [], actions: { claim: false, unclaim: false, complete: false, reassign: false },
    } });
    at('/tasks/t1', <TaskPage />, '/tasks/:taskId');
    expect(await screen.findByText('Claimed by Casey Colleague')).toBeTruthy();
    expect(screen.getByTestId('task-case').textContent).toBe('Ada Jones · YJ-AAA');
  });

  it('shows only the reference on the task page when the case is not the reader\'s to open', async () => {
    serve({ '/api/tasks/t2': {
      task: row('t2', { caseId: 'YJ-BBB', assignee: 'cm-1' }),
      unwritableSections: [], actions: { claim: false, unclaim: true, complete: true, reassign: false },
    } });
    at('/tasks/t2', <TaskPage />, '/tasks/:taskId');
    expect(await screen.findByText('Claimed by you')).toBeTruthy();
    expect(screen.getByTestId('task-case').textContent).toBe('YJ-BBB');
  });
});
