import { MongoFormRepository } from '../../../server/src/adapters/mongo/form.repository';
import { getForm } from '../../../server/src/application/get-form';
import { processDeployHooks } from '../../../server/src/application/processes/process-deploy-hooks';
import type { User } from '../../../server/src/domain/users/user';
import { DeploymentRejectedError, type DeployProblem } from '../../../server/src/ports/workflow-engine.port';
import { openTestDb } from '../../support/test-db';
import { engineHarness, fixture, type Harness } from './support/engine-harness';

// Job-worker user tasks as Camunda Modeler saves them ("Camunda Forms (embedded)"): no zeebe:userTask, a
// formKey camunda-forms:bpmn:<id> and the form JSON in the process's zeebe:userTaskForm.
describe('Feature: job-worker user tasks with embedded forms', () => {
  let h: Harness;
  let formsDb: Awaited<ReturnType<typeof openTestDb>>;
  let forms: MongoFormRepository;
  const people: Record<string, Partial<User>> = { amira: { id: 'amira', roles: ['team-managers'], active: true }, gone: { id: 'gone', roles: [], active: false } };

  beforeAll(async () => {
    formsDb = await openTestDb('forms');
    forms = new MongoFormRepository(formsDb.conn);
    const users = { findById: async (id: string) => people[id] as User | undefined };
    h = await engineHarness([], { deployHooks: processDeployHooks({ forms, clock: { now: () => new Date('2026-03-02T09:00:00Z') }, users }) });
  });
  afterAll(async () => { await h.close(); await formsDb.drop(); });

  async function problemsOf(content: string): Promise<DeployProblem[]> {
    try {
      await h.engine.deploy([{ name: 'review.bpmn', content }], { by: 'amira', comment: 'test' });
    } catch (e) {
      expect(e).toBeInstanceOf(DeploymentRejectedError);
      return (e as DeploymentRejectedError).problems;
    }
    throw new Error('deploy was accepted');
  }

  test('Given the model deployed, then its task opens with its assignment and the embedded form, and completes to the end', async () => {
    await h.engine.deploy([fixture('job-worker-user-task.bpmn')], { by: 'amira', comment: 'review with a form' });
    const { instanceKey } = await h.engine.startInstance('job-worker-review', { due: '2026-03-09T17:00:00Z' });
    const [task] = await h.engine.listUserTasks({ instanceKey });
    expect(task).toMatchObject({
      elementId: 'Activity_review', state: 'open', assignee: 'amira', candidateGroups: ['yot-east', 'yot-west'],
      formId: 'job-worker-review-UserTaskForm_1h2k9sd', dueDate: '2026-03-09T17:00:00.000Z',
    });
    // The task page reads the form by the task's formId: the embedded form is there, deployed by the deployer.
    const form = await getForm({ forms }, task.formId!);
    expect(form).toMatchObject({ deployedBy: 'amira', comment: 'review with a form', schema: { id: task.formId, components: [expect.objectContaining({ key: 'decision' })] } });
    await h.engine.completeUserTask(task.key, { decision: 'accept' }, { by: 'amira' });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance).toMatchObject({ state: 'completed', variables: expect.objectContaining({ decision: 'accept' }) });
  });

  test('Given an assignee who is no known (or no active) user, then deploy is refused naming the task', async () => {
    for (const who of ['nobody', 'gone']) {
      const problems = await problemsOf(fixture('job-worker-user-task.bpmn').content.replace('assignee="amira"', `assignee="${who}"`));
      expect(problems).toEqual([expect.objectContaining({ elementId: 'Activity_review', line: 27, message: `user task 'Activity_review' names assignee '${who}', who is no known user` })]);
    }
  });

  test('Given a form key with no embedded form, or of another kind, then deploy is refused naming the task', async () => {
    const xml = fixture('job-worker-user-task.bpmn').content;
    expect(await problemsOf(xml.replace('formKey="camunda-forms:bpmn:UserTaskForm_1h2k9sd"', 'formKey="camunda-forms:bpmn:UserTaskForm_missing"')))
      .toContainEqual(expect.objectContaining({ elementId: 'Activity_review', message: expect.stringContaining("no zeebe:userTaskForm with id 'UserTaskForm_missing'") }));
    expect(await problemsOf(xml.replace('formKey="camunda-forms:bpmn:UserTaskForm_1h2k9sd"', 'formKey="https://forms.example/review"')))
      .toContainEqual(expect.objectContaining({ elementId: 'Activity_review', message: expect.stringContaining("form key 'https://forms.example/review' of user task 'Activity_review' is not supported") }));
  });

  test('Given an embedded form the form checks refuse, then deploy is refused naming the task and the component', async () => {
    const problems = await problemsOf(fixture('job-worker-user-task.bpmn').content.replace('"type": "textfield"', '"type": "sparkles"'));
    expect(problems).toEqual([expect.objectContaining({ elementId: 'Activity_review', message: expect.stringMatching(/^form embedded for user task 'Activity_review': .*unknown component type "sparkles"/) })]);
    expect(await forms.latest('job-worker-review-UserTaskForm_1h2k9sd')).toMatchObject({ version: 1 }); // nothing new stored
  });
});
