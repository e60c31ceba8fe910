// Every write this process sends is acknowledged. An unacknowledged write (writeConcern w: 0) goes out as
// an OP_MSG with the moreToCome flag, to which a server must not reply; FerretDB 1.24 replies anyway, and
// the driver then pairs every later reply on that connection with the wrong request — one user's query
// answered with another's rows (seen in production: connect-mongo's interval clean-up, 10 minutes after
// start). Options can ask for w: 0 from anywhere (a library, a connection string's `w=0`), so the guard
// sits where the driver turns a command into a wire message: one place every command passes.
//
// It upgrades rather than refuses: a library that asked for w: 0 (fire and forget) keeps working, now
// with a reply that belongs to it. Each upgrade is counted and reported once per call site, so the product's
// own code can be held to zero (test/integration/database/acknowledged-writes.test.ts).
import { createRequire } from 'node:module';

type Command = { writeConcern?: { w?: unknown } & Record<string, unknown> } & Record<string, unknown>;
type PrepareCommand = (this: unknown, db: string, command: Command, options: Record<string, unknown>) => unknown;

export interface UnacknowledgedWrite {
  /** The command's name and collection, e.g. `delete sessions`. */
  command: string;
  /** Where it was asked for (the first frame outside the driver), for the warning. */
  origin: string;
}

const GUARD = Symbol.for('yjs.acknowledgedWrites');
const upgraded: UnacknowledgedWrite[] = [];
const listeners = new Set<(w: UnacknowledgedWrite) => void>();

/**
 * Installs the guard on the driver mongoose uses (idempotent; process-wide, because every connection of
 * this process shares the driver). Throws when the driver no longer has the hook, so an upgrade of
 * mongoose that moves it fails the start and the tests instead of silently dropping the guard.
 */
export function requireAcknowledgedWrites(): void {
  const fromMongoose = createRequire(require.resolve('mongoose'));
  const { Connection } = fromMongoose('mongodb/lib/cmap/connection') as { Connection?: { prototype: Record<PropertyKey, unknown> } };
  const proto = Connection?.prototype;
  const original = proto?.prepareCommand as PrepareCommand | undefined;
  if (!proto || typeof original !== 'function') {
    throw new Error('The MongoDB driver has no Connection.prepareCommand: the guard against unacknowledged writes cannot be installed');
  }
  if (proto[GUARD]) return;
  const guarded: PrepareCommand = function (db, command, options) {
    if (command?.writeConcern && command.writeConcern.w === 0) {
      const name = Object.keys(command)[0] ?? 'command';
      // The driver's own endSessions (sent with w: 0 when a client closes) is upgraded without a report:
      // it is no one's code to fix, and it went out at every shutdown and database restart.
      if (name !== 'endSessions') {
        const found: UnacknowledgedWrite = { command: `${name} ${String(command[name])}`, origin: callerOutsideDriver() };
        upgraded.push(found);
        for (const l of listeners) l(found);
      }
      command = { ...command, writeConcern: { ...command.writeConcern, w: 1 } };
    }
    return original.call(this, db, command, options);
  };
  proto.prepareCommand = guarded;
  proto[GUARD] = true;
}

/** The unacknowledged writes upgraded so far in this process (tests hold the product's to zero). */
export const upgradedWrites = (): readonly UnacknowledgedWrite[] => upgraded;

/** Calls `listener` for each upgraded write (the composition root logs them as warnings). */
export function onUpgradedWrite(listener: (w: UnacknowledgedWrite) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function callerOutsideDriver(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1).map((l) => l.trim());
  return frames.find((f) => !/node_modules[\\/](mongodb|mongoose)[\\/]|acknowledged-writes|node:internal/.test(f)) ?? 'unknown';
}
