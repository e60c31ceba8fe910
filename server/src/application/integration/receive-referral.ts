// A referral sent by a police or court portal. It goes through the same use cases as a referral made on the
// referral page: createCase (its checks and duplicate check) then startCaseProcess of referral & intake with
// the same start variables. An Idempotency-Key makes a resend safe: the first call's answer is stored and
// repeated; the same key with another body is refused. A likely duplicate opens nothing: the referral is held
// with its matches for a person to decide (a second record would split the child's history).
import { createHash } from 'node:crypto';
import { ConflictError, ValidationError, isDomainError } from '../../domain/errors';
import type { InboundReferral, InboundReferralStore, StoredAnswer } from '../../ports/service-account-repository.port';
import { findDuplicates } from '../cases/find-duplicates';
import { identityOfReferral, openReferralCase, type PortalReferral, type ReferralCaseDeps } from './referral-case';
import type { Actor } from '../cases/case-access';
import { scopedPolicy } from './scoped-policy';

export type { PortalReferral } from './referral-case';
export type ReceiveReferralDeps = ReferralCaseDeps & { referrals: InboundReferralStore };

/** A claim still 'processing' after this long was cut short (a crash): a resend may take it over. */
export const STALE_CLAIM_MS = 120_000;

const canonical = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
    : v;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function receiveReferral(
  deps: ReceiveReferralDeps, actor: Actor & { scopes: readonly string[] }, idempotencyKey: string, referral: PortalReferral,
): Promise<StoredAnswer & { replayed: boolean }> {
  const now = deps.clock.now();
  const record: InboundReferral = {
    id: `${actor.id}:${sha256(idempotencyKey)}`, accountId: actor.id, bodyHash: sha256(JSON.stringify(canonical(referral))),
    receivedAt: now.toISOString(), state: 'processing',
  };
  const claim = await deps.referrals.claim(record);
  if (!claim.claimed) {
    const { existing } = claim;
    if (existing.bodyHash !== record.bodyHash) {
      throw new ValidationError('This Idempotency-Key was used for a different referral. Use a new key for a new referral.', {
        'Idempotency-Key': 'Already used with a different body',
      }, 'IDEMPOTENCY_KEY_REUSED');
    }
    if (existing.state === 'answered' && existing.answer) return { ...existing.answer, replayed: true };
    const stale = now.getTime() - Date.parse(existing.receivedAt) > STALE_CLAIM_MS;
    if (!stale || !(await deps.referrals.retake(record.id, existing.receivedAt, record.receivedAt))) {
      throw new ConflictError('The first request with this Idempotency-Key is still being processed. Send it again in a minute.', 'IDEMPOTENCY_IN_PROGRESS');
    }
  }
  try {
    const { answer, held } = await openReferral({ ...deps, policy: scopedPolicy(deps.policy, actor.scopes) }, actor, referral);
    await deps.referrals.answer(record.id, answer, held);
    return { ...answer, replayed: false };
  } catch (err) {
    // Nothing was opened (a field error, a refusal): the key is free again so the corrected referral can use it.
    await deps.referrals.release(record.id);
    throw err;
  }
}

async function openReferral(deps: ReceiveReferralDeps, actor: Actor, r: PortalReferral): Promise<{ answer: StoredAnswer; held?: InboundReferral['held'] }> {
  const team = r.team ?? actor.teams[0] ?? '';
  const reference = r.portalReference ? { portalReference: r.portalReference } : {};
  try {
    const opened = await openReferralCase(deps, actor, { ...r, team });
    return { answer: { status: 201, body: { outcome: 'opened', ...opened, ...reference } } };
  } catch (err) {
    if (!(isDomainError(err) && err.code === 'POSSIBLE_DUPLICATE')) throw err;
    const matches = await findDuplicates(deps, actor, identityOfReferral(r));
    return {
      answer: {
        status: 202,
        body: { outcome: 'held', ...reference, message: 'This child may already be known. The referral is held for a person in the youth justice service to decide; no new record was made.' },
      },
      held: { details: { ...r, team }, matchCaseIds: matches.flatMap((m) => (m.caseId ? [m.caseId] : [])), team },
    };
  }
}
