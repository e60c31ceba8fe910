// When each notice of a task falls due, and which are due now. Pure: the sweep, the Outbox page's
// "would be sent" view and the unit tests all use this one function with the working calendar.
import type { WorkingCalendar } from '../calendar';
import { zonedInstant } from '../calendar/london-time';
import type { EscalationRule, NoticeLevel } from './escalation-policy';

export interface PlannableTask {
  dueDate?: string;
  createdAt: string;
  state: 'open' | 'completed' | 'cancelled';
}

export interface NoticeTime {
  level: NoticeLevel;
  /** ISO instant from which the notice is due. */
  at: string;
}

const LONDON = 'Europe/London';

/** Every notice the rule gives this task, in time order (none without a due date). */
export function noticeTimes(task: PlannableTask, rule: EscalationRule, calendar: WorkingCalendar): NoticeTime[] {
  if (!task.dueDate) return [];
  const due = task.dueDate;
  const out: NoticeTime[] = [];
  if (rule.reminderDaysBefore > 0) {
    // The whole reminder day counts, from midnight London time.
    const day = calendar.civilDate(calendar.addWorkingDays(due, -rule.reminderDaysBefore));
    const at = zonedInstant(day, '00:00', LONDON).toISOString();
    // A task created after its reminder day would get a "reminder" on creation: that is noise, not help.
    if (Date.parse(at) > Date.parse(task.createdAt)) out.push({ level: 'reminder', at });
  }
  if (rule.overdueNotice) out.push({ level: 'overdue', at: new Date(due).toISOString() });
  if (rule.level1AfterDays > 0) {
    out.push({ level: 'escalation-1', at: calendar.addWorkingDays(due, rule.level1AfterDays) });
    if (rule.level2AfterDays > 0) {
      out.push({ level: 'escalation-2', at: calendar.addWorkingDays(due, rule.level1AfterDays + rule.level2AfterDays) });
    }
  }
  return out;
}

/**
 * The notice levels due at `now`. A reminder is dropped once the task is overdue (the overdue notice says
 * more); later levels are all returned because each goes to different people.
 */
export function dueNoticeLevels(task: PlannableTask, rule: EscalationRule, now: Date, calendar: WorkingCalendar): NoticeLevel[] {
  if (task.state !== 'open' || !task.dueDate) return [];
  const t = now.getTime();
  const overdue = t >= Date.parse(task.dueDate);
  return noticeTimes(task, rule, calendar)
    .filter((n) => Date.parse(n.at) <= t && !(n.level === 'reminder' && overdue))
    .map((n) => n.level);
}

export interface Lateness {
  overdue: boolean;
  workingDays: number;
  calendarDays: number;
  /** Working days left until due (0 on the due day), when not overdue. */
  workingDaysLeft: number;
}

export function latenessOf(dueDate: string, now: Date, calendar: WorkingCalendar): Lateness {
  const overdue = now.getTime() >= Date.parse(dueDate);
  const dueDay = calendar.civilDate(dueDate);
  const today = calendar.civilDate(now);
  const calendarDays = Math.round((Date.parse(today) - Date.parse(dueDay)) / 86_400_000);
  return {
    overdue,
    workingDays: overdue ? Math.max(0, calendar.workingDaysBetween(dueDate, now)) : 0,
    calendarDays: overdue ? Math.max(0, calendarDays) : 0,
    workingDaysLeft: overdue ? 0 : Math.max(0, calendar.workingDaysBetween(now, dueDate)),
  };
}
