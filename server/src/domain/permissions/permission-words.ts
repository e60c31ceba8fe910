// Words for the keys of the permission table, for people (the admin page, the preview, the refusals).
import type { Action, CaseSection } from '../policies/permission-table';

export const SECTION_WORDS: Readonly<Record<CaseSection, string> & Record<string, string | undefined>> = {
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
