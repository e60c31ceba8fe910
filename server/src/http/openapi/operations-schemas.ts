// Response schemas of the integration API's answers, the reporting projections' rebuilds and health, checked
// against the use cases' own types where they have one as response-schemas.ts does. A portal referral's
// answer is stored and replayed as it was first given (StoredAnswer: an open object), so it is described here
// and checked by the tests only.
import { z } from 'zod';
import type { IntegrationCaseView } from '../../application/integration/read-case-personal';
import type { RebuildKpiOutcome } from '../../application/reports/rebuild-kpi-facts';
import type { RebuildOutcome } from '../../application/reports/rebuild-report-facts';
import { describes } from './response-schemas';

const portalReference = z.string().optional().describe('The portal’s own reference, as sent');
export const PortalReferralAnswer = {
  name: 'PortalReferralAnswer',
  schema: z.union([
    z.looseObject({
      outcome: z.literal('opened'), caseId: z.string(), portalReference,
      warnings: z.record(z.string(), z.string()).optional().describe('What the referral may need checking, by field'),
      process: z.union([
        z.looseObject({ processId: z.string(), instanceKey: z.string() }),
        z.looseObject({ started: z.literal(false), message: z.string() }),
      ]).optional().describe('Referral and intake: started, or why not (the case stays open)'),
    }).describe('201: a case was opened'),
    z.looseObject({ outcome: z.literal('held'), portalReference, message: z.string() })
      .describe('202: the child may already be known; held for a person to decide, no record made'),
  ]),
};

export const IntegrationCase = {
  name: 'IntegrationCase',
  schema: describes<IntegrationCaseView>()(z.looseObject({
    id: z.string(), team: z.string(), status: z.string(),
    sections: z.looseObject({ personal: z.record(z.string(), z.unknown()).optional() }).describe('The Personal section’s values, by field key'),
  })),
};

const rebuilt = {
  facts: z.number().int().describe('Facts derived from the records'), written: z.number().int().describe('Stored facts that were missing or different'),
  removed: z.number().int(), differing: z.array(z.string()).describe('Some of the records whose stored fact differed (at most 20)'),
};
export const ReportRebuilt = {
  name: 'ReportRebuilt',
  schema: describes<RebuildOutcome>()(z.looseObject({
    tasks: z.number().int(), ...rebuilt, recounted: z.array(z.string()).describe('Months counted again'),
  })),
};
export const KpiRebuilt = {
  name: 'KpiRebuilt',
  schema: describes<RebuildKpiOutcome>()(z.looseObject({
    submissions: z.number().int(), ...rebuilt, recounted: z.looseObject({ cases: z.number().int(), months: z.array(z.string()) }),
  })),
};

export const Liveness = { name: 'Liveness', schema: z.looseObject({ status: z.literal('ok'), version: z.string() }) };
const part = z.looseObject({ kind: z.string(), ready: z.boolean(), problem: z.unknown().optional() });
export const Readiness = {
  name: 'Readiness',
  schema: z.looseObject({
    status: z.enum(['ready', 'not-ready']), reason: z.string().optional().describe('Why not, in words'), database: part, engine: part.optional(),
  }),
};
