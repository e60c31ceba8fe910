// Escalation API, mounted at /api/escalation. Thin: zod checks the shape at the edge, use cases decide,
// domain errors reach the error middleware. Admin-only parts are enforced in the use cases.
//   GET  /policy            current policy version        PUT /policy {policy, reason} (managers, admins)
//   GET  /policy/history    every version, newest first
//   GET  /outbox            admins: entries (filter state/kind/taskId) + counts per state
//   POST /outbox/:id/retry  admins: send a dead letter again
//   GET  /caught-mail       admins: what the embedded SMTP catcher received (no SMTP_URL)
//   GET  /preferences/me    PUT /preferences/me {mode: immediate|digest}
import { type Request, Router } from 'express';
import { z } from 'zod';
import { getEscalationPolicy, getEscalationPolicyHistory } from '../application/escalation/get-escalation-policy';
import { assertOutboxAdmin, listOutbox } from '../application/escalation/list-outbox';
import { retryDeadLetter } from '../application/escalation/retry-dead-letter';
import { getNotificationPreference, setNotificationPreference } from '../application/escalation/set-notification-preference';
import { updateEscalationPolicy } from '../application/escalation/update-escalation-policy';
import { OUTBOX_STATES } from '../domain/escalation';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../domain/errors';
import type { CaughtMailRepository } from '../ports/caught-mail.port';
import type { Clock } from '../ports/clock.port';
import type { OutboxRepository } from '../ports/escalation-outbox.port';
import type { EscalationPolicyRepository } from '../ports/escalation-policy-repository.port';
import type { NotificationPreferenceRepository } from '../ports/notification-preference.port';
import { fieldErrorsOf } from './actor-request';
import { requestErrorMap } from './zod-messages';

export interface EscalationRouterDeps {
  policies: EscalationPolicyRepository;
  outbox: OutboxRepository;
  preferences: NotificationPreferenceRepository;
  /** Present only when the embedded SMTP catcher runs (SMTP_URL unset). */
  caughtMail?: CaughtMailRepository;
  clock: Clock;
  retry: { maxAttempts: number };
  currentUser(req: Request): { id: string; roles: readonly string[] } | undefined;
}

const days = z.number().int().min(0).max(60);
const rule = z.object({ reminderDaysBefore: days, overdueNotice: z.boolean(), level1AfterDays: days, level2AfterDays: days }).strict();
export const policyBody = z.object({
  policy: z.object({
    defaults: rule,
    overrides: z.array(z.object({ processId: z.string().min(1).max(100), elementId: z.string().min(1).max(100).optional(), rule: rule.partial() }).strict()).max(200),
  }).strict(),
  reason: z.string().max(500),
}).strict();
export const outboxQuery = z.object({
  state: z.enum(OUTBOX_STATES).optional(),
  kind: z.enum(['notice', 'digest', 'team-digest']).optional(),
  taskId: z.string().max(200).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict(); // a misspelt filter is refused, not silently ignored (a list that looks filtered but is not)
export const pageQuery = outboxQuery.pick({ offset: true, limit: true }).strict();
export const preferenceBody = z.object({ mode: z.enum(['immediate', 'digest']) }).strict();

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value, { error: requestErrorMap });
  if (r.success) return r.data;
  const errors = fieldErrorsOf(r.error);
  throw new ValidationError(`The request is not valid: ${Object.values(errors).join('; ')}.`, errors);
}

export function createEscalationRouter(deps: EscalationRouterDeps): Router {
  const router = Router();
  const actor = (req: Request) => {
    const user = deps.currentUser(req);
    if (!user) throw new UnauthenticatedError();
    return user;
  };

  router.get('/policy', async (req, res) => {
    actor(req);
    res.json(await getEscalationPolicy(deps));
  });
  router.get('/policy/history', async (req, res) => {
    actor(req);
    res.json({ items: await getEscalationPolicyHistory(deps) });
  });
  router.put('/policy', async (req, res) => {
    const user = actor(req);
    res.json(await updateEscalationPolicy(deps, user, parse(policyBody, req.body)));
  });

  router.get('/outbox', async (req, res) => {
    const { offset, limit, ...filter } = parse(outboxQuery, req.query);
    res.json(await listOutbox(deps, actor(req), filter, { offset, limit }));
  });
  router.post('/outbox/:id/retry', async (req, res) => {
    res.json(await retryDeadLetter(deps, actor(req), req.params.id));
  });
  router.get('/caught-mail', async (req, res) => {
    assertOutboxAdmin(actor(req));
    const page = parse(pageQuery, req.query);
    if (!deps.caughtMail) throw new NotFoundError('No embedded mail catcher: SMTP_URL is set, so mail goes to the real server', 'MAIL_CATCHER_OFF');
    res.json(await deps.caughtMail.list(page));
  });

  router.get('/preferences/me', async (req, res) => {
    res.json(await getNotificationPreference(deps, actor(req).id));
  });
  router.put('/preferences/me', async (req, res) => {
    const user = actor(req);
    res.json(await setNotificationPreference(deps, user.id, parse(preferenceBody, req.body).mode));
  });
  return router;
}
