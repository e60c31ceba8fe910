// THE permission table: role → actions, and role → case sections readable / writable. Everything else
// (API checks, the UI hiding tabs, the audit of withheld sections) derives from these rows, so changing
// who may do what is a data change reviewed in one place. Anything not listed is denied.
import type { Role } from '../users/user';

export const ACTIONS = [
  'claim', 'complete', 'allocate', 'reassign', 'countersign', 'send-message',
  'view-cases', 'create-case', 'break-glass',
  'deploy-process', 'deploy-form', 'edit-timescales',
  'cancel-instance', 'migrate-instance', 'resolve-incident',
  'administer-users', 'view-audit', 'verify-audit', 'export-sar', 'manage-retention', 'restrict-processing', 'manage-legal-holds',
  'view-reports', 'submit-returns',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The shipped tabs of a case record (domain.md), each with its own access rule. A permission version may add
 * more (table-in-force.ts SectionDefinition), so a section is a string wherever one is asked about. */
export const CASE_SECTIONS = [
  'personal', 'family', 'education', 'health', 'offending', 'assessments',
  'plans', 'victims', 'agencies', 'documents', 'audit',
] as const;
export type ShippedSection = (typeof CASE_SECTIONS)[number];
export type CaseSection = string;

export interface RolePolicy {
  actions: readonly Action[];
  read: readonly CaseSection[];
  write: readonly CaseSection[];
}

// Work on tasks is open to every role that is a candidate group of some process; admins run the
// system and deliberately see no child's data.
const TASK_WORK: readonly Action[] = ['claim', 'complete'];
// Sections any practitioner on the case may read; health, victims and audit are restricted.
const GENERAL: readonly CaseSection[] = ['personal', 'family', 'education', 'offending', 'assessments', 'plans', 'agencies', 'documents'];

export const PERMISSIONS: Readonly<Record<Role, RolePolicy>> = {
  'case-managers': {
    actions: [...TASK_WORK, 'send-message', 'view-cases', 'create-case', 'break-glass'],
    read: GENERAL,
    write: ['personal', 'family', 'education', 'offending', 'assessments', 'plans', 'agencies', 'documents'],
  },
  'team-managers': {
    actions: [
      ...TASK_WORK, 'allocate', 'reassign', 'countersign', 'send-message', 'view-cases', 'create-case', 'break-glass',
      'deploy-process', 'deploy-form', 'edit-timescales', 'cancel-instance', 'migrate-instance', 'resolve-incident',
      'view-reports',
    ],
    read: [...GENERAL, 'health', 'victims', 'audit'],
    write: [...GENERAL, 'health', 'victims'],
  },
  'court-officers': {
    actions: [...TASK_WORK, 'send-message', 'view-cases', 'create-case', 'break-glass'],
    read: GENERAL,
    write: ['personal', 'offending', 'documents'],
  },
  'victim-workers': {
    actions: [...TASK_WORK, 'send-message', 'view-cases', 'break-glass'],
    read: [...GENERAL, 'victims'],
    write: ['victims', 'documents'],
  },
  'panel-coordinators': {
    actions: [...TASK_WORK, 'send-message', 'view-cases', 'break-glass'],
    read: GENERAL,
    // Offending: they record youth offender panel meetings (offending.panels) and the contract's start on the
    // order (offending.orders); without it no panel form could be submitted by the group its tasks go to.
    write: ['offending', 'plans', 'documents'],
  },
  'health-workers': {
    actions: [...TASK_WORK, 'send-message', 'view-cases', 'break-glass'],
    read: [...GENERAL, 'health'],
    write: ['health', 'documents'],
  },
  'data-officers': {
    // Returns and retention need the facts that are reported, not the restricted tabs.
    actions: [...TASK_WORK, 'view-cases', 'view-reports', 'submit-returns', 'manage-retention', 'manage-legal-holds'],
    read: ['personal', 'education', 'offending', 'assessments', 'plans', 'agencies'],
    write: ['personal'],
  },
  dpo: {
    // Reviews access and answers SARs; amends personal data found inaccurate (PIA accuracy principle).
    actions: [...TASK_WORK, 'view-cases', 'view-audit', 'verify-audit', 'export-sar', 'view-reports', 'restrict-processing', 'manage-legal-holds'],
    read: [...GENERAL, 'audit'],
    write: ['personal'],
  },
  admins: {
    actions: ['administer-users', 'deploy-process', 'deploy-form', 'migrate-instance', 'resolve-incident', 'verify-audit'],
    read: [],
    write: [],
  },
};
