// Administrators' service accounts page (/admin/service-accounts): accounts for other systems, each with
// the roles whose permissions it has, its teams and scopes. A new or rotated token is shown once, here, and
// is kept nowhere: the server holds only its hash. Rotation keeps the old token for the overlap chosen;
// revocation ends every token at once and asks why.
import { useState } from 'react';
import { useAsync } from '../forms/use-async';
import { formatDate, teamName } from '../../shell/format';
import { ScrollRegion } from '../../shell/scroll-region';
import { useSession } from '../auth';
import { AccountChangesAwaiting } from './account-changes-awaiting';
import { ServiceAccountForm } from './service-account-form';
import { serviceAccountsApi, type IssuedTokenDto, type ServiceAccountDto } from './service-accounts-api';

const OVERLAPS = [{ hours: 24, label: '24 hours' }, { hours: 1, label: '1 hour' }, { hours: 168, label: '7 days' }, { hours: 0, label: 'None: end it now' }];

function tokenWords(a: ServiceAccountDto): string {
  if (a.revokedAt) return `Revoked on ${formatDate(a.revokedAt)}`;
  if (a.approval?.state === 'awaiting') return 'Awaiting another administrator’s approval: its tokens do not work yet';
  const valid = a.tokens.filter((t) => t.state === 'valid');
  if (!valid.length) return 'Expired: rotate to issue a new token';
  const latest = valid.reduce((x, y) => (x.expiresAt > y.expiresAt ? x : y));
  return `Expires ${formatDate(latest.expiresAt)}${valid.length > 1 ? ` (${valid.length - 1} older token still works during the overlap)` : ''}`;
}

export function ServiceAccountsPage() {
  const { user: me } = useSession();
  const [reload, setReload] = useState(0);
  const [list] = useAsync(() => serviceAccountsApi.list(), [reload]);
  const [roles] = useAsync(() => serviceAccountsApi.roles(), []);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedTokenDto>();
  const [acting, setActing] = useState<{ id: string; kind: 'rotate' | 'revoke' }>();
  const [overlap, setOverlap] = useState(24);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const roleName = (key: string) => (roles.state === 'ready' ? roles.data.find((r) => r.key === key)?.label : undefined) ?? key;
  const scopeName = (scope: string) => (list.state === 'ready' ? list.data.scopes.find((s) => s.scope === scope)?.label : undefined) ?? scope;

  const showToken = (t: IssuedTokenDto) => { setIssued(t); setCreating(false); setActing(undefined); setNotice(undefined); setReload((n) => n + 1); };
  async function act(a: ServiceAccountDto) {
    setProblem(undefined);
    try {
      if (acting?.kind === 'rotate') showToken(await serviceAccountsApi.rotate(a.id, overlap));
      else {
        await serviceAccountsApi.revoke(a.id, reason);
        setActing(undefined); setIssued(undefined); setReason(''); setNotice(`${a.name} was revoked: its tokens no longer work.`); setReload((n) => n + 1);
      }
    } catch (err) {
      setProblem((err as Error).message);
    }
  }

  return (
    <section className="admin-service-accounts">
      <h1 className="govuk-heading-l">Service accounts</h1>
      <p className="govuk-body">Other systems, such as a police referral portal, call this service with a service account’s token. Each call is recorded in the audit log under the account. An account that reads children’s data works once another administrator approves it.</p>
      <AccountChangesAwaiting me={me?.id} reloadKey={reload} kinds={['service-account']} onDecided={(r) => { setNotice(`${r.account?.words[0]?.split(':')[0] ?? 'The service account'} was ${r.state}.`); setReload((n) => n + 1); }} />
      {notice ? <div className="govuk-notification-banner govuk-notification-banner--success" role="status"><div className="govuk-notification-banner__content"><p className="govuk-notification-banner__heading">{notice}</p></div></div> : null}
      {issued ? (
        <div className="govuk-panel govuk-panel--confirmation" role="status" aria-labelledby="issued-title">
          <h2 className="govuk-panel__title" id="issued-title">Token for {issued.account.name}</h2>
          <div className="govuk-panel__body">
            <p>Copy it now and give it to the system’s operators securely. It will not be shown again.</p>
            {issued.awaitingApproval ? <p>This account reads children’s data, so the token works once another administrator approves it.</p> : null}
            <label className="govuk-label" htmlFor="issued-token" style={{ color: 'inherit' }}>Token</label>
            <input className="govuk-input govuk-!-margin-bottom-6" id="issued-token" readOnly value={issued.token} onFocus={(e) => e.target.select()} />
          </div>
        </div>
      ) : null}
      {creating && roles.state === 'ready' && list.state === 'ready' ? (
        <>
          <h2 className="govuk-heading-m">New service account</h2>
          <ServiceAccountForm roles={roles.data} scopes={list.data.scopes} onCreate={async (body) => { const t = await serviceAccountsApi.create(body); showToken(t); return t; }} />
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setCreating(false)}>Cancel</button>
        </>
      ) : <button type="button" className="govuk-button" onClick={() => { setCreating(true); setIssued(undefined); }}>New service account</button>}
      {list.state === 'loading' ? <p role="status">Loading service accounts…</p> : null}
      {list.state === 'error' ? <p role="alert" className="govuk-error-message">{list.message}</p> : null}
      {list.state === 'ready' && !list.data.items.length ? <p className="govuk-body">No service accounts yet.</p> : null}
      {list.state === 'ready' && list.data.items.length ? (
        <ScrollRegion label="Service accounts"><table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Accounts</caption>
          <thead><tr><th scope="col">System</th><th scope="col">Roles and teams</th><th scope="col">Scopes</th><th scope="col">Token</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {list.data.items.map((a) => (
              <tr key={a.id}>
                <td>{a.name}{a.description ? <><br /><span className="govuk-hint">{a.description}</span></> : null}</td>
                <td>{a.roles.map(roleName).join(', ')}. {a.teams.length > 1 ? 'Teams' : 'Team'}: {a.teams.map(teamName).join(', ')}</td>
                <td><ul className="govuk-list">{a.scopes.map((s) => <li key={s}>{scopeName(s)}</li>)}</ul></td>
                <td>{tokenWords(a)}{a.revokeReason ? `: ${a.revokeReason}` : ''}</td>
                <td>
                  {a.revokedAt ? null : acting?.id === a.id ? (
                    <form onSubmit={(e) => { e.preventDefault(); void act(a); }} noValidate>
                      {problem ? <p className="govuk-error-message" role="alert">{problem}</p> : null}
                      {acting.kind === 'rotate' ? (
                        <div className="govuk-form-group"><label className="govuk-label" htmlFor={`overlap-${a.id}`}>Old token keeps working for</label>
                          <select className="govuk-select" id={`overlap-${a.id}`} value={overlap} onChange={(e) => setOverlap(Number(e.target.value))}>
                            {OVERLAPS.map((o) => <option key={o.hours} value={o.hours}>{o.label}</option>)}
                          </select></div>
                      ) : (
                        <div className="govuk-form-group"><label className="govuk-label" htmlFor={`reason-${a.id}`}>Why is {a.name} revoked?</label>
                          <input className="govuk-input" id={`reason-${a.id}`} value={reason} onChange={(e) => setReason(e.target.value)} /></div>
                      )}
                      <button type="submit" className={`govuk-button${acting.kind === 'revoke' ? ' govuk-button--warning' : ''}`}>{acting.kind === 'rotate' ? 'Issue new token' : 'Revoke'}</button>{' '}
                      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => { setActing(undefined); setProblem(undefined); }}>Cancel</button>
                    </form>
                  ) : (
                    <>
                      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => { setActing({ id: a.id, kind: 'rotate' }); setProblem(undefined); }}>Rotate token<span className="govuk-visually-hidden"> of {a.name}</span></button>{' '}
                      <button type="button" className="govuk-button govuk-button--warning" onClick={() => { setActing({ id: a.id, kind: 'revoke' }); setProblem(undefined); }}>Revoke<span className="govuk-visually-hidden"> {a.name}</span></button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      ) : null}
    </section>
  );
}
