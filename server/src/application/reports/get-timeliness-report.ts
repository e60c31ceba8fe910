// The timeliness report a reader asked for: the counts of the period in the reader's scope, figures per
// timescale version, team and worker, the trend by month — in words (timescale names and standards,
// people by name). The read is audited: who looked at which report, for which teams and period.
import type { Actor, AccessPolicy, CaseAuditSink } from '../cases/case-access';
import { auditActor } from '../cases/case-access';
import { ForbiddenError, ValidationError } from '../../domain/errors';
import type { WorkingCalendar } from '../../domain/calendar';
import { plusMonths } from '../../domain/calendar/civil-date';
import { reportScope, teamsToRead } from '../../domain/reports/report-scope';
import { buildTimelinessReportFromCounts, type TimelinessFilter, type TimelinessReport } from '../../domain/reports/timeliness-report';
import { monthsBetween } from '../../domain/reports/timeliness';
import type { ReportFactRepository } from '../../ports/report-fact-repository.port';
import type { TimescaleRepository } from '../../ports/timescale-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import { namesOf } from '../cases/people-names';
import { describeStandard } from './timescale-words';
import { teamWords } from '../../domain/teams/teams-in-force';

export interface TimelinessDeps {
  facts: Pick<ReportFactRepository, 'monthCounts'>;
  timescales: Pick<TimescaleRepository, 'getVersion' | 'current'>;
  users: Pick<UserRepository, 'findById'>;
  policy: AccessPolicy;
  audit: CaseAuditSink;
  calendar: WorkingCalendar;
  now(): Date;
}

export interface TimelinessQuery { from?: string; to?: string; timescale?: string; team?: string; worker?: string }

export interface TimelinessView extends TimelinessReport {
  generatedAt: string;
  /** Words for the keys the figures carry. */
  timescaleNames: Record<string, string>;
  /** "<id>@<version>" → the standard in words ("10 working days"). */
  standards: Record<string, string>;
  people: Record<string, string>;
  /** What the filters may offer this reader: teams in scope (all seen teams for the service) and every timescale. */
  options: { teams: string[]; timescales: { id: string; name: string }[]; workers: { id: string; name: string }[] };
  scope: 'service' | 'teams';
}

const MAX_MONTHS = 24;

export async function getTimelinessReport(deps: TimelinessDeps, actor: Actor, q: TimelinessQuery): Promise<TimelinessView> {
  if (!deps.policy.can(actor, 'view-reports')) throw new ForbiddenError('Reports are for team managers, data officers and the data protection officer', 'REPORTS_FORBIDDEN');
  const now = deps.now();
  const thisMonth = deps.calendar.civilDate(now).slice(0, 7);
  const to = q.to ?? thisMonth;
  const from = q.from ?? monthsBack(to, 5);
  if (from > to) throw new ValidationError('The period must start before it ends', { from: 'Choose a "from" month no later than the "to" month' }, 'PERIOD_INVALID');
  if (monthsBetween(from, to).length > MAX_MONTHS) throw new ValidationError('The period is too long', { from: `Choose a period of at most ${MAX_MONTHS} months` }, 'PERIOD_TOO_LONG');
  const scope = reportScope(actor);
  const teams = teamsToRead(scope, q.team);
  if (teams === 'refused') throw new ForbiddenError(`You can see reports of your own teams only (${scope.kind === 'teams' ? scope.teams.map(teamWords).join(', ') : ''})`, 'REPORT_TEAM_FORBIDDEN');

  // The prepared counts of the period's months, read by _id (timeliness-counts.ts), narrowed to the
  // reader's teams. Every team in scope is kept, so the filters can offer all its teams and people; the
  // report itself narrows to the chosen team.
  const months = (await deps.facts.monthCounts(monthsBetween(from, to))).map(({ month, cells }) => ({
    month, cells: scope.kind === 'teams' ? cells.filter((c) => c.team !== undefined && scope.teams.includes(c.team)) : cells,
  }));
  const cells = months.flatMap((m) => m.cells);
  const filter: TimelinessFilter = { from, to, ...(q.timescale ? { timescaleId: q.timescale } : {}), ...(q.team ? { team: q.team } : {}), ...(q.worker ? { worker: q.worker } : {}) };
  const report = buildTimelinessReportFromCounts(months, filter, now);

  const current = await deps.timescales.current();
  const timescaleNames = Object.fromEntries(current.timescales.map((t) => [t.id, t.label]));
  const standards: Record<string, string> = {};
  for (const version of new Set(report.timescales.map((r) => r.version))) {
    const set = await deps.timescales.getVersion(version);
    for (const t of set?.timescales ?? []) {
      standards[`${t.id}@${version}`] = describeStandard(t);
      timescaleNames[t.id] ??= t.label;
    }
  }
  const workers = [...new Set(cells.map((c) => c.worker).filter((w): w is string => !!w))];
  const people = Object.fromEntries(await namesOf(deps, workers));
  await deps.audit.record({
    actor: auditActor(actor), action: 'report.read', recordType: 'report', recordId: 'timeliness',
    after: { ...filter, teams: teams ? [...teams] : 'all' },
  });
  return {
    ...report,
    generatedAt: now.toISOString(),
    timescaleNames,
    standards,
    people,
    options: {
      teams: scope.kind === 'teams' ? [...scope.teams] : [...new Set(cells.map((c) => c.team).filter((t): t is string => !!t))].sort(),
      timescales: current.timescales.map((t) => ({ id: t.id, name: t.label })),
      workers: workers.map((id) => ({ id, name: people[id] })).sort((a, b) => a.name.localeCompare(b.name)),
    },
    scope: scope.kind,
  };
}

/** A month (YYYY-MM) n months earlier, or later when n is negative. */
const monthsBack = (month: string, n: number) => plusMonths(`${month}-01`, -n).slice(0, 7);
