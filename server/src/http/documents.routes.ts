// /api/cases/:caseId/documents: documents filed on a case's sections.
//   GET    /                      ?section=&reason=   → the documents the actor may see, in words
//   POST   /                      ?section=&name=&category=&description=, body: the file's bytes
//                                 (Content-Type: application/octet-stream) → 201 the document
//   GET    /:documentId/content   ?reason=            → the file, as an attachment of its own type
// The upload is the raw body rather than multipart: the file is the whole body, so it streams into the
// store with no parser in between and no new dependency, and the few fields travel in the query string,
// checked like every other query (unknown parameters and Mongo operators refused).
import { pipeline } from 'node:stream/promises';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from '../domain/documents/case-document';
import type { DocumentDeps } from '../application/documents/document-access';
import { downloadDocument } from '../application/documents/download-document';
import { listDocuments, presentDocument } from '../application/documents/list-documents';
import { uploadDocument } from '../application/documents/upload-document';
import { parseQuery, requireActor, type ActorDeps } from './actor-request';

const reason = z.string().trim().min(1).max(500).optional(); // as every break-glass reason in a query: 500 characters keep any URL under Node's 16 KB header limit (else 431)
export const listQuery = z.strictObject({ section: z.string().max(40).optional(), reason });
export const contentQuery = z.strictObject({ reason });
export const uploadQuery = z.strictObject({
  section: z.string().max(40),
  name: z.string().max(MAX_NAME_LENGTH * 2),
  category: z.string().max(40),
  description: z.string().max(MAX_DESCRIPTION_LENGTH * 2).optional(),
});

/** Passed through by the error middleware as a 415 with its message (http-errors convention). */
class UnsupportedMediaType extends Error {
  readonly status = 415;
  readonly expose = true;
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}

function declaredLength(req: Request): number | undefined {
  const header = req.get('content-length');
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

export function createDocumentsRouter(deps: ActorDeps & DocumentDeps): Router {
  const router = Router({ mergeParams: true });
  const caseIdOf = (req: Request) => String((req.params as Record<string, string>).caseId);

  router.get('/', async (req, res) => {
    const actor = requireActor(deps, req);
    res.set('Cache-Control', 'no-store').json(await listDocuments(deps, actor, { caseId: caseIdOf(req), ...parseQuery(listQuery, req.query) }));
  });

  router.post('/', async (req, res) => {
    const actor = requireActor(deps, req);
    try {
      if (!req.is('application/octet-stream')) {
        throw new UnsupportedMediaType('Send the file itself as the request body with Content-Type: application/octet-stream');
      }
      const query = parseQuery(uploadQuery, req.query);
      const document = await uploadDocument(deps, actor, { caseId: caseIdOf(req), ...query, declaredBytes: declaredLength(req), body: req });
      res.status(201).json(await presentDocument(deps, document));
    } catch (e) {
      // Refused before the whole body was read: a small rest is read and dropped so the browser gets the
      // answer on a healthy connection; a large one is not worth receiving, so the connection closes.
      if (!req.complete) {
        if ((declaredLength(req) ?? Infinity) > 2 * deps.maxBytes) res.set('Connection', 'close');
        else req.resume();
      }
      throw e;
    }
  });

  router.get('/:documentId/content', async (req, res) => {
    const actor = requireActor(deps, req);
    const { reason: why } = parseQuery(contentQuery, req.query);
    const content = await downloadDocument(deps, actor, { caseId: caseIdOf(req), documentId: String(req.params.documentId), reason: why });
    // Always an attachment: a stored file is never rendered as a page of this site. res.attachment
    // writes both filename= (ASCII) and filename*= (UTF-8) so any name survives.
    res.attachment(content.name);
    res.set({ 'Content-Type': content.contentType, 'Content-Length': String(content.size), 'Cache-Control': 'no-store' });
    // Headers are gone once the first byte is: a failure after that (a chunk unreadable) can only cut the
    // download short, which the browser reports as failed rather than saving a truncated file.
    await pipeline(content.stream, res).catch((err: unknown) => {
      req.log?.error({ err }, 'document download cut short');
      res.destroy();
    });
  });

  return router;
}
