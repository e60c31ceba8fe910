// Every table the reports pages show, as rows of words and numbers for a CSV file: the timeliness tables
// (by timescale, team, person, month) and each key performance indicator's table (its measures for all
// teams in view and for each team). Counts and rates only — staff by name, never a child.
import type { CsvCell } from '../../domain/reports/report-csv';
import type { TimelinessFigures } from '../../domain/reports/timeliness';
import type { KpiFigures } from '../../domain/reports/kpi-report';
import type { TimelinessView } from './get-timeliness-report';
import type { KpiView } from './get-kpi-report';

export interface ReportTable { name: string; head: string[]; rows: CsvCell[][] }

export const TIMELINESS_TABLES = ['timescales', 'teams', 'people', 'months'] as const;
export type TimelinessTable = (typeof TIMELINESS_TABLES)[number];

const FIGURES_HEAD = ['Fell due', 'On time', 'Late', 'Working days late (total)', 'Working days late (most)', 'Overdue now', 'Due later', 'On time (%)'];
const figures = (f: TimelinessFigures): CsvCell[] =>
  [f.fellDue, f.onTime, f.late, f.workingDaysLate.total, f.workingDaysLate.max, f.overdueNow, f.dueLater, f.onTimePercent];

export function timelinessTable(view: TimelinessView, table: TimelinessTable, teamWords: (t: string | null) => string): ReportTable {
  const name = (id: string) => view.timescaleNames[id] ?? id;
  const standard = (id: string, version: number) => view.standards[`${id}@${version}`] ?? '';
  const ts = (r: { timescaleId: string; version: number }): CsvCell[] => [name(r.timescaleId), standard(r.timescaleId, r.version), r.version];
  const TS_HEAD = ['Timescale', 'Standard', 'Timescales version'];
  switch (table) {
    case 'timescales': return { name: 'Timeliness by timescale', head: [...TS_HEAD, ...FIGURES_HEAD], rows: view.timescales.map((r) => [...ts(r), ...figures(r.figures)]) };
    case 'teams': return { name: 'Timeliness by team', head: ['Team', ...TS_HEAD, ...FIGURES_HEAD], rows: view.byTeam.map((r) => [teamWords(r.team), ...ts(r), ...figures(r.figures)]) };
    case 'people': return {
      name: 'Timeliness by person', head: ['Person', ...TS_HEAD, ...FIGURES_HEAD],
      rows: view.byWorker.map((r) => [r.worker ? view.people[r.worker] ?? 'A former member of staff' : 'Not yet picked up', ...ts(r), ...figures(r.figures)]),
    };
    case 'months': return { name: 'Timeliness by month', head: ['Month', ...FIGURES_HEAD], rows: view.trend.map((r) => [r.month, ...figures(r.figures)]) };
  }
}

const MEASURE_HEAD = ['Team', 'Cohort', 'Measure', 'Count', 'Out of', 'Per cent', 'Not recorded'];

/** One indicator's table: its measures for all teams in view, then for each team. */
export function kpiTable(view: KpiView, id: string, teamWords: (t: string | null) => string): ReportTable | undefined {
  const definition = view.definitions.find((d) => d.id === id);
  if (!definition) return undefined;
  const rowsOf = (team: string, f: KpiFigures | undefined): CsvCell[][] =>
    (f?.measures ?? []).map((m) => [team, f!.cohort, m.label, m.count, m.of, m.percent, m.notRecorded ?? 0]);
  return {
    name: definition.name,
    head: MEASURE_HEAD,
    rows: [
      ...rowsOf(view.scope === 'service' && !view.filter.team ? 'All teams' : 'All teams in view', view.indicators.find((i) => i.id === id)),
      ...view.byTeam.flatMap((t) => rowsOf(teamWords(t.team), t.indicators.find((i) => i.id === id))),
    ],
  };
}
