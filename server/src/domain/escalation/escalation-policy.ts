// The escalation policy is configuration managers change without code, versioned like timescales
// (who, when, why). Every interval is in working days (England & Wales), so "2 days" never lands on a
// bank holiday weekend. Rules can be narrowed per process or per task (BPMN element id).

export const NOTICE_LEVELS = ['reminder', 'overdue', 'escalation-1', 'escalation-2'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

export interface EscalationRule {
  /** Reminder this many working days before the due date; 0 = no reminder. */
  reminderDaysBefore: number;
  /** Overdue notice to the owner (assignee, else the candidate groups' members) once the due time passes. */
  overdueNotice: boolean;
  /** Level 1: the owner's manager, this many working days after the due date; 0 = never. */
  level1AfterDays: number;
  /** Level 2: the next manager up, this many working days after level 1; 0 = never. */
  level2AfterDays: number;
}

export interface RuleOverride {
  processId: string;
  /** A user task's BPMN element id; omitted = every task of the process. */
  elementId?: string;
  rule: Partial<EscalationRule>;
}

export interface EscalationPolicy {
  defaults: EscalationRule;
  overrides: RuleOverride[];
}

/** One immutable version. Version 1 is the shipped default; each edit appends the next. */
export interface EscalationPolicyVersion extends EscalationPolicy {
  version: number;
  createdAt: string;
  createdBy: string;
  reason: string;
}

/**
 * Defaults match processes/timescales.json: `taskReminder` (2 WD before due) and `overdueEscalation`
 * (2 WD after due). The second level has no national figure: 3 further working days, a local choice.
 */
export const DEFAULT_ESCALATION_RULE: EscalationRule = {
  reminderDaysBefore: 2,
  overdueNotice: true,
  level1AfterDays: 2,
  level2AfterDays: 3,
};

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = { defaults: DEFAULT_ESCALATION_RULE, overrides: [] };

/** Managers (and admins, who run the mail system) change the policy. */
export const ESCALATION_POLICY_EDITOR_ROLES: readonly string[] = ['team-managers', 'admins'];

/** The most specific override wins: process + element, then process, then the defaults. */
export function ruleFor(policy: EscalationPolicy, processId: string, elementId: string): EscalationRule {
  const forProcess = policy.overrides.find((o) => o.processId === processId && !o.elementId);
  const forElement = policy.overrides.find((o) => o.processId === processId && o.elementId === elementId);
  return { ...policy.defaults, ...forProcess?.rule, ...forElement?.rule };
}

/** The longest reminder lead in the policy: how far ahead of now a sweep must look. */
export function longestReminderLead(policy: EscalationPolicy): number {
  return Math.max(policy.defaults.reminderDaysBefore, ...policy.overrides.map((o) => o.rule.reminderDaysBefore ?? 0));
}
