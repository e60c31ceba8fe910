// /api/returns — the quarterly case-level return (docs/returns.md):
//   GET  /?quarter=2026-Q1        → the quarter's versions and the newest one's records that cannot be completed
//   POST /            {quarter}   → generate a new draft version (201)
//   GET  /:id/file                → the XML file, as an attachment (audited as a disclosure)
//   POST /:id/submit  {}          → mark the version submitted (answers with the quarter, as GET does)
// Thin: requests are checked here (unknown fields and parameters refused, ids by their shape), the rest is
// application/returns/*.
import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../domain/errors';
import { QUARTER } from '../domain/returns/return-quarter';
import { RETURN_VERSION_ID } from '../domain/returns/return-version';
import { downloadReturnFile, type DownloadReturnDeps } from '../application/returns/download-return-file';
import { generateReturn, type GenerateReturnDeps } from '../application/returns/generate-return';
import { getQuarterReturns, type QuarterReturnsDeps } from '../application/returns/get-quarter-returns';
import { submitReturn, type SubmitReturnDeps } from '../application/returns/submit-return';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';

const quarter = z.string().regex(QUARTER, 'Give a quarter as YYYY-Qn, for example 2026-Q1 (April to June 2026)');
export const returnsQuerySchema = z.strictObject({ quarter: quarter.optional() });
export const generateReturnSchema = z.strictObject({ quarter });

export type ReturnsRouterDeps = ActorDeps & GenerateReturnDeps & QuarterReturnsDeps & DownloadReturnDeps & SubmitReturnDeps;

function versionId(raw: string): string {
  if (!RETURN_VERSION_ID.test(raw)) throw new NotFoundError(`There is no return ${raw.slice(0, 40)}: choose a version from the returns page`, 'RETURN_NOT_FOUND');
  return raw;
}

export function createReturnsRouter(deps: ReturnsRouterDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await getQuarterReturns(deps, actor, parseQuery(returnsQuerySchema, req.query).quarter));
  });
  router.post('/', async (req, res) => {
    const actor = requireActor(deps, req);
    const generated = await generateReturn(deps, actor, parseBody(generateReturnSchema, req.body).quarter);
    res.status(201).json(await getQuarterReturns(deps, actor, generated.quarter));
  });
  router.get('/:id/file', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(z.strictObject({}), req.query);
    const file = await downloadReturnFile(deps, actor, versionId(req.params.id));
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.type('application/xml').send(file.xml);
  });
  router.post('/:id/submit', async (req, res) => {
    const actor = requireActor(deps, req);
    parseBody(z.strictObject({}), req.body);
    const submitted = await submitReturn(deps, actor, versionId(req.params.id));
    res.json(await getQuarterReturns(deps, actor, submitted.quarter));
  });
  return router;
}
