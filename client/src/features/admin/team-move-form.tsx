// Merge teams, or split cases and people out of one team into another (often a new one). The server moves
// the cases with their open tasks, the people with their queues, and reports what moved (team-move-report.tsx).
import { useState } from 'react';
import { Checkboxes, Group, Select, some, useTeamForm } from './team-form-parts';
import { teamsApi, type TeamsDto } from './teams-api';

const NEW = '__new__';

export function TeamMoveForm({ data, done }: { data: TeamsDto; done(words: string): void }) {
  const active = data.teams.filter((t) => t.active);
  const [v, setV] = useState({ kind: 'merge' as 'merge' | 'split', sources: [] as string[], target: active[0]?.key ?? '', newKey: '', newName: '', cases: '', people: [] as string[], reason: '' });
  const f = useTeamForm('move', done);
  const toggle = (k: 'sources' | 'people', x: string) => setV({ ...v, [k]: v[k].includes(x) ? v[k].filter((y) => y !== x) : [...v[k], x] });
  const split = v.kind === 'split';
  return (
    <form noValidate onSubmit={f.submit(async () => {
      const move = await teamsApi.move({
        kind: v.kind, sources: v.sources, target: v.target === NEW ? v.newKey.trim() : v.target, reason: v.reason,
        ...(v.target === NEW ? { targetName: v.newName } : {}),
        ...(split ? { caseIds: v.cases.split(/[\s,]+/).filter(Boolean), userIds: v.people } : {}),
      });
      const c = move.counts;
      return `${move.kind === 'merge' ? 'Teams merged' : 'Team split'}: ${some(c.cases, 'case')}, ${some(c.tasks, 'open task')} and ${some(c.members, 'person', 'people')} moved to ${move.target.name}.`;
    })}>
      <h2 className="govuk-heading-m">Merge or split teams</h2>
      {f.summary}
      <Group id={f.idOf('kind')} label="What is changing">
        <Select id={f.idOf('kind')} value={v.kind} onChange={(k) => setV({ ...v, kind: k as 'merge' | 'split' })}
          options={[{ value: 'merge', label: 'Teams merge: every case, open task and person moves' }, { value: 'split', label: 'A team splits: the cases and people you name move' }]} />
      </Group>
      <Checkboxes id={f.idOf('sources')} legend={split ? 'Team that splits' : 'Teams that merge'} error={f.errors.sources}
        options={active.map((t) => ({ value: t.key, label: t.name }))} chosen={v.sources} toggle={(k) => toggle('sources', k)} />
      <Group id={f.idOf('target')} label="Into" error={f.errors.target}>
        <Select id={f.idOf('target')} value={v.target} onChange={(target) => setV({ ...v, target })} options={[...active.map((t) => ({ value: t.key, label: t.name })), { value: NEW, label: 'A new team' }]} />
      </Group>
      {v.target === NEW ? (
        <>
          <Group id={f.idOf('targetName')} label="New team’s name" error={f.errors.targetName}><input className="govuk-input" id={f.idOf('targetName')} value={v.newName} onChange={(e) => setV({ ...v, newName: e.target.value })} /></Group>
          <Group id={f.idOf('newKey')} label="New team’s short key" hint="Lower-case letters, digits and dashes"><input className="govuk-input govuk-input--width-20" id={f.idOf('newKey')} value={v.newKey} onChange={(e) => setV({ ...v, newKey: e.target.value })} /></Group>
        </>
      ) : null}
      {split ? (
        <>
          <Group id={f.idOf('caseIds')} label="Case references that move" hint="One or more, separated by spaces or commas, for example YJ-7BBYXQGC" error={f.errors.caseIds}>
            <textarea className="govuk-textarea" id={f.idOf('caseIds')} rows={3} value={v.cases} onChange={(e) => setV({ ...v, cases: e.target.value })} />
          </Group>
          <Checkboxes id={f.idOf('userIds')} legend="People who move" error={f.errors.userIds}
            options={data.people.map((p) => ({ value: p.id, label: p.name }))} chosen={v.people} toggle={(id) => toggle('people', id)} />
        </>
      ) : null}
      <Group id={f.idOf('reason')} label="Why" hint="For example the restructure this carries out; it is kept with the record of the move" error={f.errors.reason}>
        <input className="govuk-input" id={f.idOf('reason')} value={v.reason} onChange={(e) => setV({ ...v, reason: e.target.value })} />
      </Group>
      <button type="submit" className="govuk-button govuk-button--warning">{split ? 'Split the team' : 'Merge the teams'}</button>
    </form>
  );
}
