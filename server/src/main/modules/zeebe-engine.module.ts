// ENGINE=zeebe in the composition root: the Zeebe engine built from the validated Camunda 8 settings
// (config/zeebe.config.ts), and the readiness answer /readyz needs from it. The cluster is the one engine
// every server shares and each runs job workers against it (the cluster hands each job to one worker); with
// several servers on one database the work lease (engine-topology.ts) picks the one that reconciles.
// workflow.module.ts takes its engine from zeebeEngineForServer when ENGINE=zeebe, never the embedded one.
import type { Logger } from 'pino';
import type { DeployCheckHooks } from '../../adapters/engine-embedded/deploy/check-deploy-resources';
import { createZeebeApi } from '../../adapters/engine-zeebe/zeebe-client';
import { ZeebeEngine } from '../../adapters/engine-zeebe/zeebe-engine';
import type { ZeebeSettings } from '../../config/zeebe.config';
import type { Clock } from '../../ports/clock.port';
import type { ZeebeDeployRecords } from '../../ports/zeebe-deploy-records.port';
import type { ProcessDeployHooks } from '../../application/processes/process-deploy-hooks';

export interface ZeebeEngineDeps {
  clock: Clock;
  logger: Pick<Logger, 'error'>;
  /** What this service deployed to the cluster (MongoZeebeDeployRecords): a restart then leaves unchanged shipped files out. */
  records?: ZeebeDeployRecords;
  /** The form checker and known users for the deploy checks both engines run (check-deploy-resources.ts). */
  deployHooks?: DeployCheckHooks;
  /** TOPOLOGY=shared: whether this server holds the work lease now (it reconciles the task queue). */
  runsPeriodicWork?: () => boolean;
}

export async function createZeebeWorkflowEngine(settings: ZeebeSettings, deps: ZeebeEngineDeps): Promise<ZeebeEngine> {
  const api = await createZeebeApi({ restAddress: settings.restAddress, auth: settings.auth, tenantId: settings.tenantId });
  return new ZeebeEngine({
    api, clock: deps.clock, logger: deps.logger, tenantId: settings.tenantId, records: deps.records, deployHooks: deps.deployHooks, address: settings.restAddress,
    ...(deps.runsPeriodicWork ? { runsPeriodicWork: deps.runsPeriodicWork } : {}),
  });
}

/**
 * Why the server cannot serve now because of the cluster (undefined: it can). Asked by /readyz; the answer
 * is kept for a few seconds so a load balancer's probes do not each cost the cluster a request.
 */
export function zeebeReadiness(engine: Pick<ZeebeEngine, 'ping'>, address: string, keepMs = 5_000, now = () => Date.now()): () => Promise<string | undefined> {
  let last: { at: number; reason: string | undefined } | undefined;
  return async () => {
    if (last && now() - last.at < keepMs) return last.reason;
    const ok = await engine.ping();
    last = { at: now(), reason: ok ? undefined : `The Camunda 8 cluster at ${address} (ZEEBE_REST_ADDRESS) does not answer.` };
    return last.reason;
  };
}

/** The application's deploy hooks as the shared deploy checks take them (the same checks as the embedded engine's). */
export function zeebeDeployHooks(hooks: ProcessDeployHooks): DeployCheckHooks {
  return { checkForm: hooks.embeddedForms.check, ...(hooks.knownUser ? { knownUser: hooks.knownUser } : {}), ...(hooks.knownGroup ? { knownGroup: hooks.knownGroup } : {}) };
}

/**
 * ENGINE=zeebe in a server: the engine, connected (the start stops here, naming ZEEBE_REST_ADDRESS, when the
 * cluster does not answer — there is no falling back to the embedded engine), and the reason /readyz gives.
 */
export async function zeebeEngineForServer(settings: ZeebeSettings, deps: ZeebeEngineDeps): Promise<{ engine: ZeebeEngine; readiness: () => Promise<string | undefined> }> {
  const engine = await createZeebeWorkflowEngine(settings, deps);
  await engine.connect();
  return { engine, readiness: zeebeReadiness(engine, settings.restAddress) };
}
