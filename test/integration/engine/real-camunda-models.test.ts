// Issue 20's measure, taken as its author takes it: public Camunda 8 models and form-js forms written
// elsewhere (test/fixtures/real-camunda, sources in SOURCES.md), deployed unmodified through the API —
// forms first, each process with the DMN files it calls — then every model that needs no outside worker
// is started and driven to its end: user tasks completed with no answers, the messages it waits on
// published, the clock moved past its timers. A model "needs an outside worker" when it has a job
// (zeebe:taskDefinition on a task or event, an execution or task listener): nothing here would answer it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { EmbeddedEngine } from '../../../server/src/adapters/engine-embedded/embedded-engine';
import { demoSessions } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

const dir = path.join(__dirname, '../../fixtures/real-camunda');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const files = readdirSync(dir).sort();
const specDir = 'form-js-spec';
const forms = [...files.filter((f) => f.endsWith('.form')), ...readdirSync(path.join(dir, specDir)).sort().map((f) => `${specDir}/${f}`)];
const models = files.filter((f) => f.endsWith('.bpmn'));
const dmnFiles = files.filter((f) => f.endsWith('.dmn'));

/** What a model waits on from outside that is not a person or the clock: messages to publish once it waits. */
const MESSAGES: Record<string, { name: string; key: string; variables?: Record<string, unknown> }[]> = {};
/** Start variables a model's expressions read before any task could set them (as its own README says). */
const START_VARIABLES: Record<string, Record<string, unknown>> = {
  'customer-onboarding.bpmn': { paymentType: 'invoice', customerRegionScore: 40, monthlyPayment: 10 }, // → manual check
  'rocket-launch.bpmn': { fuelLevel: 80, missionName: 'Artemis' },
  'simple-screenflow.bpmn': { userId: 'cara.case' }, // the low-code UI starts it with the signed-in user
  'request-state.bpmn': { myId: 'request-1' },
  'rollback-on-error.bpmn': { validateDataType: 'validate-data', saveDataType: 'save-data' },
  'twitter-review.bpmn': { boss: 'tom.manager', author: 'cara.case' },
};
/** The answer a required form field needs, by task element id (otherwise a task is completed with no answers). */
const ANSWERS: Record<string, Record<string, unknown>> = {
  'decide-dinner': { meal: 'salad' },
  RequestAbsenceTask: { employeeName: 'Ada Lovelace', department: 'it', policy: 'sickness', absenceStartDate: '2026-12-07', absenceEndDate: '2026-12-08' },
  ApproveAbsenceTask: { approvalResult: 'approved' },
  user_task_review_tweet: { approved: false },
};

// A task definition left on a user task is ignored by Zeebe 8.8 (and here): that task is a person's.
const withoutUserTasks = (xml: string) => xml.replace(/<(?:bpmn:)?userTask\b[\s\S]*?<\/(?:bpmn:)?userTask>/g, '');
const needsWorker = (xml: string) => /<zeebe:executionListener\b|<zeebe:taskListener\b/.test(xml) || /<zeebe:taskDefinition\b/.test(withoutUserTasks(xml));
// Models use the bpmn: prefix or the BPMN namespace as the default one (older exporters).
const processIds = (xml: string) => [...xml.matchAll(/<(?:bpmn:)?process\b[^>]*\bid="([^"]+)"[^>]*isExecutable="true"/g)].map((m) => m[1]);
/** The DMN files whose decisions the model calls (zeebe:calledDecision decisionId). */
const dmnFor = (xml: string) => {
  const ids = [...xml.matchAll(/<zeebe:calledDecision\b[^>]*decisionId="([^"]+)"/g)].map((m) => m[1]);
  return dmnFiles.filter((f) => ids.some((id) => read(f).includes(`id="${id}"`)));
};
/** A process a person can start: it has a start event with no trigger (message and timer starts are not). */
const hasNoneStart = (xml: string, processId: string) => {
  const body = xml.slice(xml.indexOf(`id="${processId}"`));
  const top = body.slice(0, body.search(/<\/(?:bpmn:)?process>/));
  return [...top.matchAll(/<(?:bpmn:)?startEvent\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:bpmn:)?startEvent>)/g)].some((m) => !/EventDefinition/.test(m[1] ?? ''));
};

/**
 * What is refused today, measured (the figures in SOURCES.md), each with the reason the product gives. A change
 * that accepts one of these, or refuses something new, fails here so the figures are updated knowingly.
 */
const REFUSED_FORMS: Record<string, string> = {
  // Stricter than form-js on purpose (WCAG 2.2 1.1.1, docs/forms.md): an image needs alternative text.
  'form-js-spec/images.form': 'needs alternative text (alt)',
  'form-js-spec/expression-external-variable.form': 'needs alternative text (alt)',
  'form-js-spec/required.form': 'is required but has no options, so it could never be answered',
  'form-js-spec/condition-external-variable.form': 'needs a key', // its answer would be asked for and thrown away
  'form-js-spec/customField.form': 'unknown component type "range"', // a custom component of form-js's own test renderer
};
const REFUSED_MODELS: Record<string, string> = {
  'react-tasklist-example.bpmn': "form key 'react:myForm' of user task 'Activity_0kdcks8' is not supported",
  'save-assignee-user-task.bpmn': "names assignee 'demo', who is no known user",
};

interface Row { file: string; deployed: boolean; reason?: string; runnable?: boolean; outcome?: string }

describe('real Camunda 8 models and form-js forms, deployed and run unmodified (issue 20)', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let now = new Date('2026-12-02T09:00:00.000Z').getTime();
  const clock = { now: () => new Date(now) };
  const { call, signIn } = demoSessions(() => system.url);
  const formRows: Row[] = [];
  const modelRows: Row[] = [];

  beforeAll(async () => {
    system = await startTestSystem({ SEED_DEMO_USERS: 'true' }, { clock });
    await signIn('tom.manager');
  }, 120_000); // the whole product starts: slow on a busy machine
  afterAll(() => system.close());

  it('deploys the forms first, as form-js wrote them', async () => {
    for (const file of forms) {
      // With its file's name, as a client deploying files sends it (Zeebe's deployments carry one): a form without
      // an id takes it, as the files in forms/ do.
      const res = await call('tom.manager', 'POST', '/forms', { schema: JSON.parse(read(file)), comment: `Real form ${file}`, fileName: path.basename(file) });
      formRows.push({ file, deployed: res.status < 300, reason: res.status < 300 ? undefined : `${res.status} ${summarise(res.body)}` });
    }
    print('Forms', formRows);
    expect(Object.fromEntries(formRows.filter((r) => !r.deployed).map((r) => [r.file, r.reason]))).toEqual(
      Object.fromEntries(Object.entries(REFUSED_FORMS).map(([file, reason]) => [file, expect.stringContaining(reason)])),
    );
    expect(forms.length).toBeGreaterThanOrEqual(50);
    // 45 of 50 (90%), the issue's 9 in 10: each of the five refused is refused on purpose, above. The filepicker and
    // documentPreview spec forms deploy (files go to the case's documents store, docs/forms.md).
    expect(formRows.filter((r) => r.deployed).length).toBe(45);
    expect(formRows.filter((r) => /filepicker|documentPreview/.test(r.file)).map((r) => r.deployed)).toEqual([true, true]);
  }, 120_000);

  it('deploys the models (with their DMN files) and runs every one that needs no outside worker to its end', async () => {
    const engine = system.modules.workflow.engine as EmbeddedEngine;
    // Every deploy first: driving moves the clock by days, past the manager's session.
    for (const file of models) {
      const xml = read(file);
      const decisions = dmnFor(xml).map(read);
      const res = await call('tom.manager', 'POST', '/processes', { xml, comment: `Real model ${file}`, ...(decisions.length ? { decisions } : {}) });
      modelRows.push({ file, deployed: res.status < 300, reason: res.status < 300 ? undefined : `${res.status} ${summarise(res.body)}`, runnable: !needsWorker(xml) });
    }
    // A DMN file no model here calls deploys on its own.
    const called = new Set(models.flatMap((f) => dmnFor(read(f))));
    for (const file of dmnFiles.filter((f) => !called.has(f))) {
      const res = await call('tom.manager', 'POST', '/processes/decisions', { decisions: [read(file)], comment: `Real decision ${file}` });
      expect([file, res.status]).toEqual([file, 201]);
    }
    // Then every deployed model a person can start is started and worked; a worker's model shows where it waits.
    for (const row of modelRows.filter((r) => r.deployed)) {
      const xml = read(row.file);
      const startable = processIds(xml).filter((id) => hasNoneStart(xml, id));
      if (startable.length === 0) { row.outcome = 'starts only by message or timer: not started'; continue; }
      const outcomes: string[] = [];
      for (const processId of startable) outcomes.push(await drive(engine, processId, row.file));
      row.outcome = outcomes.every((o) => o === 'ended') ? 'ended' : outcomes.join('; ');
    }
    print('Models', modelRows);
    expect(Object.fromEntries(modelRows.filter((r) => !r.deployed).map((r) => [r.file, r.reason]))).toEqual(
      Object.fromEntries(Object.entries(REFUSED_MODELS).map(([file, reason]) => [file, expect.stringContaining(reason)])),
    );
    expect(models.length).toBeGreaterThanOrEqual(27);
    expect(modelRows.filter((r) => r.deployed).length / modelRows.length).toBeGreaterThanOrEqual(0.9); // the issue's goal
    const runnable = modelRows.filter((r) => r.deployed && r.runnable && !r.outcome?.startsWith('starts only'));
    expect(runnable.filter((r) => r.outcome !== 'ended').map((r) => [r.file, r.outcome])).toEqual([]);
    expect(runnable.length).toBeGreaterThanOrEqual(8);
  }, 180_000); // a limit, not a measure: on a loaded 2-core machine the drive takes minutes

  /** Starts the process and works it until it ends (or 40 rounds pass): tasks done, messages sent, a day passes. */
  async function drive(engine: EmbeddedEngine, processId: string, file: string): Promise<string> {
    let started;
    try {
      started = await engine.startInstance(processId, START_VARIABLES[file] ?? {}, { businessKey: `real-${processId}` });
    } catch (e) {
      return `start refused: ${(e as Error).message}`;
    }
    const pending = [...(MESSAGES[file] ?? [])];
    for (let round = 0; round < 40; round++) {
      await engine.runDue();
      const instance = await engine.getInstance(started.instanceKey);
      if (!instance) return 'instance not found';
      if (instance.state === 'completed') return 'ended';
      if (instance.state !== 'active') {
        const incidents = await engine.listIncidents({ instanceKey: started.instanceKey, state: 'open' });
        return `${instance.state}: ${incidents.map((i) => `${i.elementId} ${i.message}`).join('; ')}`;
      }
      const tasks = await engine.listUserTasks({ state: 'open' });
      for (const task of tasks.filter((t) => t.processId === processId || t.instanceKey === started.instanceKey)) {
        await engine.completeUserTask(task.key, ANSWERS[task.elementId] ?? {}, { by: 'real-models-test' });
      }
      const message = pending.shift();
      if (round >= 1 && !message && tasks.length === 0 && instance.waitingJobs?.length) return `waits on job ${instance.waitingJobs.map((j) => j.jobType ?? j.elementId).join(', ')}`;
      if (message) await engine.publishMessage(message.name, message.key, message.variables ?? {});
      now += 24 * 3600_000;
    }
    const last = await engine.getInstance(started.instanceKey);
    return `still waiting at ${last?.activeElementIds.join(', ')}`;
  }
});

function summarise(body: any): string {
  const error = body?.error;
  const problems = error?.problems ?? body?.problems ?? error?.details;
  const first = Array.isArray(problems) ? problems.slice(0, 2).map((p: any) => p.message ?? JSON.stringify(p)).join(' | ') : '';
  return [error?.message, first, body?.errors ? JSON.stringify(body.errors).slice(0, 200) : ''].filter(Boolean).join(' — ');
}

function print(title: string, rows: Row[]) {
  const lines = rows.map((r) => `${r.deployed ? 'deployed' : 'REFUSED '} ${r.runnable === undefined ? '' : r.runnable ? 'no worker ' : 'worker    '}${r.file}${r.reason ? `  ${r.reason.slice(0, 300)}` : ''}${r.outcome ? `  → ${r.outcome}` : ''}`);
  const deployed = rows.filter((r) => r.deployed);
  let figures = `${title}: deployed ${deployed.length} of ${rows.length}`;
  if (title === 'Models') {
    const runnable = deployed.filter((r) => r.runnable && !r.outcome?.startsWith('starts only'));
    const workerEnded = deployed.filter((r) => !r.runnable && r.outcome === 'ended');
    figures += `; of the ${runnable.length} startable with no outside worker, ${runnable.filter((r) => r.outcome === 'ended').length} ran to their end`
      + `; ${workerEnded.length} that name a worker ended on a path without one`;
  }
  console.log(`${figures}\n${lines.join('\n')}`);
}
