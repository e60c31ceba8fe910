// The DPO's audit API: search (every search is itself recorded) and chain verification.
import { Router } from 'express';
import { searchAudit } from '../application/audit/search-audit';
import { verifyAuditChain, type VerifyAuditDeps } from '../application/audit/verify-audit-chain';
import { userOf } from './session-user';

export type AuditRouterDeps = VerifyAuditDeps;

export function createAuditRouter(deps: AuditRouterDeps): Router {
  const router = Router();

  // GET /events?actorId=&action=auth.&recordType=&recordId=&section=&flagged=&from=&to=&offset=&limit=
  router.get('/events', async (req, res) => {
    res.json(await searchAudit(deps, userOf(req), req.query as Record<string, unknown>, req.ip));
  });

  // POST /verify → {ok, checked, lastSeq, lastHash, problem?}; 200 either way, the body says which
  router.post('/verify', async (req, res) => {
    res.json(await verifyAuditChain(deps, userOf(req), req.ip));
  });

  return router;
}
