// A command never waits for ever on a connection whose socket is gone. A path to issue 15's hang (after the
// embedded database was killed under traffic, a session's later requests hung past 90 s), shown at the
// driver level (test/integration/database/closed-connection-guard.test.ts) but NOT reproduced end to end:
// in mongodb 7.8 a command checks `connection.error` once before writing; if the socket is destroyed after
// that check and its 'close' comes only later, `writeCommand` writes to the destroyed socket — Node answers
// `false` and emits neither 'error' nor 'drain' — and awaits 'drain' for ever, and `cleanup` on the late
// 'close' has no read to fail yet (it only fails `dataEvents`, set once the read starts). socketTimeoutMS
// cannot end it: the timeout handler calls the same `cleanup`, which returns at once for a closed
// connection. Whatever awaited that command (a session write in cached-session.store.ts, the audit
// writer's one insert at a time) would hold every request behind it.
//
// The guard fails such a command with the driver's own MongoNetworkError (so the server is marked
// unknown, the pool cleared, and the request answered 503 DATABASE_UNAVAILABLE): at once when the
// connection is already closed, as soon as it closes while the write waits for 'drain', or before the
// read starts. Installed like acknowledged-writes.ts, where the driver turns commands into wire traffic.
import { createRequire } from 'node:module';

type DriverConnection = {
  closed: boolean;
  error?: unknown;
  id?: unknown;
  address?: string;
  once(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
};
type WriteCommand = (this: DriverConnection, command: unknown, options: unknown) => Promise<void>;
type ReadMany = (this: DriverConnection, options: unknown) => AsyncGenerator<unknown>;

const GUARD = Symbol.for('yjs.closedConnectionGuard');

/** Idempotent and process-wide; throws when the driver lost the hooks, so an upgrade fails loudly. */
export function failCommandsOnClosedConnections(): void {
  const fromMongoose = createRequire(require.resolve('mongoose'));
  const { Connection } = fromMongoose('mongodb/lib/cmap/connection') as { Connection?: { prototype: Record<PropertyKey, unknown> } };
  const { MongoNetworkError } = fromMongoose('mongodb') as { MongoNetworkError: new (message: string, options?: { cause?: Error }) => Error };
  const proto = Connection?.prototype;
  const write = proto?.writeCommand as WriteCommand | undefined;
  const read = proto?.readMany as ReadMany | undefined;
  if (!proto || typeof write !== 'function' || typeof read !== 'function') {
    throw new Error('The MongoDB driver has no Connection.writeCommand/readMany: the guard against commands on closed connections cannot be installed');
  }
  if (proto[GUARD]) return;
  const closedError = (conn: DriverConnection) =>
    new MongoNetworkError(`connection ${String(conn.id)} to ${conn.address ?? 'the database'} closed before the command was sent`, {
      cause: conn.error instanceof Error ? conn.error : undefined,
    });

  const guardedWrite: WriteCommand = async function (command, options) {
    if (this.closed) throw closedError(this);
    let onClose = () => undefined as void;
    const closes = new Promise<never>((_, reject) => {
      onClose = () => reject(closedError(this));
      this.once('close', onClose);
    });
    const writing = write.call(this, command, options);
    writing.catch(() => undefined); // when the close wins the race, the abandoned write must not go unhandled
    try {
      return await Promise.race([writing, closes]);
    } finally {
      this.off('close', onClose);
    }
  };
  // A close between the write and the start of the read leaves the read with nothing to fail it either.
  const guardedRead = async function* (this: DriverConnection, options: unknown) {
    if (this.closed) throw closedError(this);
    yield* read.call(this, options);
  };
  proto.writeCommand = guardedWrite;
  proto.readMany = guardedRead;
  proto[GUARD] = true;
}
