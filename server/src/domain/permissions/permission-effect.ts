// The effect of a proposed version on real people: for each action and case section, who would gain or lose
// it. Computed per user over all their roles (a user who keeps read access to Health through another role
// loses nothing), so the preview says what would really change.
import { ACTIONS, CASE_SECTIONS } from '../policies/permission-table';
import { EMPTY_CONFIG, type PermissionConfig, type PermissionRows, type SectionDefinition } from '../policies/table-in-force';
import { ACTION_WORDS, sectionWord } from './permission-words';

export interface EffectSubject {
  id: string;
  displayName: string;
  roles: readonly string[];
}

export type EffectKind = 'action' | 'read' | 'write';

export interface EffectLine {
  kind: EffectKind;
  /** The action or section key. */
  name: string;
  change: 'gain' | 'loss';
  /** "3 users would gain read access to Health". */
  summary: string;
  users: { id: string; displayName: string }[];
}

function reach(rows: PermissionRows, roles: readonly string[], kind: EffectKind): Set<string> {
  const out = new Set<string>();
  for (const r of roles) {
    const row = Object.hasOwn(rows, r) ? rows[r]! : undefined;
    if (row) for (const n of kind === 'action' ? row.actions : row[kind]) out.add(n);
  }
  return out;
}

function summary(kind: EffectKind, name: string, change: 'gain' | 'loss', count: number, config: PermissionConfig): string {
  const who = `${count} ${count === 1 ? 'user' : 'users'} would ${change === 'gain' ? 'gain' : 'lose'}`;
  if (kind === 'action') return `${who} "${ACTION_WORDS[name] ?? name}"`;
  return `${who} ${kind} access to ${sectionWord(name, config)}`;
}

/** Gains first, then losses; within each, actions in table order, then sections read, then written. */
export function permissionEffect(before: PermissionRows, after: PermissionRows, users: readonly EffectSubject[], config: PermissionConfig = EMPTY_CONFIG): EffectLine[] {
  const lines: EffectLine[] = [];
  // The proposal's sections, then any the version in force had that the proposal drops (their readers lose them).
  const sections = [...new Set([...CASE_SECTIONS, ...config.sections.map((s) => s.key), ...Object.values(before).flatMap((r) => [...r.read, ...r.write])])];
  for (const change of ['gain', 'loss'] as const) {
    for (const kind of ['action', 'read', 'write'] as const) {
      for (const name of kind === 'action' ? ACTIONS : sections) {
        const affected = users.filter((u) => {
          const had = reach(before, u.roles, kind).has(name);
          const has = reach(after, u.roles, kind).has(name);
          return change === 'gain' ? !had && has : had && !has;
        });
        if (!affected.length) continue;
        lines.push({
          kind, name, change, summary: summary(kind, name, change, affected.length, config),
          users: affected.map((u) => ({ id: u.id, displayName: u.displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName)),
        });
      }
    }
  }
  return lines;
}

/** Role by role, what the version changes in the table itself (for the history and the audit). */
export function rowChanges(before: PermissionRows, after: PermissionRows): { role: string; change: string }[] {
  const out: { role: string; change: string }[] = [];
  for (const role of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = Object.hasOwn(before, role) ? before[role] : undefined;
    const a = Object.hasOwn(after, role) ? after[role] : undefined;
    if (!b) { out.push({ role, change: 'added' }); continue; }
    if (!a) { out.push({ role, change: 'removed' }); continue; }
    const diff = (k: 'actions' | 'read' | 'write') => {
      const [was, now] = [b[k] as readonly string[], a[k] as readonly string[]];
      const plus = now.filter((x) => !was.includes(x)).map((x) => `+${x}`);
      const minus = was.filter((x) => !now.includes(x)).map((x) => `-${x}`);
      return plus.length || minus.length ? `${k} ${[...plus, ...minus].join(' ')}` : '';
    };
    const said = (['actions', 'read', 'write'] as const).map(diff).filter(Boolean);
    if (said.length) out.push({ role, change: said.join('; ') });
  }
  return out;
}

/** What a version changes in the sections and role names it configures, for the history and the audit. */
export function configChanges(before: { sections?: readonly SectionDefinition[]; roleLabels?: Readonly<Record<string, string>> }, after: PermissionConfig): { role: string; change: string }[] {
  const out: { role: string; change: string }[] = [];
  const was = new Map((before.sections ?? []).map((s) => [s.key, s]));
  const now = new Map(after.sections.map((s) => [s.key, s]));
  for (const [key, s] of now) {
    const old = was.get(key);
    if (!old) out.push({ role: 'case sections', change: `added ${key} (${s.label})` });
    else if (old.label !== s.label || old.description !== s.description) out.push({ role: 'case sections', change: `${key} renamed or described anew (${s.label})` });
  }
  for (const key of was.keys()) if (!now.has(key)) out.push({ role: 'case sections', change: `removed ${key}` });
  const labels = before.roleLabels ?? {};
  for (const role of new Set([...Object.keys(labels), ...Object.keys(after.roleLabels)])) {
    if (labels[role] !== after.roleLabels[role]) out.push({ role, change: after.roleLabels[role] ? `named "${after.roleLabels[role]}"` : 'name removed' });
  }
  return out;
}
