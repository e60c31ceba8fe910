// The Timescales page: every statutory and local timescale with its source; managers (action
// "edit-timescales") change a value with a reason, and the history shows every version.
import { useEffect, useState } from 'react';
import { useSession } from '../auth';
import { TimescaleEditForm } from './timescale-edit-form';
import { TimescaleHistory } from './timescale-history';
import { describeValue, timescalesApi, type TimescaleSetDto } from './timescales-api';
import { ScrollRegion } from '../../shell/scroll-region';

export function TimescalesPage() {
  const session = useSession();
  const [set, setSet] = useState<TimescaleSetDto>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const [historyOf, setHistoryOf] = useState<string | undefined>();
  const canEdit = session.can('edit-timescales');

  useEffect(() => {
    timescalesApi.current().then(setSet, (e: Error) => setError(e.message));
  }, []);

  if (error) return <section><h1>Timescales</h1><p role="alert">{error}</p></section>;
  if (!set) return <section><h1>Timescales</h1><p role="status">Loading timescales…</p></section>;

  return (
    <section className="timescales">
      <h1>Timescales</h1>
      <p>Version {set.version}. Deadlines are counted in working days (Monday to Friday, excluding England &amp; Wales bank holidays) unless stated.</p>
      <ScrollRegion label="Timescales"><table>
        <thead><tr><th>Timescale</th><th>Value</th><th>Counts from</th><th>Status</th><th>Source</th><th /></tr></thead>
        <tbody>
          {set.timescales.map((t) => (
            <tr key={t.id} data-testid={`timescale-${t.id}`}>
              <th scope="row">{t.label}</th>
              <td>
                {editing === t.id ? (
                  <TimescaleEditForm timescale={t} onCancel={() => setEditing(undefined)}
                    onSaved={(next) => { setSet(next); setEditing(undefined); setHistoryOf(t.id); }} />
                ) : describeValue(t)}
              </td>
              <td>{t.countsFrom}</td>
              <td>{t.status}</td>
              <td>{t.source}</td>
              <td>
                {canEdit && editing !== t.id && <button type="button" onClick={() => setEditing(t.id)}>Change<span className="visually-hidden"> {t.label}</span></button>}
                <button type="button" onClick={() => setHistoryOf(t.id)}>History<span className="visually-hidden"> of {t.label}</span></button>
              </td>
            </tr>
          ))}
        </tbody>
      </table></ScrollRegion>
      <TimescaleHistory timescaleId={historyOf} version={set.version} />
    </section>
  );
}
