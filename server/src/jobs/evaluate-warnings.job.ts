// Job type "evaluate-warnings" (compliance & breach): counts warnings already given within the YRO warning
// window before this failure. Sentencing Act 2020 Sch 7: after the allowed number of warnings in the
// window, the next unacceptable failure means breach action unless a manager records an exception.
// Window length (`yroWarningWindow`) and allowance (`yroWarningsBeforeBreach`) are timescales, so
// neither number is in the BPMN. Input: `warningHistory` (ISO dates of earlier warnings on this order,
// supplied when the instance starts) and optionally `failedAt` (default: now).
import type { WorkingCalendar } from '../domain/calendar';
import { findTimescale } from '../domain/timescales';
import type { Clock } from '../ports/clock.port';
import type { TimescaleRepository } from '../ports/timescale-repository.port';
import type { JobHandler } from '../ports/workflow-engine.port';

export const EVALUATE_WARNINGS_JOB_TYPE = 'evaluate-warnings';

export interface EvaluateWarningsDeps {
  timescales: TimescaleRepository;
  calendar: WorkingCalendar;
  clock: Clock;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

export function createEvaluateWarningsJob(deps: EvaluateWarningsDeps): JobHandler {
  return async (job) => {
    const pinned = job.variables.timescalesVersion;
    const set = typeof pinned === 'number' ? await deps.timescales.getVersion(pinned) : await deps.timescales.current();
    if (!set) return { kind: 'fail', message: `Timescales version ${String(pinned)} does not exist`, retries: 0 };
    const window = findTimescale(set, 'yroWarningWindow');
    const allowed = findTimescale(set, 'yroWarningsBeforeBreach');
    if (!window || window.unit !== 'months' || !allowed || allowed.unit !== 'count') {
      return { kind: 'fail', message: 'Timescales yroWarningWindow (months) and yroWarningsBeforeBreach (count) are required', retries: 0 };
    }
    const history = job.variables.warningHistory ?? [];
    if (!Array.isArray(history) || !history.every(isDate)) {
      return { kind: 'fail', message: 'warningHistory must be a list of ISO dates', retries: 0 };
    }
    const failedAt = isDate(job.variables.failedAt) ? job.variables.failedAt : deps.clock.now().toISOString();
    // Civil dates: a warning given on the same calendar day 12 months earlier is inside the window.
    const windowStart = deps.calendar.civilDate(deps.calendar.addMonths(failedAt, -window.value));
    const end = deps.calendar.civilDate(failedAt);
    const inWindow = history
      .map((d) => deps.calendar.civilDate(d))
      .filter((d) => d >= windowStart && d <= end).length;
    return {
      kind: 'complete',
      variables: {
        warningsInWindow: inWindow,
        warningsAllowed: allowed.value,
        breachRequired: inWindow >= allowed.value,
        timescalesVersion: set.version,
      },
    };
  };
}
