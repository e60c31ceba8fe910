// Saved filters: pick one to restore its queue and filters, or save what is on screen under a name.
import { useState } from 'react';
import { useAsync } from '../forms/use-async';
import { QUEUE_SORT_FIELDS, tasksApi, type QueueFiltersDto, type QueueName, type SavedFilterDto } from './tasks-api';

export interface SavedFiltersProps {
  current: { queue: QueueName; filters: QueueFiltersDto & { sort?: string; direction?: 'asc' | 'desc' } };
  onApply(filter: SavedFilterDto): void;
}

export function SavedFilters({ current, onApply }: SavedFiltersProps) {
  const [version, setVersion] = useState(0);
  const [list] = useAsync(() => tasksApi.filters(), [version]);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string>();
  const items = list.state === 'ready' ? list.data : [];

  const save = async () => {
    const { sort, direction, ...filters } = current.filters;
    // The sort comes from the address bar: only a field the API sorts by is saved with the filter.
    const field = QUEUE_SORT_FIELDS.find((f) => f === sort);
    try {
      await tasksApi.saveFilter(name, { queue: current.queue, filters, ...(field ? { sort: { field, direction: direction ?? 'asc' } } : {}) });
      setMessage(`Saved “${name}”`);
      setName('');
      setVersion((v) => v + 1);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const remove = async (n: string) => {
    await tasksApi.deleteFilter(n).catch((e: Error) => setMessage(e.message));
    setVersion((v) => v + 1);
  };

  return (
    <div className="saved-filters">
      {items.length > 0 && (
        <ul aria-label="Saved filters">
          {items.map((f) => (
            <li key={f.name}>
              <button type="button" onClick={() => onApply(f)}>{f.name}</button>
              <button type="button" aria-label={`Delete saved filter ${f.name}`} onClick={() => remove(f.name)}>×</button>
            </li>
          ))}
        </ul>
      )}
      <label>
        Save these filters as
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
      </label>
      <button type="button" disabled={!name.trim()} onClick={save}>Save filter</button>
      {message && <span role="status">{message}</span>}
    </div>
  );
}
