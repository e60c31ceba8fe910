// /api/cases: referral (create with duplicate check), the case record (readable sections only),
// amendment history, and amendments of one section or of one item of a section's collection.
import { Router } from 'express';
import { amendCaseSection, type AmendCaseSectionDeps } from '../application/cases/amend-case-section';
import { createCase, type CreateCaseDeps } from '../application/cases/create-case';
import { findDuplicates } from '../application/cases/find-duplicates';
import { getCase, type GetCaseDeps } from '../application/cases/get-case';
import { getCaseChronology, type CaseChronologyDeps } from '../application/cases/chronology/get-case-chronology';
import { NotFoundError } from '../domain/errors';
import { listCaseAmendments } from '../application/cases/list-case-amendments';
import { reReferCase, type ReReferCaseDeps } from '../application/cases/re-refer-case';
import { startCaseProcess, type StartCaseProcessDeps } from '../application/cases/start-case-process';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';
import {
  amendBodySchema, amendmentsQuerySchema, chronologyQuerySchema, createCaseBodySchema, duplicatesQuerySchema, getCaseQuerySchema, reReferralBodySchema, startProcessBodySchema,
} from './cases-request.schema';

export type CasesRouterDeps = ActorDeps & CreateCaseDeps & GetCaseDeps & AmendCaseSectionDeps & StartCaseProcessDeps & ReReferCaseDeps & {
  /** The chronology's sources, catalogue and names (main/modules/case-words.ts); without them the route answers 404. */
  chronology?: Pick<CaseChronologyDeps, 'catalogue' | 'users' | 'sources'>;
};

export function createCasesRouter(deps: CasesRouterDeps): Router {
  const router = Router();

  router.get('/duplicates', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json({ items: await findDuplicates(deps, actor, parseQuery(duplicatesQuerySchema, req.query)) });
  });

  router.post('/', async (req, res) => {
    const actor = requireActor(deps, req);
    const record = await createCase(deps, actor, parseBody(createCaseBodySchema, req.body));
    res.status(201).json({ ...(await getCase(deps, actor, record.id)), ...(record.warnings ? { warnings: record.warnings } : {}) });
  });

  router.get('/:id', async (req, res) => {
    const actor = requireActor(deps, req);
    const { reason } = parseQuery(getCaseQuerySchema, req.query);
    res.json(await getCase(deps, actor, req.params.id, reason));
  });

  router.get('/:id/amendments', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await listCaseAmendments(deps, actor, { caseId: req.params.id, ...parseQuery(amendmentsQuerySchema, req.query) }));
  });

  // GET /:id/chronology?kind=&page=&reason= → one page of the case's timeline, in words, that the actor may see
  router.get('/:id/chronology', async (req, res) => {
    const actor = requireActor(deps, req);
    const query = parseQuery(chronologyQuerySchema, req.query);
    if (!deps.chronology) throw new NotFoundError('The chronology is not available on this server', 'CHRONOLOGY_UNAVAILABLE');
    res.json(await getCaseChronology({ ...deps, ...deps.chronology }, actor, { caseId: req.params.id, ...query }));
  });

  // PATCH /:id/sections/:section {changes, reason} → the case as the actor may see it
  router.patch('/:id/sections/:section', async (req, res) => {
    const actor = requireActor(deps, req);
    const { changes, reason } = parseBody(amendBodySchema, req.body);
    await amendCaseSection(deps, actor, { caseId: req.params.id, section: req.params.section, changes, reason });
    res.json(await getCase(deps, actor, req.params.id));
  });

  // POST /:id/sections/:section/collections/:collection {changes, reason} → 201, the case + addedItemId
  router.post('/:id/sections/:section/collections/:collection', async (req, res) => {
    const actor = requireActor(deps, req);
    const { changes, reason } = parseBody(amendBodySchema, req.body);
    const item = { collection: req.params.collection };
    const amendment = await amendCaseSection(deps, actor, { caseId: req.params.id, section: req.params.section, changes, reason, item });
    const addedItemId = amendment?.changes.find((c) => c.added)?.item;
    res.status(201).json({ ...(await getCase(deps, actor, req.params.id)), ...(addedItemId ? { addedItemId } : {}) });
  });

  // PATCH /:id/sections/:section/collections/:collection/:itemId {changes, reason} → one item amended; the case
  router.patch('/:id/sections/:section/collections/:collection/:itemId', async (req, res) => {
    const actor = requireActor(deps, req);
    const { changes, reason } = parseBody(amendBodySchema, req.body);
    const item = { collection: req.params.collection, id: req.params.itemId };
    await amendCaseSection(deps, actor, { caseId: req.params.id, section: req.params.section, changes, reason, item });
    res.json(await getCase(deps, actor, req.params.id));
  });

  // POST /:id/processes {processId, variables} → 201 {instanceKey, processId, version}
  router.post('/:id/processes', async (req, res) => {
    const actor = requireActor(deps, req);
    const body = parseBody(startProcessBodySchema, req.body);
    res.status(201).json(await startCaseProcess(deps, actor, { caseId: req.params.id, ...body }));
  });

  // POST /:id/referrals {referralSource} → 201: a re-referral joins the open case and starts its intake
  router.post('/:id/referrals', async (req, res) => {
    const actor = requireActor(deps, req);
    const body = parseBody(reReferralBodySchema, req.body);
    res.status(201).json(await reReferCase(deps, actor, { caseId: req.params.id, ...body }));
  });

  return router;
}
