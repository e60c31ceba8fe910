// Response schemas of the process monitor (versions, a version's counts, instances, one instance, and the
// operator's actions on them), checked against the use cases' and engine port's own types as
// response-schemas.ts does.
import { z } from 'zod';
import type { cancelInstance } from '../../application/monitor/cancel-instance';
import type { InstanceDetail } from '../../application/monitor/get-instance-detail';
import type { VersionOverview } from '../../application/monitor/get-version-overview';
import type { listInstances } from '../../application/monitor/list-instances';
import type { ProcessVersions } from '../../application/monitor/list-process-versions';
import type { migrateInstances } from '../../application/monitor/migrate-instances';
import type { publishMessage } from '../../application/monitor/publish-message';
import type { resolveIncident } from '../../application/monitor/resolve-incident';
import { describes, instant } from './response-schemas';

type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const counts = { active: z.number().int(), incidents: z.number().int() };
const state = z.enum(['active', 'completed', 'cancelled', 'incident']);

export const MonitorProcesses = {
  name: 'MonitorProcesses',
  schema: describes<{ items: ProcessVersions[]; notShown?: string[] }>()(z.looseObject({
    items: z.array(z.looseObject({
      processId: z.string(), name: z.string().optional(),
      versions: z.array(z.looseObject({ version: z.number().int(), deployedAt: instant, activeInstances: z.number().int() })),
    })),
    notShown: z.array(z.string()).optional().describe('What the engine cannot show (Camunda 8), in words'),
  })),
};

export const VersionOverviewAnswer = {
  name: 'VersionOverview',
  schema: describes<VersionOverview>()(z.looseObject({
    processId: z.string(), version: z.number().int(), xml: z.string().describe('The BPMN file'),
    counts: z.array(z.looseObject({ elementId: z.string(), ...counts })), totals: z.looseObject(counts),
  })),
};

const summary = {
  key: z.string(), processId: z.string(), version: z.number().int(), businessKey: z.string().optional(), caseId: z.string().optional(),
  parentKey: z.string().optional().describe('Set for instances started by a call activity'), state, activeElementIds: z.array(z.string()),
  startedAt: instant, endedAt: instant.optional(),
};
export const InstanceList = {
  name: 'InstanceList',
  schema: describes<Answer<typeof listInstances>>()(z.looseObject({
    items: z.array(z.looseObject(summary)), total: z.number().int(), offset: z.number().int(), limit: z.number().int(),
  })),
};

const incident = z.looseObject({
  id: z.string(), instanceKey: z.string(), elementId: z.string(), type: z.enum(['job-failed', 'expression-error', 'io-mapping-error', 'unhandled-error']),
  message: z.string(), createdAt: instant, state: z.enum(['open', 'resolved']),
});
export const InstanceDetailAnswer = {
  name: 'InstanceDetail',
  schema: describes<InstanceDetail>()(z.looseObject({
    ...summary,
    variables: z.record(z.string(), z.unknown()).describe('Those of sections you may read'),
    withheldVariables: z.array(z.looseObject({ key: z.string(), sections: z.array(z.string()) })),
    timeline: z.array(z.looseObject({ at: instant, elementId: z.string(), elementType: z.string(), event: z.enum(['activated', 'completed', 'terminated', 'taken']) })),
    path: z.looseObject({ completedElementIds: z.array(z.string()), takenFlowIds: z.array(z.string()), activeElementIds: z.array(z.string()) }),
    incidents: z.array(incident),
    openTasks: z.array(z.looseObject({
      key: z.string(), elementId: z.string(), name: z.string(), assignee: z.string().optional(), candidateGroups: z.array(z.string()), createdAt: instant,
    })),
    waitingJobs: z.array(z.looseObject({
      elementId: z.string(), jobType: z.string().optional(), listener: z.string().optional(), executionListener: z.enum(['start', 'end']).optional(),
    })).optional().describe('Jobs the instance waits on: a missing worker shows here'),
    actions: z.looseObject({ cancel: z.boolean(), resolve: z.boolean(), migrate: z.boolean(), message: z.boolean() }),
  })),
};

export const InstanceCancelled = {
  name: 'InstanceCancelled', schema: describes<Answer<typeof cancelInstance>>()(z.looseObject({ instanceKey: z.string(), state: z.literal('cancelled') })),
};
export const IncidentResolved = {
  name: 'IncidentResolved', schema: describes<Answer<typeof resolveIncident>>()(z.looseObject({ incident, resolved: z.literal(true) })),
};
export const MessagePublished = {
  name: 'MessagePublished',
  schema: describes<Answer<typeof publishMessage>>()(z.looseObject({ correlated: z.boolean(), buffered: z.boolean(), duplicate: z.boolean() })),
};
export const MigrationOutcome = {
  name: 'MigrationOutcome',
  schema: describes<Answer<typeof migrateInstances>>()(z.looseObject({
    dryRun: z.boolean(), migrated: z.number().int(), refused: z.number().int(),
    results: z.array(z.looseObject({
      instanceKey: z.string(), processId: z.string().optional(), fromVersion: z.number().int().optional(), toVersion: z.number().int(), dryRun: z.boolean(),
      migrated: z.boolean(), problems: z.array(z.looseObject({ elementId: z.string().optional(), message: z.string() })),
      applied: z.record(z.string(), z.string()).describe('The element mapping applied'),
    })),
  })),
};
