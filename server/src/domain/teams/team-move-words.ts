// What a merge or split moved, in sentences an administrator reads (and the audit keeps): counts, teams,
// queues and people by name, never keys. Case references are the one identifier shown: an administrator
// may not read children's records, so the report names no child.
import type { TeamMove } from './team-move';

export interface MoveWordsOf {
  team(key: string): string;
  person(id: string): string;
  /** A candidate group's queue in words ("Victim workers"). */
  queue(group: string): string;
}

/** "1 case", "2 cases". */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const and = (items: readonly string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** Open tasks by queue: "1 in the Victim workers queue and 2 in the Case managers queue". */
function byQueue(m: TeamMove, words: MoveWordsOf): string {
  const counts = new Map<string, number>();
  for (const entry of m.moved.queues ?? []) {
    const group = entry.slice(0, entry.indexOf('|'));
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return and([...counts].map(([group, n]) => `${n} in the ${words.queue(group)} queue`));
}

export function moveSentences(m: TeamMove, words: MoveWordsOf): string[] {
  const target = words.team(m.target);
  const sources = and(m.sources.map(words.team));
  const out = [`${counted(m.moved.cases.length, 'case')} moved from ${sources} to ${target}.`];
  const queues = byQueue(m, words);
  out.push(`${counted(m.moved.tasks.length, 'open task')} went with ${m.moved.cases.length === 1 ? 'it' : 'them'} to ${target}’s queues${queues ? ` (${queues})` : ''}.`);
  const people = m.moved.members.map(words.person).sort((a, b) => a.localeCompare(b));
  out.push(people.length ? `${counted(people.length, 'person', 'people')} left ${sources} and joined ${target}: ${and(people)}.` : 'Nobody changed team.');
  if (m.moved.managers.length) out.push(`${and(m.moved.managers.map(words.person).sort((a, b) => a.localeCompare(b)))} now also ${m.moved.managers.length === 1 ? 'manages' : 'manage'} ${target}.`);
  if (m.kind === 'merge' && m.state === 'done') out.push(`${sources} ${m.sources.length === 1 ? 'is a former team' : 'are former teams'}: figures filed under ${m.sources.length === 1 ? 'it' : 'them'} show under ${target}.`);
  const released = m.released ?? [];
  if (released.length) {
    out.push(`${counted(released.length, 'task was', 'tasks were')} given back to ${target}’s queue, because ${released.length === 1 ? 'the person working on it is' : 'the people working on them are'} not in ${target}: ${and(released.map((r) => `${r.task} (${words.person(r.userId)})`))}.`);
  }
  if (m.toReallocate.length) {
    out.push(`${counted(m.toReallocate.length, 'moved case needs', 'moved cases need')} a new case manager, because ${m.toReallocate.length === 1 ? 'its case manager is' : 'their case managers are'} not in ${target}: ${and(m.toReallocate.map((r) => `${r.caseId} (${words.person(r.userId)})`))}.`);
  }
  return out;
}
