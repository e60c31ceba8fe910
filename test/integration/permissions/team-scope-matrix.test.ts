// Role × own/other team × route × section, on the whole product: every role (a member of team north) against
// the north case's work and the south case's — called-process tasks, queues, claim/reassign/complete,
// submissions, drafts, messages, the monitor's parents and children, cancel and migrate, break-glass on the
// case record, and audit details. The expectations are the table below, written from issue 15 and the
// README (demo users and roles) and docs/security.md — not computed from permission-table.ts or case-access.ts.
// Beyond status codes, every reply is searched for markers: a south marker must never reach a north member
// (except through break glass), nor a marker of a section the role may not read.
import type { Role } from '../../../server/src/domain/users/user';
import { marker, ROLES, SECTION_VARIABLES, SECTIONS, startTeamWorld, type Reply, type Section, type TeamWorld } from './support/team-world';

const GENERAL: Section[] = ['personal', 'family', 'education', 'offending', 'assessments', 'plans', 'agencies'];
interface May {
  read: Section[];
  monitor: boolean; // the monitor's lists and instances
  cancel: boolean;
  migrate: boolean;
  message: boolean; // POST /api/messages
  breakGlass: boolean; // opening another team's case with a reason
}
const PRACTITIONER = { monitor: false, cancel: false, migrate: false, message: true, breakGlass: true };
const MAY: Record<Role, May> = {
  'case-managers': { ...PRACTITIONER, read: GENERAL },
  'team-managers': { read: [...SECTIONS], monitor: true, cancel: true, migrate: true, message: true, breakGlass: true },
  'court-officers': { ...PRACTITIONER, read: GENERAL },
  'victim-workers': { ...PRACTITIONER, read: [...GENERAL, 'victims'] },
  'panel-coordinators': { ...PRACTITIONER, read: GENERAL },
  'health-workers': { ...PRACTITIONER, read: [...GENERAL, 'health'] },
  'data-officers': { read: ['personal', 'education', 'offending', 'assessments', 'plans', 'agencies'], monitor: false, cancel: false, migrate: false, message: false, breakGlass: false },
  dpo: { read: GENERAL, monitor: false, cancel: false, migrate: false, message: false, breakGlass: false },
  admins: { read: [], monitor: true, cancel: false, migrate: true, message: false, breakGlass: false },
};
const REFUSED = [403, 404];

describe('team scope matrix: role × own/other team × route × section', () => {
  let w: TeamWorld;
  const enc = encodeURIComponent;
  /** Markers in a reply that the role must not see: every south one, and north ones of unreadable sections. */
  const leaks = (role: Role, r: Reply, opts: { southReadable?: boolean } = {}) => SECTIONS.flatMap((s) => [
    ...(r.text.includes(marker('south', s)) && !(opts.southReadable && MAY[role].read.includes(s)) ? [`south.${s}`] : []),
    ...(r.text.includes(marker('north', s)) && !MAY[role].read.includes(s) ? [`north.${s}`] : []),
  ]);

  beforeAll(async () => {
    w = await startTeamWorld();
  }, 240_000);
  afterAll(() => w?.close());

  describe('the case record of another team', () => {
    it.each(ROLES)('as %s: refused without a reason; with one only where break glass is allowed, then readable sections only', async (role) => {
      const bare = await w.call(role, 'GET', `/cases/${enc(w.south.caseId)}`);
      expect(REFUSED).toContain(bare.status);
      expect(leaks(role, bare)).toEqual([]);
      const glass = await w.call(role, 'GET', `/cases/${enc(w.south.caseId)}?reason=${enc('child seen at A&E out of hours')}`);
      if (!MAY[role].breakGlass) {
        expect(REFUSED).toContain(glass.status);
        expect(leaks(role, glass)).toEqual([]);
        return;
      }
      expect(glass.status).toBe(200);
      expect(Object.keys(glass.body.sections).sort()).toEqual([...MAY[role].read].sort());
      expect(leaks(role, glass, { southReadable: true })).toEqual([]);
    });
  });

  describe('the cases list and the dashboard (issue 18)', () => {
    const SEES_CASES = (role: Role) => role !== 'admins';
    it.each(ROLES)('as %s: another team\'s child is only "a record exists in team south"; the own team\'s is listed', async (role) => {
      const across = await w.call(role, 'GET', `/cases?team=all&q=${enc('Matrixsouth Child')}`);
      const own = await w.call(role, 'GET', `/cases?q=${enc('Matrixnorth')}`);
      const home = await w.call(role, 'GET', '/dashboard');
      expect(home.status).toBe(200);
      expect(leaks(role, home)).toEqual([]);
      expect(home.text).not.toContain(w.south.caseId);
      if (!SEES_CASES(role)) {
        expect([across.status, own.status]).toEqual([403, 403]);
        return;
      }
      expect(across.status).toBe(200);
      expect(across.body.items).toEqual([]);
      expect(across.body.elsewhere).toEqual([{ id: w.south.caseId, team: 'south' }]);
      expect(across.body.canBreakGlass).toBe(MAY[role].breakGlass);
      expect(across.text).not.toContain('Matrixsouth');
      expect(leaks(role, across)).toEqual([]);
      expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([w.north.caseId]);
      expect(leaks(role, own)).toEqual([]);
    });
  });

  describe('tasks of a called process (the child of the referral)', () => {
    it('carry their case: the north child task shows the north case to its candidate group', async () => {
      const own = await w.call('case-managers', 'GET', `/tasks/${enc(w.north.childTasks.pdat)}`);
      expect(own.status).toBe(200);
      expect(own.text).toContain(w.north.caseId);
      expect(leaks('case-managers', own)).toEqual([]);
    });

    it.each(ROLES)('as %s: another team\'s child tasks are not shown, and cannot be claimed or completed', async (role) => {
      for (const key of Object.values(w.south.childTasks)) {
        const page = await w.call(role, 'GET', `/tasks/${enc(key)}`);
        expect([key, REFUSED.includes(page.status)]).toEqual([key, true]);
        expect(leaks(role, page)).toEqual([]);
        const claim = await w.call(role, 'POST', `/tasks/${enc(key)}/claim`, {});
        expect([key, REFUSED.includes(claim.status)]).toEqual([key, true]);
        const done = await w.call(role, 'POST', `/tasks/${enc(key)}/complete`, { data: { assessmentDate: '2026-11-20', factorsForDesistance: 'x', recommendedOutcome: 'youth-caution' } });
        expect([key, REFUSED.includes(done.status)]).toEqual([key, true]);
        expect(await w.engine.getUserTask(key)).toMatchObject({ state: 'open' });
        expect((await w.engine.getUserTask(key))?.assignee).toBeUndefined();
      }
    });

    it.each(ROLES)('as %s: queue rows of the child tasks are the own team\'s only', async (role) => {
      const queue = await w.call(role, 'GET', '/tasks?queue=team&limit=100');
      expect(queue.status).toBe(200);
      expect(leaks(role, queue)).toEqual([]);
      const keys = queue.body.items.map((t: { id?: string; key?: string }) => t.id ?? t.key);
      for (const key of Object.values(w.south.childTasks)) expect(keys).not.toContain(key);
      if (role === 'case-managers') expect(keys).toContain(w.north.childTasks.pdat);
      if (role === 'victim-workers') expect(keys).toContain(w.north.childTasks.victimViews);
    });

    it('a manager cannot reassign another team\'s task, nor give their own team\'s to a member of another team', async () => {
      const cara = (await w.system.modules.security.users.findByUsername('cara.case'))!;
      const north = await w.call('team-managers', 'POST', `/tasks/${enc(w.south.childTasks.pdat)}/reassign`, { toUserId: cara.id });
      expect(REFUSED).toContain(north.status);
      const across = await w.call('sam.manager', 'POST', `/tasks/${enc(w.south.childTasks.pdat)}/reassign`, { toUserId: cara.id });
      expect(across.status).toBeGreaterThanOrEqual(400);
      expect(across.status).toBeLessThan(500);
      expect((await w.engine.getUserTask(w.south.childTasks.pdat))?.assignee).toBeUndefined();
    });

    it('the own team completes its child task and the answers reach the case (as a submission of that case)', async () => {
      const sol = (await w.system.modules.security.users.findByUsername('sol.case'))!;
      expect((await w.call('sol.case', 'POST', `/tasks/${enc(w.south.childTasks.pdat)}/claim`, {})).status).toBe(200);
      const done = await w.call('sol.case', 'POST', `/tasks/${enc(w.south.childTasks.pdat)}/complete`, {
        data: { assessmentDate: '2026-11-20', factorsForDesistance: 'Supportive family', recommendedOutcome: 'youth-caution' },
      });
      expect(done.status).toBe(200);
      expect(done.body.amendedSections).toContain('assessments');
      expect(done.body.submission.caseId).toBe(w.south.caseId);
      expect((await w.engine.getUserTask(w.south.childTasks.pdat))?.completedBy).toBe(sol.id);
      submissionOfSouth = done.body.submission.id;
    });
  });

  let submissionOfSouth: string | undefined;
  describe('submissions and drafts', () => {
    it.each(ROLES)('as %s: another team\'s submission is not shown, not even in a list by case', async (role) => {
      expect(submissionOfSouth).toBeDefined();
      const one = await w.call(role, 'GET', `/submissions/${enc(submissionOfSouth!)}`);
      expect(REFUSED).toContain(one.status);
      const list = await w.call(role, 'GET', `/submissions?caseId=${enc(w.south.caseId)}`);
      if (list.status === 200) expect(list.body.items).toEqual([]);
      else expect(REFUSED).toContain(list.status);
      expect(one.text + list.text).not.toContain('Supportive family');
    });

    let ownSubmission: string;
    it.each(ROLES)('as %s: the own team\'s submission shows the sections the role may read, and no other', async (role) => {
      if (!ownSubmission) {
        const stored = await w.call('team-managers', 'POST', '/forms/oocd-pdat-assessment/submissions', {
          caseId: w.north.caseId,
          data: { assessmentDate: '2026-11-20', factorsForDesistance: marker('north', 'assessments'), recommendedOutcome: 'youth-caution', healthNotes: marker('north', 'health') },
        });
        expect(stored.status).toBe(201);
        ownSubmission = stored.body.id;
      }
      const one = await w.call(role, 'GET', `/submissions/${enc(ownSubmission)}`);
      expect(leaks(role, one)).toEqual([]);
      if (!MAY[role].read.length) {
        // README: admins see no child's data — refused, or shown with every answer withheld.
        if (one.status === 200) expect(one.body.data).toEqual({});
        else expect(REFUSED).toContain(one.status);
        return;
      }
      expect(one.status).toBe(200);
      for (const s of ['assessments', 'health'] as const) expect([s, one.text.includes(marker('north', s))]).toEqual([s, MAY[role].read.includes(s)]);
    });

    it.each(ROLES)('as %s: no draft can be saved against another team\'s case', async (role) => {
      const draft = await w.call(role, 'POST', '/drafts', { formId: 'oocd-pdat-assessment', caseId: w.south.caseId, data: { factorsForDesistance: 'draft' } });
      expect(REFUSED).toContain(draft.status);
      const onTask = await w.call(role, 'POST', '/drafts', { formId: 'oocd-pdat-assessment', taskId: w.south.childTasks.victimViews, data: { factorsForDesistance: 'draft' } });
      expect(REFUSED).toContain(onTask.status);
    });

    it('a draft against the own team\'s case is saved', async () => {
      const draft = await w.call('case-managers', 'POST', '/drafts', { formId: 'oocd-pdat-assessment', caseId: w.north.caseId, data: { factorsForDesistance: 'draft' } });
      expect(draft.status).toBe(201);
    });
  });

  describe('messages', () => {
    it.each(ROLES)('as %s: a message reaching the own team\'s instance is sent where the role may send; another team\'s is never sent', async (role) => {
      const own = await w.call(role, 'POST', '/messages', { name: 'matrix-ping', correlationKey: `north-${role}` });
      const other = await w.call(role, 'POST', '/messages', { name: 'matrix-ping', correlationKey: 'south-other' });
      if (MAY[role].message) {
        expect([own.status, own.body.correlated]).toEqual([200, true]);
        expect((await w.engine.getInstance(w.northPings.get(role)!))?.state).toBe('completed');
        expect([other.status, other.body.error.code]).toEqual([404, 'MESSAGE_NO_RECIPIENT']);
      } else {
        expect([own.status, other.status]).toEqual([403, 403]);
        expect((await w.engine.getInstance(w.northPings.get(role)!))?.state).toBe('active');
      }
      expect((await w.engine.getInstance(w.south.pingKey))?.state).toBe('active');
    });

    it('consent-withdrawn keyed by a victim both teams\' cases share stops neither team\'s victim contact', async () => {
      for (const who of ['victim-workers', 'team-managers', 'sol.case']) {
        const r = await w.call(who, 'POST', '/messages', { name: 'consent-withdrawn', correlationKey: 'V-SHARED' });
        expect([who, r.status]).toEqual([who, 404]);
      }
      for (const key of [w.north.victimContactKey, w.south.victimContactKey]) {
        expect((await w.engine.getInstance(key))?.activeElementIds).toContain('rj');
      }
    });
  });

  describe('the monitor: parents and children', () => {
    it.each(ROLES)('as %s: the own team\'s parent and child with readable variables only; another team\'s not found', async (role) => {
      const list = await w.call(role, 'GET', '/instances?processId=out-of-court-disposal&limit=200');
      const views = await Promise.all([w.north.parentKey, w.north.childKey].map((k) => w.call(role, 'GET', `/instances/${enc(k)}`)));
      const others = await Promise.all([w.south.parentKey, w.south.childKey].map((k) => w.call(role, 'GET', `/instances/${enc(k)}`)));
      for (const r of [list, ...views, ...others]) expect(leaks(role, r)).toEqual([]);
      if (!MAY[role].monitor) {
        for (const r of [list, ...views, ...others]) expect(r.status).toBe(403);
        return;
      }
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { key: string }) => i.key)).toEqual([w.north.childKey]);
      for (const v of views) {
        expect(v.status).toBe(200);
        expect(v.body.caseId).toBe(w.north.caseId);
        for (const [section, key] of Object.entries(SECTION_VARIABLES)) {
          const shown = MAY[role].read.includes(section as Section);
          expect([key, v.body.variables[key]]).toEqual([key, shown ? marker('north', section as Section) : undefined]);
          if (!shown) expect(v.body.withheldVariables.map((x: { key: string }) => x.key)).toContain(key);
        }
      }
      expect(views[1].body.parentKey).toBe(w.north.parentKey);
      for (const r of others) expect([r.status, r.body.error.code]).toEqual([404, 'INSTANCE_NOT_FOUND']);
    });

    it('a monitor role in no team (the demo admin) sees no instance of a case', async () => {
      for (const k of [w.north.childKey, w.south.childKey]) expect((await w.call('ada.admin', 'GET', `/instances/${enc(k)}`)).status).toBe(404);
    });

    it.each(ROLES)('as %s: another team\'s child cannot be cancelled or migrated; the own team\'s can be cancelled by managers', async (role) => {
      const cancel = await w.call(role, 'POST', `/instances/${enc(w.south.childKey)}/cancel`, { reason: 'matrix' });
      expect(cancel.status).toBe(MAY[role].cancel ? 404 : 403);
      const migrate = await w.call(role, 'POST', '/migrations', { instanceKeys: [w.south.childKey], toVersion: 2, dryRun: false });
      if (MAY[role].migrate) expect(migrate.body.results[0].problems).toEqual([{ message: `process instance '${w.south.childKey}' does not exist` }]);
      else expect(migrate.status).toBe(403);
      expect((await w.engine.getInstance(w.south.childKey))?.state).toBe('active');
      if (role === 'team-managers') expect((await w.call(role, 'POST', `/instances/${enc(w.northCancel)}/cancel`, { reason: 'matrix' })).status).toBe(200);
    });
  });

  describe('audit details', () => {
    it.each(ROLES)('as %s: the audit search is the DPO\'s; its details show values only of sections the reader may read', async (role) => {
      const r = await w.call(role, 'GET', `/audit/events?recordId=${enc(w.north.caseId)}&action=case.write&limit=200`);
      if (role !== 'dpo') {
        expect(r.status).toBe(403);
        return;
      }
      expect(r.status).toBe(200);
      expect(leaks(role, r)).toEqual([]);
      for (const s of SECTIONS) {
        const event = r.body.items.find((e: { sections?: string[]; after?: Record<string, unknown> }) => e.sections?.[0] === s && e.after && `${s}Note` in e.after);
        expect([s, event?.after[`${s}Note`]]).toEqual([s, MAY.dpo.read.includes(s) ? marker('north', s) : 'withheld']);
      }
      const verify = await w.call('dee.dpo', 'POST', '/audit/verify', {});
      expect(verify.body).toMatchObject({ ok: true });
    });
  });
});
