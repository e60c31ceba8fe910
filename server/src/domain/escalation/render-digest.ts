// Digests: one email a day listing every task that needs the reader's attention (for users who chose
// digests), and a team digest for managers. Same rule as single notices: no case details, links only.
import type { NoticeLevel } from './escalation-policy';
import type { Lateness } from './plan-notices';
import { type RenderedMail, escapeHtml, formatDue, howLate } from './render-notice';

export interface DigestLine {
  taskName: string;
  caseRef?: string;
  dueDate: string;
  lateness: Lateness;
  link: string;
  level?: NoticeLevel;
  ownerText?: string;
}

export interface DigestView {
  kind: 'personal' | 'team';
  recipientName: string;
  /** The civil date the digest is for, e.g. 2026-12-01. */
  day: string;
  lines: DigestLine[];
}

const describe = (l: DigestLine): string =>
  [l.taskName, l.caseRef ? `case ${l.caseRef}` : undefined, `due ${formatDue(l.dueDate)}`, howLate(l.lateness), l.ownerText]
    .filter(Boolean)
    .join(' — ');

export function renderDigest(v: DigestView): RenderedMail {
  const n = v.lines.length;
  const what = v.kind === 'team' ? 'overdue in your team' : 'need your attention';
  const subject = v.kind === 'team'
    ? `Team digest ${v.day}: ${n} overdue task${n === 1 ? '' : 's'}`
    : `Daily digest ${v.day}: ${n} task${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} attention`;
  const text = [
    `Dear ${v.recipientName},`, '', `${n} task${n === 1 ? '' : 's'} ${what}:`, '',
    ...v.lines.map((l) => `- ${describe(l)}\n  ${l.link}`), '',
    'Case details are not included in this email. Sign in to see them.',
  ].join('\n');
  const html = [
    `<p>Dear ${escapeHtml(v.recipientName)},</p>`,
    `<p>${n} task${n === 1 ? '' : 's'} ${escapeHtml(what)}:</p>`,
    '<ul>', ...v.lines.map((l) => `<li><a href="${escapeHtml(l.link)}">${escapeHtml(describe(l))}</a></li>`), '</ul>',
    '<p>Case details are not included in this email. Sign in to see them.</p>',
  ].join('\n');
  return { subject, text, html };
}
