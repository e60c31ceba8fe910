// Every shipped process must open cleanly in Camunda Modeler and deploy to Camunda 8.8: lint-clean
// against bpmnlint:recommended + camunda-compat 8.8, every user task with a form file and a known
// candidate group, and no timescale value inside a BPMN file (timers and due dates read deadline variables).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lintBpmn, parseBpmn, type ModdleElement } from '../../support/bpmn-lint';

const root = path.resolve(__dirname, '../../..');
const processDir = path.join(root, 'processes');
const formDir = path.join(root, 'forms');
const files = readdirSync(processDir).filter((f) => f.endsWith('.bpmn')).sort();
const timescaleIds = new Set(
  (JSON.parse(readFileSync(path.join(processDir, 'timescales.json'), 'utf8')).timescales as { id: string }[]).map((t) => t.id),
);

// domain.md, Roles (candidate groups)
const ROLES = ['case-managers', 'team-managers', 'court-officers', 'victim-workers', 'panel-coordinators',
  'health-workers', 'data-officers', 'dpo', 'admins'];
const DEADLINE_ROOTS = ['deadlines', 'reminders', 'escalations'];
const RESERVED = /\b(fields|content|properties)\b/;

function walk(el: unknown, visit: (e: ModdleElement) => void, seen = new Set<unknown>()): void {
  if (!el || typeof el !== 'object' || seen.has(el)) return;
  seen.add(el);
  const e = el as ModdleElement;
  if (typeof e.$type === 'string') visit(e);
  for (const [k, v] of Object.entries(e)) {
    if (k.startsWith('$') || k === 'sourceRef' || k === 'targetRef' || k === 'attachedToRef' || k === 'default') continue;
    if (Array.isArray(v)) v.forEach((x) => walk(x, visit, seen));
    else if (v && typeof v === 'object') walk(v, visit, seen);
  }
}

const ext = (e: ModdleElement, type: string) =>
  ((e.extensionElements as { values?: ModdleElement[] } | undefined)?.values ?? []).find((v) => v.$type === type);

/** A FEEL expression naming deadline variables only: no ISO duration/date literal, no number of days. */
function deadlineExpressionProblem(expr: string | undefined): string | undefined {
  if (!expr || !expr.startsWith('=')) return `"${expr}" is not a FEEL expression`;
  if (/"P\d|"PT\d|duration\(|date and time\(|@"/.test(expr) || /\bP(T?\d+[YMWDHS])/.test(expr)) return `"${expr}" contains a literal duration/date`;
  const paths = expr.match(/\b[a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*/g) ?? [];
  if (!paths.length || !paths.every((p) => DEADLINE_ROOTS.includes(p.split('.')[0]))) return `"${expr}" does not read deadline variables`;
  return undefined;
}

describe.each(files)('processes/%s', (file) => {
  let definitions: ModdleElement;
  const elements: ModdleElement[] = [];

  beforeAll(async () => {
    const { rootElement, warnings } = await parseBpmn(readFileSync(path.join(processDir, file), 'utf8'));
    expect(warnings).toEqual([]);
    definitions = rootElement;
    walk(definitions, (e) => elements.push(e));
  });

  it('is lint-clean for bpmnlint:recommended + camunda-cloud-8-8 (no errors, no warnings)', async () => {
    expect(await lintBpmn(definitions)).toEqual([]);
  });

  it('targets Camunda 8.8 and has its process id as file name, with a diagram for every element', () => {
    const attrs = definitions.$attrs as Record<string, string>;
    expect(attrs['modeler:executionPlatform']).toBe('Camunda Cloud');
    expect(attrs['modeler:executionPlatformVersion']).toBe('8.8.0');
    const process = (definitions.rootElements as ModdleElement[]).find((r) => r.$type === 'bpmn:Process');
    expect(process?.id).toBe(file.replace(/\.bpmn$/, ''));
    const drawn = new Set(elements.filter((e) => e.$type === 'bpmndi:BPMNShape' || e.$type === 'bpmndi:BPMNEdge')
      .map((e) => (e.bpmnElement as ModdleElement).id));
    const flowElements = elements.filter((e) => /^bpmn:(.*Task|.*Event|.*Gateway|SequenceFlow|SubProcess|CallActivity)$/.test(e.$type));
    expect(flowElements.filter((e) => !drawn.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('gives every user task a Camunda user task, an existing form, a known candidate group and a deadline due date', () => {
    const tasks = elements.filter((e) => e.$type === 'bpmn:UserTask');
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) {
      const where = `${file}#${t.id}`;
      expect([where, ext(t, 'zeebe:UserTask')]).toEqual([where, expect.anything()]);
      const formId = ext(t, 'zeebe:FormDefinition')?.formId as string | undefined;
      expect([where, formId && readdirSync(formDir).includes(`${formId}.form`)]).toEqual([where, true]);
      const groups = String(ext(t, 'zeebe:AssignmentDefinition')?.candidateGroups ?? '').split(',').map((g) => g.trim());
      expect([where, groups.every((g) => ROLES.includes(g)) && groups.length > 0]).toEqual([where, true]);
      expect([where, deadlineExpressionProblem(ext(t, 'zeebe:TaskSchedule')?.dueDate as string)]).toEqual([where, undefined]);
    }
  });

  it('uses only deadline variables in timers (no timescale value in BPMN)', () => {
    // A timer START event is evaluated once at deploy, without variables (timer-start-expressions.test.ts):
    // it cannot read a deadline, so its cycle is configured in the BPMN (the retention review's R/P1M).
    const timers = elements.filter((e) => e.$type === 'bpmn:TimerEventDefinition' && (e.$parent as ModdleElement | undefined)?.$type !== 'bpmn:StartEvent');
    for (const t of timers) {
      const expr = ((t.timeDate ?? t.timeDuration ?? t.timeCycle) as { body?: string } | undefined)?.body;
      expect([t.id, deadlineExpressionProblem(expr)]).toEqual([t.id, undefined]);
    }
  });

  it('computes every deadline it reads, from timescales that exist', () => {
    const produced = new Set<string>();
    for (const s of elements.filter((e) => e.$type === 'bpmn:ServiceTask')) {
      const type = ext(s, 'zeebe:TaskDefinition')?.type;
      if (type !== 'calculate-deadlines') continue;
      const headers = ((ext(s, 'zeebe:TaskHeaders')?.values as ModdleElement[]) ?? []);
      const list = String(headers.find((h) => h.key === 'timescales')?.value ?? '');
      for (const entry of list.split(/[\s,]+/).filter(Boolean)) {
        const [named] = entry.split('@');
        const [name, id] = named.includes('=') ? named.split('=') : [named, named];
        expect([s.id, id, timescaleIds.has(id)]).toEqual([s.id, id, true]);
        produced.add(name);
      }
    }
    const xml = readFileSync(path.join(processDir, file), 'utf8');
    const read = [...xml.matchAll(/\b(?:deadlines|reminders|escalations)\.([A-Za-z0-9]+)/g)].map((m) => m[1]);
    expect(read.filter((n) => !produced.has(n))).toEqual([]);
  });

  it('gives every message a correlation key and avoids variable names the engine reserves', () => {
    for (const m of elements.filter((e) => e.$type === 'bpmn:Message')) {
      expect([m.name, String(ext(m, 'zeebe:Subscription')?.correlationKey ?? '')]).toEqual([m.name, expect.stringMatching(/^=\w+/)]);
    }
    for (const c of elements.filter((e) => e.$type === 'bpmn:FormalExpression')) {
      expect(String(c.body ?? '')).not.toMatch(RESERVED);
    }
  });
});

// Guards the guard: a zero-problem result must mean the rules ran, not that nothing was checked.
it('the linter reports a service task without a job type, a bare timer and a flow without a condition', async () => {
  const xml = readFileSync(path.join(processDir, 'compliance-breach.bpmn'), 'utf8')
    .replace('<zeebe:taskDefinition type="evaluate-warnings" retries="3" />', '')
    .replace('>=escalations.missedAppointmentFollowUp<', '><')
    .replace(/<bpmn:conditionExpression[^>]*>=contact.absence = "acceptable"<\/bpmn:conditionExpression>/, '');
  const problems = (await lintBpmn((await parseBpmn(xml)).rootElement)).join('\n');
  expect(problems).toMatch(/camunda-compat\/implementation \(error\): countWarnings/);
  expect(problems).toMatch(/camunda-compat\/timer \(error\): followUpOverdue/);
  expect(problems).toMatch(/conditional-flows \(error\)/);
});

it('ships the seven processes of domain.md (issue 16 adds the statutory work that was missing)', () => {
  expect(files).toEqual(expect.arrayContaining(['assetplus-assessment.bpmn', 'compliance-breach.bpmn', 'out-of-court-disposal.bpmn', 'plan-review.bpmn',
    'referral-intake.bpmn', 'referral-order.bpmn', 'victim-contact.bpmn']));
});
