// The permission matrix written out by hand, independently of the table: every role × every action and
// every role × every section. A change to who may do what must change this file too, in review.
import {
  ACTIONS, CASE_SECTIONS, can, canRead, canWrite, permittedActions, readableSections, writableSections,
} from '../../../server/src/domain/policies';
import { ROLES } from '../../../server/src/domain/users/user';

// Columns: CM = case-managers, TM = team-managers, CO = court-officers, VW = victim-workers,
// PC = panel-coordinators, HW = health-workers, DO = data-officers, DP = dpo, AD = admins.
const COLS = ['case-managers', 'team-managers', 'court-officers', 'victim-workers', 'panel-coordinators', 'health-workers', 'data-officers', 'dpo', 'admins'];

const actionMatrix: Record<string, string> = {
  //                   CM TM CO VW PC HW DO DP AD
  claim:              'Y  Y  Y  Y  Y  Y  Y  Y  .',
  complete:           'Y  Y  Y  Y  Y  Y  Y  Y  .',
  allocate:           '.  Y  .  .  .  .  .  .  .',
  reassign:           '.  Y  .  .  .  .  .  .  .',
  countersign:        '.  Y  .  .  .  .  .  .  .',
  'send-message':     'Y  Y  Y  Y  Y  Y  .  .  .',
  'view-cases':       'Y  Y  Y  Y  Y  Y  Y  Y  .',
  'create-case':      'Y  Y  Y  .  .  .  .  .  .',
  'break-glass':      'Y  Y  Y  Y  Y  Y  .  .  .',
  'deploy-process':   '.  Y  .  .  .  .  .  .  Y',
  'deploy-form':      '.  Y  .  .  .  .  .  .  Y',
  'edit-timescales':  '.  Y  .  .  .  .  .  .  .',
  'cancel-instance':  '.  Y  .  .  .  .  .  .  .',
  'migrate-instance': '.  Y  .  .  .  .  .  .  Y',
  'resolve-incident': '.  Y  .  .  .  .  .  .  Y',
  'administer-users': '.  .  .  .  .  .  .  .  Y',
  'view-audit':       '.  .  .  .  .  .  .  Y  .',
  'verify-audit':     '.  .  .  .  .  .  .  Y  Y',
  'export-sar':       '.  .  .  .  .  .  .  Y  .',
  'manage-retention': '.  .  .  .  .  .  Y  .  .',
  'manage-legal-holds': '.  .  .  .  .  .  Y  Y  .',
  'restrict-processing': '.  .  .  .  .  .  .  Y  .',
  'view-reports':     '.  Y  .  .  .  .  Y  Y  .',
  'submit-returns':   '.  .  .  .  .  .  Y  .  .',
};

// R = read, W = read and write, . = neither.
const sectionMatrix: Record<string, string> = {
  //              CM TM CO VW PC HW DO DP AD
  personal:      'W  W  W  R  R  R  W  W  .',
  family:        'W  W  R  R  R  R  .  R  .',
  education:     'W  W  R  R  R  R  R  R  .',
  health:        '.  W  .  .  .  W  .  .  .',
  offending:     'W  W  W  R  W  R  R  R  .',
  assessments:   'W  W  R  R  R  R  R  R  .',
  plans:         'W  W  R  R  W  R  R  R  .',
  victims:       '.  W  .  W  .  .  .  .  .',
  agencies:      'W  W  R  R  R  R  R  R  .',
  documents:     'W  W  W  W  W  W  .  R  .',
  audit:         '.  R  .  .  .  .  .  R  .',
};

const cells = (row: string) => row.trim().split(/\s+/);

describe('permission matrix', () => {
  it('covers exactly the declared roles, actions and sections', () => {
    expect([...ROLES].sort()).toEqual([...COLS].sort());
    expect(Object.keys(actionMatrix).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(sectionMatrix).sort()).toEqual([...CASE_SECTIONS].sort());
  });

  const actionCases = Object.entries(actionMatrix).flatMap(([action, row]) =>
    cells(row).map((cell, i) => [COLS[i], action, cell === 'Y'] as const));
  it.each(actionCases)('%s may %s: %s', (role, action, allowed) => {
    expect(can({ roles: [role] }, action as (typeof ACTIONS)[number])).toBe(allowed);
  });

  const sectionCases = Object.entries(sectionMatrix).flatMap(([section, row]) =>
    cells(row).map((cell, i) => [COLS[i], section, cell] as const));
  it.each(sectionCases)('%s on section %s: %s', (role, section, cell) => {
    const s = section as (typeof CASE_SECTIONS)[number];
    expect(canRead({ roles: [role] }, s)).toBe(cell !== '.');
    expect(canWrite({ roles: [role] }, s)).toBe(cell === 'W');
  });

  it('never lets anyone write a section they cannot read', () => {
    for (const role of ROLES) {
      const readable = readableSections({ roles: [role] });
      for (const s of writableSections({ roles: [role] })) expect(readable).toContain(s);
    }
  });

  it('permittedActions lists exactly the allowed actions, in table order', () => {
    expect(permittedActions({ roles: ['admins'] })).toEqual(['deploy-process', 'deploy-form', 'migrate-instance', 'resolve-incident', 'administer-users', 'verify-audit']);
  });
});
