// ENGINE=zeebe in the composition root: the Zeebe engine built from the validated Camunda 8 settings
// (config/zeebe.config.ts), and the readiness answer /readyz needs from it. No engine lease: with Zeebe the
// cluster is the one shared engine, and every server runs job workers against it.
// Not yet called by workflow.module.ts: docs/zeebe.md ("What is left") has the three lines that switch it on.
import type { Logger } from 'pino';
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
  return new ZeebeEngine({ api, clock: deps.clock, logger: deps.logger, tenantId: settings.tenantId, check: deps.check });
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
