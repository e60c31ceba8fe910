// Roles as people read them. The shipped roles' names are here; a role added by a permission version brings
// its own (table-in-force.ts PermissionConfig.roleLabels). Keys ("case-managers") are for the BPMN
// candidate groups and the API, never for a page.
import { configInForce } from '../policies/table-in-force';
import type { Role } from './user';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  'case-managers': 'Case managers',
  'team-managers': 'Team managers',
  'court-officers': 'Court officers',
  'victim-workers': 'Victim workers',
  'panel-coordinators': 'Panel coordinators',
  'health-workers': 'Health workers',
  'data-officers': 'Data officers',
  dpo: 'Data protection officers',
  admins: 'Administrators',
};

/** "speech-language-workers" → "Speech language workers": what a role without a configured name is called. */
const spellOut = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, ' ');

export function roleLabel(role: string): string {
  const configured = configInForce().roleLabels;
  if (Object.hasOwn(configured, role)) return configured[role]!;
  return Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as Role] : spellOut(role);
}

/** Keys with their names, for lists and checkboxes. */
export const labelledRoles = (roles: readonly string[]) => roles.map((key) => ({ key, label: roleLabel(key) }));
