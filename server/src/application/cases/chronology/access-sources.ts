// Access and consent in the chronology. Access: the audit's flagged events on the case — a case opened
// by another team with a reason ("break glass"), a correction while processing was restricted — by whom
// and when; the reason (the audit's own detail) only for roles that may read the audit. Consent: each
// consent given and withdrawn, and each restriction of processing set or lifted. A restorative-justice
// consent names a victim, so it belongs to the Victims section; sharing consents to Agencies involved.
import type { ChronologyEntry } from '../../../domain/cases/chronology-entry';
import { PURPOSE_LABELS, type ConsentPurpose, type ConsentRecord } from '../../../domain/consent/consent-record';
import type { CaseSection } from '../../../domain/cases/case-section';
import type { AuditTrail } from '../../../ports/audit-log.port';
import type { ConsentRepository } from '../../../ports/consent-repository.port';
import { CHRONOLOGY_LIMITS, type ChronologySource } from './chronology-source';

const ACCESS_WORDS: Record<string, string> = {
  'case.read': 'Case opened from outside the team (break glass)', 'case.read-history': 'History read from outside the team (break glass)',
  'case.read-chronology': 'Chronology read from outside the team (break glass)', 'case.write': 'Changed while processing was restricted',
};

export function accessSource(audit: Pick<AuditTrail, 'flaggedOfCase'>): ChronologySource {
  return {
    kind: 'access',
    async entries(ctx) {
      const events = await audit.flaggedOfCase(ctx.record.id, CHRONOLOGY_LIMITS.audit);
      const names = await ctx.names(events.map((e) => e.actor.id));
      return events.map((e) => ({
        at: e.at, kind: 'access' as const, title: ACCESS_WORDS[e.action] ?? 'Flagged access to the case', by: names.get(e.actor.id),
        ...(ctx.mayViewAudit && e.reason ? { detail: `Reason given: ${e.reason}` } : {}),
      }));
    },
  };
}

const CONSENT_SECTION: Record<ConsentPurpose, CaseSection> = { 'prevention-work': 'personal', 'restorative-justice': 'victims', 'agency-sharing': 'agencies' };

function purposeWords(r: ConsentRecord): string {
  if (r.purpose === 'agency-sharing' && r.subject) return `sharing with ${r.subject}`;
  return PURPOSE_LABELS[r.purpose];
}

export function consentSource(consents: Pick<ConsentRepository, 'listForCase' | 'restrictionOf'>): ChronologySource {
  return {
    kind: 'consent',
    async entries(ctx) {
      const [records, restriction] = await Promise.all([consents.listForCase(ctx.record.id), consents.restrictionOf(ctx.record.id)]);
      const names = await ctx.names([...records.flatMap((r) => [r.recordedBy, r.withdrawal?.recordedBy]), restriction?.setBy, restriction?.liftedBy]);
      const out: ChronologyEntry[] = [];
      for (const r of records) {
        const section = CONSENT_SECTION[r.purpose];
        out.push({ at: r.recordedAt, kind: 'consent', title: `Consent given for ${purposeWords(r)}`, section, by: names.get(r.recordedBy) });
        if (r.withdrawal) {
          out.push({
            at: r.withdrawal.at, kind: 'consent', title: `Consent withdrawn for ${purposeWords(r)}`, section, by: names.get(r.withdrawal.recordedBy),
            ...(r.withdrawal.reason ? { detail: `Reason: ${r.withdrawal.reason}` } : {}),
          });
        }
      }
      if (restriction) {
        out.push({ at: restriction.setAt, kind: 'consent', title: 'Processing restricted', detail: `Reason: ${restriction.reason}`, by: names.get(restriction.setBy) });
        if (restriction.liftedAt) {
          out.push({
            at: restriction.liftedAt, kind: 'consent', title: 'Restriction of processing lifted', by: names.get(restriction.liftedBy ?? ''),
            ...(restriction.liftReason ? { detail: `Reason: ${restriction.liftReason}` } : {}),
          });
        }
      }
      return out;
    },
  };
}
