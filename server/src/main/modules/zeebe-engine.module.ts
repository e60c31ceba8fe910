// ENGINE=zeebe in the composition root: the Zeebe engine built from the validated Camunda 8 settings
// (config/zeebe.config.ts), and the readiness answer /readyz needs from it. No engine lease: with Zeebe the
// cluster is the one shared engine, and every server runs job workers against it.
// workflow.module.ts takes its engine from zeebeEngineForServer when ENGINE=zeebe, never the embedded one.
import type { Logger } from 'pino';
import { compileBpmn } from '../../adapters/engine-embedded/deploy/bpmn-compiler';
import { createZeebeApi } from '../../adapters/engine-zeebe/zeebe-client';
import { ZeebeEngine } from '../../adapters/engine-zeebe/zeebe-engine';
import type { ZeebeSettings } from '../../config/zeebe.config';
import type { Clock } from '../../ports/clock.port';
import type { DeployProblem, DeployResource } from '../../ports/workflow-engine.port';

export interface ZeebeEngineDeps {
  clock: Clock;
  logger: Pick<Logger, 'error'>;
  /** The product's deploy checks, run before anything is sent to the cluster. */
  check?: (resources: DeployResource[]) => Promise<DeployProblem[]>;
}

export async function createZeebeWorkflowEngine(settings: ZeebeSettings, deps: ZeebeEngineDeps): Promise<ZeebeEngine> {
  const api = await createZeebeApi({ restAddress: settings.restAddress, auth: settings.auth, tenantId: settings.tenantId });
  return new ZeebeEngine({ api, clock: deps.clock, logger: deps.logger, tenantId: settings.tenantId, check: deps.check, address: settings.restAddress });
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

/**
 * The product's own deploy checks on Zeebe: the lint and model checks the embedded engine runs on a BPMN file,
 * so Zeebe is never sent what the embedded engine would refuse. Linked forms are checked where the product
 * stores them (deploy-form-files.ts); the cluster gets them as they are.
 */
export async function zeebeDeployCheck(resources: DeployResource[]): Promise<DeployProblem[]> {
  const bpmn = resources.filter((r) => r.name.endsWith('.bpmn'));
  return (await Promise.all(bpmn.map(async (r) => (await compileBpmn(r.name, r.content)).problems))).flat();
}

/**
 * ENGINE=zeebe in a server: the engine, connected (the start stops here, naming ZEEBE_REST_ADDRESS, when the
 * cluster does not answer — there is no falling back to the embedded engine), and the reason /readyz gives.
 */
export async function zeebeEngineForServer(settings: ZeebeSettings, deps: ZeebeEngineDeps): Promise<{ engine: ZeebeEngine; readiness: () => Promise<string | undefined> }> {
  const engine = await createZeebeWorkflowEngine(settings, { ...deps, check: deps.check ?? zeebeDeployCheck });
  await engine.connect();
  return { engine, readiness: zeebeReadiness(engine, settings.restAddress) };
}
