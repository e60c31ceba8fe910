// Administrators' changes to their own accounts that wait for another administrator (they would reach further
// into children's data): who asked, when, what would change and what they would gain, in words; any other
// administrator approves or rejects with a reason (ApprovalDecision, the same route as a permission change).
// Shown on the users page and the permissions page; nothing when none waits.
import { useAsync } from '../forms/use-async';
import { formatDateTime } from '../../shell/format';
import { ApprovalDecision } from './approval-decision';
import { permissionsApi, type ChangeRequestDto } from './permissions-api';

type Kind = 'account' | 'service-account';

/** What each kind of waiting change says: an administrator's own account, or a new service account that reads case data. */
/** `own`: the change is to the requester's own account (else they make someone else an administrator). */
const WORDS: Record<Kind, { heading(who: string, when: string, own: boolean): string; gain(what: string, own: boolean): string; mine: string; legend(who: string): string; approve: string }> = {
  account: {
    heading: (who, when, own) => `${who} asked on ${when} to change ${own ? 'their own account' : 'another account'}`,
    gain: (what, own) => (own
      ? `They would gain access to children’s data: ${what}. Their account keeps its roles and teams until another administrator approves.`
      : `The account would gain: ${what}. It keeps its roles and teams until another administrator approves.`),
    mine: 'You asked for this change, so another administrator must approve or reject it.',
    legend: (who) => `Do you approve ${who}’s change?`,
    approve: 'Yes, approve it and change the account',
  },
  'service-account': {
    heading: (who, when) => `${who} made a service account on ${when}`,
    gain: (what) => `Its tokens would reach children’s data: ${what}. They do not work until another administrator approves; a rejection revokes the account.`,
    mine: 'You made this account, so another administrator must approve or reject it.',
    legend: (who) => `Do you approve ${who}’s service account?`,
    approve: 'Yes, approve it: its tokens may work',
  },
};

interface Props {
  /** The signed-in administrator's id: the author of a change may not decide it. */
  me?: string;
  /** Changes when the page saved something, so a change just asked for appears. */
  reloadKey?: number;
  /** Which waiting changes this page shows: administrators' own accounts, new service accounts that read case data. */
  kinds?: readonly Kind[];
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
      {shown.map((r) => {
        const w = WORDS[r.kind ?? 'account'];
        const own = r.account!.userId === r.requestedBy;
        return (
          <div key={r.id} className="govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s">{w.heading(r.requestedByName ?? '', formatDateTime(r.requestedAt), own)}</h3>
            <ul className="govuk-list govuk-list--bullet">{r.account!.words.map((x) => <li key={x}>{x}</li>)}</ul>
            <p className="govuk-body">{w.gain(r.account!.gained.join(', '), own)}</p>
            {r.requestedBy === me ? <p className="govuk-inset-text">{w.mine}</p> : (
              <ApprovalDecision requestId={r.id} idPrefix={`account-${r.id}`} legend={w.legend(r.requestedByName ?? '')} approveLabel={w.approve} onDecided={decided} />
            )}
          </div>
        );
      })}
    </section>
  );
}
