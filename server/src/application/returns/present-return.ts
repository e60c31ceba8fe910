// A return version as its reader sees it: people by name, dates as instants the client formats, and the
// records that cannot be completed with the child's name — only for cases the reader may see (the case
// rule); another team's child is "a child in team south", with neither name nor reference nor value.
import type { CaseLabel } from '../../ports/case-repository.port';
import type { ReturnSummary } from '../../domain/returns/return-version';
import { canViewCase, type AccessPolicy, type Actor } from '../cases/case-access';
import { nameIn, namesOf, type NameDeps } from '../cases/people-names';
import { teamWords } from '../../domain/teams/teams-in-force';

export interface ReturnProblemView {
  /** The child's name, or words saying whose child it is when the reader may not see the case. */
  child: string;
  /** Present only when the reader may see the case (a link to it). */
  caseId?: string;
  team: string;
  record: string;
  reason: string;
  value?: string;
}

export interface ReturnVersionView {
  id: string;
  quarter: string;
  version: number;
  status: ReturnSummary['status'];
  layoutVersion: string;
  generatedAt: string;
  generatedBy: string;
  submittedAt?: string;
  submittedBy?: string;
  counts: ReturnSummary['counts'];
  fileName: string;
  sha256: string;
  /** The newest version of its quarter (the one that may be submitted). */
  latest: boolean;
  problems: ReturnProblemView[];
}

export interface PresentDeps extends NameDeps {
  cases: { labelsOf(ids: readonly string[]): Promise<CaseLabel[]> };
  policy: AccessPolicy;
}

export async function presentVersions(deps: PresentDeps, actor: Actor, versions: readonly ReturnSummary[]): Promise<{ views: ReturnVersionView[]; casesNamed: string[] }> {
  const newest = Math.max(0, ...versions.map((v) => v.version));
  const people = await namesOf(deps, versions.flatMap((v) => [v.generatedBy, v.submittedBy]));
  // Problems are listed for the newest version only: earlier ones are superseded, and their files say what they held.
  const problems = versions.find((v) => v.version === newest)?.problems ?? [];
  const labels = new Map((await deps.cases.labelsOf(problems.map((p) => p.caseId))).map((l) => [l.id, l]));
  const named = new Set<string>();
  const views = versions.map((v) => ({
    id: v.id, quarter: v.quarter, version: v.version, status: v.status, layoutVersion: v.layoutVersion,
    generatedAt: v.generatedAt, generatedBy: nameIn(people, v.generatedBy)!,
    ...(v.submittedAt ? { submittedAt: v.submittedAt, submittedBy: nameIn(people, v.submittedBy) } : {}),
    counts: v.counts, fileName: v.fileName, sha256: v.sha256, latest: v.version === newest,
    problems: v.version !== newest ? [] : v.problems.map((p): ReturnProblemView => {
      const label = labels.get(p.caseId);
      // An erased case has no label: its problem says so without naming anyone.
      if (!label) return { child: 'A child whose record has since been erased', team: p.team, record: p.record, reason: p.reason };
      if (!canViewCase(deps.policy, actor, label)) return { child: `A child in ${teamWords(label.team)} (not one of your teams)`, team: label.team, record: p.record, reason: p.reason };
      named.add(p.caseId);
      return { child: label.displayName, caseId: p.caseId, team: label.team, record: p.record, reason: p.reason, ...(p.value !== undefined ? { value: p.value } : {}) };
    }),
  }));
  return { views, casesNamed: [...named] };
}
