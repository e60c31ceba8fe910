// Referrals to decide (/cases/held): what portals sent for a child who may already be known, held for a person
// of the team instead of opening a second record (issue 22). Shown to the roles that may open cases (the API's
// rule: 'create-case', the referral's team). Problems go in a GOV.UK error summary linked to the referral's
// fields; a decision someone else took first is said so and the list refreshed; a decision made is confirmed
// in a success banner that links to the case opened or joined.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { HeldDecisionAnswerBody, HeldReferralListBody } from '../../../../server/src/http/openapi/api-types';
import { ApiError, apiFetch } from '../auth';
import { useLoad } from '../escalation/use-load';
import { ErrorSummary } from '../sar/error-summary';
import { usePageTitle } from '../../shell/use-page-title';
import { childName, HeldReferralCard, heldFieldId, toDecision, type Choice, type HeldReferral } from './held-referral-card';

const NO_CHOICE: Choice = { choice: '', reason: '' };

function check(c: Choice): Record<string, string> {
  if (!c.choice) return { choice: 'Choose what this referral is' };
  if (c.choice === 'not-a-referral' && !c.reason.trim()) return { reason: 'Say why this is not a referral for the service' };
  return {};
}

function noticeOf(r: HeldReferral, answer: HeldDecisionAnswerBody): { text: string; caseId?: string } {
  if (answer.decision === 'not-a-referral') return { text: `The referral for ${childName(r)} was recorded as not a referral. Nothing was opened.` };
  if (answer.decision === 'join') return { text: `The referral for ${childName(r)} was added to the existing case: the intake tasks are in the team queue.`, caseId: answer.caseId };
  return { text: `A new case was opened for ${childName(r)}: the intake tasks are in the team queue.`, caseId: answer.caseId };
}

export function HeldReferralsPage() {
  usePageTitle('Referrals to decide');
  const [loaded, reload] = useLoad(() => apiFetch<HeldReferralListBody>('GET', '/api/held-referrals'), 'held');
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [failed, setFailed] = useState<{ id: string; errors: Record<string, string>; message?: string }>();
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<{ text: string; caseId?: string }>();

  async function decide(r: HeldReferral) {
    const choice = choices[r.id] ?? NO_CHOICE;
    const errors = check(choice);
    setNotice(undefined);
    setFailed(Object.keys(errors).length ? { id: r.id, errors } : undefined);
    if (Object.keys(errors).length) return;
    setBusy(r.id);
    try {
      const answer = await apiFetch<HeldDecisionAnswerBody>('POST', `/api/held-referrals/${encodeURIComponent(r.id)}/decision`, toDecision(choice));
      setNotice(noticeOf(r, answer));
      reload();
    } catch (err) {
      const e = err as ApiError;
      // The server's field names, as this form's: the case to join is the choice.
      const fieldErrors: Record<string, string> = {};
      if (e instanceof ApiError && e.errors.reason) fieldErrors.reason = e.errors.reason;
      if (e instanceof ApiError && e.errors.caseId) fieldErrors.choice = e.errors.caseId;
      setFailed({ id: r.id, errors: fieldErrors, message: e.code === 'HELD_REFERRAL_DECIDED' ? `${childName(r)}: ${e.message}. The list has been refreshed.` : e.message });
      if (e.code === 'HELD_REFERRAL_DECIDED' || e.code === 'HELD_REFERRAL_NOT_FOUND') reload();
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section className="held-referrals">
      <h1 className="govuk-heading-l">Referrals to decide</h1>
      <ErrorSummary message={failed?.message} errors={failed?.errors ?? {}} idOf={(f) => heldFieldId(failed?.id ?? '', f)} />
      {notice ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{notice.text}</p>
            {notice.caseId ? <p className="govuk-body"><Link className="govuk-notification-banner__link" to={`/cases/${encodeURIComponent(notice.caseId)}`}>Go to the case</Link></p> : null}
          </div>
        </div>
      ) : null}
      <p className="govuk-body">
        A portal sent these referrals for a child who may already be known to the service, so no new record was made. Check each against the
        likely matches and say which child it is.
      </p>
      {loaded.state === 'loading' ? <p role="status">Loading the referrals…</p> : null}
      {loaded.state === 'error' ? <p role="alert">The referrals could not be loaded: {loaded.message} <button type="button" className="govuk-button govuk-button--secondary" onClick={reload}>Try again</button></p> : null}
      {loaded.state === 'ready' && !loaded.data.items.length ? <p className="govuk-body">No referrals are waiting for a decision.</p> : null}
      {loaded.state === 'ready' ? loaded.data.items.map((r) => (
        <HeldReferralCard key={r.id} referral={r} value={choices[r.id] ?? NO_CHOICE} errors={failed?.id === r.id ? failed.errors : {}} busy={busy === r.id}
          onChange={(c) => setChoices((all) => ({ ...all, [r.id]: c }))} onSubmit={() => void decide(r)} />
      )) : null}
      <p className="govuk-body"><Link to="/cases">Back to cases</Link></p>
    </section>
  );
}
