// The Retention page for data officers and the DPO: the schedule with its sources (data officers change a
// rule with a reason), a dry run of what would fall due today (nothing is deleted: erasure goes through
// the monthly retention review's approval task), and legal holds.
import { useEffect, useState } from 'react';
import { useSession } from '../auth';
import { LegalHoldsPanel } from './legal-holds-panel';
import { describeRule, retentionApi, type DryRunDto, type RetentionScheduleDto } from './retention-api';
import { RetentionRuleEditForm } from './retention-rule-edit-form';
import { ScrollRegion } from '../../shell/scroll-region';

export function RetentionPage() {
  const session = useSession();
  const [schedule, setSchedule] = useState<RetentionScheduleDto>();
  const [editing, setEditing] = useState<string>();
  const [dryRun, setDryRun] = useState<DryRunDto>();
  const [error, setError] = useState<string>();
  const [started, setStarted] = useState(false);
  const canEdit = session.can('manage-retention');
  useEffect(() => { retentionApi.schedule().then(setSchedule, (e: Error) => setError(e.message)); }, []);

  if (error) return <section><h1>Retention</h1><p role="alert">{error}</p></section>;
  if (!schedule) return <section><h1>Retention</h1><p role="status">Loading the retention schedule…</p></section>;
  return (
    <section className="retention">
      <h1>Retention</h1>
      <p>Retention schedule version {schedule.version}, changed {schedule.createdAt.slice(0, 10)} by {schedule.createdBy}: {schedule.reason}</p>
      <ScrollRegion label="Retention rules"><table>
        <thead><tr><th>Records</th><th>Rule</th><th>Source</th><th /></tr></thead>
        <tbody>
          {schedule.rules.map((r) => (
            <tr key={r.id} data-testid={`retention-rule-${r.id}`}>
              <th scope="row">{r.label}</th>
              <td>{editing === r.id
                ? <RetentionRuleEditForm rule={r} onCancel={() => setEditing(undefined)} onSaved={(next) => { setSchedule(next); setEditing(undefined); }} />
                : describeRule(r)}</td>
              <td>{r.source}{r.verified ? '' : ' (not yet checked against the source)'}</td>
              <td>{canEdit && editing !== r.id && <button type="button" onClick={() => setEditing(r.id)}>Change<span className="visually-hidden"> {r.label}</span></button>}</td>
            </tr>
          ))}
        </tbody>
      </table></ScrollRegion>
      {canEdit && (
        <section aria-labelledby="dry-run-heading">
          <h2 id="dry-run-heading">What falls due today</h2>
          <button type="button" onClick={() => retentionApi.dryRun().then(setDryRun, (e: Error) => setError(e.message))}>Run a dry run</button>
          <button type="button" onClick={() => retentionApi.startReview().then(() => setStarted(true), (e: Error) => setError(e.message))}>Start a retention review now</button>
          {started && <p role="status">Retention review started: the list to approve arrives as a task for data officers.</p>}
          {dryRun && (
            <div role="status">
              <p>{dryRun.checked} cases checked: {dryRun.due.length} due for erasure, {(dryRun.reduce ?? []).length} due for reduction to a basic record, {dryRun.held.length} due but held. Nothing has been deleted.</p>
              <ul>{[...dryRun.due, ...(dryRun.reduce ?? []), ...dryRun.held].map((i) => <li key={i.caseId}>{i.text}</li>)}</ul>
            </div>
          )}
        </section>
      )}
      <LegalHoldsPanel />
    </section>
  );
}
