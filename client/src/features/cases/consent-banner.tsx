// The case header's consent state (issue 17): a restriction of processing first (the case is read-only for
// all but the DPO), then each consent withdrawn (its work is stopped and new work refused), then the consents
// that stand. A victim is named by their item's label where the reader may see the Victims tab.
import type { CaseConsentBody } from '../../../../server/src/http/openapi/api-types';
import { formatDate } from '../../shell/format';
import type { CaseDto } from './cases-api';
import { ConsentWithdrawalForm } from './consent-withdrawal-form';

/** Consent standings and any restriction, as the consents answer's schema describes them (the case record carries
 * the same view: server/src/http/openapi/case-work-schemas.ts). */
export type CaseConsentDto = CaseConsentBody;
export type ConsentStandingDto = CaseConsentDto['standings'][number];

const PURPOSES: Record<ConsentStandingDto['purpose'], string> = {
  'prevention-work': 'Prevention work',
  'restorative-justice': 'Restorative justice',
  'agency-sharing': 'Sharing with',
};

// The one date format (shell/format.ts): "14 March 2010".
const day = (iso: string) => formatDate(iso);

function describe(s: ConsentStandingDto, record: CaseDto): string {
  if (s.purpose === 'agency-sharing') return `${PURPOSES[s.purpose]} ${s.subject ?? 'another agency'}`;
  if (s.purpose !== 'restorative-justice') return PURPOSES[s.purpose];
  const victim = record.sections.victims?.collections?.victims?.find((v) => v.id === s.subject);
  return `${PURPOSES[s.purpose]} (${victim ? victim.label : 'a victim'})`;
}

/** The section whose writers may record or withdraw each purpose's consent (as the server's rule). */
const SECTION: Record<ConsentStandingDto['purpose'], string> = { 'prevention-work': 'personal', 'restorative-justice': 'victims', 'agency-sharing': 'agencies' };

export function ConsentBanner({ record, writable = [], onChanged }: { record: CaseDto; writable?: string[]; onChanged?(next: CaseDto): void }) {
  const consent = record.consent;
  if (!consent || (!consent.restriction && consent.standings.length === 0)) return null;
  const withdrawn = consent.standings.filter((s) => s.status === 'withdrawn');
  const given = consent.standings.filter((s) => s.status === 'given');
  return (
    <section className="consent-banner" aria-label="Consent and restriction" data-testid="consent-banner">
      {consent.restriction && (
        <p role="alert" className="consent-banner__restricted">
          <strong>Processing restricted</strong> since {day(consent.restriction.setAt)}: {consent.restriction.reason}. The case is read-only
          until the data protection officer lifts the restriction.
        </p>
      )}
      {withdrawn.map((s) => (
        <p key={`${s.purpose}-${s.subject ?? ''}`} className="consent-banner__withdrawn">
          <strong>Consent withdrawn</strong>: {describe(s, record)}{s.withdrawnAt ? ` on ${day(s.withdrawnAt)}` : ''}. Work that needs it has stopped.
        </p>
      ))}
      {given.length > 0 && (
        <p className="muted">Consent given: {given.map((s) => `${describe(s, record)} (${day(s.givenOn)})`).join('; ')}.</p>
      )}
      {onChanged && given.map((s) => s.recordId && writable.includes(SECTION[s.purpose]) && (
        <ConsentWithdrawalForm key={s.recordId} caseId={record.id} standing={{ ...s, recordId: s.recordId }} label={describe(s, record)} onChanged={onChanged} />
      ))}
    </section>
  );
}
