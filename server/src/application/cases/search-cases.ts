// The cases list: a caseload (mine, my teams'), narrowed by one search box and filters, sorted and paged.
// The case rule decides what a row may show: cases of the reader's teams in full; another team's case,
// found only by what the reader already knows of the child (whole name words, date of birth, NHS number,
// reference), is reported as "a record exists in team X" and nothing else — opening it is break-glass,
// with a reason, on the case page. Every search is a consultation (DPA 2018 s62): it is audited with
// what was asked and the cases it showed (auditSearch below).
import { ForbiddenError } from '../../domain/errors';
import type { CaseStatus } from '../../domain/cases/case-record';
import { compareRows, hasFilters, isBlank, matchesFilters, matchesText, parseSearchText, type CaseFilters, type CaseSort, type SearchText } from '../../domain/cases/case-search-query';
import type { CaseSearchRow, Rating } from '../../domain/cases/case-search-row';
import type { CaseSearchIndex } from '../../ports/case-search.port';
import type { UserRepository } from '../../ports/user-repository.port';
import { auditActor, canViewCase, readable, requireAction, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';
import { pathwayLabel, type PathwayOption, type PathwayOptionsSource } from './pathway-options';

export const PAGE_SIZE = 20;
/** Other teams' records are listed as existing only; more than this many means the search is too broad. */
export const ELSEWHERE_LIMIT = 10;

export interface SearchCasesInput {
  q?: string;
  team: 'mine' | 'all';
  status?: CaseStatus;
  pathway?: string;
  /** 'me', 'none' (no case manager allocated) or a worker's user id. */
  worker?: string;
  rosh?: Rating;
  safetyWellbeing?: Rating;
  /** An outcome or order type, e.g. youth-caution, referral-order. */
  disposal?: string;
  sort: CaseSort;
  page: number;
}

export interface CaseListItem {
  id: string;
  displayName: string;
  dateOfBirth: string;
  team: string;
  status: CaseStatus;
  pathway?: string;
  pathwayLabel?: string;
  caseManagerId?: string;
  caseManagerName?: string;
  openedAt: string;
  /** Only for readers of the personal section. */
  aliases?: string[];
  /** Only for readers of the assessments section. */
  rosh?: Rating;
  safetyWellbeing?: Rating;
  /** Outcomes and orders the case has had, in words (readers of the offending section). */
  disposals?: string[];
}

export interface CaseSearchResult {
  items: CaseListItem[];
  total: number;
  page: number;
  pageSize: number;
  /** Other teams' records that match: that one exists and whose it is, nothing more. */
  elsewhere: { id: string; team: string }[];
  /** More other teams' records matched than are listed: the reader should search more precisely. */
  elsewhereMore: boolean;
  /** Case managers of the reader's teams' cases, by name, for the worker filter. */
  workers: { id: string; name: string }[];
  pathways: PathwayOption[];
  /** Empty for readers who cannot see the offending section (no disposal filter then). */
  disposals: PathwayOption[];
  canBreakGlass: boolean;
  ratingsShown: boolean;
}

export interface SearchCasesDeps {
  caseSearch: CaseSearchIndex;
  policy: AccessPolicy;
  audit: CaseAuditSink;
  users: Pick<UserRepository, 'findById'>;
  pathwayOptions: PathwayOptionsSource;
  /** Outcome and order types in words; without it the filter still works and values are spelt out. */
  disposalOptions?: PathwayOptionsSource;
}

export async function searchCases(deps: SearchCasesDeps, actor: Actor, input: SearchCasesInput): Promise<CaseSearchResult> {
  requireAction(deps.policy, actor, 'view-cases', 'search cases');
  const sections = readable(deps.policy, actor);
  const ratingsShown = sections.includes('assessments');
  if ((input.rosh || input.safetyWellbeing) && !ratingsShown) {
    throw new ForbiddenError('Your role cannot see assessments, so it cannot filter cases by their risk ratings', 'RATINGS_NOT_READABLE');
  }
  const disposalsShown = sections.includes('offending');
  if (input.disposal && !disposalsShown) {
    throw new ForbiddenError('Your role cannot see offending, so it cannot filter cases by their outcomes and orders', 'DISPOSALS_NOT_READABLE');
  }
  const filters: CaseFilters = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.pathway ? { pathway: input.pathway } : {}),
    ...(input.worker ? { worker: input.worker === 'me' ? actor.id : input.worker === 'none' ? null : input.worker } : {}),
    ...(input.rosh ? { rosh: input.rosh } : {}),
    ...(input.safetyWellbeing ? { safetyWellbeing: input.safetyWellbeing } : {}),
    ...(input.disposal ? { disposal: input.disposal } : {}),
  };
  const text = parseSearchText(input.q);
  const [rows, pathways, disposals] = await Promise.all([
    deps.caseSearch.rows(input.team === 'mine' ? { teams: actor.teams } : undefined), deps.pathwayOptions(),
    disposalsShown && deps.disposalOptions ? deps.disposalOptions() : Promise.resolve([]),
  ]);

  const own: CaseSearchRow[] = [];
  const others: CaseSearchRow[] = [];
  for (const r of rows) (canViewCase(deps.policy, actor, r) ? own : others).push(r);
  const matched = own.filter((r) => matchesText(r, text) && matchesFilters(r, filters)).sort(compareRows(input.sort));
  const start = (input.page - 1) * PAGE_SIZE;
  const pageRows = matched.slice(start, start + PAGE_SIZE);
  // Filters would tell what another team's record holds (its status, worker, ratings): across teams only what was typed matches.
  const acrossTeams = input.team === 'all' && !isBlank(text) && !hasFilters(filters);
  const elsewhereAll = acrossTeams ? others.filter((r) => matchesText(r, text, { wholeWords: true })) : [];
  const elsewhere = elsewhereAll.slice(0, ELSEWHERE_LIMIT).map((r) => ({ id: r.id, team: r.team }));

  const workerIds = new Set(own.flatMap((r) => (r.caseManagerId ? [r.caseManagerId] : [])));
  const names = new Map(await Promise.all([...workerIds].map(async (id) => [id, (await deps.users.findById(id))?.displayName ?? 'A former colleague'] as const)));
  const items = pageRows.map((r): CaseListItem => ({
    id: r.id, displayName: r.displayName, dateOfBirth: r.dateOfBirth, team: r.team, status: r.status, openedAt: r.createdAt,
    ...(r.pathway ? { pathway: r.pathway, pathwayLabel: pathwayLabel(pathways, r.pathway) } : {}),
    ...(r.caseManagerId ? { caseManagerId: r.caseManagerId, caseManagerName: names.get(r.caseManagerId) } : {}),
    ...(sections.includes('personal') && r.aliases.length ? { aliases: r.aliases } : {}),
    ...(ratingsShown && r.rosh ? { rosh: r.rosh } : {}),
    ...(ratingsShown && r.safetyWellbeing ? { safetyWellbeing: r.safetyWellbeing } : {}),
    ...(disposalsShown && r.disposals.length ? { disposals: r.disposals.map((d) => pathwayLabel(disposals, d)!) } : {}),
  }));

  await auditSearch(deps, actor, input, text, { total: matched.length, shown: items.map((i) => i.id), elsewhere: elsewhere.map((e) => e.id) });
  return {
    items, total: matched.length, page: input.page, pageSize: PAGE_SIZE, elsewhere, elsewhereMore: elsewhereAll.length > elsewhere.length,
    workers: [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    pathways, disposals, canBreakGlass: deps.policy.can(actor, 'break-glass'), ratingsShown,
  };
}

/**
 * One event per search: who, the filters, what kinds of thing were typed, how many cases matched and which
 * were shown. What was typed (a child's name, a date of birth) is personal data of the cases it found: it is
 * recorded once per case shown, as an event about that case, whose details the log seals under the case's
 * key — so the case's erasure makes it unreadable too, and the child's own trail says who looked them up.
 */
async function auditSearch(
  deps: Pick<SearchCasesDeps, 'audit'>, actor: Actor, input: SearchCasesInput, text: SearchText,
  found: { total: number; shown: string[]; elsewhere: string[] },
): Promise<void> {
  const { q: _typed, ...filters } = input;
  const typed = { names: text.words.length, datesOfBirth: text.dates.length, nhsNumbers: text.nhsNumbers.length, references: text.references.length };
  const who = auditActor(actor);
  await Promise.all([
    deps.audit.record({ actor: who, action: 'case.search', recordType: 'case-search', after: { filters, typed, ...found } }),
    ...(isBlank(text) ? [] : [...found.shown.map((id) => [id, false] as const), ...found.elsewhere.map((id) => [id, true] as const)].map(([id, otherTeam]) =>
      deps.audit.record({ actor: who, action: 'case.search-match', recordType: 'case', recordId: id, after: { query: input.q, otherTeam } }))),
  ]);
}
