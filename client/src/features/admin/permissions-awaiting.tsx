// The permission change asked for last that needed a second administrator (it widened its author's own access
// to children's data): while it awaits, who asked, when, why and its effect, and — for any other administrator —
// approve or reject with a reason. The author is told another administrator must decide (the server refuses
// them too). Once decided: who decided, when and why.
import { formatDateTime } from '../../shell/format';
import { ApprovalDecision } from './approval-decision';
import { PermissionsEffect } from './permissions-effect';
import type { ChangeRequestDto } from './permissions-api';

interface Props {
  request: ChangeRequestDto;
  /** The signed-in administrator's id: the author of the change may not decide it. */
  me?: string;
  onDecided(request: ChangeRequestDto): void | Promise<void>;
}

export function PermissionsAwaiting({ request, me, onDecided }: Props) {
  if (request.state !== 'awaiting') {
    const outcome = request.state === 'approved' ? `approved by ${request.decidedByName} and put in force as version ${request.version}` : `rejected by ${request.decidedByName}`;
    return (
      <p className="govuk-inset-text" data-testid="permissions-last-request">
        The change {request.requestedByName} asked for on {formatDateTime(request.requestedAt)} was {outcome} on {formatDateTime(request.decidedAt!)}: {request.decisionReason}
      </p>
    );
  }

  const mine = request.requestedBy === me;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="permissions-awaiting-title" data-testid="permissions-awaiting">
      <h2 className="govuk-heading-m" id="permissions-awaiting-title">A change is awaiting approval</h2>
      <p className="govuk-body">
        {request.requestedByName} asked for this change on {formatDateTime(request.requestedAt)}: “{request.reason}”. It is not in force, and no other change can be saved, until another administrator approves or rejects it.
      </p>
      <PermissionsEffect preview={request} title="What it would change" testId="permissions-awaiting-effect" />
      <ul className="govuk-list govuk-list--bullet">{request.changes.map((c) => <li key={`${c.role}-${c.change}`}>{c.role}: {c.change}</li>)}</ul>
      {mine ? (
        <p className="govuk-inset-text">You asked for this change, so another administrator must approve or reject it.</p>
      ) : (
        <ApprovalDecision requestId={request.id} idPrefix="decision" legend="Do you approve this permission change?" approveLabel="Yes, approve it and put it in force" onDecided={onDecided} />
      )}
    </section>
  );
}
