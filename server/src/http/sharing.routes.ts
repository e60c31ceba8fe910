// /api/sharing — data sharing agreements (docs/sharing-and-webhooks.md). The DPO makes and changes them; admins
// read them to subscribe a partner's system under one.
//   GET  /agreements        the register, each with whether it is in force today, and the words for the choices
//   POST /agreements        make one (201)
//   GET  /agreements/:id    one agreement and every version of it
//   PUT  /agreements/:id    change it {…terms, revision, reason} (409 when someone changed it since)
import { Router } from 'express';
import { z } from 'zod';
import { caseSections, sectionLabel } from '../domain/cases/case-section';
import { LAWFUL_BASES, LAWFUL_BASIS_WORDS, RECIPIENT_KIND_WORDS, RECIPIENT_KINDS } from '../domain/sharing/sharing-agreement';
import { getSharingAgreement, listSharingAgreements, type ListAgreementsDeps } from '../application/sharing/list-sharing-agreements';
import { createSharingAgreement, updateSharingAgreement, type SaveAgreementDeps } from '../application/sharing/save-sharing-agreement';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as day, month and year').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Give a real date');
const words = (max: number) => z.string().trim().min(1).max(max);
export const agreementTermsSchema = z.strictObject({
  partner: words(200),
  recipientKind: z.enum(RECIPIENT_KINDS),
  purpose: words(2000),
  sections: z.array(z.string().min(1).max(60)).min(1).max(40),
  lawfulBasis: z.enum(LAWFUL_BASES),
  startDate: day,
  endDate: day,
  reference: z.string().trim().max(100).optional(),
});
export const agreementChangeSchema = agreementTermsSchema.extend({
  revision: z.number().int().min(1),
  reason: words(500),
});
export const noQuery = z.strictObject({});

export type SharingRouterDeps = ActorDeps & SaveAgreementDeps & ListAgreementsDeps;

export function createSharingRouter(deps: SharingRouterDeps): Router {
  const router = Router();
  router.get('/agreements', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuery, req.query);
    const items = await listSharingAgreements(deps, actor);
    // The words for the page's choices: people read section, basis and recipient names, not keys.
    res.json({
      items,
      choices: {
        sections: caseSections().map((key) => ({ key, label: sectionLabel(key) })),
        lawfulBases: LAWFUL_BASES.map((key) => ({ key, label: LAWFUL_BASIS_WORDS[key] })),
        recipientKinds: RECIPIENT_KINDS.map((key) => ({ key, label: RECIPIENT_KIND_WORDS[key] })),
      },
    });
  });
  router.post('/agreements', async (req, res) => {
    const actor = requireActor(deps, req);
    res.status(201).json(await createSharingAgreement(deps, actor, parseBody(agreementTermsSchema, req.body)));
  });
  router.get('/agreements/:id', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuery, req.query);
    res.json(await getSharingAgreement(deps, actor, req.params.id.slice(0, 100)));
  });
  router.put('/agreements/:id', async (req, res) => {
    const actor = requireActor(deps, req);
    const { revision, reason, ...terms } = parseBody(agreementChangeSchema, req.body);
    res.json(await updateSharingAgreement(deps, actor, req.params.id.slice(0, 100), terms, revision, reason));
  });
  return router;
}
