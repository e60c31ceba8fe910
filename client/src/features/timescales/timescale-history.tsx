// Who changed what, when and why: the versions newest first (version 1 is the shipped defaults).
import { useEffect, useState } from 'react';
import { UNIT_LABELS, timescalesApi, type TimescaleVersionDto } from './timescales-api';
import { ScrollRegion } from '../../shell/scroll-region';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
const amount = (v: { value: number; unit: string }) => `${v.value} ${UNIT_LABELS[v.unit] ?? v.unit}`;

export function TimescaleHistory({ timescaleId, version }: { timescaleId?: string; version: number }) {
  const [items, setItems] = useState<TimescaleVersionDto[] | undefined>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    timescalesApi.history(timescaleId).then((r) => live && setItems(r), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [timescaleId, version]);

  if (error) return <p role="alert">{error}</p>;
  if (!items) return <p role="status">Loading history…</p>;
  return (
    <ScrollRegion label="Timescale history"><table className="timescale-history">
      <caption>History{timescaleId ? ` of ${timescaleId}` : ''}</caption>
      <thead><tr><th>Version</th><th>When</th><th>Who</th><th>Change</th><th>Why</th></tr></thead>
      <tbody>
        {items.map((v) => (
          <tr key={v.version}>
            <td>{v.version}</td>
            <td>{when(v.createdAt)}</td>
            <td>{v.createdBy}</td>
            <td>{v.change ? `${v.change.timescaleId}: ${amount(v.change.before)} → ${amount(v.change.after)}` : 'Defaults loaded'}</td>
            <td>{v.reason}</td>
          </tr>
        ))}
      </tbody>
    </table></ScrollRegion>
  );
}
