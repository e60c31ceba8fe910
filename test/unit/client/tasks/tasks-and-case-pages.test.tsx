/** @jest-environment jsdom */
// The queue page, task page and case page in jsdom against a scripted server: tabs switch queues,
// a lost claim race shows the server's message, and the case page has no tab for withheld sections.
import './text-encoding.polyfill';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { CasePage } from '../../../../client/src/features/cases/case-page';
import { QueuePage } from '../../../../client/src/features/tasks/queue-page';
import { TaskPage } from '../../../../client/src/features/tasks/task-page';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const session = { user: { id: 'cm-1', username: 'cm', displayName: 'Cara', email: 'c@x', roles: ['case-managers'], teams: ['east'], managerId: null }, csrfToken: 't', actions: ['claim', 'complete'], readableSections: ['personal'], writableSections: ['personal'] };
const row = (id: string, over = {}) => ({ id, name: `Task ${id}`, processId: 'referral-intake', elementId: 'e', candidateGroups: ['case-managers'], priority: 50, state: 'open', overdue: false, dueDate: '2026-11-26T17:00:00.000Z', caseId: 'YJ-1', ...over });

let urls: string[];
function serve(handler: (method: string, url: string) => Response | undefined) {
  urls = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    urls.push(`${method} ${String(url)}`);
    if (String(url) === '/api/auth/me') return json(200, session);
    return handler(method, String(url)) ?? json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
}
const at = (path: string, element: React.ReactNode, route: string) =>
  render(<SessionProvider><MemoryRouter initialEntries={[path]}><Routes><Route path={route} element={element} /></Routes></MemoryRouter></SessionProvider>);

describe('tasks and case pages', () => {
  it('switches queues by tab and reports a claim someone else won', async () => {
    serve((method, url) => {
      if (method === 'GET' && url.startsWith('/api/tasks?queue=mine')) return json(200, { items: [], total: 0, offset: 0, limit: 25 });
      if (method === 'GET' && url.startsWith('/api/tasks?queue=team')) return json(200, { items: [row('t1', { overdue: true })], total: 1, offset: 0, limit: 25 });
      if (url === '/api/tasks/filters') return json(200, { items: [] });
      if (method === 'POST' && url === '/api/tasks/t1/claim') return json(409, { error: { code: 'TASK_ALREADY_CLAIMED', message: 'Someone else claimed this task a moment ago' } });
      return undefined;
    });
    at('/tasks', <QueuePage />, '/tasks');
    const user = userEvent.setup();
    expect(await screen.findByText('0 tasks')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Team queue' }));
    expect(screen.getByRole('link', { name: 'Team queue' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('Task t1')).toBeTruthy();
    expect(screen.getByText('Overdue', { selector: 'strong' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Claim' }));
    expect(await screen.findByText('Someone else claimed this task a moment ago')).toBeTruthy();
  });

  it('shows the task with its case summary, due date and form', async () => {
    serve((method, url) => (url === '/api/tasks/t1' ? json(200, {
      task: row('t1'), case: { id: 'YJ-1', displayName: 'Ada Jones', dateOfBirth: '2010-02-03', team: 'east', status: 'open' },
      form: { formId: 'f', version: 1, schema: { id: 'f', type: 'default', components: [{ id: 'a', type: 'textfield', key: 'answer', label: 'Answer', validate: { required: true } }] } },
      unwritableSections: [], actions: { claim: true, unclaim: false, complete: true, reassign: false },
    }) : undefined));
    at('/tasks/t1', <TaskPage />, '/tasks/:taskId');
    expect(await screen.findByRole('link', { name: 'Ada Jones' })).toBeTruthy();
    expect(screen.getByTestId('task-due').textContent).toContain('26 November 2026');
    expect(screen.getByLabelText(/Answer/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Complete task' })).toBeTruthy();
  });

  it('has one tab per readable section and none for withheld ones', async () => {
    serve((method, url) => (url === '/api/cases/YJ-1' ? json(200, {
      id: 'YJ-1', displayName: 'Ada Jones', dateOfBirth: '2010-02-03', team: 'east', status: 'open', createdAt: '2026-11-24T10:00:00Z',
      sections: { personal: { values: { givenName: 'Ada' }, revision: 1, updatedAt: 'x', updatedBy: 'cm-1', sources: {} } },
      readableSections: ['personal', 'family'], withheldSections: ['health', 'victims'], submissions: [],
    }) : undefined));
    at('/cases/YJ-1', <CasePage />, '/cases/:caseId');
    await screen.findByRole('heading', { name: 'Ada Jones' });
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs.slice(0, 3)).toEqual(['Personal', 'Family & relationships', 'Chronology']);
    expect(tabs).toEqual(expect.arrayContaining(['Submissions', 'History']));
    expect(tabs).not.toEqual(expect.arrayContaining(['Health']));
    expect(screen.getByTestId('withheld').textContent).toContain('Health, Victims');
    await waitFor(() => expect(screen.getByText('Ada')).toBeTruthy());
  });

  it('names the plans section and the contacts log so they are told apart', async () => {
    serve((method, url) => (url === '/api/cases/YJ-1' ? json(200, {
      id: 'YJ-1', displayName: 'Ada Jones', dateOfBirth: '2010-02-03', team: 'east', status: 'open', createdAt: '2026-11-24T10:00:00Z',
      sections: {}, readableSections: ['plans'], withheldSections: [], submissions: [],
    }) : undefined));
    at('/cases/YJ-1', <CasePage />, '/cases/:caseId');
    await screen.findByRole('heading', { name: 'Ada Jones' });
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(expect.arrayContaining(['Plans and reviews', 'Contacts and appointments']));
    expect(tabs.filter((t) => /contacts/i.test(t ?? ''))).toEqual(['Contacts and appointments']);
  });
});
