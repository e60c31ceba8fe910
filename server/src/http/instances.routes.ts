// The manager's monitor API: /api/instances (versions, diagram + counts, lists, one instance, cancel),
// /api/incidents/:id/resolve, /api/messages and /api/migrations. Thin: parse, call the use case, answer.
import { Router } from 'express';
import { z } from 'zod';
import { cancelInstance } from '../application/monitor/cancel-instance';
import { getInstanceDetail } from '../application/monitor/get-instance-detail';
import { getVersionOverview } from '../application/monitor/get-version-overview';
import { listInstances } from '../application/monitor/list-instances';
import { listProcessVersions } from '../application/monitor/list-process-versions';
import { migrateInstances } from '../application/monitor/migrate-instances';
import type { MonitorDeps } from '../application/monitor/monitor-access';
import { publishMessage } from '../application/monitor/publish-message';
import { resolveIncident } from '../application/monitor/resolve-incident';
import { BadRequest, parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';

const id = z.string().min(1).max(200);
const version = z.coerce.number().int().min(1).max(1_000_000);
const STATES = ['active', 'incident', 'completed', 'cancelled'] as const;

const noQuery = z.strictObject({});
export const versionQuery = z.strictObject({ processId: id, version });
export const listQuery = z.strictObject({
  processId: id, version: version.optional(), state: z.enum(STATES).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0), limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const cancelBody = z.strictObject({ reason: z.string().max(2000).optional() });
export const messageBody = z.strictObject({
  name: id, correlationKey: z.string().min(1).max(500), variables: z.record(z.string().min(1).max(200), z.unknown()).default({}),
  messageId: id.optional(), ttlMs: z.number().int().min(0).max(366 * 24 * 3600 * 1000).optional(),
});
export const migrationBody = z.strictObject({
  instanceKeys: z.array(id).min(1).max(500).optional(),
  processId: id.optional(),
  fromVersion: z.number().int().min(1).optional(),
  toVersion: z.number().int().min(1),
  mapping: z.record(id, id).default({}),
  dryRun: z.boolean().default(false),
}).refine((b) => b.instanceKeys || (b.processId && b.fromVersion), { message: 'Give instanceKeys, or processId with fromVersion', path: ['instanceKeys'] });

export type MonitorRouterDeps = ActorDeps & MonitorDeps;

export function createMonitorRouters(deps: MonitorRouterDeps): Record<string, Router> {
  const instances = Router();
  // GET /processes → every process with its versions and running instances per version
  instances.get('/processes', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuery, req.query);
    // notShown: what this engine (Camunda 8) cannot show, said on the page instead of empty fields.
    res.json({ items: await listProcessVersions(deps, actor), ...(deps.engine.notShown?.length ? { notShown: deps.engine.notShown } : {}) });
  });
  // GET /overview?processId&version → {xml, counts per element, totals}
  instances.get('/overview', async (req, res) => {
    const actor = requireActor(deps, req);
    const q = parseQuery(versionQuery, req.query);
    res.json(await getVersionOverview(deps, actor, q.processId, q.version));
  });
  // GET /?processId&version&state&offset&limit
  instances.get('/', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await listInstances(deps, actor, parseQuery(listQuery, req.query)));
  });
  instances.get('/:key', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuery, req.query);
    res.json(await getInstanceDetail(deps, actor, req.params.key));
  });
  // POST /:key/cancel {reason} — a reason is required (400 without one)
  instances.post('/:key/cancel', async (req, res) => {
    const actor = requireActor(deps, req);
    const { reason } = parseBody(cancelBody, req.body);
    if (!reason?.trim()) throw new BadRequest('A reason is required to cancel an instance: send {"reason": "why it is cancelled"}.');
    res.json(await cancelInstance(deps, actor, req.params.key, reason));
  });

  const incidents = Router();
  incidents.post('/:id/resolve', async (req, res) => {
    const actor = requireActor(deps, req);
    parseBody(noQuery, req.body);
    res.json(await resolveIncident(deps, actor, req.params.id));
  });

  const messages = Router();
  // POST / {name, correlationKey, variables?, messageId?, ttlMs?} → {correlated, buffered, duplicate}
  messages.post('/', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await publishMessage(deps, actor, parseBody(messageBody, req.body)));
  });

  const migrations = Router();
  // POST / {instanceKeys | processId+fromVersion, toVersion, mapping?, dryRun?} → per-instance results
  migrations.post('/', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await migrateInstances(deps, actor, parseBody(migrationBody, req.body)));
  });

  return { '/instances': instances, '/incidents': incidents, '/messages': messages, '/migrations': migrations };
}
