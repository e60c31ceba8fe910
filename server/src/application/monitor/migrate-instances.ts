// Moves running instances to a later version of their process with an element mapping. A dry run says,
// per instance, whether it can move and, if not, why (per element); an execution moves those that can and
// reports the rest. Both are audited with who, from/to, the mapping and the instance keys.
import { ValidationError } from '../../domain/errors';
import type { MigrationResult } from '../../ports/workflow-engine.port';
import { auditActor, requireAction, type Actor } from '../cases/case-access';
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
  deps: Pick<MonitorDeps, 'engine' | 'policy' | 'audit'>, actor: Actor, input: MigrationInput,
): Promise<{ dryRun: boolean; migrated: number; refused: number; results: MigrationResult[] }> {
  requireAction(deps.policy, actor, 'migrate-instance', 'migrate process instances');
  const keys = input.instanceKeys ?? await runningKeys(deps, input);
  // A few at a time: each instance is locked on its own, so they do not wait on one another.
  const results: MigrationResult[] = [];
  for (let i = 0; i < keys.length; i += PARALLEL) {
    const batch = keys.slice(i, i + PARALLEL);
    results.push(...await Promise.all(batch.map((key) => deps.engine.migrateInstance(key, { toVersion: input.toVersion, mapping: input.mapping, dryRun: input.dryRun }))));
  }
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

async function runningKeys(deps: Pick<MonitorDeps, 'engine'>, input: MigrationInput): Promise<string[]> {
  if (!input.processId || input.fromVersion === undefined) {
    throw new ValidationError('Say which instances to migrate', { instanceKeys: 'Give instanceKeys, or processId with fromVersion' }, 'REQUEST_INVALID');
  }
  const keys: string[] = [];
  for (const state of ['active', 'incident'] as const) {
    const page = await deps.engine.listInstances({ processId: input.processId, version: input.fromVersion, state, limit: MAX_MIGRATION_BATCH });
    keys.push(...page.items.map((i) => i.key));
  }
  return keys.slice(0, MAX_MIGRATION_BATCH);
}
