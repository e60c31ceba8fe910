// Moves running instances to a later version of their process with an element mapping. A dry run says,
// per instance, whether it can move and, if not, why (per element); an execution moves those that can and
// reports the rest. Both are audited with who, from/to, the mapping and the instance keys. Only instances
// within the actor's reach move (instance-scope.ts): a named instance of another team's case is reported
// exactly as one that does not exist; "every running instance of a version" means every one in reach.
// An instance of a restricted case (UK GDPR Art 18) does not move: it is reported with the restriction as
// its problem, in a dry run too, like any other instance that cannot move.
import { ValidationError } from '../../domain/errors';
import type { MigrationResult } from '../../ports/workflow-engine.port';
import { auditActor, requireAction, type Actor } from '../cases/case-access';
import { caseOfInstance, instancesInReach } from './instance-scope';
import { reachableInstances } from './list-instances';
import type { MonitorDeps } from './monitor-access';

export interface MigrationInput {
  /** Either explicit instances, or every running instance of one version. */
  instanceKeys?: string[];
  processId?: string;
  fromVersion?: number;
  toVersion: number;
  mapping: Record<string, string>;
  dryRun: boolean;
}

export const MAX_MIGRATION_BATCH = 500;
const PARALLEL = 4;

export async function migrateInstances(
  deps: Pick<MonitorDeps, 'engine' | 'policy' | 'audit' | 'cases' | 'caseGuard'>, actor: Actor, input: MigrationInput,
): Promise<{ dryRun: boolean; migrated: number; refused: number; results: MigrationResult[] }> {
  requireAction(deps.policy, actor, 'migrate-instance', 'migrate process instances');
  const reached = input.instanceKeys ? await namedInReach(deps, actor, input.instanceKeys) : await runningInReach(deps, actor, input);
  const keys = input.instanceKeys ?? [...reached.keys()];
  const refusals = new Map<string | undefined, Promise<string | undefined>>(); // asked once per case
  const refusalOf = (caseId: string | undefined) => {
    if (!refusals.has(caseId)) refusals.set(caseId, deps.caseGuard?.restrictionRefusal(actor, caseId, 'migrate this instance') ?? Promise.resolve(undefined));
    return refusals.get(caseId)!;
  };
  const migrateOne = async (key: string): Promise<MigrationResult> => {
    if (!reached.has(key)) return notFound(key, input);
    const refusal = await refusalOf(reached.get(key));
    if (refusal) return { instanceKey: key, toVersion: input.toVersion, dryRun: input.dryRun, migrated: false, problems: [{ message: refusal }], applied: {} };
    return deps.engine.migrateInstance(key, { toVersion: input.toVersion, mapping: input.mapping, dryRun: input.dryRun });
  };
  // A few at a time: each instance is locked on its own, so they do not wait on one another.
  const results: MigrationResult[] = [];
  for (let i = 0; i < keys.length; i += PARALLEL) results.push(...await Promise.all(keys.slice(i, i + PARALLEL).map(migrateOne)));
  const migrated = results.filter((r) => r.migrated).length;
  await deps.audit.record({
    actor: auditActor(actor), action: input.dryRun ? 'instance.migrate-check' : 'instance.migrate', recordType: 'process-instance',
    recordId: keys.length === 1 ? keys[0] : `${keys.length} instances`,
    after: {
      processId: input.processId ?? results[0]?.processId, fromVersions: [...new Set(results.map((r) => r.fromVersion).filter((v) => v !== undefined))],
      toVersion: input.toVersion, mapping: input.mapping, instanceKeys: keys,
      migrated: results.filter((r) => r.migrated).map((r) => r.instanceKey),
      refused: results.filter((r) => r.problems.length).map((r) => r.instanceKey),
    },
  });
  return { dryRun: input.dryRun, migrated, refused: results.filter((r) => r.problems.length).length, results };
}

/** Named instances the actor may reach, with their case; the others (and those that do not exist) are left to notFound. */
async function namedInReach(deps: Pick<MonitorDeps, 'engine' | 'policy' | 'cases'>, actor: Actor, keys: string[]): Promise<Map<string, string | undefined>> {
  const named = (await Promise.all(keys.map(async (key) => {
    const instance = await deps.engine.getInstance(key);
    return instance ? [{ key, caseId: await caseOfInstance(deps.engine, instance) }] : [];
  }))).flat();
  const inReach = await instancesInReach(deps, actor, named);
  return new Map(named.filter((i) => inReach.has(i.key)).map((i) => [i.key, i.caseId]));
}

/** The engine's own answer for an instance that does not exist, so another team's cannot be told apart. */
const notFound = async (instanceKey: string, input: MigrationInput): Promise<MigrationResult> => ({
  instanceKey, toVersion: input.toVersion, dryRun: input.dryRun, migrated: false,
  problems: [{ message: `process instance '${instanceKey}' does not exist` }], applied: {},
});

async function runningInReach(deps: Pick<MonitorDeps, 'engine' | 'policy' | 'cases'>, actor: Actor, input: MigrationInput): Promise<Map<string, string | undefined>> {
  if (!input.processId || input.fromVersion === undefined) {
    throw new ValidationError('Say which instances to migrate', { instanceKeys: 'Give instanceKeys, or processId with fromVersion' }, 'REQUEST_INVALID');
  }
  const found: [string, string | undefined][] = [];
  for (const state of ['active', 'incident'] as const) {
    found.push(...(await reachableInstances(deps, actor, { processId: input.processId, version: input.fromVersion, state })).map((i) => [i.key, i.caseId] as [string, string | undefined]));
  }
  return new Map(found.slice(0, MAX_MIGRATION_BATCH));
}
