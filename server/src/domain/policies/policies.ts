// Pure questions asked of the permission table in force. A user with several roles gets the union; an
// inactive user, or a role the table does not know, gets nothing (deny by default).
import { ACTIONS, CASE_SECTIONS, type Action, type CaseSection, type RolePolicy } from './permission-table';
import { configInForce, tableInForce } from './table-in-force';

/** The least a policy needs to know about someone; User satisfies it. */
export interface PolicySubject {
  roles: readonly string[];
  active?: boolean;
}

function policiesOf(user: PolicySubject): RolePolicy[] {
  if (user.active === false) return [];
  // The version in force (table-in-force.ts): the shipped table until an admin saved another.
  const rows = tableInForce();
  return user.roles.flatMap((r) => (Object.hasOwn(rows, r) ? [rows[r]!] : []));
}

/** Every section access is decided for: the shipped ones, then those the version in force adds. */
export function policySections(): CaseSection[] {
  return [...CASE_SECTIONS, ...configInForce().sections.map((s) => s.key)];
}

export const isAction = (v: unknown): v is Action => typeof v === 'string' && (ACTIONS as readonly string[]).includes(v);
export const isCaseSection = (v: unknown): v is CaseSection => typeof v === 'string' && policySections().includes(v);

export function can(user: PolicySubject, action: Action): boolean {
  return policiesOf(user).some((p) => p.actions.includes(action));
}

/** Every action the user may take, in table order (what the client uses to show or hide controls). */
export function permittedActions(user: PolicySubject): Action[] {
  const ps = policiesOf(user);
  return ACTIONS.filter((a) => ps.some((p) => p.actions.includes(a)));
}

export function readableSections(user: PolicySubject): CaseSection[] {
  const ps = policiesOf(user);
  return policySections().filter((s) => ps.some((p) => p.read.includes(s)));
}

export function writableSections(user: PolicySubject): CaseSection[] {
  const ps = policiesOf(user);
  return policySections().filter((s) => ps.some((p) => p.write.includes(s)));
}

export const canRead = (user: PolicySubject, section: CaseSection): boolean => readableSections(user).includes(section);
export const canWrite = (user: PolicySubject, section: CaseSection): boolean => writableSections(user).includes(section);

export interface FilteredSections<T> {
  visible: Partial<T>;
  /**
   * Every section the user may not read, whether or not the record holds data there: listing only the
   * filled ones would itself disclose that, say, a health entry exists.
   */
  withheld: CaseSection[];
}

/** Keeps the readable sections of a record. Keys that are not known sections are dropped too. */
export function filterSections<T extends Partial<Record<CaseSection, unknown>>>(user: PolicySubject, record: T): FilteredSections<T> {
  const readable = readableSections(user);
  const visible: Partial<T> = {};
  for (const key of Object.keys(record) as (keyof T & string)[]) {
    if (isCaseSection(key) && readable.includes(key)) visible[key] = record[key];
  }
  return { visible, withheld: policySections().filter((s) => !readable.includes(s)) };
}

/** Sections of an intended write the user may not write; empty means the write is allowed. */
export function unwritableSections(user: PolicySubject, sections: Iterable<string>): string[] {
  const writable = writableSections(user);
  return [...new Set(sections)].filter((s) => !isCaseSection(s) || !writable.includes(s));
}
