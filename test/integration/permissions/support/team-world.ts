// The world the team-scope matrix runs in: the whole product (composition root, real database, sessions,
// CSRF), one signed-in member of team north per role (and only of north), south users, a north and a south case each with
// a unique marker in every section, and on each case a referral whose out-of-court pathway has called its
// child process (so the child's tasks and instance exist), a victim-contact process waiting in the victim's
// participation (consent-withdrawn keyed by a victim id both cases share), and small "ping" processes that
// wait for a message keyed per role. Engine steps of the set-up are driven through the engine port: they
// are the "given"; the routes under test are only called in the tests.
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../../server/src/adapters/crypto/argon2.password-hasher';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../../server/src/application/users/seed-demo-users';
import type { Role } from '../../../../server/src/domain/users/user';
import { linearBpmn } from '../../monitor/support/monitor-bpmn';
import { demoSessions, until } from '../../../support/demo-sessions';
import { startTestSystem } from '../../../support/system';

export const SECTIONS = ['personal', 'family', 'education', 'health', 'offending', 'assessments', 'plans', 'victims', 'agencies'] as const;
export type Section = (typeof SECTIONS)[number];
export type Team = 'north' | 'south';
export const ROLES: Role[] = ['case-managers', 'team-managers', 'court-officers', 'victim-workers', 'panel-coordinators', 'health-workers', 'data-officers', 'dpo', 'admins'];

/** A value nothing else contains: one per team and section. */
export const marker = (team: Team, s: Section) => `ZQX${team.toUpperCase()}${s.toUpperCase()}QZX`;
/** Process variables that are form fields of a section (forms/oocd-*.form): they carry the markers into instances. */
export const SECTION_VARIABLES: Partial<Record<Section, string>> = { health: 'healthNotes', victims: 'victimViews', assessments: 'factorsForDesistance' };

export type { Reply, Session } from '../../../support/demo-sessions';
export interface CaseWorld {
  caseId: string;
  parentKey: string;
  childKey: string;
  /** The child's open tasks by element id (pdat: case managers; victimViews: victim workers; panel: managers). */
  childTasks: Record<string, string>;
  victimContactKey: string;
  pingKey: string;
}

export type TeamWorld = Awaited<ReturnType<typeof startTeamWorld>>;

export async function startTeamWorld() {
  const system = await startTestSystem();
  const engine = system.modules.workflow.engine;
  const { sessions, call, signIn } = demoSessions(() => system.url);
  const openTask = (instanceKey: string, elementId: string) => until(`${elementId} of ${instanceKey}`, async () =>
    (await engine.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId)?.key).catch(async (e: Error) => {
    const at = await engine.getInstance(instanceKey);
    throw new Error(`${e.message}: ${at?.state} at ${at?.activeElementIds.join(', ')}; ${JSON.stringify(await engine.listIncidents({ instanceKey }))}`);
  });

  // People: demo users where their role has one in north; extra north members for the DPO and admin roles.
  const passwordHash = await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD);
  for (const [username, role] of [['nora.dpo', 'dpo'], ['nick.admin', 'admins'], ['nell.data', 'data-officers']] as const) {
    await system.modules.security.users.create({ username, displayName: username, email: `${username}@example.org`, roles: [role], teams: ['north'], passwordHash });
  }
  const northByRole = new Map<Role, string>([['dpo', 'nora.dpo'], ['admins', 'nick.admin'], ['data-officers', 'nell.data']]);
  for (const u of DEMO_USERS) if (u.teams.length === 1 && u.teams[0] === 'north' && !northByRole.has(u.roles[0])) northByRole.set(u.roles[0], u.username);
  for (const role of ROLES) sessions.set(role, await signIn(northByRole.get(role)!));
  for (const u of ['sol.case', 'sam.manager', 'hana.head', 'dee.dpo', 'ada.admin']) sessions.set(u, await signIn(u));

  // The ping process: waits for `matrix-ping` keyed by its pingKey variable.
  await engine.deploy([{ name: 'matrix-ping.bpmn', content: linearBpmn('matrix-ping', [{ id: 'wait', kind: 'message', message: 'matrix-ping', key: '=pingKey' }]) }]);
  const ping = async (caseId: string, pingKey: string) => {
    const { instanceKey } = await engine.startInstance('matrix-ping', { caseId, pingKey });
    await until(`ping ${pingKey}`, async () => ((await engine.getInstance(instanceKey))?.activeElementIds.includes('wait') ? true : undefined));
    return instanceKey;
  };

  async function buildCase(team: Team): Promise<CaseWorld> {
    const created = await call('hana.head', 'POST', '/cases', { givenName: `Matrix${team}`, familyName: 'Child', dateOfBirth: '2011-02-03', team });
    if (created.status !== 201) throw new Error(`case: ${created.text}`);
    const caseId: string = created.body.id;
    for (const s of SECTIONS) {
      const r = await call('hana.head', 'PATCH', `/cases/${encodeURIComponent(caseId)}/sections/${s}`, { changes: { [`${s}Note`]: marker(team, s) }, reason: 'matrix set-up' });
      if (r.status !== 200) throw new Error(`section ${s}: ${r.text}`);
    }
    const started = await call('hana.head', 'POST', `/cases/${encodeURIComponent(caseId)}/processes`, { processId: 'referral-intake', variables: { referralReceivedAt: new Date().toISOString() } });
    const parentKey: string = started.body.instanceKey;
    const carried = Object.fromEntries(Object.entries(SECTION_VARIABLES).map(([s, key]) => [key, marker(team, s as Section)]));
    for (const elementId of ['matchPerson', 'checkSocialCare', 'allocate', 'privacyConsent']) {
      await engine.completeUserTask(await openTask(parentKey, elementId), { pathway: 'out-of-court', lawfulBasis: 'public-task', ...carried }, { by: 'matrix' });
    }
    const childKey = await until('the called child', async () => (await engine.listInstances({ processId: 'out-of-court-disposal', limit: 200 })).items.find((i) => i.parentKey === parentKey)?.key);
    const childTasks = { pdat: await openTask(childKey, 'pdat'), victimViews: await openTask(childKey, 'victimViews') };

    const victim = await engine.startInstance('victim-contact', { caseId, victimId: 'V-SHARED', detailsReceivedAt: new Date().toISOString(), victimObjected: false, enhancedRights: false });
    // RJ decided before contact; the victim's item id (victim.id) keys their messages, as the server writes it.
    await engine.completeUserTask(await openTask(victim.instanceKey, 'suitability'), { victim: { id: 'V-SHARED', rjDecision: 'suitable' } }, { by: 'matrix' });
    await engine.completeUserTask(await openTask(victim.instanceKey, 'contact'), { victimContact: { contactConsent: 'yes', rjConsent: 'consents', keepInformed: 'yes' } }, { by: 'matrix' });
    await openTask(victim.instanceKey, 'rj');
    return { caseId, parentKey, childKey, childTasks, victimContactKey: victim.instanceKey, pingKey: await ping(caseId, `${team}-other`) };
  }

  const north = await buildCase('north');
  const south = await buildCase('south');
  // One ping per role on the north case (a role allowed to send consumes its own), and one to cancel.
  const northPings = new Map<Role, string>();
  for (const role of ROLES) northPings.set(role, await ping(north.caseId, `north-${role}`));
  const northCancel = await ping(north.caseId, 'north-cancel');
  return { system, engine, sessions, call, until, north, south, northPings, northCancel, close: () => system.close() };
}
