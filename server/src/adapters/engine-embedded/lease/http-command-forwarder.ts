// Sends an engine command to the owner's address recorded in the lease (POST <address>/internal/engine).
// A 503 NOT_ENGINE_OWNER means the owner changed under us: the caller reads the lease again and retries.
import { fromWire, sign, NotEngineOwnerError, type EngineCommand, type WireError } from './engine-command-wire';

export interface ForwardTarget {
  address: string;
  epoch: number;
}

export type CommandForwarder = (target: ForwardTarget, command: EngineCommand, args: unknown[]) => Promise<unknown>;

export class OwnerUnreachableError extends Error {
  /** Nothing listened at the address (the owner died): the command cannot have run there. */
  readonly refused: boolean;
  constructor(readonly address: string, cause: unknown) {
    super(`the engine's owner at ${address} could not be reached: ${(cause as Error)?.message ?? cause}`);
    this.name = 'OwnerUnreachableError';
    this.refused = (cause as { cause?: { code?: string } })?.cause?.code === 'ECONNREFUSED';
  }
}

export function httpCommandForwarder(opts: { key: Buffer; now: () => number; timeoutMs?: number }): CommandForwarder {
  return async (target, command, args) => {
    const body = JSON.stringify({ command, args, epoch: target.epoch });
    const timestamp = String(opts.now());
    let res: Response;
    try {
      res = await fetch(new URL('/internal/engine', target.address), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-engine-timestamp': timestamp, 'x-engine-signature': sign(opts.key, timestamp, body) },
        body,
        // Listener-driven assign/update waits up to 10 s on the owner; leave room for it.
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      });
    } catch (e) {
      throw new OwnerUnreachableError(target.address, e);
    }
    const answer = (await res.json().catch(() => ({}))) as { result?: unknown; error?: WireError };
    if (res.ok) return answer.result;
    if (res.status === 503 && answer.error?.code === 'NOT_ENGINE_OWNER') throw new NotEngineOwnerError(answer.error.message);
    if (answer.error) throw fromWire(answer.error);
    throw new OwnerUnreachableError(target.address, new Error(`HTTP ${res.status}`));
  };
}
