// The key performance indicators a reader asked for: the month summaries of the period (each case's
// contribution to each cohort, kept from the KPI facts), turned into figures per indicator for all the
// teams in view and per team, in the reader's scope. Each indicator comes with the form fields
// that feed it, in words. The read is audited: who looked, at which period and teams.
import type { Actor, AccessPolicy, CaseAuditSink } from '../cases/case-access';
import { auditActor } from '../cases/case-access';
import { ForbiddenError, ValidationError } from '../../domain/errors';
import { plusDays, plusMonths } from '../../domain/calendar/civil-date';
import type { WorkingCalendar } from '../../domain/calendar';
import { formTitle } from '../../domain/forms/form-version';
import { describeFields } from '../../forms-core/form-sections';
import { buildKpiReportOfMonths, type KpiReport } from '../../domain/reports/kpi-report';
import { KPI_DEFINITIONS, type KpiId } from '../../domain/reports/kpi-sources';
import { reportScope, teamsToRead } from '../../domain/reports/report-scope';
import { monthsBetween } from '../../domain/reports/timeliness';
import type { KpiFactRepository } from '../../ports/kpi-fact-repository.port';
import type { FormRepository } from '../../ports/form-repository.port';
import { teamWords } from '../../domain/teams/teams-in-force';

export interface KpiDeps {
  kpiFacts: Pick<KpiFactRepository, 'caseMonths'>;
  forms: Pick<FormRepository, 'latest'>;
  policy: AccessPolicy;
  audit: CaseAuditSink;
  calendar: WorkingCalendar;
  now(): Date;
}

export interface KpiQuery { from?: string; to?: string; team?: string }

export interface KpiSourceWords { formId: string; form: string; fields: { path: string; label: string }[] }
export interface KpiDefinitionView { id: KpiId; name: string; cohort: string; sources: KpiSourceWords[]; unavailable?: string }

export interface KpiView extends KpiReport {
  filter: { from: string; to: string; team?: string };
  generatedAt: string;
  definitions: KpiDefinitionView[];
  options: { teams: string[] };
  scope: 'service' | 'teams';
}

const MAX_MONTHS = 24;

export async function getKpiReport(deps: KpiDeps, actor: Actor, q: KpiQuery): Promise<KpiView> {
  if (!deps.policy.can(actor, 'view-reports')) throw new ForbiddenError('Reports are for team managers, data officers and the data protection officer', 'REPORTS_FORBIDDEN');
  const now = deps.now();
  const to = q.to ?? deps.calendar.civilDate(now).slice(0, 7);
  const from = q.from ?? plusMonths(`${to}-01`, -2).slice(0, 7);
  if (from > to) throw new ValidationError('The period must start before it ends', { from: 'Choose a "from" month no later than the "to" month' }, 'PERIOD_INVALID');
  if (monthsBetween(from, to).length > MAX_MONTHS) throw new ValidationError('The period is too long', { from: `Choose a period of at most ${MAX_MONTHS} months` }, 'PERIOD_TOO_LONG');
  const scope = reportScope(actor);
  const teams = teamsToRead(scope, q.team);
  if (teams === 'refused') throw new ForbiddenError(`You can see reports of your own teams only (${scope.kind === 'teams' ? scope.teams.map(teamWords).join(', ') : ''})`, 'REPORT_TEAM_FORBIDDEN');

  const period = { fromDay: `${from}-01`, toDay: plusDays(plusMonths(`${to}-01`, 1), -1) };
  // The period's months by _id, each with a summary per case dated in it (what the case adds to each
  // cohort); the scope is applied to the cohorts, by the team whose task placed each member.
  const months = await deps.kpiFacts.caseMonths(monthsBetween(from, to));
  const report = buildKpiReportOfMonths(months, period, teams);
  await deps.audit.record({
    actor: auditActor(actor), action: 'report.read', recordType: 'report', recordId: 'kpis',
    after: { from, to, teams: teams ? [...teams] : 'all' },
  });
  return {
    ...report,
    filter: { from, to, ...(q.team ? { team: q.team } : {}) },
    generatedAt: now.toISOString(),
    definitions: await definitionWords(deps),
    options: { teams: scope.kind === 'teams' ? [...scope.teams] : [...new Set(months.flatMap((m) => [...m.values()].flatMap((c) => c.teams)))].sort() },
    scope: scope.kind,
  };
}

/** The indicators with their sources in words: each form's title and each field's label, as deployed now. */
export async function definitionWords(deps: Pick<KpiDeps, 'forms'>): Promise<KpiDefinitionView[]> {
  const formIds = [...new Set(KPI_DEFINITIONS.flatMap((d) => Object.keys(d.sources)))];
  const forms = new Map(await Promise.all(formIds.map(async (id) => [id, (await deps.forms.latest(id))?.schema] as const)));
  return KPI_DEFINITIONS.map((d) => ({
    id: d.id, name: d.name, cohort: d.cohort, ...(d.unavailable ? { unavailable: d.unavailable } : {}),
    sources: Object.entries(d.sources).map(([formId, paths]) => {
      const schema = forms.get(formId);
      const labels = new Map(schema ? describeFields(schema).map((f) => [f.path, f.label]) : []);
      return { formId, form: schema ? formTitle(schema) : formId, fields: paths.map((path) => ({ path, label: labels.get(path) || path })) };
    }),
  }));
}
