// The teams page's forms: add a team; change a team's name, managers and head of service; put someone in a
// team or take them out from a day (history is kept: leaving sets an end date, nothing is deleted).
import { useState } from 'react';
import { formatDate } from '../../shell/format';
import { Checkboxes, Group, Select, useTeamForm } from './team-form-parts';
import { teamsApi, type TeamsDto } from './teams-api';

type Done = (words: string) => void;

export function AddTeamForm({ done }: { done: Done }) {
  const [v, setV] = useState({ key: '', name: '' });
  const f = useTeamForm('add-team', done);
  return (
    <form noValidate onSubmit={f.submit(async () => { const t = await teamsApi.create(v); return `${t.name} was added.`; })}>
      <h2 className="govuk-heading-m">Add a team</h2>
      {f.summary}
      <Group id={f.idOf('name')} label="Team name" hint="As people say it, for example East team" error={f.errors.name}>
        <input className="govuk-input" id={f.idOf('name')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
      </Group>
      <Group id={f.idOf('key')} label="Short key" hint="Lower-case letters, digits and dashes, for example east. It cannot be changed later." error={f.errors.key}>
        <input className="govuk-input govuk-input--width-20" id={f.idOf('key')} value={v.key} onChange={(e) => setV({ ...v, key: e.target.value })} />
      </Group>
      <button type="submit" className="govuk-button">Add team</button>
    </form>
  );
}

export function ChangeTeamForm({ data, done }: { data: TeamsDto; done: Done }) {
  const active = data.teams.filter((t) => t.active);
  const [key, setKey] = useState(active[0]?.key ?? '');
  const team = active.find((t) => t.key === key);
  const [v, setV] = useState({ head: team?.headOfService?.id ?? '', managers: team?.managers.map((m) => m.id) ?? [] });
  const pick = (k: string) => {
    const t = active.find((x) => x.key === k);
    setKey(k);
    setV({ head: t?.headOfService?.id ?? '', managers: t?.managers.map((m) => m.id) ?? [] });
  };
  const f = useTeamForm('change-team', done);
  const toggle = (id: string) => setV({ ...v, managers: v.managers.includes(id) ? v.managers.filter((m) => m !== id) : [...v.managers, id] });
  return (
    <form noValidate onSubmit={f.submit(async () => {
      const t = await teamsApi.update(key, { managerIds: v.managers, headOfServiceId: v.head || null });
      return `${t.name} was changed.`;
    })}>
      <h2 className="govuk-heading-m">Change a team’s managers or head of service</h2>
      {f.summary}
      <Group id={f.idOf('team')} label="Team"><Select id={f.idOf('team')} value={key} onChange={pick} options={active.map((t) => ({ value: t.key, label: t.name }))} /></Group>
      <Group id={f.idOf('headOfServiceId')} label="Head of service" hint="Sees the cases and reports of every team they are head of" error={f.errors.headOfServiceId}>
        <Select id={f.idOf('headOfServiceId')} value={v.head} onChange={(head) => setV({ ...v, head })} options={[{ value: '', label: 'None' }, ...data.people.map((p) => ({ value: p.id, label: p.name }))]} />
      </Group>
      <Checkboxes id={f.idOf('managerIds')} legend="Managers" error={f.errors.managerIds}
        options={data.people.map((p) => ({ value: p.id, label: p.name }))} chosen={v.managers} toggle={toggle} />
      <button type="submit" className="govuk-button">Save changes</button>
    </form>
  );
}

export function MembershipForm({ data, done }: { data: TeamsDto; done: Done }) {
  const active = data.teams.filter((t) => t.active);
  const [v, setV] = useState({ team: active[0]?.key ?? '', userId: data.people[0]?.id ?? '', change: 'join' as 'join' | 'leave', on: data.today });
  const f = useTeamForm('membership', done);
  const words = (id: string, list: { value: string; label: string }[]) => list.find((o) => o.value === id)?.label ?? id;
  const teams = active.map((t) => ({ value: t.key, label: t.name }));
  const people = data.people.map((p) => ({ value: p.id, label: p.name }));
  return (
    <form noValidate onSubmit={f.submit(async () => {
      await teamsApi.membership(v.team, { userId: v.userId, change: v.change, on: v.on });
      return `${words(v.userId, people)} ${v.change === 'join' ? 'joins' : 'leaves'} ${words(v.team, teams)} on ${formatDate(v.on)}.`;
    })}>
      <h2 className="govuk-heading-m">Put someone in a team, or take them out</h2>
      {f.summary}
      <Group id={f.idOf('userId')} label="Person" error={f.errors.userId}><Select id={f.idOf('userId')} value={v.userId} onChange={(userId) => setV({ ...v, userId })} options={people} /></Group>
      <Group id={f.idOf('team')} label="Team"><Select id={f.idOf('team')} value={v.team} onChange={(team) => setV({ ...v, team })} options={teams} /></Group>
      <Group id={f.idOf('change')} label="Change" error={f.errors.change}>
        <Select id={f.idOf('change')} value={v.change} onChange={(c) => setV({ ...v, change: c as 'join' | 'leave' })} options={[{ value: 'join', label: 'Joins the team' }, { value: 'leave', label: 'Leaves the team' }]} />
      </Group>
      <Group id={f.idOf('on')} label="From" hint="The day it takes effect: today, or a later day for a planned change" error={f.errors.on}>
        <input className="govuk-input govuk-input--width-10" type="date" id={f.idOf('on')} value={v.on} onChange={(e) => setV({ ...v, on: e.target.value })} />
      </Group>
      <button type="submit" className="govuk-button">Save the change</button>
    </form>
  );
}
