// The manager workspace's process API: list, version history, download, deploy with a comment (new
// content → new version, same content → same version, running instances stay on theirs), the audit
// of every deploy, and who may use it; the DMN files a process calls (docs/dmn.md).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { deployProcessFiles } from '../../../server/src/application/processes/deploy-process-files';
import { editReferral, processFile, root, startProcessAdminApi, type ProcessAdminApi } from './support/process-admin-api';

const engineFixture = (name: string) => readFileSync(path.join(__dirname, '../../features/engine/fixtures', name), 'utf8');

describe('/api/processes', () => {
  let api: ProcessAdminApi;
  beforeAll(async () => {
    api = await startProcessAdminApi('procadmin');
  });
  afterAll(() => api.close());

  it('lists every shipped process at version 1 with its name and who deployed it', async () => {
    const res = await api.call('GET', '/processes', 'tm');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((p: { processId: string }) => p.processId);
    expect(ids).toEqual(expect.arrayContaining(['referral-intake', 'referral-order', 'victim-contact', 'plan-review']));
    const referral = res.body.items.find((p: { processId: string }) => p.processId === 'referral-intake');
    expect(referral).toMatchObject({
      name: 'Referral & intake', versions: 1, activeInstances: 0,
      latest: { version: 1, resourceName: 'referral-intake.bpmn', by: 'system', comment: 'deployed at start' },
    });
  });

  it('deploys an edit as version 2 with its comment; the same content again stays version 2; instances stay on theirs', async () => {
    const running = await api.engine.startInstance('referral-intake', { referralReceivedAt: '2026-11-24T09:00:00.000Z' });
    expect(running.version).toBe(1);
    const xml = editReferral((x) => x.replace('name="Check social care involvement"', 'name="Check children’s social care involvement"'));

    const first = await api.call('POST', '/processes', 'tm', { xml, comment: 'Clearer task name' });
    expect(first.status).toBe(201);
    expect(first.body.items).toEqual([expect.objectContaining({ processId: 'referral-intake', version: 2, isNew: true })]);
    const again = await api.call('POST', '/processes', 'tm', { xml, comment: 'Clicked deploy twice' });
    expect(again.status).toBe(200);
    expect(again.body.items).toEqual([expect.objectContaining({ version: 2, isNew: false })]);

    const versions = await api.call('GET', '/processes/referral-intake/versions', 'tm');
    expect(versions.body.items.map((v: { version: number; by: string; comment: string; activeInstances: number }) => [v.version, v.by, v.comment, v.activeInstances]))
      .toEqual([[2, 'tm-1', 'Clearer task name', 0], [1, 'system', 'deployed at start', 1]]);
    expect((await api.engine.getInstance(running.instanceKey))?.version).toBe(1);
    expect((await api.engine.startInstance('referral-intake', {})).version).toBe(2);

    const audit = await api.audit.search({ action: 'process.' }, { offset: 0, limit: 10 });
    expect(audit.items.map((e) => [e.action, e.recordId, e.actor.id, e.reason])).toEqual([
      ['process.deploy-unchanged', 'referral-intake@2', 'tm-1', 'Clicked deploy twice'],
      ['process.deployed', 'referral-intake@2', 'tm-1', 'Clearer task name'],
    ]);
  });

  it('a restart does not bring the shipped file back over a manager’s version; an edited file still deploys', async () => {
    const files = readdirSync(path.join(root, 'processes')).filter((f) => f.endsWith('.bpmn')).map((name) => ({ name, content: processFile(name) }));
    const restart = await deployProcessFiles(api.engine, files);
    expect(restart.deployed).toEqual([]);
    expect(restart.skipped).toContain('referral-intake.bpmn');
    expect((await api.engine.listDeployments('referral-intake'))[0]).toMatchObject({ version: 2, by: 'tm-1' });

    const edited = files.map((f) => (f.name === 'plan-review.bpmn' ? { ...f, content: `${f.content}\n` } : f));
    const next = await deployProcessFiles(api.engine, edited);
    expect(next.deployed.map((d) => [d.processId, d.version, d.isNew])).toEqual([['plan-review', 2, true]]);
    const planReview = await api.call('GET', '/processes/plan-review/versions', 'tm');
    expect(planReview.body.items[0]).toMatchObject({ version: 2, by: 'system', comment: 'deployed at start' });
  });

  it('downloads a version’s BPMN exactly as deployed', async () => {
    const res = await api.call('GET', '/processes/plan-review/versions/1/xml', 'admin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/xml/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?plan-review-v1\.bpmn"?$/);
    expect(res.text).toBe(processFile('plan-review.bpmn'));
    expect((await api.call('GET', '/processes/plan-review/versions/9/xml', 'tm')).status).toBe(404);
    expect((await api.call('GET', '/processes/no-such-process/versions', 'tm')).status).toBe(404);
  });

  it('refuses case managers and anonymous callers, and deploys nothing for them', async () => {
    const xml = editReferral((x) => x.replace('name="Allocate case manager"', 'name="Allocate a case manager"'));
    for (const [method, url, body] of [
      ['GET', '/processes', undefined], ['GET', '/processes/referral-intake/versions', undefined],
      ['GET', '/processes/referral-intake/versions/1/xml', undefined], ['GET', '/processes/referral-intake/diff?from=1&to=2', undefined],
      ['POST', '/processes/lint', { xml }], ['POST', '/processes', { xml, comment: 'sneaky' }],
    ] as const) {
      const res = await api.call(method, url, 'cm', body);
      expect([url, res.status]).toEqual([url, 403]);
      expect(res.body.error.code).toBe('PROCESS_ADMIN_FORBIDDEN');
      expect((await api.call(method, url, undefined, body)).status).toBe(401);
    }
    expect((await api.engine.listDeployments('referral-intake')).map((d) => d.version)).toEqual([2, 1]);
  });

  it('answers bad input with an actionable 4xx and stores nothing', async () => {
    const xml = editReferral((x) => x.replace('name="Allocate case manager"', 'name="Allocate a case manager"'));
    const unknown = await api.call('POST', '/processes', 'tm', { xml, comment: 'x', version: 7 });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual({ version: 'Not a field of this request' });
    const noComment = await api.call('POST', '/processes', 'tm', { xml, comment: '  ' });
    expect(noComment.status).toBe(422);
    expect(noComment.body.errors).toEqual({ comment: 'Say what changed and why' });
    const wrongType = await api.call('POST', '/processes', 'tm', { xml: 42, comment: 'x' });
    expect(wrongType.status).toBe(422);
    expect(Object.keys(wrongType.body.errors)).toEqual(['xml']);
    const operator = await api.call('POST', '/processes', 'tm', { xml: { $gt: '' }, comment: 'x' });
    expect(operator.status).toBe(422);
    const malformed = await api.call('POST', '/processes', 'tm', '{"xml": ');
    expect(malformed.status).toBe(400);
    const oversized = await api.call('POST', '/processes', 'tm', { xml: 'x'.repeat(1_100_000), comment: 'big' });
    expect(oversized.status).toBe(413);
    const badQuery = await api.call('GET', '/processes/referral-intake/versions?limit=5', 'tm');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.message).toMatch(/Unknown query parameter: limit/);
    const badVersion = await api.call('GET', '/processes/referral-intake/versions/abc/xml', 'tm');
    expect(badVersion.status).toBe(400);
    const badId = await api.call('GET', `/processes/${encodeURIComponent('<x>')}/versions`, 'tm');
    expect(badId.status).toBe(422);
    expect((await api.engine.listDeployments('referral-intake')).map((d) => d.version)).toEqual([2, 1]);
  });

  it('diffs two versions: the changed task with its old and new name, nothing added or removed', async () => {
    const res = await api.call('GET', '/processes/referral-intake/diff?from=1&to=2', 'tm');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ processId: 'referral-intake', from: 1, to: 2, added: [], removed: [] });
    expect(res.body.changed).toEqual([{
      id: 'checkSocialCare', type: 'bpmn:UserTask', name: 'Check children’s social care involvement',
      attrs: { name: { oldValue: 'Check social care involvement', newValue: 'Check children’s social care involvement' } },
    }]);
    expect((await api.call('GET', '/processes/referral-intake/diff?from=1&to=1', 'tm')).status).toBe(422);
    expect((await api.call('GET', '/processes/referral-intake/diff?from=1&to=9', 'tm')).status).toBe(404);
    expect((await api.call('GET', '/processes/referral-intake/diff?from=1', 'tm')).status).toBe(400);
  });

  it('diffs added, removed and changed elements, including a changed due date inside the Zeebe extensions', async () => {
    const base = processFile('victim-contact.bpmn');
    const v1 = (await api.call('GET', '/processes/victim-contact/versions/1/xml', 'tm')).text;
    expect(v1).toBe(base);
    const firstTask = /<bpmn:userTask id="([^"]+)"/.exec(base)![1];
    const due = /<zeebe:taskSchedule dueDate="([^"]+)"/.exec(base.slice(base.indexOf(`id="${firstTask}"`)))![1];
    const withDue = base.replace(new RegExp(`(id="${firstTask}"[\\s\\S]*?dueDate=")${due.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`), '$1=deadlines.defaultTaskDue"');
    const added = withDue.replace('</bpmn:process>', '<bpmn:endEvent id="extraEnd" name="Extra end" />\n</bpmn:process>');
    const deployed = await api.call('POST', '/processes', 'tm', { xml: added, comment: 'Due date and an extra end' });
    expect(deployed.status).toBe(201);
    const forward = await api.call('GET', '/processes/victim-contact/diff?from=1&to=2', 'tm');
    expect(forward.body.added).toEqual([{ id: 'extraEnd', type: 'bpmn:EndEvent', name: 'Extra end' }]);
    const changed = forward.body.changed.find((c: { id: string }) => c.id === firstTask);
    expect(JSON.stringify(changed.attrs.extensionElements.oldValue)).toContain(due);
    expect(JSON.stringify(changed.attrs.extensionElements.newValue)).toContain('=deadlines.defaultTaskDue');
    const backward = await api.call('GET', '/processes/victim-contact/diff?from=2&to=1', 'tm');
    expect(backward.body.removed).toEqual([{ id: 'extraEnd', type: 'bpmn:EndEvent', name: 'Extra end' }]);
    expect(backward.body.added).toEqual([]);
  });

  // DMN files: deployed with the process that calls them (all or nothing), on their own as new versions,
  // listed, audited, refused with the problem named, and only by those who may deploy processes.
  describe('with DMN decisions', () => {
    const bpmn = engineFixture('decide-supervision.bpmn');
    const dmn = engineFixture('supervision-level.dmn');

    it('deploys a process with the DMN file it calls, audits both, and the process runs on the decision', async () => {
      const res = await api.call('POST', '/processes', 'tm', { xml: bpmn, decisions: [dmn], comment: 'Supervision levels by risk' });
      expect(res.status).toBe(201);
      expect(res.body.items).toEqual([expect.objectContaining({ processId: 'decide-supervision', version: 1, isNew: true })]);
      expect(res.body.decisions).toEqual([expect.objectContaining({
        decisionRequirementsId: 'Definitions_supervision', version: 1, decisionIds: ['supervision-level', 'riskBand'],
        resourceName: 'Definitions_supervision.dmn', by: 'tm-1', comment: 'Supervision levels by risk', isNew: true,
      })]);
      const audit = await api.audit.search({ action: 'decision.' }, { offset: 0, limit: 5 });
      expect(audit.items.map((e) => [e.action, e.recordId, e.actor.id, e.reason])).toEqual([['decision.deployed', 'Definitions_supervision@1', 'tm-1', 'Supervision levels by risk']]);
      const { instanceKey } = await api.engine.startInstance('decide-supervision', { score: 12, age: 15 });
      expect((await api.engine.getInstance(instanceKey))?.variables).toMatchObject({ supervisionLevel: 'standard', contactsPerMonth: 2 });
    });

    it('deploys a DMN file alone: the same content keeps its version, a change is a new one, and both are listed newest first', async () => {
      const same = await api.call('POST', '/processes/decisions', 'admin', { decisions: [dmn], comment: 'Clicked twice' });
      expect(same.status).toBe(200);
      expect(same.body.items).toEqual([expect.objectContaining({ version: 1, isNew: false })]);
      const changed = await api.call('POST', '/processes/decisions', 'admin', { decisions: [dmn.replace('<text>12</text>', '<text>16</text>')], comment: 'Four visits a week for high risk' });
      expect(changed.status).toBe(201);
      expect(changed.body.items).toEqual([expect.objectContaining({ version: 2, isNew: true, by: 'admin-1' })]);
      const listed = await api.call('GET', '/processes/decisions', 'tm');
      expect(listed.body.items.map((d: { decisionRequirementsId: string; version: number }) => [d.decisionRequirementsId, d.version])).toEqual([['Definitions_supervision', 2], ['Definitions_supervision', 1]]);
      const { instanceKey } = await api.engine.startInstance('decide-supervision', { score: 30 });
      expect((await api.engine.getInstance(instanceKey))?.variables).toMatchObject({ supervisionLevel: 'intensive', contactsPerMonth: 16 });
    });

    it('refuses a broken DMN file or a process calling an undeployed decision, naming the problem, and stores nothing', async () => {
      const broken = dmn.replace('<text>"high"</text>', '<text>"high</text>');
      const res = await api.call('POST', '/processes', 'tm', { xml: bpmn.replace(/decide-supervision"/g, 'decide-other"'), decisions: [broken], comment: 'x' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('DEPLOYMENT_REJECTED');
      expect(Object.values(res.body.errors)).toEqual([`invalid FEEL in input entry 1 of rule 'DecisionRule_high' in decision 'supervision-level': syntax error at position 1 in '"high'`]);
      expect(await api.engine.listDeployments('decide-other')).toEqual([]);
      expect((await api.engine.listDecisionDeployments()).map((d) => d.version)).toEqual(expect.arrayContaining([1, 2]));
      expect((await api.engine.listDecisionDeployments())).toHaveLength(2);
      const lint = await api.call('POST', '/processes/lint', 'tm', { xml: bpmn.replace('decisionId="supervision-level"', 'decisionId="gone"') });
      expect(lint.body).toMatchObject({ ok: false, problems: [expect.objectContaining({ elementId: 'Activity_decide', message: expect.stringContaining("calls decision 'gone', which is not deployed") })] });
    });

    it('answers bad input with an actionable 4xx, and practitioners may not deploy or list decisions', async () => {
      const unknown = await api.call('POST', '/processes/decisions', 'tm', { decisions: [dmn], comment: 'x', force: true });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual({ force: 'Not a field of this request' });
      const none = await api.call('POST', '/processes/decisions', 'tm', { decisions: [], comment: 'x' });
      expect(none.status).toBe(422);
      expect(none.body.errors).toEqual({ decisions: 'Send at least one DMN file' });
      expect((await api.call('POST', '/processes/decisions', 'tm', { decisions: [{ $gt: '' }], comment: 'x' })).status).toBe(422);
      expect((await api.call('GET', '/processes/decisions?all=1', 'tm')).status).toBe(400);
      for (const [method, body] of [['GET', undefined], ['POST', { decisions: [dmn], comment: 'x' }]] as const) {
        const res = await api.call(method, '/processes/decisions', 'cm', body);
        expect(res.status).toBe(403);
        expect((await api.call(method, '/processes/decisions', undefined, body)).status).toBe(401);
      }
    });
  });
});
