// Response schemas of timescales and of reminders and escalation (rules, outbox, caught mail, preference),
// checked against the use cases' and repositories' own types as response-schemas.ts does, so the document,
// the contract tests and the web client's pages share one definition.
import { z } from 'zod';
import type { EscalationPolicyVersion } from '../../domain/escalation/escalation-policy';
import { NOTICE_LEVELS } from '../../domain/escalation/escalation-policy';
import { OUTBOX_STATES, type OutboxEntry } from '../../domain/escalation/outbox-entry';
import { TIMESCALE_UNITS, type TimescaleSet } from '../../domain/timescales/timescale';
import type { CaughtMail } from '../../ports/caught-mail.port';
import type { NotificationPreference } from '../../ports/notification-preference.port';
import type { Page } from '../../ports/repository.port';
import type { TimescaleVersionSummary } from '../../ports/timescale-repository.port';
import { describes, instant } from './response-schemas';

const unit = z.enum(TIMESCALE_UNITS);
const versionOf = {
  version: z.number().int(), createdAt: instant, createdBy: z.string().describe('Who made the version (a user id, or "system")'), reason: z.string(),
};
const timescaleVersion = z.looseObject({
  ...versionOf,
  change: z.looseObject({
    timescaleId: z.string(), before: z.looseObject({ value: z.number(), unit }), after: z.looseObject({ value: z.number(), unit }),
  }).optional().describe('What this version changed (none for the first)'),
});

/** The timescales in force (or of one version): each with its value, unit and source. */
export const TimescaleSetAnswer = {
  name: 'TimescaleSet',
  schema: describes<TimescaleSet>()(timescaleVersion.extend({
    timescales: z.array(z.looseObject({
      id: z.string(), label: z.string(), trigger: z.string(), value: z.number(), unit, direction: z.enum(['after', 'before']),
      countsFrom: z.string(), status: z.string(), source: z.string(), defaultText: z.string(),
    })),
  })),
};
export const TimescaleHistory = {
  name: 'TimescaleHistory', schema: z.looseObject({ items: z.array(describes<TimescaleVersionSummary>()(timescaleVersion)) }),
};

const days = z.number().int();
const rule = z.looseObject({ reminderDaysBefore: days, overdueNotice: z.boolean(), level1AfterDays: days, level2AfterDays: days });
const policyVersion = describes<EscalationPolicyVersion>()(z.looseObject({
  ...versionOf, defaults: rule,
  overrides: z.array(z.looseObject({ processId: z.string(), elementId: z.string().optional(), rule: rule.partial() })),
}));
export const EscalationPolicyAnswer = { name: 'EscalationPolicy', schema: policyVersion };
export const EscalationPolicyHistory = { name: 'EscalationPolicyHistory', schema: z.looseObject({ items: z.array(policyVersion) }) };

const outboxEntry = describes<OutboxEntry>()(z.looseObject({
  id: z.string(), kind: z.enum(['notice', 'digest', 'team-digest']), source: z.enum(['sweep', 'bpmn', 'digest']), taskId: z.string().optional(),
  level: z.enum(NOTICE_LEVELS).optional(), recipientId: z.string(), to: z.string(),
  fallbackReason: z.string().optional().describe('Set when the rules found nobody and the configured fallback got it: why'),
  subject: z.string(), text: z.string(), state: z.enum(OUTBOX_STATES), attempts: z.number().int(), maxAttempts: z.number().int(),
  nextAttemptAt: instant, lastError: z.string().optional(), sentAt: instant.optional(),
  cancelReason: z.enum(['task-closed', 'superseded', 'no-address']).optional(), createdAt: instant,
}));
export const OutboxEntryAnswer = { name: 'OutboxEntry', schema: outboxEntry };
export const OutboxPage = {
  name: 'OutboxPage',
  schema: describes<Page<OutboxEntry> & { counts: Partial<Record<(typeof OUTBOX_STATES)[number], number>> }>()(z.looseObject({
    items: z.array(outboxEntry), total: z.number().int(), offset: z.number().int(), limit: z.number().int(),
    counts: z.record(z.string(), z.number().int()).describe('Entries in each state, by state'),
  })),
};

export const CaughtMailPage = {
  name: 'CaughtMailPage',
  schema: describes<Page<CaughtMail>>()(z.looseObject({
    items: z.array(z.looseObject({
      id: z.string(), messageId: z.string().optional(), from: z.string(), to: z.array(z.string()), subject: z.string(), text: z.string(), receivedAt: instant,
    })),
    total: z.number().int(), offset: z.number().int(), limit: z.number().int(),
  })),
};

export const EmailPreference = {
  name: 'EmailPreference',
  schema: describes<NotificationPreference>()(z.looseObject({ userId: z.string(), mode: z.enum(['immediate', 'digest']), updatedAt: instant })),
};
