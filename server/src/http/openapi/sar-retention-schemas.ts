// Response schemas of the data protection tools: subject access requests, retention (the schedule, the dry
// run, legal holds) and the audit log, checked against the use cases' and domain's own types as
// response-schemas.ts does, so the document, the contract tests and the DPO's and data officers' pages share
// one definition.
import { z } from 'zod';
import type { AuditEventView } from '../../application/audit/present-audit-event';
import type { SarSummary } from '../../application/sar/list-sars';
import type { ChainReport } from '../../domain/audit/audit-event';
import type { GatheredView, SarReview } from '../../application/sar/review-sar';
import type { DpoDecision } from '../../domain/sar/redaction-rules';
import { HOLD_SCOPES, type LegalHold } from '../../domain/retention/legal-hold';
import type { DryRunResult } from '../../domain/retention/retention-dry-run';
import { RECORD_CLASSES, RETENTION_BASES, type RetentionSchedule } from '../../domain/retention/retention-rule';
import type { Page } from '../../ports/repository.port';
import type { RetentionVersionSummary } from '../../ports/retention-repository.port';
import { civilDate, describes, instant } from './schema-kit';

const steps = z.array(z.string()).describe("The process's steps the request is at (BPMN element ids)");
const decision = z.enum(['disclose', 'withhold']);
const decisions = z.array(describes<DpoDecision>()(z.looseObject({ itemId: z.string(), decision, reason: z.string(), decidedBy: z.string().optional() })));

export const SarList = {
  name: 'SarList',
  schema: describes<{ items: SarSummary[]; total: number }>()(z.looseObject({
    items: z.array(z.looseObject({
      key: z.string(), state: z.string(), activeSteps: steps, receivedOn: civilDate, due: civilDate.optional(), extended: z.boolean(), approved: z.boolean(),
      subjectName: z.string(),
    })),
    total: z.number().int(),
  })),
};
export const SarStarted = { name: 'SarStarted', schema: z.looseObject({ key: z.string().describe('The request, to read it by') }) };

const gathered = describes<GatheredView>()(z.looseObject({
  at: instant, by: z.string().describe('Who gathered, in words'), previousAt: instant.optional(), itemCount: z.number().int(), newItems: z.number().int(),
  frozenAt: instant.optional(), droppedAt: instant.optional(), droppedBecause: z.string().optional(),
}));
const role = z.enum(['subject', 'family-member', 'victim']);

export const SarReviewAnswer = {
  name: 'SarReview',
  schema: describes<SarReview>()(z.looseObject({
    request: z.looseObject({
      key: z.string(), state: z.string(), activeSteps: steps, receivedOn: z.string(), requesterName: z.string(), requesterRelationship: z.string().optional(),
      subject: z.looseObject({
        givenName: z.string(), familyName: z.string(), otherNames: z.array(z.string()), dateOfBirth: z.string().optional(), nhsNumber: z.string().optional(),
      }),
      due: civilDate.optional(), extended: z.boolean(), extensionProblem: z.string().optional(), decisions, approved: z.boolean(), erased: instant.optional(),
    }),
    gathered: gathered.optional().describe('Absent until the request reaches gathering'),
    matches: z.array(z.looseObject({
      caseId: z.string(), team: z.string(), displayName: z.string(), role, reasons: z.array(z.string()), flaggedForReview: z.boolean(),
    })),
    noDataHeld: z.boolean(),
    items: z.array(z.looseObject({
      id: z.string(), caseId: z.string(), kind: z.enum(['field', 'item', 'amendment', 'submission', 'task', 'email', 'access', 'document']),
      label: z.string(), value: z.unknown(), section: z.string().optional(), source: z.string(), thirdParty: z.boolean(),
      proposal: z.looseObject({ decision: z.enum(['disclose', 'withhold', 'review']), reason: z.string() }),
      decision, reason: z.string(), decidedByDpo: z.boolean(), isNew: z.boolean().describe('New since the last gather: it needs a decision'),
    })),
  })),
};
export const SarDecisions = { name: 'SarDecisions', schema: z.looseObject({ decisions }) };
export const SarGatheredAgain = {
  name: 'SarGatheredAgain',
  schema: z.looseObject({ gathered, decisionsKept: z.number().int(), decisionsDropped: z.number().int() }),
};

const ruleTerms = {
  basis: z.enum(RETENTION_BASES), years: z.number(), basicRecordAfterYears: z.number().optional(), roundToFinancialYearEnd: z.boolean(),
};
const scheduleVersion = z.looseObject({
  version: z.number().int(), createdAt: instant, createdBy: z.string(), reason: z.string(),
  change: z.looseObject({
    ruleId: z.string(), kind: z.enum(['changed', 'added']), before: z.looseObject(ruleTerms).optional(), after: z.looseObject(ruleTerms),
  }).optional(),
});
export const RetentionScheduleAnswer = {
  name: 'RetentionSchedule',
  schema: describes<RetentionSchedule>()(scheduleVersion.extend({
    rules: z.array(z.looseObject({
      id: z.string(), recordClass: z.enum(RECORD_CLASSES), label: z.string(), ...ruleTerms, source: z.string(), verified: z.boolean(),
    })),
  })),
};
export const RetentionHistory = {
  name: 'RetentionHistory', schema: z.looseObject({ items: z.array(describes<RetentionVersionSummary>()(scheduleVersion)) }),
};

const scope = z.enum(HOLD_SCOPES);
const dryRunItem = z.looseObject({
  caseId: z.string(), action: z.enum(['erase', 'reduce']), recordClass: z.string(), ruleId: z.string(), code: z.string(), anchor: z.string(),
  anchorOn: civilDate, dueOn: civilDate, basicRecordOn: civilDate.optional(),
  holds: z.array(z.looseObject({ id: z.string(), scope, reason: z.string() })), text: z.string().describe('The line a data officer reads'),
});
export const RetentionDryRun = {
  name: 'RetentionDryRun',
  schema: describes<DryRunResult>()(z.looseObject({
    today: civilDate, scheduleVersion: z.number().int(), checked: z.number().int(),
    due: z.array(dryRunItem), reduce: z.array(dryRunItem), held: z.array(dryRunItem), unruled: z.array(z.string()).describe('Cases whose class has no rule'),
  })),
};
export const ReviewStarted = { name: 'RetentionReviewStarted', schema: z.looseObject({ instanceKey: z.string() }) };

const hold = describes<LegalHold>()(z.looseObject({
  id: z.string(), scope, caseId: z.string().optional(),
  person: z.looseObject({ nameKey: z.string(), dateOfBirth: z.string(), nhsNumber: z.string().optional() }).optional(), personCaseId: z.string().optional(),
  reason: z.string(), placedBy: z.string(), since: instant, until: civilDate.optional(), liftedAt: instant.optional(), liftedBy: z.string().optional(),
  liftReason: z.string().optional(),
}));
export const LegalHoldAnswer = { name: 'LegalHold', schema: hold };
export const LegalHoldList = { name: 'LegalHoldList', schema: z.looseObject({ items: z.array(hold) }) };

const details = z.record(z.string(), z.unknown());
export const AuditPage = {
  name: 'AuditPage',
  schema: describes<Page<AuditEventView>>()(z.looseObject({
    items: z.array(z.looseObject({
      seq: z.number().int(), at: instant, hash: z.string(), prevHash: z.string(),
      actor: z.looseObject({ id: z.string(), username: z.string().optional(), roles: z.array(z.string()).optional() }),
      action: z.string().describe('A dotted verb, e.g. case.read'), recordType: z.string().optional(), recordId: z.string().optional(),
      sections: z.array(z.string()).optional(), before: details.optional(), after: details.optional(), ip: z.string().optional(),
      reason: z.string().optional(), flagged: z.boolean().optional(), caseId: z.string().optional(),
      detailsErased: z.boolean().optional().describe("The case was erased: this event's details can no longer be read"),
      withheldSections: z.array(z.string()).optional().describe('Sections you may not read: their values in before and after are "withheld"'),
    })),
    total: z.number().int(), offset: z.number().int(), limit: z.number().int(),
  })),
};
export const AuditChainReport = {
  name: 'AuditChainReport',
  schema: describes<ChainReport>()(z.looseObject({
    ok: z.boolean(), checked: z.number().int(), lastSeq: z.number().int(), lastHash: z.string(),
    problem: z.looseObject({ kind: z.enum(['changed', 'missing', 'broken-link', 'truncated']), seq: z.number().int(), message: z.string() }).optional(),
  })),
};
