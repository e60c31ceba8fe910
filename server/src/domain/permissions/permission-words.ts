// Words for the keys of the permission table, for people (the admin page, the preview, the refusals).
import type { Action, ShippedSection } from '../policies/permission-table';
import { configInForce, type PermissionConfig } from '../policies/table-in-force';

export const SECTION_WORDS: Readonly<Record<ShippedSection, string> & Record<string, string | undefined>> = {
  personal: 'Personal details', family: 'Family', education: 'Education', health: 'Health', offending: 'Offending',
  assessments: 'Assessments', plans: 'Plans', victims: 'Victims', agencies: 'Other agencies', documents: 'Documents', audit: 'Audit',
};

export const ACTION_WORDS: Readonly<Record<Action, string> & Record<string, string | undefined>> = {
  claim: 'Claim tasks', complete: 'Complete tasks', allocate: 'Allocate tasks', reassign: 'Reassign tasks',
  countersign: 'Countersign', 'send-message': 'Send messages', 'view-cases': 'View cases', 'create-case': 'Create cases',
  'break-glass': 'Break glass (emergency access)', 'deploy-process': 'Deploy processes', 'deploy-form': 'Deploy forms',
  'edit-timescales': 'Edit timescales', 'cancel-instance': 'Cancel process instances', 'migrate-instance': 'Migrate process instances',
  'resolve-incident': 'Resolve incidents', 'administer-users': 'Administer users', 'view-audit': 'View the audit log',
  'verify-audit': 'Verify the audit log', 'export-sar': 'Export subject access requests', 'manage-retention': 'Manage retention',
  'restrict-processing': 'Restrict processing', 'manage-legal-holds': 'Manage legal holds', 'view-reports': 'View reports',
  'submit-returns': 'Submit returns',
};

/** A section's name: the shipped words, else the label of a section the given (or the in-force) configuration adds. */
export function sectionWord(key: string, config: PermissionConfig = configInForce()): string {
  return SECTION_WORDS[key] ?? config.sections.find((s) => s.key === key)?.label ?? configInForce().sections.find((s) => s.key === key)?.label ?? key;
}
