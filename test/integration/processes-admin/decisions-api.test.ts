// DMN files through the manager workspace's process API: deployed with the process that calls them (all or
// nothing), on their own as new versions, listed, audited, refused with the problem named, and only by
// those who may deploy processes.
import fs from 'node:fs';
import path from 'node:path';
import { startProcessAdminApi, type ProcessAdminApi } from './support/process-admin-api';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../features/engine/fixtures', name), 'utf8');

describe('/api/processes with DMN decisions', () => {
  let api: ProcessAdminApi;
  const bpmn = fixture('decide-supervision.bpmn');
  const dmn = fixture('supervision-level.dmn');
  beforeAll(async () => {
    api = await startProcessAdminApi('dmnapi');
  });
  afterAll(() => api.close());

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
