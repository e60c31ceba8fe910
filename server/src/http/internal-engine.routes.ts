// POST /internal/engine: the engine's owner runs a command another server handed it (TOPOLOGY=shared,
// docs/topology.md). Not for people: no session, a signature instead (engine-command-wire.ts), each signed
// request accepted once. Mounted only in shared mode.
import express, { Router, type Request, type Response } from 'express';
import {
  NotEngineOwnerError, SIGNATURE_WINDOW_MS, isEngineCommand, toWire, verify, type EngineCommand,
} from '../adapters/engine-embedded/lease/engine-command-wire';

export interface InternalEngineDeps {
  key: Buffer;
  now(): number;
  bodyLimit: string;
  execute(command: EngineCommand, args: unknown[]): Promise<unknown>;
}

export function createInternalEngineRouter(deps: InternalEngineDeps): Router {
  const router = Router();
  const seen = new Map<string, number>(); // signature → when it may be forgotten
  router.post('/engine', express.text({ type: 'application/json', limit: deps.bodyLimit }), async (req: Request, res: Response) => {
    const body = typeof req.body === 'string' ? req.body : '';
    const signature = req.get('x-engine-signature');
    const now = deps.now();
    if (!verify(deps.key, req.get('x-engine-timestamp'), signature, body, now) || seen.has(signature!)) {
      res.status(401).json({ error: { kind: 'unauthenticated', code: 'BAD_SIGNATURE', message: 'engine commands must be signed with the servers\' shared SESSION_SECRET' } });
      return;
    }
    for (const [s, until] of seen) if (until < now) seen.delete(s);
    seen.set(signature!, now + 2 * SIGNATURE_WINDOW_MS);
    let parsed: { command?: unknown; args?: unknown };
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = {};
    }
    if (!isEngineCommand(parsed.command) || !Array.isArray(parsed.args)) {
      res.status(400).json({ error: { kind: 'validation', code: 'BAD_COMMAND', message: 'unknown engine command' } });
      return;
    }
    try {
      res.json({ result: (await deps.execute(parsed.command, parsed.args)) ?? null });
    } catch (e) {
      if (e instanceof NotEngineOwnerError) res.status(503).json({ error: { kind: 'unavailable', code: 'NOT_ENGINE_OWNER', message: e.message } });
      else res.status(422).json({ error: toWire(e) });
    }
  });
  return router;
}
