// One setting says whether this server is the only one on its database (`single`) or one of several
// sharing a MongoDB (`shared`). The composition root reads it once and passes it, or a boolean named for
// what it means, to every module that would otherwise guess from MONGODB_URI or from another module.
export type Topology = 'single' | 'shared';

/**
 * TOPOLOGY unset: the embedded database (no MONGODB_URI) serves one server, so `single`; a MONGODB_URI may be
 * shared by several servers, so `shared`. `single` with a MONGODB_URI is the operator's explicit promise that
 * no other server uses that database. `shared` without MONGODB_URI is refused: the embedded database lives in
 * one server's DATA_DIR and no other server can reach it.
 */
export function topologyOf(given: Topology | undefined, mongodbUri: string | undefined): Topology | { problem: string } {
  if (given === 'shared' && !mongodbUri) {
    return { problem: 'TOPOLOGY: shared needs MONGODB_URI (several servers on one MongoDB); the embedded database serves one server only. Set MONGODB_URI or leave TOPOLOGY unset' };
  }
  return given ?? (mongodbUri ? 'shared' : 'single');
}

/** This server sees every write to its database, so in-process indexes and caches may answer reads. */
export function seesEveryWrite(topology: Topology): boolean {
  return topology === 'single';
}

/** In shared mode the embedded engine runs only on the server holding the engine lease (engine-lease.port.ts). */
export function engineNeedsLease(topology: Topology): boolean {
  return topology === 'shared';
}

/**
 * What the sole server keeps in memory, and what answers instead when servers share the database.
 * docs/topology.md shows this table (a unit test keeps the two in step).
 */
export const SOLE_SERVER_MEMORY: readonly { what: string; where: string; shared: string }[] = [
  { what: 'Task queues and due dates', where: 'adapters/mongo/task-queue-index.ts', shared: "the tasks collection's compound indexes" },
  { what: 'Case labels (team, child\'s name) and duplicate-check keys', where: 'adapters/mongo/case.repository.ts', shared: 'read from the cases collection when needed' },
  { what: 'Cases list search rows', where: 'adapters/mongo/case-search.index.ts', shared: 'each search reads the cases' },
  { what: 'Escalation notices not yet sent', where: 'adapters/mail/live-notices.ts', shared: 'read from the outbox collection' },
  { what: 'Escalation sweep task reads', where: 'adapters/mongo/indexed-escalation-task.reader.ts', shared: 'read from the tasks collection' },
  { what: 'Users by id', where: 'adapters/mongo/user-cache.ts', shared: 'read from the users collection' },
  { what: 'Sessions', where: 'http/session.middleware.ts', shared: 'read from the sessions collection each request' },
  { what: 'Latest version of each form', where: 'adapters/mongo/form.repository.ts', shared: 'read from the forms collection' },
  { what: 'Recently stepped engine instances, pending timers, leased jobs', where: 'adapters/engine-embedded/services/*', shared: 'kept only by the engine lease holder, reloaded from the database when it takes over' },
];
