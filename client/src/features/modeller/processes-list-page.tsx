// Every deployed process with its latest version, how many versions exist and what still runs on them.
import { Link } from 'react-router-dom';
import { useAsync } from '../forms/use-async';
import { processesApi } from './processes-api';
import './modeller.css';
import { ScrollRegion } from '../../shell/scroll-region';

export function ProcessesListPage() {
  const [list] = useAsync(() => processesApi.list(), []);
  return (
    <section className="modeller-page">
      <h1>Processes</h1>
      <p>Open a process to change it in the modeller, check it and deploy a new version. Running cases stay on the version they started with.</p>
      <p><Link to="new">Create a new process</Link></p>
      {list.state === 'loading' ? <p role="status">Loading processes…</p> : null}
      {list.state === 'error' ? <p role="alert" className="modeller-error">{list.message}</p> : null}
      {list.state === 'ready' ? (
        <ScrollRegion label="Processes"><table className="govuk-table modeller-table">
          <thead>
            <tr><th>Process</th><th>Latest version</th><th>Deployed</th><th>Versions</th><th>Running instances</th></tr>
          </thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.processId}>
                <td><Link to={encodeURIComponent(p.processId)}>{p.name ?? p.processId}</Link> <span className="modeller-hint">{p.processId}</span></td>
                <td>{p.latest.version}</td>
                <td>{new Date(p.latest.deployedAt).toLocaleString('en-GB')} by {p.latest.by ?? 'unknown'}</td>
                <td>{p.versions}</td>
                <td>{p.activeInstances}</td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      ) : null}
    </section>
  );
}
