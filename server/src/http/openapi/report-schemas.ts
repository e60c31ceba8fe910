// Response schemas of the home page (dashboard) and the reports, checked against the presenters' own types
// as response-schemas.ts does, so the document, the contract test and the web client's types
// (api-types.ts) share one definition.
import { z } from 'zod';
import type { Dashboard } from '../../application/dashboard/get-dashboard';
import type { KpiView } from '../../application/reports/get-kpi-report';
import type { TimelinessView } from '../../application/reports/get-timeliness-report';
import { civilDate, describes, instant } from './schema-kit';

const month = z.string().describe('A month, YYYY-MM');
const dashboardTask = z.looseObject({ id: z.string(), name: z.string(), dueDate: instant.optional(), caseId: z.string().optional(), caseName: z.string().optional() });
const recentCase = z.looseObject({ id: z.string(), displayName: z.string(), openedAt: instant });

export const DashboardPage = {
  name: 'Dashboard',
  schema: describes<Dashboard>()(z.looseObject({
    now: instant, weekEnd: instant,
    overdue: z.looseObject({ count: z.number().int(), tasks: z.array(dashboardTask) }),
    dueThisWeek: z.looseObject({ count: z.number().int(), tasks: z.array(dashboardTask) }),
    caseload: z.looseObject({
      count: z.number().int(),
      cases: z.array(z.looseObject({
        id: z.string(), displayName: z.string(), dateOfBirth: civilDate,
        nextDeadline: z.looseObject({ taskId: z.string(), taskName: z.string(), dueDate: instant, overdue: z.boolean() }).optional(),
      })),
    }),
    recent: z.array(recentCase),
    team: z.looseObject({
      overdueCount: z.number().int(),
      overdueByWorker: z.array(z.looseObject({ workerId: z.string().optional(), name: z.string(), count: z.number().int() })),
      unallocated: z.looseObject({ count: z.number().int(), cases: z.array(recentCase) }),
    }).optional().describe('Team managers only'),
  })),
};

const figures = z.looseObject({
  fellDue: z.number().int(), onTime: z.number().int(), late: z.number().int(), overdueNow: z.number().int(), dueLater: z.number().int(),
  workingDaysLate: z.looseObject({ total: z.number(), max: z.number() }),
  lateBy: z.array(z.looseObject({ workingDays: z.number(), count: z.number().int() })),
  onTimePercent: z.number().nullable(),
});
const versionRow = { timescaleId: z.string(), version: z.number().int(), figures };
const scope = z.enum(['service', 'teams']);
const words = z.record(z.string(), z.string());

export const TimelinessReport = {
  name: 'TimelinessReport',
  schema: describes<TimelinessView>()(z.looseObject({
    filter: z.looseObject({ from: month, to: month, timescaleId: z.string().optional(), team: z.string().optional(), worker: z.string().optional() }),
    timescales: z.array(z.looseObject(versionRow)),
    byTeam: z.array(z.looseObject({ ...versionRow, team: z.string().nullable() })),
    byWorker: z.array(z.looseObject({ ...versionRow, worker: z.string().nullable() })),
    trend: z.array(z.looseObject({ month, figures })),
    generatedAt: instant, timescaleNames: words, standards: words, people: words,
    options: z.looseObject({
      teams: z.array(z.string()),
      timescales: z.array(z.looseObject({ id: z.string(), name: z.string() })),
      workers: z.array(z.looseObject({ id: z.string(), name: z.string() })),
    }),
    scope,
  })),
};

const kpiFigures = z.looseObject({
  id: z.string(), cohort: z.number().int().nullable(), headline: z.string().optional(),
  measures: z.array(z.looseObject({
    id: z.string(), label: z.string(), count: z.number().int(), of: z.number().int().nullable(), percent: z.number().nullable(), notRecorded: z.number().int().optional(),
  })),
});

export const KpiReport = {
  name: 'KpiReport',
  schema: describes<KpiView>()(z.looseObject({
    indicators: z.array(kpiFigures),
    byTeam: z.array(z.looseObject({ team: z.string().nullable(), indicators: z.array(kpiFigures) })),
    filter: z.looseObject({ from: month, to: month, team: z.string().optional() }),
    generatedAt: instant,
    definitions: z.array(z.looseObject({
      id: z.string(), name: z.string(), cohort: z.string(), unavailable: z.string().optional(),
      sources: z.array(z.looseObject({ formId: z.string(), form: z.string(), fields: z.array(z.looseObject({ path: z.string(), label: z.string() })) })),
    })),
    options: z.looseObject({ teams: z.array(z.string()) }),
    scope,
  })),
};
