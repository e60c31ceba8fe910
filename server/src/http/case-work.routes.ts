// /api/cases/:caseId/contacts and /startable-processes: the contacts and appointments log (list, record) and the work that can be started by
// hand on the case (the start itself is POST /api/cases/:id/processes in cases.routes.ts). Thin handlers:
// the use cases hold the case rule, the section permissions and the audit.
import { Router } from 'express';
import { z } from 'zod';
import { listCaseContacts, type ListCaseContactsDeps } from '../application/cases/list-case-contacts';
import { listStartableProcesses, type ListStartableDeps } from '../application/cases/list-startable-processes';
import { recordContact, type RecordContactDeps } from '../application/cases/record-contact';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';

export const contactsQuerySchema = z.strictObject({
  /** Why another team's case is being opened (break glass), recorded in the audit log. */
  reason: z.string().max(500).optional(),
});

export const recordContactBodySchema = z.strictObject({
  /** The browser's key for this contact: saving it again records it once. */
  key: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _').optional(),
  /** The case-contact form's answers, checked against the form by the use case. */
  data: z.record(z.string(), z.unknown()),
});

const caseIdOf = (params: Record<string, string | undefined>) => String(params.caseId ?? '');

/** Mounted at /cases/:caseId/contacts. */
export function createContactsRouter(deps: ActorDeps & RecordContactDeps & ListCaseContactsDeps): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const actor = requireActor(deps, req);
    const { reason } = parseQuery(contactsQuerySchema, req.query);
    res.json(await listCaseContacts(deps, actor, caseIdOf(req.params), reason));
  });

  // POST {key?, data} → 201 {contactId, repeated, compliance?}; 200 when the key was saved before
  router.post('/', async (req, res) => {
    const actor = requireActor(deps, req);
    const body = parseBody(recordContactBodySchema, req.body);
    const recorded = await recordContact(deps, actor, { caseId: caseIdOf(req.params), ...body });
    res.status(recorded.repeated ? 200 : 201).json(recorded);
  });

  return router;
}

/** Mounted at /cases/:caseId/startable-processes. */
export function createStartableProcessesRouter(deps: ActorDeps & ListStartableDeps): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(z.strictObject({}), req.query);
    res.json(await listStartableProcesses(deps, actor, caseIdOf(req.params)));
  });

  return router;
}
