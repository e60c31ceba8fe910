// /api/tasks: queues, saved filters, the task page, claim / unclaim / reassign, complete.
import { Router } from 'express';
import { claimTask, type ClaimTaskDeps } from '../application/tasks/claim-task';
import { completeTask, type CompleteTaskDeps } from '../application/tasks/complete-task';
import { deleteTaskFilter } from '../application/tasks/delete-task-filter';
import { getTask, type GetTaskDeps } from '../application/tasks/get-task';
import { listQueue } from '../application/tasks/list-queue';
import { processNameCache } from '../application/tasks/process-names';
import { nextTaskOfCase } from '../application/tasks/next-task-of-case';
import { reassignTask, type ReassignTaskDeps } from '../application/tasks/reassign-task';
import { listTaskFilters, saveTaskFilter } from '../application/tasks/save-task-filter';
import { unclaimTask } from '../application/tasks/unclaim-task';
import type { SavedFilterRepository } from '../ports/saved-filter-repository.port';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';
import {
  completeBodySchema, getTaskQuerySchema, noQuerySchema, queueQuerySchema, reassignBodySchema, savedFilterBodySchema,
} from './tasks-request.schema';

export type TasksRouterDeps = ActorDeps & ClaimTaskDeps & CompleteTaskDeps & GetTaskDeps & ReassignTaskDeps & {
  savedFilters: SavedFilterRepository;
};

export function createTasksRouter(deps: TasksRouterDeps): Router {
  const router = Router();
  const lister = deps.engine?.listDeployments?.bind(deps.engine);
  const processNames = lister ? processNameCache({ listDeployments: lister }) : undefined;

  // GET /?queue=mine|team|unassigned|overdue|due-this-week|completed&processId&caseId&dueAfter&…&sort&direction&offset&limit
  router.get('/', async (req, res) => {
    const actor = requireActor(deps, req);
    const { queue, sort, direction, offset, limit, ...filters } = parseQuery(queueQuerySchema, req.query);
    const page = await listQueue({ ...deps, ...(processNames ? { processNames } : {}) }, actor, {
      queue, filters, offset, limit, ...(sort ? { sort: { field: sort, direction: direction ?? 'asc' } } : {}),
    });
    res.json({ queue, ...page });
  });

  router.get('/filters', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuerySchema, req.query);
    res.json({ items: await listTaskFilters(deps, actor) });
  });

  router.put('/filters/:name', async (req, res) => {
    const actor = requireActor(deps, req);
    const body = parseBody(savedFilterBodySchema, req.body);
    res.json(await saveTaskFilter(deps, actor, { name: req.params.name, ...body }));
  });

  router.delete('/filters/:name', async (req, res) => {
    await deleteTaskFilter(deps, requireActor(deps, req), req.params.name);
    res.status(204).end();
  });

  router.get('/:id', async (req, res) => {
    const actor = requireActor(deps, req);
    const { reason } = parseQuery(getTaskQuerySchema, req.query);
    res.json(await getTask(deps, actor, req.params.id, reason));
  });

  router.post('/:id/claim', async (req, res) => {
    res.json(await claimTask(deps, requireActor(deps, req), req.params.id));
  });

  router.post('/:id/unclaim', async (req, res) => {
    res.json(await unclaimTask(deps, requireActor(deps, req), req.params.id));
  });

  router.post('/:id/reassign', async (req, res) => {
    const actor = requireActor(deps, req);
    const { toUserId } = parseBody(reassignBodySchema, req.body);
    res.json(await reassignTask(deps, actor, req.params.id, toUserId ?? undefined));
  });

  // POST /:id/complete {data} → 200 {submission, amendedSections, repeated, next?}; 422 field errors; 409 taken/closed
  router.post('/:id/complete', async (req, res) => {
    const actor = requireActor(deps, req);
    const { data } = parseBody(completeBodySchema, req.body);
    const result = await completeTask(deps, actor, req.params.id, data);
    const next = await nextTaskOfCase(deps, actor, result.submission.caseId, req.params.id);
    res.json({ ...result, ...(next ? { next } : {}) });
  });

  return router;
}
