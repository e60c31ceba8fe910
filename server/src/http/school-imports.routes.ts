// /api/school-imports — schools' data (issue 22, docs in README "Schools' data"):
//   POST /                              {school, fileName, csv} → 201 the import: rows matched, proposals, unmatched rows with reasons
//   GET  /proposals?status=pending      → proposals of the reviewer's teams' cases
//   POST /proposals/:id/accept          {reason?} → the proposal, accepted (the Education section amended)
//   POST /proposals/:id/reject          {reason?} → the proposal, rejected
// The file travels as text in JSON: a school's export is small (500 KB at most), and the request's other
// fields are checked with it in one schema. Thin: the rest is application/schools/*.
import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../domain/errors';
import { decideSchoolProposal } from '../application/schools/decide-school-proposal';
import { importSchoolCsv } from '../application/schools/import-school-csv';
import { listSchoolProposals } from '../application/schools/list-school-proposals';
import type { SchoolImportDeps } from '../application/schools/school-import-deps';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';

export const schoolImportBodySchema = z.strictObject({
  school: z.string().max(120),
  fileName: z.string().max(200),
  /** The use case refuses more than 500 KB with a message about the file; this bound only stops abuse. */
  csv: z.string().max(2_000_000),
});
export const proposalsQuerySchema = z.strictObject({ status: z.enum(['pending', 'accepted', 'rejected']).default('pending') });
export const decisionBodySchema = z.strictObject({ reason: z.string().max(1000).optional() });

const PROPOSAL_ID = /^[A-Za-z0-9-]{1,80}$/;
function proposalId(raw: string): string {
  if (!PROPOSAL_ID.test(raw)) throw new NotFoundError('There is no such proposal among your teams\' cases', 'PROPOSAL_NOT_FOUND');
  return raw;
}

export function createSchoolImportsRouter(deps: ActorDeps & SchoolImportDeps): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const actor = requireActor(deps, req);
    res.status(201).json(await importSchoolCsv(deps, actor, parseBody(schoolImportBodySchema, req.body)));
  });
  router.get('/proposals', async (req, res) => {
    const actor = requireActor(deps, req);
    res.set('Cache-Control', 'no-store').json(await listSchoolProposals(deps, actor, parseQuery(proposalsQuerySchema, req.query).status));
  });
  for (const decision of ['accept', 'reject'] as const) {
    router.post(`/proposals/:id/${decision}`, async (req, res) => {
      const actor = requireActor(deps, req);
      const { reason } = parseBody(decisionBodySchema, req.body);
      res.json(await decideSchoolProposal(deps, actor, proposalId(String(req.params.id)), { decision, ...(reason ? { reason } : {}) }));
    });
  }
  return router;
}
