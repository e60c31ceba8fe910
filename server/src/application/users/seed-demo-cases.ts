// Demo cases for a demonstration installation (SEED_DEMO_CASES=true, never on by default): a few children of
// both demo teams with the outcomes, orders, closures and victim contacts that make the returns page and the
// KPI dashboard show figures for the periods they open on, instead of an empty quarter. Stored as the product
// stores them — case records with their first amendments, and form submissions, from which the KPI
// projection is built at its first start — so nothing here is a special path through the reports. Once: a
// database that already holds the first demo case is left as it is.
import type { CaseAmendment } from '../../domain/cases/case-amendment';
import type { CaseRecord, SectionState, SectionValues } from '../../domain/cases/case-record';
import type { CaseSection } from '../../domain/cases/case-section';
import { identityKeys } from '../../domain/cases/person-identity';
import { localDate } from '../../forms-core/form-dates';
import type { AuditLog } from '../../ports/audit-log.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { SubmissionRepository } from '../../ports/form-repository.port';
import { DEMO_CHILDREN, demoDay, type DemoChild } from './demo-children';

export interface SeedDemoCasesDeps {
  cases: Pick<CaseRepository, 'create' | 'findById'>;
  submissions: Pick<SubmissionRepository, 'create'>;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
}

const BY = 'system';

export async function seedDemoCases(deps: SeedDemoCasesDeps): Promise<{ seeded: boolean; cases: number; submissions: number }> {
  if (await deps.cases.findById(DEMO_CHILDREN[0].id)) return { seeded: false, cases: 0, submissions: 0 };
  const today = localDate(deps.clock.now());
  const at = deps.clock.now().toISOString();
  let submissions = 0;
  for (const child of DEMO_CHILDREN) {
    const { record, amendments } = demoRecord(child, today, at);
    await deps.cases.create(record, amendments);
    for (const [n, s] of child.submissions(today).entries()) {
      await deps.submissions.create({ id: `${child.id}-demo-${n + 1}`, formId: s.formId, version: 1, data: s.data, submittedBy: BY, submittedAt: `${s.on}T10:00:00.000Z`, caseId: child.id });
      submissions++;
    }
  }
  await deps.audit.record({ actor: { id: BY, username: BY }, action: 'demo.cases-seeded', after: { cases: DEMO_CHILDREN.map((c) => c.id), submissions } });
  return { seeded: true, cases: DEMO_CHILDREN.length, submissions };
}

function demoRecord(child: DemoChild, today: string, at: string): { record: CaseRecord; amendments: CaseAmendment[] } {
  const personal: SectionValues = { givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth, gender: child.gender, ethnicity: child.ethnicity };
  const offending = child.offending(today);
  const sections: [CaseSection, { values: SectionValues; collections?: SectionState['collections'] }][] = [
    ['personal', { values: personal }], ...(offending ? [['offending', { values: {}, collections: offending }] as [CaseSection, { values: SectionValues; collections?: SectionState['collections'] }]] : []),
  ];
  const amendments: CaseAmendment[] = sections.map(([section, s]) => ({
    caseId: child.id, section, seq: 1, at, by: BY, source: { kind: 'referral' },
    changes: [
      ...Object.entries(s.values).map(([field, value]) => ({ field, value })),
      ...Object.entries(s.collections ?? {}).flatMap(([collection, items]) => items.flatMap((i) => Object.entries(i.values).map(([field, value]) => ({ field, value, collection, item: i.id, added: true as const })))),
    ],
    after: s.values, ...(s.collections ? { afterCollections: s.collections } : {}),
  }));
  const record: CaseRecord = {
    id: child.id, team: child.team, status: 'open', createdAt: `${demoDay(today, 85)}T09:00:00.000Z`, createdBy: BY,
    identity: { ...identityKeys({ givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth }), displayName: `${child.givenName} ${child.familyName}` },
    sections: Object.fromEntries(sections.map(([section, s]) => [section, {
      values: s.values, revision: 1, updatedAt: at, updatedBy: BY, sources: Object.fromEntries(Object.keys(s.values).map((f) => [f, { at, by: BY, amendmentSeq: 1 }])),
      ...(s.collections ? { collections: s.collections } : {}),
    }])),
  };
  return { record, amendments };
}
