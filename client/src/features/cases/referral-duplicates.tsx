// The referral page's "this child may already be known": each match by the child's name and date of birth,
// linking to their case (and offering to add the referral to it); another team's record says only that it
// exists and, for a role that may, offers to open it with a reason (break glass). Never a bare reference.
import { Link } from 'react-router-dom';
import { apiFetch } from '../auth';
import { formatDate, teamName } from '../../shell/format';

export interface Match {
  reasons: string[];
  caseId?: string;
  displayName?: string;
  dateOfBirth?: string;
  team: string;
  breakGlassId?: string;
}

const REASONS: Record<string, string> = { 'name-and-date-of-birth': 'same name and date of birth', 'nhs-number': 'same NHS number' };
const why = (m: Match) => m.reasons.map((r) => REASONS[r] ?? r).join(' and ');

export function findMatches(p: { givenName: string; familyName: string; dateOfBirth: string; nhsNumber?: string }): Promise<Match[]> {
  const q = new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][]);
  return apiFetch<{ items: Match[] }>('GET', `/api/cases/duplicates?${q}`).then((r) => r.items);
}

export function DuplicateMatches({ matches, busy, onJoin, confirmed, onConfirm }: {
  matches: Match[]; busy: boolean; onJoin(caseId: string): void; confirmed: boolean; onConfirm(v: boolean): void;
}) {
  return (
    <div className="govuk-inset-text referral-warning" role="group" aria-labelledby="duplicates-heading">
      <h2 className="govuk-heading-s" id="duplicates-heading">This child may already be known</h2>
      {matches.length ? (
        <ul className="referral-matches">
          {matches.map((m, i) => (
            <li key={m.caseId ?? `${m.team}-${i}`}>
              {m.caseId ? (
                <>
                  <Link to={`/cases/${encodeURIComponent(m.caseId)}`}>{m.displayName ?? 'The existing case'}</Link>
                  {m.dateOfBirth ? `, born ${formatDate(m.dateOfBirth)}` : ''} ({why(m)}).{' '}
                  <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={() => onJoin(m.caseId!)}>
                    Add this referral to {m.displayName ?? 'that'}’s case
                  </button>
                </>
              ) : (
                <>
                  A record exists in {teamName(m.team)} ({why(m)}).{' '}
                  {m.breakGlassId
                    ? <Link to={`/cases/${encodeURIComponent(m.breakGlassId)}`}>Open it with a reason (break glass)</Link>
                    : 'Ask that team if you need it.'}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : <p>The server found a likely match that you cannot see. Ask your team manager.</p>}
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id="duplicates-confirmed" type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="duplicates-confirmed">I checked: this is a different child</label>
        </div>
      </div>
    </div>
  );
}
