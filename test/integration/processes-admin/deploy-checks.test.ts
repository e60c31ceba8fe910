// The engine's deploy checks through the API: POST /lint reports them as data (element, line, message)
// for the modeller's problems panel; POST / refuses a deploy with the same messages and stores nothing.
import { NEW_PROCESS_XML } from '../../../client/src/features/modeller/new-process-template';
import { editReferral, lineOfId, startProcessAdminApi, type ProcessAdminApi } from './support/process-admin-api';

describe('deploy checks', () => {
  let api: ProcessAdminApi;
  beforeAll(async () => {
    api = await startProcessAdminApi('procchecks');
  });
  afterAll(() => api.close());

  const cases: { what: string; xml: () => string; elementId?: string; message: RegExp; line?: (xml: string) => number }[] = [
    {
      what: 'an element the embedded engine cannot run (named, with its line)',
      xml: () => editReferral((x) => x.replace(/<bpmn:userTask id="matchPerson"([\s\S]*?)<\/bpmn:userTask>/, '<bpmn:complexGateway id="matchPerson"$1</bpmn:complexGateway>')),
      elementId: 'matchPerson', message: /unsupported element bpmn:ComplexGateway 'matchPerson'/, line: (xml) => lineOfId(xml, 'matchPerson'),
    },
    {
      what: 'FEEL that does not parse',
      xml: () => editReferral((x) => x.replace('<zeebe:taskSchedule dueDate="=deadlines.intakeAllocation" />', '<zeebe:taskSchedule dueDate="=deadlines.(intakeAllocation" />')),
      elementId: 'matchPerson', message: /invalid FEEL in dueDate of 'matchPerson'/,
    },
    {
      what: 'a reserved variable name',
      xml: () => editReferral((x) => x.replace('<zeebe:formDefinition formId="referral-person-match" />', '<zeebe:formDefinition formId="referral-person-match" /><zeebe:ioMapping><zeebe:output source="=match" target="content" /></zeebe:ioMapping>')),
      elementId: 'matchPerson', message: /variable name 'content' in output mapping of 'matchPerson' is reserved/,
    },
    {
      what: 'broken XML',
      xml: () => editReferral((x) => x.replace('</bpmn:process>', '</bpmn:proces>')),
      message: /broken XML/,
    },
    {
      what: 'a Camunda 8.8 lint error: an error end event naming no error',
      xml: () => editReferral((x) => x.replace('<bpmn:incoming>Flow_consentRefused_closedNoConsent</bpmn:incoming>', '<bpmn:incoming>Flow_consentRefused_closedNoConsent</bpmn:incoming><bpmn:errorEventDefinition id="Err_1" />')),
      elementId: 'closedNoConsent', message: /rule camunda-compat\/error-reference/,
    },
    {
      what: 'a service task without a task type (in the engine\'s words; Camunda\'s 8.8 check says it too)',
      xml: () => editReferral((x) => x.replace('<zeebe:taskDefinition type="calculate-deadlines" retries="3" />', '')),
      elementId: 'calcIntake', message: /serviceTask 'calcIntake' has no zeebe:taskDefinition type/,
    },
  ];

  it.each(cases)('lint reports $what as data; deploy refuses it and stores nothing', async ({ xml: make, elementId, message, line }) => {
    const xml = make();
    const lint = await api.call('POST', '/processes/lint', 'tm', { xml });
    expect(lint.status).toBe(200);
    expect(lint.body.ok).toBe(false);
    expect(lint.body.resourceName).toBe('referral-intake.bpmn');
    const problem = lint.body.problems.find((p: { message: string }) => message.test(p.message));
    expect(problem).toMatchObject({ resource: 'referral-intake.bpmn', ...(elementId ? { elementId } : {}) });
    if (line) expect(problem.line).toBe(line(xml));

    const deploy = await api.call('POST', '/processes', 'tm', { xml, comment: 'should be refused' });
    expect(deploy.status).toBe(422);
    expect(deploy.body.error.code).toBe('DEPLOYMENT_REJECTED');
    expect(deploy.body.error.message).toMatch(message);
    if (line) expect(deploy.body.error.message).toContain(`referral-intake.bpmn:${line(xml)} `);
    expect((await api.engine.listDeployments('referral-intake')).map((d) => d.version)).toEqual([1]);
    expect((await api.audit.search({ action: 'process.' }, { offset: 0, limit: 5 })).items).toEqual([]);
  });

  it('lint passes a shipped process unchanged, and a manager’s valid edit', async () => {
    const edited = editReferral((x) => x.replace('<zeebe:taskSchedule dueDate="=deadlines.intakeAllocation" />', '<zeebe:taskSchedule dueDate="=deadlines.defaultTaskDue" />'));
    for (const xml of [editReferral((x) => `${x}\n`), edited]) {
      const lint = await api.call('POST', '/processes/lint', 'admin', { xml });
      expect(lint.body).toEqual({ resourceName: 'referral-intake.bpmn', ok: true, problems: [] });
    }
  });

  it('the modeller’s "new process" template passes both checks and deploys as a new process at version 1', async () => {
    const xml = NEW_PROCESS_XML.replaceAll('new-process', 'panel-preparation').replace('name="New process"', 'name="Panel preparation"');
    const lint = await api.call('POST', '/processes/lint', 'tm', { xml });
    expect(lint.body).toEqual({ resourceName: 'panel-preparation.bpmn', ok: true, problems: [] });
    const deployed = await api.call('POST', '/processes', 'tm', { xml, comment: 'New process for panel preparation' });
    expect(deployed.status).toBe(201);
    expect(deployed.body.items).toEqual([expect.objectContaining({ processId: 'panel-preparation', version: 1, resourceName: 'panel-preparation.bpmn', isNew: true })]);
    const list = await api.call('GET', '/processes', 'tm');
    expect(list.body.items.find((p: { processId: string }) => p.processId === 'panel-preparation')).toMatchObject({ name: 'Panel preparation', versions: 1 });
  });

  it('lint refuses unknown fields and empty XML', async () => {
    const extra = await api.call('POST', '/processes/lint', 'tm', { xml: '<x/>', strict: true });
    expect(extra.status).toBe(422);
    expect(extra.body.errors).toEqual({ strict: 'Not a field of this request' });
    const empty = await api.call('POST', '/processes/lint', 'tm', { xml: '' });
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual({ xml: 'Send the BPMN XML' });
  });
});
