/** @jest-environment jsdom */
// The task page in words (issue 18): the header names the child, the process and the step; fields start
// from the variables with the same key (prefill); after completion the page links to the case's next task
// the person can work, or to the case; a completed task's answers read by label, option label (people by
// name from the supplied options) and the one date format.
import './text-encoding.polyfill';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from '../../../../client/src/features/auth';
import { TaskPage } from '../../../../client/src/features/tasks/task-page';

const json = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body }) as unknown as Response;
const session = { user: { id: 'tm-1', username: 'tm', displayName: 'Tom', email: 't@x', roles: ['team-managers'], teams: ['east'], managerId: null }, csrfToken: 't', actions: ['claim', 'complete'], readableSections: ['personal', 'plans', 'offending'], writableSections: ['personal', 'plans', 'offending'] };
const schema = { id: 'alloc', type: 'default', components: [
  { id: 'cm', type: 'select', key: 'caseManager', label: 'Case manager', valuesKey: 'teamCaseManagers', validate: { required: true } },
  { id: 'pw', type: 'radio', key: 'pathway', label: 'Pathway', values: [{ label: 'Out-of-court disposal', value: 'out-of-court' }, { label: 'Prevention (voluntary)', value: 'prevention' }], validate: { required: true } },
  { id: 'on', type: 'datetime', subtype: 'date', key: 'allocatedOn', dateLabel: 'Allocated on' },
  { id: 'ok', type: 'checkbox', key: 'urgent', label: 'Urgent' },
] };
const people = { teamCaseManagers: [{ label: 'Cara Case', value: 'u-cara' }, { label: 'Kim Keen', value: 'u-kim' }] };
const task = (over = {}) => ({
  id: 't1', name: 'Allocate case manager', processId: 'referral-intake', processName: 'Referral & intake', elementId: 'allocate',
  candidateGroups: ['team-managers'], priority: 50, state: 'open', overdue: false, dueDate: '2026-11-26T17:00:00.000Z',
  caseId: 'YJ-1', caseName: 'Sam Smith', ...over,
});

function serve(handler: (method: string, url: string, body?: string) => Response | undefined) {
  const calls: string[] = [];
  global.fetch = jest.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push(`${method} ${String(url)}${init.body ? ` ${String(init.body)}` : ''}`);
    if (String(url) === '/api/auth/me') return json(200, session);
    return handler(method, String(url), init.body as string | undefined) ?? json(404, { error: { code: 'NOT_FOUND', message: 'no route' } });
  }) as typeof fetch;
  render(<SessionProvider><MemoryRouter initialEntries={['/tasks/t1']}><Routes>
    <Route path="/tasks/:taskId" element={<TaskPage />} />
  </Routes></MemoryRouter></SessionProvider>);
  return calls;
}

it('names the child, process and step; picks a case manager by name; then offers the next task of the case', async () => {
  let completed = false;
  const calls = serve((method, url) => {
    if (url === '/api/tasks/t1') {
      return json(200, completed
        ? { task: task({ state: 'completed', completedAt: '2026-11-24T10:30:00.000Z' }), form: { formId: 'alloc', version: 1, schema }, submission: { id: 's', data: { caseManager: 'u-kim', pathway: 'prevention' }, submittedAt: '', submittedBy: 'tm-1' }, formVariables: people, unwritableSections: [], actions: { claim: false, unclaim: false, complete: false, reassign: false } }
        : { task: task(), form: { formId: 'alloc', version: 1, schema }, formVariables: { ...people, pathway: 'prevention' }, unwritableSections: [], actions: { claim: true, unclaim: false, complete: true, reassign: true } });
    }
    if (method === 'POST' && url === '/api/tasks/t1/complete') {
      completed = true;
      return json(200, { submission: { id: 's' }, amendedSections: ['plans'], repeated: false, next: { id: 'i9.u4', name: 'Give privacy notice', caseId: 'YJ-1', caseName: 'Sam Smith' } });
    }
    return undefined;
  });
  expect(await screen.findByRole('heading', { level: 1, name: 'Allocate case manager' })).toBeTruthy();
  expect(screen.getByTestId('task-caption').textContent).toBe('Sam Smith · Referral & intake');
  expect(screen.getByTestId('task-due').textContent).toBe('26 November 2026');
  // Prefilled from the variable with the same key.
  expect((screen.getByLabelText('Prevention (voluntary)') as HTMLInputElement).checked).toBe(true);
  const user = userEvent.setup();
  const select = screen.getByLabelText(/Case manager/) as HTMLSelectElement;
  expect([...select.options].map((o) => o.textContent)).toEqual(expect.arrayContaining(['Cara Case', 'Kim Keen']));
  await user.selectOptions(select, 'Kim Keen');
  await user.click(screen.getByRole('button', { name: 'Complete task' }));
  const next = await screen.findByRole('link', { name: 'Next: Give privacy notice for Sam Smith' });
  expect(next.getAttribute('href')).toBe('/tasks/i9.u4');
  expect(calls.find((c) => c.startsWith('POST /api/tasks/t1/complete'))).toContain('"caseManager":"u-kim"');
  // The completed task's answers, in words.
  const answers = await screen.findByRole('region', { name: 'Answers' });
  expect(answers.textContent).toContain('Case managerKim Keen');
  expect(answers.textContent).toContain('PathwayPrevention (voluntary)');
  expect(answers.textContent).not.toContain('u-kim');
  expect(screen.getByText('Completed on 24 November 2026, 10:30')).toBeTruthy();
});

it('without a next task the person can work, links to the case by the child’s name', async () => {
  serve((method, url) => {
    if (url === '/api/tasks/t1') return json(200, { task: task(), form: { formId: 'alloc', version: 1, schema }, formVariables: people, unwritableSections: [], actions: { claim: true, unclaim: false, complete: true, reassign: true } });
    if (method === 'POST') return json(200, { submission: { id: 's' }, amendedSections: [], repeated: false });
    return undefined;
  });
  const user = userEvent.setup();
  await user.selectOptions(await screen.findByLabelText(/Case manager/), 'Cara Case');
  await user.click(screen.getByLabelText('Out-of-court disposal'));
  await user.click(screen.getByRole('button', { name: 'Complete task' }));
  expect((await screen.findByRole('link', { name: 'Open Sam Smith’s case' })).getAttribute('href')).toBe('/cases/YJ-1');
});
