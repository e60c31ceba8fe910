// The lease as the topology asks (config/topology.ts). One server: no lease, it runs everything. Several
// servers on one database: the holder of the database lease runs the periodic work (escalation sweeps, mail
// delivery, Zeebe's task reconciliation). With the embedded engine the holder also runs the engine — a
// LeasedEngine that hands commands to the holder otherwise, plus the route through which the holder
// receives them; with Zeebe the cluster is the engine and the lease decides only the periodic work.
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
import { LeaseLeadership } from '../../adapters/engine-embedded/lease/lease-leadership';
import { MongoEngineLeaseStore } from '../../adapters/engine-embedded/lease/mongo-engine-lease.store';
import type { AppConfig } from '../../config/env.config';
import { engineNeedsLease } from '../../config/topology';
import { createInternalEngineRouter } from '../../http/internal-engine.routes';
import { systemClock } from '../../ports/clock.port';

/**
 * Tells a module when this server starts or stops running the periodic work (the lease holder's: with the
 * embedded engine, the engine too). Absent on a single server, which runs it all the time.
 */
export interface EngineOwnership {
  onOwnership(listener: (owning: boolean) => Promise<void>): void;
}

export interface TopologyEngine {
  engine: EmbeddedEngine | LeasedEngine;
  /** Set in shared mode: background work that belongs with the engine follows its lease. */
  ownership?: EngineOwnership;
  internalRouters?: Record<string, Router>;
}

/**
 * `make(mayAct)`: a new embedded engine; in shared mode its polls fire nothing once `mayAct()` is false.
 * `secret`: the session secret (build-modules.ts reads it once); engine commands are signed with a key from it.
 */
export function engineForTopology(config: AppConfig, conn: Connection, logger: Logger, secret: string, make: (mayAct?: () => boolean) => EmbeddedEngine): TopologyEngine {
  if (!engineNeedsLease(config.TOPOLOGY)) return { engine: make() };
  const key = commandKey(secret);
  const { lease, store, holder, clock, ttlMs } = leaseFor(config, conn);
  const engine = new LeasedEngine({
    make: () => make(() => !!lease.held()), lease, store, holder, clock, ttlMs,
    forward: httpCommandForwarder({ key, now: () => Date.now() }),
    onError: (err, msg) => logger.error({ err }, msg),
  });
  engine.onOwnership(async (owning) => logger.info({ holder }, owning ? 'this server now runs the workflow engine' : 'this server no longer runs the workflow engine'));
  const router = createInternalEngineRouter({ key, now: () => Date.now(), bodyLimit: config.BODY_LIMIT, execute: (command, args) => engine.execute(command, args as never) });
  return { engine, ownership: engine, internalRouters: { '/internal': router } };
}

/**
 * ENGINE=zeebe: in shared mode the lease holder runs the periodic work; job workers run on every server (the
 * cluster hands each job to one worker). Undefined on a single server, which runs it all.
 */
export function leadershipForTopology(config: AppConfig, conn: Connection, logger: Logger): LeaseLeadership | undefined {
  if (!engineNeedsLease(config.TOPOLOGY)) return undefined;
  const { lease, holder, clock, ttlMs } = leaseFor(config, conn);
  const leadership = new LeaseLeadership({ lease, clock, ttlMs, onError: (err, msg) => logger.error({ err }, msg) });
  leadership.onOwnership(async (leading) => logger.info({ holder }, leading ? 'this server now runs the periodic work' : 'this server no longer runs the periodic work'));
  return leadership;
}

function leaseFor(config: AppConfig, conn: Connection) {
  // The lease measures real time between processes, never the business clock tests move forward.
  const clock = systemClock;
  const holder = `${os.hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  const ttlMs = config.ENGINE_LEASE_SECONDS * 1000;
  const store = new MongoEngineLeaseStore(conn);
  // The address is used only by the embedded engine's followers, to hand the holder their commands.
  const lease = new EngineLease({ store, clock, holder, address: internalAddress(config), ttlMs });
  return { lease, store, holder, clock, ttlMs };
}

function internalAddress(config: AppConfig): string {
  if (config.INTERNAL_URL) return config.INTERNAL_URL;
  const host = ['0.0.0.0', '::', ''].includes(config.HOST) ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}
