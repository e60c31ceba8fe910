/** @jest-environment jsdom */
// The modeller's side panels without bpmn-js: problems from both checkers in one list (clicking one
// asks for its element), and the versions list with download links and the compare link.
import './tasks/text-encoding.polyfill';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { collectProblems, ProblemsPanel } from '../../../client/src/features/modeller/problems-panel';
import { VersionsPanel } from '../../../client/src/features/modeller/versions-panel';

describe('problems panel', () => {
  const problems = collectProblems(
    [
      { id: 'calcIntake', message: 'Element of type <bpmn:ServiceTask> must have property <taskDefinition>', category: 'error', rule: 'camunda-compat/task-definition' },
      { id: 'start', message: 'Element is missing label/name', category: 'warn', rule: 'label-required' },
      { id: 'note', message: 'informational', category: 'info', rule: 'x' },
    ],
    [{ resource: 'referral-intake.bpmn', elementId: 'matchPerson', line: 13, message: "unsupported element bpmn:ScriptTask 'matchPerson'" }],
  );

  it('merges linter and engine findings, drops infos, and counts errors and warnings', () => {
    expect(problems.map((p) => [p.source, p.severity, p.elementId])).toEqual([
      ['linter', 'error', 'calcIntake'], ['linter', 'warn', 'start'], ['engine', 'error', 'matchPerson'],
    ]);
    render(<ProblemsPanel problems={problems} checking={false} onSelect={() => undefined} />);
    expect(screen.getByRole('heading').textContent).toBe('Problems (2 errors, 1 warning)');
    expect(screen.getByText(/unsupported element bpmn:ScriptTask/).closest('button')!.textContent).toContain('line 13');
  });

  it('lists a problem the engine and the linter both find once, in the engine\'s words, and not what Zeebe 8.8 runs', () => {
    const merged = collectProblems(
      [
        { id: 'matchPerson', message: 'Element of type <bpmn:ScriptTask> must have property <script>', category: 'error', rule: 'camunda-compat/implementation' },
        { id: 'review', message: 'Extension element of type <zeebe:TaskDefinition> not allowed', category: 'error', rule: 'camunda-compat/implementation' },
        { id: 'matchPerson', message: 'Element is missing label/name', category: 'warn', rule: 'label-required' },
      ],
      [{ resource: 'referral-intake.bpmn', elementId: 'matchPerson', line: 13, message: "script task 'matchPerson' needs either a zeebe:script or a zeebe:taskDefinition" }],
    );
    expect(merged.map((p) => [p.source, p.severity, p.message])).toEqual([
      ['linter', 'warn', 'Element is missing label/name'],
      ['engine', 'error', "script task 'matchPerson' needs either a zeebe:script or a zeebe:taskDefinition"],
    ]);
  });

  it('asks for the element of a clicked problem, and says when there are none', async () => {
    const selected: (string | undefined)[] = [];
    const { rerender } = render(<ProblemsPanel problems={problems} checking={false} onSelect={(p) => selected.push(p.elementId)} />);
    await userEvent.click(screen.getByText(/must have property/));
    await userEvent.click(screen.getByText(/unsupported element/));
    expect(selected).toEqual(['calcIntake', 'matchPerson']);
    expect(screen.queryByTestId('no-problems')).toBeNull();
    rerender(<ProblemsPanel problems={[]} checking={false} onSelect={() => undefined} />);
    expect(screen.getByTestId('no-problems').textContent).toBe('No problems found.');
  });
});

describe('versions panel', () => {
  const v = (version: number, comment: string, activeInstances: number) => ({
    processId: 'referral-intake', version, resourceName: 'referral-intake.bpmn', checksum: 'c', deployedAt: '2026-11-24T10:00:00.000Z', by: 'tm-1', comment, activeInstances,
  });

  it('lists versions newest first with comment, runs and download links, and links the diff of the two newest', () => {
    render(<MemoryRouter><VersionsPanel processId="referral-intake" versions={[v(2, 'Clearer name', 0), v(1, 'deployed at start', 3)]} openVersion={2} /></MemoryRouter>);
    const rows = within(screen.getByTestId('versions-list')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('Clearer name'), expect.stringContaining('deployed at start')]);
    expect(rows[1].textContent).toContain('3');
    expect(screen.getByLabelText('Download version 1').getAttribute('href')).toBe('/api/processes/referral-intake/versions/1/xml');
    expect(screen.getByRole('link', { name: 'Show differences' }).getAttribute('href')).toBe('/diff?from=1&to=2');
  });

  it('says Camunda 8 keeps no deploy time or author rather than show an invalid date (ENGINE=zeebe lists them empty)', () => {
    render(<MemoryRouter><VersionsPanel processId="p" versions={[{ ...v(1, '', 0), deployedAt: '', by: undefined }]} /></MemoryRouter>);
    const [row] = within(screen.getByTestId('versions-list')).getAllByRole('row').slice(1);
    expect((row as HTMLTableRowElement).cells[1].textContent).toBe('Not kept by Camunda 8');
  });

  it('offers no comparison for a single version', () => {
    render(<MemoryRouter><VersionsPanel processId="p" versions={[v(1, 'first', 0)]} /></MemoryRouter>);
    expect(screen.queryByRole('link', { name: 'Show differences' })).toBeNull();
  });
});
