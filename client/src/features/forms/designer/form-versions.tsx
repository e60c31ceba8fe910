// A form's versions, newest first: when, who (by name) and why — the comment given at deploy. The shipped
// files deployed at start have no comment; they say where they came from instead.
import { formatDateTime } from '../../../shell/format';
import { ScrollRegion } from '../../../shell/scroll-region';
import { formsApi } from '../forms-api';
import { useAsync } from '../use-async';

export function FormVersions({ formId, refresh }: { formId: string; refresh: number }) {
  const [versions] = useAsync(() => formsApi.versions(formId), [formId, refresh]);
  if (versions.state === 'loading') return <p role="status">Loading versions…</p>;
  if (versions.state === 'error') return versions.status === 404 ? <p>Not deployed yet.</p> : <p role="alert" className="govuk-error-message">{versions.message}</p>;
  return (
    <ScrollRegion label="Form versions">
      <table className="form-versions" data-testid="form-versions">
        <thead><tr><th scope="col">Version</th><th scope="col">Deployed</th><th scope="col">By</th><th scope="col">What changed and why</th></tr></thead>
        <tbody>
          {versions.data.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{formatDateTime(v.deployedAt)}</td>
              <td>{v.deployedByName}</td>
              <td>{v.comment ?? (v.source === 'file' ? 'Shipped with the service' : '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
