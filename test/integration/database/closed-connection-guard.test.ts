// A command whose connection's socket is destroyed between check-out and write fails (503-able network
// error) instead of waiting for ever — a path to issue 15's hang (closed-connection-guard.ts). The socket is
// destroyed the moment the pool hands the connection out; its 'close' then comes after the driver's last
// check. Without the guard the command never settles (the driver awaits 'drain' on a destroyed socket:
// 3 of 3 hung here before the guard), so each command races a generous deadline only a hang can reach.
import { MongoClient, type ConnectionCheckedOutEvent } from 'mongodb';
import { failCommandsOnClosedConnections } from '../../../server/src/adapters/mongo/closed-connection-guard';
import { isDatabaseUnavailable } from '../../../server/src/http/database-unavailable';
import { freshDbName, testDbUri } from '../../support/test-db';

type PooledConnection = { id: number; socket: { destroy(): void } };
const HANG = 20000;

describe('a command on a connection the database closed at check-out', () => {
  let client: MongoClient;
  beforeAll(async () => {
    failCommandsOnClosedConnections(); // as connectMongo does before the first command
    client = new MongoClient(testDbUri(), { maxPoolSize: 1, retryWrites: false, retryReads: false, serverSelectionTimeoutMS: 5000 });
    await client.connect();
  });
  afterAll(async () => {
    await client.close().catch(() => undefined);
  });

  /** Destroys the socket of the next connection checked out, before the command is written on it. */
  const cutNextCheckOut = () =>
    client.once('connectionCheckedOut', (e: ConnectionCheckedOutEvent) => {
      const servers = (client as unknown as { topology: { s: { servers: Map<string, { pool: { checkedOutConnections: Set<PooledConnection> } }> } } }).topology.s.servers;
      for (const server of servers.values()) for (const conn of server.pool.checkedOutConnections) if (conn.id === e.connectionId) conn.socket.destroy();
    });
  const settleOrHang = (p: Promise<unknown>) =>
    Promise.race([p.then(() => 'answered', (err: unknown) => err), new Promise((r) => setTimeout(() => r('hung'), HANG))]);

  it.each(['insertOne', 'updateOne', 'findOne'])('%s fails with a network error the server answers as 503, and the next one goes through', async (op) => {
    const sessions = client.db(freshDbName('guard')).collection<{ _id: string; n?: number }>('sessions');
    await sessions.insertOne({ _id: 'warm' }); // the pool holds one established connection
    cutNextCheckOut();
    const command =
      op === 'insertOne' ? sessions.insertOne({ _id: 'cut' }) : op === 'updateOne' ? sessions.updateOne({ _id: 'warm' }, { $set: { n: 1 } }) : sessions.findOne({ _id: 'warm' });
    const outcome = await settleOrHang(command);
    expect(outcome).not.toBe('hung');
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).name).toBe('MongoNetworkError');
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    // The database itself is fine: the driver opens a new connection and carries on.
    expect(await settleOrHang(sessions.updateOne({ _id: 'warm' }, { $set: { n: 2 } }))).toBe('answered');
    expect((await sessions.findOne({ _id: 'warm' }))?.n).toBe(2);
  }, 60000);
});
