// Job type "evaluate-warnings" (compliance & breach, youth rehabilitation orders only). Sentencing Act 2020
// Sch 7 para 4: a warning starts a 12-month "warned period"; a breach in that period after a further warning
// was given in it means the responsible officer must cause an information to be laid (exceptional
// circumstances aside). So an information becomes the duty when `yroWarningsBeforeBreach` (2) warnings fall
// within `yroWarningWindow` (12 months) before this failure — any two warnings a year apart at most satisfy
// both limbs of para 4(2). Both numbers are timescales, so neither is in the BPMN.
// Who decides exceptional circumstances is the officer's judgement under the statute; a team manager's
// sign-off is a local rule, read from the `yroExceptionDecisionMakers` setting (1 = the officer alone,
// 2 = the officer and a team manager). It is versioned with the timescales and pinned per instance, so a
// service switches the rule without a release and a running case keeps the rule it started with.
// Input: `warningHistory` (ISO dates of earlier warnings on this order, given at start) and optionally
// `failedAt` (default: now).
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
    // A set stored before the setting existed has no entry: the statute's rule (the officer alone) applies.
    const deciders = findTimescale(set, 'yroExceptionDecisionMakers');
    return {
      kind: 'complete',
      variables: {
        warningsInWindow: inWindow,
        warningsAllowed: allowed.value,
        breachRequired: inWindow >= allowed.value,
        exceptionSignOffRequired: (deciders?.value ?? 1) >= 2,
        timescalesVersion: set.version,
      },
    };
  };
}
