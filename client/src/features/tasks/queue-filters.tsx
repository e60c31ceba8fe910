// The filter bar of the queue page. Values are kept in the URL by the page, so a filtered queue can be
// bookmarked; saved filters (stored on the server per user) restore a queue + filters in one click.
import { useState, type FormEvent } from 'react';
import type { QueueFiltersDto } from './tasks-api';

export interface QueueFiltersProps {
  value: QueueFiltersDto & { sort?: string; direction?: 'asc' | 'desc' };
  onChange(next: QueueFiltersDto & { sort?: string; direction?: 'asc' | 'desc' }): void;
}

const SORTS = [['dueDate', 'Due date'], ['priority', 'Priority'], ['createdAt', 'Created'], ['name', 'Name']] as const;

export function QueueFilters({ value, onChange }: QueueFiltersProps) {
  const [draft, setDraft] = useState(value);
  const set = (k: string, v: string) => setDraft((d) => ({ ...d, [k]: v === '' ? undefined : k === 'minPriority' ? Number(v) : v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(draft);
  };
  const text = (k: keyof QueueFiltersDto, label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} name={k} value={(draft[k] as string | number | undefined) ?? ''} onChange={(e) => set(k, e.target.value)} />
    </label>
  );
  return (
    <form className="queue-filters" onSubmit={submit} aria-label="Filter tasks">
      {text('processId', 'Process')}
      {text('caseId', 'Case')}
      {text('dueAfter', 'Due from', 'date')}
      {text('dueBefore', 'Due before', 'date')}
      {text('followUpAfter', 'Follow-up from', 'date')}
      {text('followUpBefore', 'Follow-up before', 'date')}
      {text('minPriority', 'Priority at least', 'number')}
      <label>
        Sort by
        <select name="sort" value={draft.sort ?? ''} onChange={(e) => set('sort', e.target.value)}>
          <option value="">Default</option>
          {SORTS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      <label>
        Order
        <select name="direction" value={draft.direction ?? 'asc'} onChange={(e) => set('direction', e.target.value)}>
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </label>
      <button type="submit">Apply</button>
      <button type="button" onClick={() => { setDraft({}); onChange({}); }}>Clear</button>
    </form>
  );
}
