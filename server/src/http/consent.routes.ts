// /api/cases/:caseId/consents and /api/cases/:caseId/restriction: consent records and their withdrawal, and
// the DPO's restriction of processing. Mounted beside the cases router (same prefix, its own paths).
import { Router } from 'express';
import { z } from 'zod';
import { CONSENT_GIVERS, CONSENT_PURPOSES } from '../domain/consent/consent-record';
import type { ConsentDeps } from '../application/consent/consent-access';
import { getCaseConsent } from '../application/consent/get-case-consent';
import { liftRestriction } from '../application/consent/lift-restriction';
import { recordConsent } from '../application/consent/record-consent';
import { restrictProcessing } from '../application/consent/restrict-processing';
import { withdrawConsent } from '../application/consent/withdraw-consent';
import { parseBody, requireActor, type ActorDeps } from './actor-request';

const text = (max: number) => z.string().trim().min(1).max(max);

export const recordBody = z.strictObject({
  purpose: z.enum(CONSENT_PURPOSES),
  subject: text(200).optional(),
  givenBy: z.enum(CONSENT_GIVERS),
  givenOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  evidence: text(300),
  privacyNoticeVersion: text(100),
});
export const withdrawBody = z.strictObject({ by: z.enum(CONSENT_GIVERS), reason: z.string().max(2000).optional() });
export const reasonBody = z.strictObject({ reason: z.string().max(2000) });

export function createConsentRouter(deps: ActorDeps & ConsentDeps): Router {
  const router = Router({ mergeParams: true });
  const caseIdOf = (params: Record<string, string>) => String(params.caseId);

  router.get('/consents', async (req, res) => {
    res.json(await getCaseConsent(deps, requireActor(deps, req), caseIdOf(req.params)));
  });

  // POST /consents {purpose, subject?, givenBy, givenOn, evidence, privacyNoticeVersion} → 201 the record
  router.post('/consents', async (req, res) => {
    const actor = requireActor(deps, req);
    const { record, created } = await recordConsent(deps, actor, caseIdOf(req.params), parseBody(recordBody, req.body));
    res.status(created ? 201 : 200).json(record);
  });

  // POST /consents/:consentId/withdrawal {by, reason?} → the record with its withdrawal, and the message sent
  router.post('/consents/:consentId/withdrawal', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await withdrawConsent(deps, actor, caseIdOf(req.params), String(req.params.consentId), parseBody(withdrawBody, req.body)));
  });

  // PUT /restriction {reason} → restricted (DPO); POST /restriction/lift {reason} → lifted (DPO)
  router.put('/restriction', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await restrictProcessing(deps, actor, caseIdOf(req.params), parseBody(reasonBody, req.body).reason));
  });
  router.post('/restriction/lift', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await liftRestriction(deps, actor, caseIdOf(req.params), parseBody(reasonBody, req.body).reason));
  });

  return router;
}
