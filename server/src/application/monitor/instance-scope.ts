// Which case a process instance works on, and whether an actor may reach it from the monitor. The case is
// the instance's `caseId` variable — never the engine's business key, which Zeebe does not have. A called
// process gets `caseId` from its caller (Zeebe copies the caller's variables into the child); a child whose
// input mappings left it out takes its caller's, up the call chain.
import { NotFoundError } from '../../domain/errors';
import type { InstanceSummary, InstanceView, Variables } from '../../ports/workflow-engine.port';
import { mayActOnCase, type Actor, type CaseScopeDeps } from '../cases/case-access';
import type { MonitorEngine } from './monitor-access';

/** Call chains deeper than this are not modelled; a cycle (corrupt data) must not loop forever. */
const MAX_CALL_DEPTH = 16;

export const caseIdOf = (variables: Variables | undefined): string | undefined =>
  typeof variables?.caseId === 'string' && variables.caseId ? variables.caseId : undefined;

export async function caseOfInstance(
  engine: Pick<MonitorEngine, 'getInstance'>, instance: { caseId?: string; variables?: Variables; parentKey?: string },
): Promise<string | undefined> {
  let caseId = instance.caseId ?? caseIdOf(instance.variables);
  let parentKey = instance.parentKey;
  for (let depth = 0; !caseId && parentKey && depth < MAX_CALL_DEPTH; depth++) {
    const parent = await engine.getInstance(parentKey);
    caseId = caseIdOf(parent?.variables);
    parentKey = parent?.parentKey;
  }
  return caseId;
}

export type ScopeDeps = CaseScopeDeps & { engine: Pick<MonitorEngine, 'getInstance'> };

/**
 * The monitor's use of THE case rule (cases/case-access.ts, mayActOnCase): an instance of a case is within
 * reach of the actor's own teams only; an instance without a case (or of a caseId that is no case here)
 * goes by role, which the monitor checked already. The monitor offers no break-glass door: another team's
 * instance is "not found", for reads as for actions, so instance keys cannot be probed.
 */
export async function loadInstanceInReach(deps: ScopeDeps, actor: Actor, instanceKey: string): Promise<{ instance: InstanceView; caseId?: string }> {
  const instance = await deps.engine.getInstance(instanceKey);
  const caseId = instance ? await caseOfInstance(deps.engine, instance) : undefined;
  if (!instance || !(await instancesInReach(deps, actor, [{ key: instanceKey, caseId }])).has(instanceKey)) {
    throw new NotFoundError(`No process instance ${instanceKey}`, 'INSTANCE_NOT_FOUND');
  }
  return { instance, ...(caseId ? { caseId } : {}) };
}

/** Keys of those instances the actor may reach (the rule asked once per distinct case). */
export async function instancesInReach(
  deps: CaseScopeDeps, actor: Actor, instances: readonly { key: string; caseId?: string }[],
): Promise<Set<string>> {
  const caseIds = [...new Set(instances.map((i) => i.caseId))];
  const allowed = new Map(await Promise.all(caseIds.map(async (id) => [id, await mayActOnCase(deps, actor, id)] as const)));
  return new Set(instances.filter((i) => allowed.get(i.caseId)).map((i) => i.key));
}

/** Summaries with their case filled in from the caller where the child's own variables lack it. */
export async function withCases(engine: Pick<MonitorEngine, 'getInstance'>, items: InstanceSummary[]): Promise<InstanceSummary[]> {
  return Promise.all(items.map(async (i) => {
    if (i.caseId || !i.parentKey) return i;
    const caseId = await caseOfInstance(engine, i);
    return caseId ? { ...i, caseId } : i;
  }));
}
