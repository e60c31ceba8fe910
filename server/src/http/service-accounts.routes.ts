// /api/admin/service-accounts: administrators create accounts for systems, rotate their tokens and revoke
// them. A token's secret is in the answer that issued it and nowhere else (Cache-Control: no-store).
import { Router } from 'express';
import { createServiceAccount } from '../application/service-accounts/create-service-account';
import { listServiceAccounts } from '../application/service-accounts/list-service-accounts';
import { revokeServiceAccount } from '../application/service-accounts/revoke-service-account';
import { rotateServiceToken } from '../application/service-accounts/rotate-service-token';
import type { ServiceAccountDeps } from '../application/service-accounts/service-account-admin';
import { parseBody } from './actor-request';
import { createServiceAccountSchema, revokeAccountSchema, rotateTokenSchema } from './integration-request.schema';
import { userOf } from './session-user';

export function createServiceAccountsRouter(deps: ServiceAccountDeps): Router {
  const router = Router();
  router.use((_req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });

  router.get('/', async (req, res) => {
    res.json(await listServiceAccounts(deps, userOf(req)));
  });

  router.post('/', async (req, res) => {
    const actor = userOf(req);
    res.status(201).json(await createServiceAccount(deps, actor, parseBody(createServiceAccountSchema, req.body), req.ip));
  });

  router.post('/:id/rotate', async (req, res) => {
    const actor = userOf(req);
    const { overlapHours } = parseBody(rotateTokenSchema, req.body);
    res.status(201).json(await rotateServiceToken(deps, actor, { accountId: req.params.id, ...(overlapHours === undefined ? {} : { overlapHours }) }, req.ip));
  });

  router.post('/:id/revoke', async (req, res) => {
    const actor = userOf(req);
    res.json(await revokeServiceAccount(deps, actor, { accountId: req.params.id, ...parseBody(revokeAccountSchema, req.body) }, req.ip));
  });

  return router;
}
