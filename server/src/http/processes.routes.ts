// /api/processes: the manager workspace's process definitions — list, versions, a version's XML
// (open in the modeller or download), the engine's deploy checks on a draft, deploy (with the DMN files its
// business rule tasks call), the DMN files deployed (list, deploy alone: docs/dmn.md), and the diff of
// two versions. Thin: parse, call the use case, present. The use cases check 'deploy-process'.
import { type Request, Router } from 'express';
import { z } from 'zod';
import { deployDecisions } from '../application/processes/deploy-decisions';
import { deployProcess } from '../application/processes/deploy-process';
import { listDecisions } from '../application/processes/list-decisions';
import { diffProcessVersions, type DiffProcessDeps } from '../application/processes/diff-process-versions';
import { getProcessVersions } from '../application/processes/get-process-versions';
import { getProcessXml } from '../application/processes/get-process-xml';
import { lintProcess } from '../application/processes/lint-process';
import { listProcesses } from '../application/processes/list-processes';
import type { ProcessActor } from '../application/processes/process-admin-deps';
import { UnauthenticatedError } from '../domain/errors';
import { parseBody, parseQuery } from './actor-request';

export interface ProcessesRouterDeps extends DiffProcessDeps {
  /** The signed-in user of a request (from the session), or undefined. */
  currentUser(req: Request): ProcessActor | undefined;
}

// The largest shipped process is ~23 KB; 2 MB of BPMN is far beyond any real diagram (and over the
// default body limit, which answers 413 first).
const MAX_XML = 2_000_000;
const MAX_DMN_FILES = 20;
const xml = z.string().min(1, 'Send the BPMN XML').max(MAX_XML, `BPMN larger than ${MAX_XML} characters`);
// DMN files deployed with a process or on their own (decision tables its business rule tasks call).
const dmn = z.string().min(1, 'Send the DMN XML').max(MAX_XML, `DMN larger than ${MAX_XML} characters`);
const decisions = z.array(dmn).max(MAX_DMN_FILES, `At most ${MAX_DMN_FILES} DMN files at once`);
const comment = z.string().trim().min(1, 'Say what changed and why').max(500);
export const lintBody = z.strictObject({ xml, decisions: decisions.optional() });
export const deployBody = z.strictObject({ xml, comment, decisions: decisions.optional() });
export const deployDecisionsBody = z.strictObject({ decisions: decisions.min(1, 'Send at least one DMN file'), comment });
const version = z.coerce.number().int().min(1).max(1_000_000);
export const diffQuery = z.strictObject({ from: version, to: version });
const noQuery = z.strictObject({});

export function createProcessesRouter(deps: ProcessesRouterDeps): Router {
  const router = Router();
  const actor = (req: Request): ProcessActor => {
    const user = deps.currentUser(req);
    if (!user) throw new UnauthenticatedError();
    return user;
  };
  const versionOf = (req: Request) => parseQuery(z.strictObject({ version }), { version: req.params.version }).version;

  // GET / → {items: [{processId, name, latest, versions, activeInstances}]}
  router.get('/', async (req, res) => {
    parseQuery(noQuery, req.query);
    res.json({ items: await listProcesses(deps, actor(req)) });
  });

  // POST /lint {xml, decisions?} → {resourceName, ok, problems: [{resource, elementId, line, message}]}
  router.post('/lint', async (req, res) => {
    const body = parseBody(lintBody, req.body);
    res.json(await lintProcess(deps, actor(req), body.xml, body.decisions));
  });

  // POST / {xml, comment, decisions?: [DMN XML]} → 201 {items: [{processId, version, isNew, …}], decisions: [...]}
  // (200 when nothing changed); the DMN files deploy with the process, all or nothing
  router.post('/', async (req, res) => {
    const { processes, decisions: deployed } = await deployProcess(deps, actor(req), parseBody(deployBody, req.body), req.ip);
    res.status([...processes, ...deployed].some((d) => d.isNew) ? 201 : 200).json({ items: processes, decisions: deployed });
  });

  // GET /decisions → {items: every version of every deployed DMN file, newest first per file}
  router.get('/decisions', async (req, res) => {
    parseQuery(noQuery, req.query);
    res.json({ items: await listDecisions(deps, actor(req)) });
  });

  // POST /decisions {decisions: [DMN XML], comment} → 201 {items: [{decisionRequirementsId, version, isNew, …}]} (200 when nothing changed)
  router.post('/decisions', async (req, res) => {
    const items = await deployDecisions(deps, actor(req), parseBody(deployDecisionsBody, req.body), req.ip);
    res.status(items.some((d) => d.isNew) ? 201 : 200).json({ items });
  });

  // GET /:processId/versions → {items: newest first}
  router.get('/:processId/versions', async (req, res) => {
    parseQuery(noQuery, req.query);
    res.json({ items: await getProcessVersions(deps, actor(req), req.params.processId) });
  });

  // GET /:processId/versions/:version/xml → the BPMN file as deployed (a download)
  router.get('/:processId/versions/:version/xml', async (req, res) => {
    parseQuery(noQuery, req.query);
    const found = await getProcessXml(deps, actor(req), req.params.processId, versionOf(req));
    res.attachment(`${found.processId}-v${found.version}.bpmn`); // sets a type from .bpmn: override it below
    res.type('application/xml');
    res.send(found.xml);
  });

  // GET /:processId/diff?from=1&to=2 → {added, removed, changed: [{id, type, name, attrs}], layoutChanged}
  router.get('/:processId/diff', async (req, res) => {
    const q = parseQuery(diffQuery, req.query);
    res.json(await diffProcessVersions(deps, actor(req), { processId: req.params.processId, ...q }));
  });

  return router;
}
