// One referral a portal sent for a child who may already be known: what the portal said, the likely matches
// in words (the child's name and date of birth for the team's own records; for another team's, only that
// one exists), and the decision — it is this existing child, a different child, or not a referral (why).
import { Link } from 'react-router-dom';
import type { HeldDecisionRequest, HeldReferralListBody } from '../../../../server/src/http/openapi/api-types';
import { REFERRAL_SOURCES } from '../../../../server/src/domain/cases/referral-start-variables';
import { formatDate, formatDateTime, teamName } from '../../shell/format';

export type HeldReferral = HeldReferralListBody['items'][number];
type Match = HeldReferral['matches'][number];
/** What the person chose: 'join:<caseId>', 'new-case' or 'not-a-referral'. */
export interface Choice { choice: string; reason: string }

const REASONS: Record<string, string> = { 'name-and-date-of-birth': 'same name and date of birth', 'nhs-number': 'same NHS number' };
const why = (m: Match) => m.reasons.map((r) => REASONS[r] ?? r).join(' and ');
const sourceLabel = (v: string) => REFERRAL_SOURCES.find((s) => s.value === v)?.label ?? v;
export const childName = (r: HeldReferral) => `${r.details.givenName} ${r.details.familyName}`;
/** The field ids of a referral's form, for the error summary's links. */
export const heldFieldId = (id: string, field: string) => `held-${id.replace(/[^A-Za-z0-9_-]/g, '_')}-${field}`;

export function toDecision(c: Choice): HeldDecisionRequest {
  if (c.choice.startsWith('join:')) return { decision: 'join', caseId: c.choice.slice(5) };
  return c.choice === 'not-a-referral' ? { decision: 'not-a-referral', reason: c.reason.trim() } : { decision: 'new-case' };
}

function Row({ label, value }: { label: string; value?: string }) {
  if (!value) return null;
  return <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{label}</dt><dd className="govuk-summary-list__value">{value}</dd></div>;
}

function MatchWords({ m }: { m: Match }) {
  if (m.caseId) {
    return <><Link to={`/cases/${encodeURIComponent(m.caseId)}`}>{m.displayName ?? 'The existing case'}</Link>{m.dateOfBirth ? `, born ${formatDate(m.dateOfBirth)}` : ''}, {teamName(m.team)} ({why(m)})</>;
  }
  return <>A record in {teamName(m.team)} ({why(m)}). {m.breakGlassId ? <Link to={`/cases/${encodeURIComponent(m.breakGlassId)}`}>Open it with a reason (break glass)</Link> : 'Ask that team if you need it.'}</>;
}

export function HeldReferralCard({ referral: r, value, errors, busy, onChange, onSubmit }: {
  referral: HeldReferral; value: Choice; errors: Record<string, string>; busy: boolean; onChange(c: Choice): void; onSubmit(): void;
}) {
  const id = (f: string) => heldFieldId(r.id, f);
  const options = [
    ...r.matches.filter((m) => m.caseId).map((m) => ({ value: `join:${m.caseId}`, label: `It is ${m.displayName ?? 'the child'}${m.dateOfBirth ? `, born ${formatDate(m.dateOfBirth)}` : ''}: add the referral to their case` })),
    { value: 'new-case', label: 'It is a different child: open a new case' },
    { value: 'not-a-referral', label: 'It is not a referral for this service' },
  ];
  return (
    <section className="govuk-summary-card" aria-labelledby={id('title')}>
      <div className="govuk-summary-card__title-wrapper"><h2 className="govuk-summary-card__title" id={id('title')}>{childName(r)}, born {formatDate(r.details.dateOfBirth)}</h2></div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list govuk-!-margin-bottom-6">
          <Row label="Received" value={formatDateTime(r.receivedAt)} />
          <Row label="Sent by" value={r.from} />
          <Row label="Referred by" value={sourceLabel(r.details.referralSource)} />
          <Row label="Team" value={teamName(r.details.team)} />
          <Row label="NHS number" value={r.details.nhsNumber} />
          <Row label="Portal reference" value={r.details.portalReference} />
        </dl>
        <h3 className="govuk-heading-s">Likely matches</h3>
        {r.matches.length
          ? <ul className="govuk-list govuk-list--bullet referral-matches">{r.matches.map((m, i) => <li key={m.caseId ?? `${m.team}-${i}`}><MatchWords m={m} /></li>)}</ul>
          : <p className="govuk-body">The records it matched have since changed or closed: no match is found now.</p>}
        <form noValidate onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
          <div className={`govuk-form-group${errors.choice ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={errors.choice ? id('choice-error') : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What is this referral for {childName(r)}?</legend>
              {errors.choice ? <p id={id('choice-error')} className="govuk-error-message"><span className="govuk-visually-hidden">Error: </span>{errors.choice}</p> : null}
              <div className="govuk-radios govuk-radios--small">
                {options.map((o, i) => (
                  <div className="govuk-radios__item" key={o.value}>
                    <input className="govuk-radios__input" id={i === 0 ? id('choice') : id(`choice-${i}`)} name={id('choice')} type="radio" value={o.value}
                      checked={value.choice === o.value} onChange={() => onChange({ ...value, choice: o.value })} />
                    <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? id('choice') : id(`choice-${i}`)}>{o.label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          {value.choice === 'not-a-referral' ? (
            <div className={`govuk-form-group${errors.reason ? ' govuk-form-group--error' : ''}`}>
              <label className="govuk-label" htmlFor={id('reason')}>Why is this not a referral?</label>
              <div className="govuk-hint" id={id('reason-hint')}>For example, sent in error or a test by the portal. Nothing is opened; the reason is kept.</div>
              {errors.reason ? <p id={id('reason-error')} className="govuk-error-message"><span className="govuk-visually-hidden">Error: </span>{errors.reason}</p> : null}
              <textarea className="govuk-textarea" id={id('reason')} rows={3} maxLength={1000} value={value.reason} aria-invalid={!!errors.reason}
                aria-describedby={[id('reason-hint'), errors.reason ? id('reason-error') : ''].filter(Boolean).join(' ')} onChange={(e) => onChange({ ...value, reason: e.target.value })} />
            </div>
          ) : null}
          <button type="submit" className="govuk-button" disabled={busy}>{busy ? 'Saving…' : 'Save decision'}</button>
        </form>
      </div>
    </section>
  );
}
