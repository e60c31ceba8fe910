// The words of a notice. Deliberately minimal: task name, case reference, due date, how late, and a
// link. Nothing from the case record (names, offences, health) goes into an email — mail leaves the
// service's access controls, so the reader follows the link and signs in to see more.
import type { NoticeLevel } from './escalation-policy';
import type { Lateness } from './plan-notices';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface NoticeView {
  level: NoticeLevel;
  recipientName: string;
  taskId: string;
  taskName: string;
  caseRef?: string;
  dueDate: string;
  lateness: Lateness;
  /** "assigned to Sam Patel" or "not claimed yet (case-managers)": who the manager should talk to. */
  ownerText: string;
  link: string;
  /** The recipient is the configured fallback because the rules found nobody: why. */
  fallbackReason?: string;
}

const londonFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'full', timeStyle: 'short' });
export const formatDue = (iso: string): string => londonFormat.format(new Date(iso));

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function howLate(l: Lateness): string {
  if (!l.overdue) return l.workingDaysLeft === 0 ? 'due today' : `due in ${plural(l.workingDaysLeft, 'working day')}`;
  if (l.workingDays === 0) return 'overdue since today';
  return `${plural(l.workingDays, 'working day')} overdue (${plural(l.calendarDays, 'calendar day')})`;
}

const subjects: Record<NoticeLevel, (v: NoticeView) => string> = {
  reminder: (v) => `Reminder: "${v.taskName}" is ${howLate(v.lateness)}`,
  overdue: (v) => `Overdue: "${v.taskName}" was due ${formatDue(v.dueDate)}`,
  'escalation-1': (v) => `Escalation: "${v.taskName}" is ${howLate(v.lateness)}`,
  'escalation-2': (v) => `Second escalation: "${v.taskName}" is ${howLate(v.lateness)}`,
};

const leads: Record<NoticeLevel, string> = {
  reminder: 'A task you can work on falls due soon.',
  overdue: 'A task you can work on has passed its due date.',
  'escalation-1': 'A task in your team has passed its due date and is still open.',
  'escalation-2': 'A task has passed its due date, was escalated to its team manager, and is still open.',
};

export function renderNotice(v: NoticeView): RenderedMail {
  const ref = v.caseRef ? `Case reference: ${v.caseRef}` : 'Case reference: (none)';
  const facts = [`Task: ${v.taskName}`, ref, `Due: ${formatDue(v.dueDate)}`, `Status: ${howLate(v.lateness)}`];
  if (v.level.startsWith('escalation')) facts.push(`Owner: ${v.ownerText}`);
  // Said plainly, so the fallback knows this reached them because nobody else could be told.
  const why = v.fallbackReason ? [`You receive this as the fallback recipient for escalations: ${v.fallbackReason}.`, ''] : [];
  const text = [
    `Dear ${v.recipientName},`, '', leads[v.level], '', ...why, ...facts, '', `Open the task: ${v.link}`, '',
    'Case details are not included in this email. Sign in to see them.',
  ].join('\n');
  const html = [
    `<p>Dear ${escapeHtml(v.recipientName)},</p>`,
    `<p>${escapeHtml(leads[v.level])}</p>`,
    ...why.filter(Boolean).map((w) => `<p>${escapeHtml(w)}</p>`),
    '<ul>', ...facts.map((f) => `<li>${escapeHtml(f)}</li>`), '</ul>',
    `<p><a href="${escapeHtml(v.link)}">Open the task</a></p>`,
    '<p>Case details are not included in this email. Sign in to see them.</p>',
  ].join('\n');
  return { subject: subjects[v.level](v), text, html };
}

export const taskLink = (publicUrl: string, taskId: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/tasks/${encodeURIComponent(taskId)}`;
