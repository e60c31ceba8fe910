// The pure migration rules on hand-built models: what moves (identical ids, mapped ids, unchanged
// timers, sub-process children with their scope) and what is refused with a reason naming the element
// (scope change, multi-instance change, a new boundary timer, a changed job type, a join that would
// count other flows, an event-based gateway that would wait for other events).
import type { ElementDef, ElementKind, ProcessModel } from '../../../server/src/adapters/engine-embedded/model/process-model';
import type { InstanceState, Token } from '../../../server/src/adapters/engine-embedded/runtime/instance-state';
import { planMigration } from '../../../server/src/adapters/engine-embedded/runtime/migrate-instance';

type Spec = Partial<ElementDef> & { kind: ElementKind };
function model(elements: Record<string, Spec>, flows: [string, string, string][] = []): ProcessModel {
  const els: Record<string, ElementDef> = {};
  for (const [id, e] of Object.entries(elements)) {
    els[id] = { id, parentId: 'p', incoming: [], outgoing: [], boundaryIds: [], headers: {}, inputs: [], outputs: [], ...e };
  }
  for (const [id, source, target] of flows) {
    els[source].outgoing.push(id);
    els[target].incoming.push(id);
  }
  for (const el of Object.values(els)) if (el.attachedTo) els[el.attachedTo].boundaryIds.push(el.id);
  return {
    processId: 'p', elements: els, messageStarts: [], timerStarts: [],
    flows: Object.fromEntries(flows.map(([id, source, target]) => [id, { id, source, target }])),
  };
}
const state = (...tokens: Token[]): InstanceState => ({ seq: 10, vars: {}, tokens, timeline: [], status: 'active' });
const waiting = (id: string, elementId: string, extra: Partial<Token> = {}): Token => ({ id, elementId, scope: 'root', state: 'waiting', ...extra });
const plan = (s: InstanceState, source: ProcessModel, target: ProcessModel, mapping: Record<string, string> = {}) =>
  planMigration(s, { source, target, fromVersion: 1, toVersion: 2, mapping });

const task: Spec = { kind: 'userTask', userTask: { listeners: [] } };
const job = (type: string): Spec => ({ kind: 'serviceTask', job: { type, retries: '3' } });
const timer = (value: string, attachedTo?: string): Spec => ({
  kind: attachedTo ? 'boundaryEvent' : 'intermediateCatchEvent', event: { type: 'timer', timer: { kind: 'duration', value } },
  ...(attachedTo ? { attachedTo, cancelActivity: true } : {}),
});

describe('planMigration', () => {
  it('moves identical ids implicitly and mapped ids explicitly, including what a token waits for', () => {
    const v1 = model({ a: task, t: timer('P1D', 'a') });
    const v2 = model({ b: task, t: timer('P1D', 'b') });
    const s = state(waiting('t1', 'a', { wait: { kind: 'userTask', taskKey: 'k' }, armed: [{ key: 'x', kind: 'timer', elementId: 't', role: 'boundary' }] }));
    expect(plan(s, v1, v2, { a: 'b' })).toEqual({ problems: [], applied: { a: 'b', t: 't' } });
  });

  it('refuses a boundary timer whose definition changed, and one the target adds', () => {
    const v1 = model({ a: task, t: timer('P1D', 'a') });
    const changed = model({ a: task, t: timer('P2D', 'a') });
    const s = state(waiting('t1', 'a', { armed: [{ key: 'x', kind: 'timer', elementId: 't', role: 'boundary' }] }));
    expect(plan(s, v1, changed).problems).toEqual([{ elementId: 'a', message: "'a' (userTask) waits on a timer ('t') whose definition differs in version 2 ('t')" }]);
    const added = model({ a: task, t: timer('P1D', 'a'), t2: timer('P5D', 'a') });
    expect(plan(s, v1, added).problems).toEqual([{ elementId: 'a', message: "version 2 adds timer event 't2' to 'a', which the running instance has not armed" }]);
  });

  it('keeps sub-process children in their scope and refuses moving them out of it', () => {
    const v1 = model({ sub: { kind: 'subProcess' }, inner: { ...task, parentId: 'sub' } });
    const s = state(waiting('t1', 'sub', { wait: { kind: 'scope' } }), waiting('t2', 'inner', { scope: 't1' }));
    expect(plan(s, v1, v1).problems).toEqual([]);
    const flattened = model({ sub: { kind: 'subProcess' }, inner: task });
    expect(plan(s, v1, flattened).problems).toEqual([
      { elementId: 'inner', message: "'inner' (userTask) would move from scope 'sub' to 'p': sub-process scope changes are not migrated" },
    ]);
  });

  it('refuses a multi-instance change and a changed job type', () => {
    const v1 = model({ a: task, j: job('send-letter') });
    const loop = model({ a: { ...task, loop: { sequential: false, inputCollection: '=items' } }, j: job('send-letter') });
    expect(plan(state(waiting('t1', 'a')), v1, loop).problems[0].message).toBe("multi-instance definition of 'a' (userTask) differs in 'a'");
    const other = model({ a: task, j: job('send-email') });
    expect(plan(state(waiting('t1', 'j', { wait: { kind: 'job', jobKey: 'k' } })), v1, other).problems[0].message)
      .toBe("'j' (serviceTask) waits on a job of type 'send-letter', but 'j' defines 'send-email'");
  });

  it('refuses a join that would count different flows, and an event gateway that would wait for other events', () => {
    const flows: [string, string, string][] = [['f1', 'a', 'join'], ['f2', 'b', 'join']];
    const v1 = model({ a: task, b: task, join: { kind: 'parallelGateway' } }, flows);
    const v2 = model({ a: task, b: task, c: task, join: { kind: 'parallelGateway' } }, [...flows, ['f3', 'c', 'join']]);
    const s = state(waiting('t1', 'join', { via: 'f1', wait: { kind: 'join' } }), waiting('t2', 'b'));
    expect(plan(s, v1, v1).problems).toEqual([]);
    expect(plan(s, v1, v2).problems).toEqual([{ elementId: 'join', message: "join 'join' (parallelGateway) waits for different incoming flows in 'join'" }]);

    const gw = (targets: string[]) => model(
      { g: { kind: 'eventBasedGateway' }, ...Object.fromEntries(targets.map((t) => [t, timer('P1D')])) },
      targets.map((t, i) => [`g${i}`, 'g', t] as [string, string, string]),
    );
    const atGateway = state(waiting('t1', 'g', { wait: { kind: 'event' }, armed: [{ key: 'x', kind: 'timer', elementId: 'e1', role: 'gateway' }] }));
    expect(plan(atGateway, gw(['e1']), gw(['e1'])).problems).toEqual([]);
    expect(plan(atGateway, gw(['e1']), gw(['e1', 'e2'])).problems).toEqual([
      { elementId: 'g', message: "version 2 adds timer event 'e2' to 'g', which the running instance has not armed" },
    ]);
  });

  it('names mapping entries that are not elements of either version', () => {
    const v1 = model({ a: task });
    expect(plan(state(waiting('t1', 'a')), v1, v1, { ghost: 'a', a: 'nowhere' }).problems.map((p) => p.message)).toEqual([
      "mapping names 'ghost', which is not an element of version 1",
      "mapping target 'nowhere' is not an element of version 2",
    ]);
  });
});
