// One timeline per case of everything that happened (issue 18), newest first, filterable by kind, paged.
// The case rule decides who reads it (team; another team's case with a break-glass reason, flagged; the
// DPO on a restricted case), every read is audited, and an entry that reveals a section the reader may
// not see is left out — the sources drop what reveals a withheld section, and the merge drops any entry
// whose section is not readable, so a source that forgets cannot leak.
import { compareChronologyEntries, type ChronologyEntry, type ChronologyKind } from '../../../domain/cases/chronology-entry';
import { ForbiddenError, NotFoundError } from '../../../domain/errors';
import type { CaseRepository } from '../../../ports/case-repository.port';
import { auditActor, canViewCase, readable, requireAction, restrictionCorrection, type AccessPolicy, type Actor, type CaseAuditSink, type RestrictionLookup } from '../case-access';
import type { FieldCatalogueSource } from '../field-catalogue';
import { namesOf, type NameDeps } from '../people-names';
import type { ChronologyContext, ChronologySource } from './chronology-source';

export interface CaseChronologyDeps extends NameDeps {
  cases: Pick<CaseRepository, 'findById'>;
  policy: AccessPolicy;
  audit?: CaseAuditSink;
  caseGuard?: RestrictionLookup;
  catalogue: FieldCatalogueSource;
  /** One per kind (several may share one); DOCS and WORK add theirs (documents, contacts). */
  sources: ChronologySource[];
}

export interface ChronologyQuery {
  caseId: string;
  kind?: ChronologyKind;
  /** 1-based. */
  page: number;
  reason?: string;
}

export interface ChronologyPage {
  items: ChronologyEntry[];
  total: number;
  page: number;
  pageSize: number;
  /** How many entries of each kind the reader may see (for the filter's counts). */
  kinds: Partial<Record<ChronologyKind, number>>;
}

export const CHRONOLOGY_PAGE_SIZE = 50;

export async function getCaseChronology(deps: CaseChronologyDeps, actor: Actor, query: ChronologyQuery): Promise<ChronologyPage> {
  requireAction(deps.policy, actor, 'view-cases', 'open case records');
  const record = await deps.cases.findById(query.caseId);
  const inTeam = !!record && canViewCase(deps.policy, actor, record);
  const correction = record && !inTeam ? await restrictionCorrection(deps, actor, record.id) : undefined;
  const mayBreakGlass = deps.policy.can(actor, 'break-glass');
  if (!record || (!inTeam && !correction && !mayBreakGlass)) throw new NotFoundError(`No case ${query.caseId}`, 'CASE_NOT_FOUND');
  const breakGlass = !inTeam && !correction;
  const reason = query.reason?.trim();
  if (breakGlass && !reason) {
    throw new ForbiddenError('This case belongs to another team. Give a reason to open it; the access is recorded and shown to managers.', 'BREAK_GLASS_REASON_REQUIRED');
  }
  const sections = readable(deps.policy, actor);
  const ctx: ChronologyContext = {
    record, actor, readable: sections, catalogue: await deps.catalogue.get(), names: (ids) => namesOf(deps, ids),
    mayViewAudit: deps.policy.can(actor, 'view-audit'),
  };
  const all = (await Promise.all(deps.sources.map((s) => s.entries(ctx)))).flat()
    .filter((e) => !e.section || (sections as string[]).includes(e.section));
  const kinds: Partial<Record<ChronologyKind, number>> = {};
  for (const e of all) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
  const chosen = (query.kind ? all.filter((e) => e.kind === query.kind) : all).sort(compareChronologyEntries);
  const start = (query.page - 1) * CHRONOLOGY_PAGE_SIZE;
  await deps.audit?.record({
    actor: auditActor(actor), action: 'case.read-chronology', recordType: 'case', recordId: record.id, sections,
    ...(reason || correction ? { reason: reason || correction } : {}), ...(breakGlass || correction ? { flagged: true } : {}),
  });
  return { items: chosen.slice(start, start + CHRONOLOGY_PAGE_SIZE), total: chosen.length, page: query.page, pageSize: CHRONOLOGY_PAGE_SIZE, kinds };
}
