// Problems found in the browser (@camunda/linting, Camunda 8.8 rules) and by the engine's own deploy
// checks (server: unsupported elements, FEEL, reserved variables). Clicking one selects the element.
import type { DeployProblemDto } from './processes-api';
import type { LintReport } from './use-bpmn-modeler';

export interface Problem {
  source: 'linter' | 'engine';
  severity: 'error' | 'warn';
  elementId?: string;
  line?: number;
  message: string;
  report?: LintReport;
  /** A problem in a DMN file deployed with the process: named, not selectable in the diagram. */
  file?: string;
}

/** What Camunda's 8.8 rules call an error but Zeebe 8.8 and the engine run (a task definition left on a user task). */
const RUNS_ANYWAY = ['Extension element of type <zeebe:TaskDefinition> not allowed'];

export function collectProblems(reports: LintReport[], engine: DeployProblemDto[]): Problem[] {
  // As on the server: the engine's line names the element and the reason, so the browser linter's error on the
  // same element would list one problem twice.
  const named = new Set(engine.map((p) => p.elementId).filter(Boolean));
  return [
    ...reports
      .filter((r) => r.category !== 'info')
      .filter((r) => !(r.category === 'error' && r.id && named.has(r.id)) && !RUNS_ANYWAY.includes(r.message))
      .map((r): Problem => ({ source: 'linter', severity: r.category === 'warn' ? 'warn' : 'error', elementId: r.id, message: r.message, report: r })),
    ...engine.map((p): Problem => ({ source: 'engine', severity: 'error', elementId: p.elementId, line: p.line, message: p.message, ...(p.resource.endsWith('.dmn') ? { file: p.resource } : {}) })),
  ];
}

export function ProblemsPanel({ problems, checking, onSelect }: { problems: Problem[]; checking: boolean; onSelect(p: Problem): void }) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <div data-testid="problems-panel">
      <h2>Problems {problems.length ? `(${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'})` : ''}</h2>
      {checking ? <p role="status" className="modeller-hint">Checking…</p> : null}
      {problems.length === 0 && !checking ? <p className="modeller-ok" data-testid="no-problems">No problems found.</p> : null}
      <ul className="modeller-problems">
        {problems.map((p, i) => (
          <li key={`${p.source}-${i}`} className={p.severity === 'error' ? 'problem-error' : 'problem-warn'}>
            <button type="button" onClick={() => onSelect(p)} disabled={!p.elementId || !!p.file}>
              {p.file ? <>In {p.file}: </> : null}
              {p.elementId ? <strong>{p.elementId}</strong> : null}
              {p.line ? <span className="modeller-hint"> line {p.line}</span> : null} {p.message}
              <span className="modeller-hint"> ({p.source === 'linter' ? 'Camunda 8.8 lint' : 'engine check'})</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
