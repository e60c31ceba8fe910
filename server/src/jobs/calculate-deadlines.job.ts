// Job type "calculate-deadlines": writes due dates as process variables that timers and task due dates
// read with FEEL — `=deadlines.oocdAssessment` (due), `=reminders.oocdAssessment` (reminder before due,
// lead time = timescale `taskReminder`) and `=escalations.oocdAssessment` (escalate after overdue,
// timescale `overdueEscalation`). The instance records `timescalesVersion`: once set, later calculations
// in the same instance use that version, so a manager's change applies to new instances only.
import type { WorkingCalendar } from '../domain/calendar';
import { type TimescaleSet, computeDeadline, findTimescale, isDurationUnit } from '../domain/timescales';
import type { Clock } from '../ports/clock.port';
import type { TimescaleRepository } from '../ports/timescale-repository.port';
import type { Job, JobHandler, JobOutcome } from '../ports/workflow-engine.port';
import { asRecord, readDeadlineRequests, resolveStart } from './deadline-request';

export const CALCULATE_DEADLINES_JOB_TYPE = 'calculate-deadlines';

export interface CalculateDeadlinesDeps {
  timescales: TimescaleRepository;
  calendar: WorkingCalendar;
  clock: Clock;
}

/** A modelling mistake (unknown id, missing start date) will not fix itself: no retries, raise an incident. */
const incident = (message: string): JobOutcome => ({ kind: 'fail', message, retries: 0 });

async function pinnedSet(deps: CalculateDeadlinesDeps, job: Job): Promise<TimescaleSet | string> {
  const pinned = job.variables.timescalesVersion;
  if (pinned === undefined || pinned === null) return deps.timescales.current();
  if (typeof pinned !== 'number') return `timescalesVersion must be a number, got ${JSON.stringify(pinned)}`;
  return (await deps.timescales.getVersion(pinned)) ?? `Timescales version ${pinned} does not exist`;
}

export function createCalculateDeadlinesJob(deps: CalculateDeadlinesDeps): JobHandler {
  return async (job) => {
    const requests = readDeadlineRequests(job);
    if (requests.length === 0) return incident('No timescales requested: set the task header "timescales"');

    let set: TimescaleSet | string;
    try {
      set = await pinnedSet(deps, job);
    } catch (e) {
      return { kind: 'fail', message: `Timescales unavailable: ${(e as Error).message}`, retries: Math.max(job.retries - 1, 0) };
    }
    if (typeof set === 'string') return incident(set);

    const deadlines = asRecord(job.variables.deadlines);
    const reminders = asRecord(job.variables.reminders);
    const escalations = asRecord(job.variables.escalations);
    const reminderLead = findTimescale(set, 'taskReminder');
    const escalationAfter = findTimescale(set, 'overdueEscalation');

    for (const { name, timescaleId, fromVariable } of requests) {
      const timescale = findTimescale(set, timescaleId);
      if (!timescale) return incident(`Unknown timescale "${timescaleId}" (version ${set.version})`);
      if (!isDurationUnit(timescale.unit)) return incident(`Timescale "${timescaleId}" is a ${timescale.unit}, not a deadline`);
      const start = resolveStart(job.variables, fromVariable, deps.clock.now());
      if (!(start instanceof Date) && (typeof start !== 'string' || Number.isNaN(Date.parse(start)))) {
        return incident(`Variable "${fromVariable}" must hold a date for timescale "${timescaleId}", got ${JSON.stringify(start)}`);
      }
      const due = computeDeadline(deps.calendar, timescale, start);
      deadlines[name] = due;
      if (reminderLead) {
        const reminder = computeDeadline(deps.calendar, reminderLead, due);
        // A timescale shorter than the lead time gets no early reminder: it would fire on creation.
        reminders[name] = Date.parse(reminder) > deps.clock.now().getTime() ? reminder : due;
      }
      if (escalationAfter) escalations[name] = computeDeadline(deps.calendar, escalationAfter, due);
    }
    return { kind: 'complete', variables: { deadlines, reminders, escalations, timescalesVersion: set.version } };
  };
}
