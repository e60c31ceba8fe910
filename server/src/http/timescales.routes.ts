// Timescales API. Thin: parse, call the use case, present. Domain errors propagate to the lead's error
// middleware (Express 5 forwards rejected promises), which maps them to HTTP statuses.
import { type Request, Router } from 'express';
import { getTimescaleHistory } from '../application/get-timescale-history';
import { getTimescales } from '../application/get-timescales';
import { type Actor, updateTimescale } from '../application/update-timescale';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../domain/errors';
import type { Clock } from '../ports/clock.port';
import type { TimescaleRepository } from '../ports/timescale-repository.port';

export interface TimescalesRouterDeps {
  timescales: TimescaleRepository;
  clock: Clock;
  /** The signed-in user of a request (from the session), or undefined. */
  currentUser(req: Request): Actor | undefined;
}

function body(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new ValidationError('Send a JSON object: {value, unit, reason}');
  return b as Record<string, unknown>;
}

export function createTimescalesRouter(deps: TimescalesRouterDeps): Router {
  const router = Router();
  const actor = (req: Request): Actor => {
    const user = deps.currentUser(req);
    if (!user) throw new UnauthenticatedError();
    return user;
  };

  // GET /            → the current version with every timescale
  router.get('/', async (req, res) => {
    actor(req);
    res.json(await getTimescales(deps));
  });

  // GET /history?timescaleId=planReview → versions newest first (who, when, why, what changed)
  router.get('/history', async (req, res) => {
    actor(req);
    const id = typeof req.query.timescaleId === 'string' ? req.query.timescaleId : undefined;
    res.json({ items: await getTimescaleHistory(deps, id) });
  });

  // GET /versions/:version → a past version in full, e.g. the one a running instance recorded
  router.get('/versions/:version', async (req, res) => {
    actor(req);
    const version = Number(req.params.version);
    const set = Number.isInteger(version) && version > 0 ? await deps.timescales.getVersion(version) : undefined;
    if (!set) throw new NotFoundError(`No timescales version ${req.params.version}`, 'TIMESCALE_VERSION_NOT_FOUND');
    res.json(set);
  });

  // PUT /:id {value, unit, reason} → the new current version
  router.put('/:id', async (req, res) => {
    const user = actor(req);
    const { value, unit, reason } = body(req);
    res.json(await updateTimescale(deps, user, { timescaleId: req.params.id, value, unit, reason }));
  });

  return router;
}
