// The consent state of a case, as the case header shows it and as the guards read it. For each purpose and
// subject (a victim, an agency, or the case for prevention) the latest event decides: consent given again
// after a withdrawal stands again; a withdrawal ends the consents given before it.
import { PURPOSE_LABELS, sameSubject, type ConsentPurpose, type ConsentRecord } from './consent-record';

export interface ConsentStanding {
  purpose: ConsentPurpose;
  subject?: string;
  status: 'given' | 'withdrawn';
  givenOn: string;
  withdrawnAt?: string;
  recordId: string;
}

export function consentStandings(records: readonly ConsentRecord[]): ConsentStanding[] {
  // The latest event decides: a consent recorded, or a withdrawal (which ends every consent to that purpose
  // given before it). At the same instant the withdrawal wins: when in doubt, the processing stops.
  const lastEvent = (r: ConsentRecord) => r.withdrawal?.at ?? r.recordedAt;
  const later = (a: ConsentRecord, b: ConsentRecord) =>
    lastEvent(a) > lastEvent(b) || (lastEvent(a) === lastEvent(b) && !!a.withdrawal && !b.withdrawal);
  const latest = new Map<string, ConsentRecord>();
  for (const r of records) {
    const key = `${r.purpose}|${(r.subject ?? '').trim().toLowerCase()}`;
    const seen = latest.get(key);
    if (!seen || later(r, seen)) latest.set(key, r);
  }
  return [...latest.values()].map((r) => ({
    purpose: r.purpose,
    ...(r.subject ? { subject: r.subject } : {}),
    status: r.withdrawal ? 'withdrawn' : 'given',
    givenOn: r.givenOn,
    ...(r.withdrawal ? { withdrawnAt: r.withdrawal.at } : {}),
    recordId: r.id,
  }));
}

/**
 * The withdrawal that stops work of this purpose (and subject: a victim's RJ, a named agency), if any.
 * Work for one victim is not stopped by another victim's withdrawal; prevention has no subject.
 */
export function withdrawalStopping(
  records: readonly ConsentRecord[], purpose: ConsentPurpose, subject?: string,
): ConsentStanding | undefined {
  return consentStandings(records).find((s) =>
    s.status === 'withdrawn' && s.purpose === purpose && (purpose === 'prevention-work' || sameSubject(s.subject, subject)));
}

/** The refusal people read: the purpose, whose consent, and when it was withdrawn. */
export function withdrawalMessage(standing: ConsentStanding, what: string): string {
  const whose = standing.subject ? ` (${standing.purpose === 'restorative-justice' ? 'victim' : 'agency'} ${standing.subject})` : '';
  const when = standing.withdrawnAt ? ` on ${standing.withdrawnAt.slice(0, 10)}` : '';
  return `You cannot ${what}: consent to ${PURPOSE_LABELS[standing.purpose]}${whose} was withdrawn${when}. Record consent given again before any further work of this kind.`;
}
