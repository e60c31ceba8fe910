// Administrators' changes to their own accounts that wait for another administrator (they would reach further
// into children's data): who asked, when, what would change and what they would gain, in words; any other
// administrator approves or rejects with a reason (ApprovalDecision, the same route as a permission change).
// Shown on the users page and the permissions page; nothing when none waits.
import { useAsync } from '../forms/use-async';
import { formatDateTime } from '../../shell/format';
import { ApprovalDecision } from './approval-decision';
import { permissionsApi, type ChangeRequestDto } from './permissions-api';

interface Props {
  /** The signed-in administrator's id: the author of a change may not decide it. */
  me?: string;
  /** Changes when the page saved something, so a change just asked for appears. */
  reloadKey?: number;
  /** Which waiting changes this page shows: administrators' own accounts, new service accounts that read case data. */
  kinds?: readonly ('account' | 'service-account')[];
  onDecided(request: ChangeRequestDto): void | Promise<void>;
}

export function AccountChangesAwaiting({ me, reloadKey = 0, kinds = ['account', 'service-account'], onDecided }: Props) {
  const [changes, setChanges] = useAsync(() => permissionsApi.accountChanges(), [reloadKey]);
  if (changes.state === 'error') return <p className="govuk-error-message" role="alert">{changes.message}</p>;
  const shown = changes.state === 'ready' ? changes.data.filter((r) => kinds.includes(r.kind ?? 'account')) : [];
  if (!shown.length) return null;
  const decided = async (request: ChangeRequestDto) => {
    if (changes.state === 'ready') setChanges(changes.data.filter((r) => r.id !== request.id));
    await onDecided(request);
  };
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby="account-changes-title" data-testid="account-changes-awaiting">
      <h2 className="govuk-heading-m" id="account-changes-title">Account changes awaiting approval</h2>
      {shown.map((r) => (r.kind === 'service-account' ? (
        <div key={r.id} className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s">{r.requestedByName} made a service account on {formatDateTime(r.requestedAt)}</h3>
          <ul className="govuk-list govuk-list--bullet">{r.account!.words.map((w) => <li key={w}>{w}</li>)}</ul>
          <p className="govuk-body">Its tokens would reach children’s data: {r.account!.gained.join(', ')}. They do not work until another administrator approves; a rejection revokes the account.</p>
          {r.requestedBy === me ? (
            <p className="govuk-inset-text">You made this account, so another administrator must approve or reject it.</p>
          ) : (
            <ApprovalDecision requestId={r.id} idPrefix={`account-${r.id}`} legend={`Do you approve ${r.requestedByName}’s service account?`} approveLabel="Yes, approve it: its tokens may work" onDecided={decided} />
          )}
        </div>
      ) : (
        <div key={r.id} className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s">{r.requestedByName} asked on {formatDateTime(r.requestedAt)} to change their own account</h3>
          <ul className="govuk-list govuk-list--bullet">{r.account!.words.map((w) => <li key={w}>{w}</li>)}</ul>
          <p className="govuk-body">They would gain access to children’s data: {r.account!.gained.join(', ')}. Their account keeps its roles and teams until another administrator approves.</p>
          {r.requestedBy === me ? (
            <p className="govuk-inset-text">You asked for this change, so another administrator must approve or reject it.</p>
          ) : (
            <ApprovalDecision requestId={r.id} idPrefix={`account-${r.id}`} legend={`Do you approve this change to ${r.requestedByName}’s account?`} approveLabel="Yes, approve it and change the account" onDecided={decided} />
          )}
        </div>
      )))}
    </section>
  );
}
