// /api/admin/teams — teams as data (issue 23, README "Teams"):
//   GET   /                      → teams in words, members on the day and their history, people, moves
//   POST  /  {key, name, managerIds?, headOfServiceId?}        → a new team (201)
//   PATCH /:key {name?, managerIds?, headOfServiceId?}          → the team changed
//   POST  /:key/members {userId, change: join|leave, on}        → a dated membership change
//   POST  /moves {kind, sources, target, targetName?, caseIds?, userIds?, reason} → merge or split (201, the report)
//   GET   /moves/:id             → what a move moved
//   POST  /moves/:id/resume      → finish an interrupted move (idempotent)
// Thin: bodies are checked here (unknown fields refused); the rules are application/teams/*.
import { Router } from 'express';
import { z } from 'zod';
import { changeMembership } from '../application/teams/change-membership';
import { getMove, getTeams } from '../application/teams/get-teams';
import { runMove, startMove, type MoveDeps } from '../application/teams/move-teams';
import { createTeam, updateTeam } from '../application/teams/save-team';
import { requireTeamAdmin } from '../application/teams/team-deps';
import { NotFoundError } from '../domain/errors';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';

const id = z.string().min(1).max(64);
const teamKey = z.string().min(1).max(40);
const people = z.array(id).max(20);
export const createTeamSchema = z.strictObject({ key: teamKey, name: z.string().max(80), managerIds: people.optional(), headOfServiceId: id.nullable().optional() });
export const updateTeamSchema = z.strictObject({ name: z.string().max(80).optional(), managerIds: people.optional(), headOfServiceId: id.nullable().optional() });
export const membershipSchema = z.strictObject({ userId: id, change: z.enum(['join', 'leave']), on: z.string().max(10) });
export const moveSchema = z.strictObject({
  kind: z.enum(['merge', 'split']), sources: z.array(teamKey).max(20), target: teamKey, targetName: z.string().max(80).optional(),
  caseIds: z.array(id).max(5000).optional(), userIds: z.array(id).max(500).optional(), reason: z.string().max(500),
});

export type TeamsRouterDeps = ActorDeps & MoveDeps;

export function createTeamsRouter(deps: TeamsRouterDeps): Router {
  const router = Router();
  router.use((req, _res, next) => {
    requireTeamAdmin(requireActor(deps, req));
    next();
  });
  const noQuery = z.strictObject({});
  const actor = (req: Parameters<typeof requireActor>[1]) => requireActor(deps, req) as Parameters<typeof startMove>[1];
  router.get('/', async (req, res) => {
    parseQuery(noQuery, req.query);
    res.json(await getTeams(deps, actor(req)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await createTeam(deps, actor(req), parseBody(createTeamSchema, req.body)));
  });
  router.post('/moves', async (req, res) => {
    const move = await startMove(deps, actor(req), parseBody(moveSchema, req.body));
    res.status(201).json(await getMove(deps, actor(req), move.id));
  });
  router.get('/moves/:id', async (req, res) => {
    parseQuery(noQuery, req.query);
    const move = await getMove(deps, actor(req), req.params.id);
    if (!move) throw new NotFoundError(`No team move ${req.params.id}`, 'TEAM_MOVE_NOT_FOUND');
    res.json(move);
  });
  router.post('/moves/:id/resume', async (req, res) => {
    parseBody(noQuery, req.body ?? {});
    const done = await runMove(deps, req.params.id);
    res.json(await getMove(deps, actor(req), done.id));
  });
  router.patch('/:key', async (req, res) => {
    res.json(await updateTeam(deps, actor(req), req.params.key, parseBody(updateTeamSchema, req.body)));
  });
  router.post('/:key/members', async (req, res) => {
    res.status(201).json({ memberships: await changeMembership(deps, actor(req), req.params.key, parseBody(membershipSchema, req.body)) });
  });
  return router;
}
