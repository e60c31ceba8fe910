// Subject access requests API, for the DPO only (action export-sar). Thin: parse, call the use case,
// present. The export is streamed straight into the response.
//   GET  /api/sar                     requests, newest first
//   POST /api/sar                     {receivedOn, requesterName, requesterRelationship, subject:{givenName, familyName, otherNames, dateOfBirth, nhsNumber}}
//   GET  /api/sar/:key                the gathered snapshot: when gathered, records found, items with proposals
//                                     and decisions (noDataHeld when none) — read by the request's key only
//   PUT  /api/sar/:key/redactions     {decisions:[{itemId, decision: disclose|withhold, reason}]}
//   POST /api/sar/:key/gather-again   {reason}: rebuild the snapshot before approval (409 once approved/exported)
//   GET  /api/sar/:key/export         the approved response as a ZIP (JSON, HTML, PDF)
import { Router } from 'express';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { exportSar } from '../application/sar/export-sar';
import { gatherSarAgain } from '../application/sar/gather-sar-again';
import type { GatherSnapshotDeps } from '../application/sar/gather-sar-snapshot';
import { gatheredView } from '../application/sar/review-sar';
import { listSars } from '../application/sar/list-sars';
import { recordRedactions } from '../application/sar/record-redactions';
import { reviewSar, type SarDeps } from '../application/sar/review-sar';
import { startSar } from '../application/sar/start-sar';
import { openSarDocument } from '../application/sar/open-sar-document';
import { parseBody } from './actor-request';
import { requireAction, userOf } from './session-user';

export type SarRouterDeps = SarDeps & GatherSnapshotDeps & {
  engine: SarDeps['engine'] & Parameters<typeof listSars>[0]['engine'] & Parameters<typeof startSar>[0]['engine']; now: () => Date;
  /**
   * Runs one request's changes one at a time (decisions, gather again, the export's freeze): each reads the
   * decisions or the snapshot and writes them back, so two at once could lose one.
   */
  serialise?: <T>(key: string, work: () => Promise<T>) => Promise<T>;
};

export const gatherAgainSchema = z.strictObject({ reason: z.string().trim().min(1, 'Say why the records are gathered again').max(1000) });

const pageOf = (q: Record<string, unknown>) => {
  const n = (v: unknown, d: number, max: number) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Math.min(Number(v), max) : d);
  return { offset: n(q.offset, 0, 1_000_000), limit: Math.max(1, n(q.limit, 50, 200)) };
};

export function createSarRouter(deps: SarRouterDeps): Router {
  const router = Router();
  const one = deps.serialise ?? (<T>(_key: string, work: () => Promise<T>) => work());
  router.use(requireAction('export-sar'));

  router.get('/', async (req, res) => {
    res.json(await listSars(deps, pageOf(req.query as Record<string, unknown>)));
  });

  router.post('/', async (req, res) => {
    const today = deps.now().toISOString().slice(0, 10);
    res.status(201).json(await startSar({ ...deps, today: () => today }, userOf(req), req.body));
  });

  router.get('/:key', async (req, res) => {
    res.json(await reviewSar(deps, userOf(req), req.params.key));
  });

  router.put('/:key/redactions', async (req, res) => {
    res.json(await one(req.params.key, () => recordRedactions(deps, userOf(req), req.params.key, req.body)));
  });

  router.post('/:key/gather-again', async (req, res) => {
    const body = parseBody(gatherAgainSchema, req.body);
    const { snapshot, decisionsKept, decisionsDropped } = await one(req.params.key, () => gatherSarAgain(deps, userOf(req), req.params.key, body));
    res.json({ gathered: gatheredView(snapshot), decisionsKept, decisionsDropped });
  });

  // GET /:key/documents/:caseId/:documentId → a gathered document, for the DPO's redaction review
  router.get('/:key/documents/:caseId/:documentId', async (req, res) => {
    const itemId = `${req.params.caseId}/document/${req.params.documentId}`;
    const content = await openSarDocument(deps, userOf(req), req.params.key, itemId);
    res.attachment(content.name);
    res.set({ 'Content-Type': content.contentType, 'Cache-Control': 'no-store' });
    await pipeline(content.stream, res).catch(() => res.destroy());
  });

  router.get('/:key/export', async (req, res) => {
    const { filename, stream } = await one(req.params.key, () => exportSar(deps, userOf(req), req.params.key));
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'no-store');
    // Headers are gone once the first byte is; a failure after that can only cut the download short.
    await pipeline(stream, res).catch(() => res.destroy());
  });

  return router;
}
