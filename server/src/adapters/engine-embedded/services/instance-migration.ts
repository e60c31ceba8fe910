// Runs a migration for one instance: a dry run checks the saved state as it is now; an execution runs the
// `migrate` command under the instance's lock (so it sees the latest state and the check is repeated
// there), saves state and new version in one write, then points the instance's task, job, timer,
// subscription and incident rows at the target elements. Those rows carry the element id for display
// only (tasks, timers and messages are found by key), so re-running the row updates is harmless.
import type { InstanceState } from '../runtime/instance-state';
import { MigrationRefusedError, planMigration, type MigrateCommand, type MigratedRows } from '../runtime/migrate-instance';
import type { EngineEvent, MigrationRequest, MigrationResult, UserTaskView } from '../../../ports/workflow-engine.port';
import type { Model } from 'mongoose';
import type { EngineCollections } from '../store/engine-collections';
import type { InstanceDoc } from '../store/engine-documents';
import { retry } from '../store/transient-retry';
import type { DeploymentService } from './deployment.service';
import type { InstanceRunner } from './instance-runner';

export class InstanceMigration {
  constructor(
    private readonly db: EngineCollections,
    private readonly deployments: DeploymentService,
    private readonly runner: InstanceRunner,
    private readonly emit: (event: EngineEvent) => Promise<void>,
  ) {}

  async migrate(instanceKey: string, req: MigrationRequest): Promise<MigrationResult> {
    const mapping = req.mapping ?? {};
    const dryRun = req.dryRun === true;
    const base = { instanceKey, toVersion: req.toVersion, dryRun, migrated: false, applied: {} };
    const refuse = (message: string, extra: Partial<MigrationResult> = {}): MigrationResult => ({ ...base, ...extra, problems: [{ message }] });
    const doc = await retry(() => this.db.instances.findById(instanceKey, { state: 1, processId: 1, version: 1, status: 1 }).lean<InstanceDoc>());
    if (!doc) return refuse(`process instance '${instanceKey}' does not exist`);
    const where = { processId: doc.processId as string, fromVersion: doc.version as number };
    if (doc.status !== 'active') return refuse(`the instance is ${doc.status}, not running`, where);
    if (req.toVersion <= doc.version) return refuse(`the target version must be later than the instance's version ${doc.version}`, where);
    const target = this.deployments.cachedModel(doc.processId, req.toVersion) ?? await this.targetModel(doc.processId, req.toVersion);
    if (!target) return refuse(`version ${req.toVersion} of '${doc.processId}' is not deployed`, where);
    const { model: source } = await this.deployments.model(doc.processId, doc.version);
    const plan = planMigration(doc.state as InstanceState, { source, target, fromVersion: doc.version, toVersion: req.toVersion, mapping });
    if (dryRun || plan.problems.length) return { ...base, ...where, problems: plan.problems, applied: plan.applied };

    const command: MigrateCommand = { kind: 'migrate', target, toVersion: req.toVersion, mapping };
    try {
      const ok = await this.runner.execute(instanceKey, command);
      if (!ok) return refuse('the instance ended before it could be migrated', where);
    } catch (e) {
      // The state moved between the check and the lock (a task completed, a timer fired): the command
      // checked again and refused.
      if (e instanceof MigrationRefusedError) return { ...base, ...where, problems: e.problems, applied: plan.applied };
      throw e;
    }
    await this.pointRows(command.rows!, req.toVersion, doc.version);
    return { ...base, ...where, migrated: true, problems: [], applied: plan.applied };
  }

  private async targetModel(processId: string, version: number) {
    try {
      return (await this.deployments.model(processId, version)).model;
    } catch {
      return undefined;
    }
  }

  private async pointRows(rows: MigratedRows, version: number, fromVersion: number): Promise<void> {
    const set = <T>(model: Model<T>, _id: string, fields: Record<string, unknown>) => retry(() => model.updateOne({ _id }, { $set: fields }));
    for (const t of rows.tasks) {
      await set(this.db.tasks, t.key, { elementId: t.elementId, name: t.name, processVersion: version });
      // The task queue keeps the task (same key); this event tells it the element, version and name changed.
      const task = await retry(() => this.db.tasks.findById(t.key).lean<UserTaskView & { _id?: string }>());
      if (task?.state === 'open') {
        delete task._id;
        await this.emit({ type: 'user-task.migrated', task, fromVersion });
      }
    }
    for (const j of rows.jobs) await set(this.db.jobs, j.key, { elementId: j.elementId });
    for (const t of rows.triggers) {
      if (t.kind === 'timer') await set(this.db.timers, t.key, { elementId: t.elementId });
      else await set(this.db.subscriptions, t.key, { elementId: t.elementId });
    }
    for (const i of rows.incidents) await set(this.db.incidents, i.id, { elementId: i.elementId });
  }
}
