// The embedded engine as the topology asks (config/topology.ts): on a single server, the engine itself; with
// several servers on one database, a LeasedEngine that runs it only while holding the engine lease and
// hands commands to the holder otherwise, plus the route through which the holder receives them.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Router } from 'express';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { EmbeddedEngine } from '../../adapters/engine-embedded/embedded-engine';
import { commandKey } from '../../adapters/engine-embedded/lease/engine-command-wire';
import { EngineLease } from '../../adapters/engine-embedded/lease/engine-lease';
import { httpCommandForwarder } from '../../adapters/engine-embedded/lease/http-command-forwarder';
import { LeasedEngine } from '../../adapters/engine-embedded/lease/leased-engine';
import { MongoEngineLeaseStore } from '../../adapters/engine-embedded/lease/mongo-engine-lease.store';
import type { AppConfig } from '../../config/env.config';
import { engineNeedsLease } from '../../config/topology';
import { createInternalEngineRouter } from '../../http/internal-engine.routes';
import { systemClock } from '../../ports/clock.port';
import { sessionSecret } from './session-secret';

/** Tells a module when this server starts or stops running the engine (work only the owner may do). */
export interface EngineOwnership {
  onOwnership(listener: (owning: boolean) => Promise<void>): void;
}

export interface TopologyEngine {
  engine: EmbeddedEngine | LeasedEngine;
  /** Set in shared mode: background work that belongs with the engine follows its lease. */
  ownership?: EngineOwnership;
  internalRouters?: Record<string, Router>;
}

/** `make(mayAct)`: a new embedded engine; in shared mode its polls fire nothing once `mayAct()` is false. */
export function engineForTopology(config: AppConfig, conn: Connection, logger: Logger, make: (mayAct?: () => boolean) => EmbeddedEngine): TopologyEngine {
  if (!engineNeedsLease(config.TOPOLOGY)) return { engine: make() };
  // The lease measures real time between processes, never the business clock tests move forward.
  const clock = systemClock;
  const key = commandKey(sessionSecret(config.SESSION_SECRET, config.DATA_DIR));
  const holder = `${os.hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  const ttlMs = config.ENGINE_LEASE_SECONDS * 1000;
  const store = new MongoEngineLeaseStore(conn);
  const lease = new EngineLease({ store, clock, holder, address: internalAddress(config), ttlMs });
  const engine = new LeasedEngine({
    make: () => make(() => !!lease.held()), lease, store, holder, clock, ttlMs,
    forward: httpCommandForwarder({ key, now: () => Date.now() }),
    onError: (err, msg) => logger.error({ err }, msg),
  });
  engine.onOwnership(async (owning) => logger.info({ holder }, owning ? 'this server now runs the workflow engine' : 'this server no longer runs the workflow engine'));
  const router = createInternalEngineRouter({ key, now: () => Date.now(), bodyLimit: config.BODY_LIMIT, execute: (command, args) => engine.execute(command, args as never) });
  return { engine, ownership: engine, internalRouters: { '/internal': router } };
}

function internalAddress(config: AppConfig): string {
  if (config.INTERNAL_URL) return config.INTERNAL_URL;
  const host = ['0.0.0.0', '::', ''].includes(config.HOST) ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}
