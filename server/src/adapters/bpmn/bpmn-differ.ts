// BpmnDiffer with bpmn-js-differ over bpmn-moddle (with the Zeebe extension, so a changed task type,
// due date or form id shows as a change of that task). Attribute values are summarised to plain JSON:
// moddle objects point back at their parents and cannot be sent as they are.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { BpmnModdle } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { BpmnDiff, BpmnDiffer, DiffElement } from '../../application/processes/diff-process-versions';
import { ValidationError } from '../../domain/errors';

async function read(xml: string, which: string): Promise<any> {
  try {
    return (await new BpmnModdle({ zeebe }).fromXML(xml, 'bpmn:Definitions')).rootElement;
  } catch (e) {
    throw new ValidationError(`The ${which} version does not parse: ${(e as Error).message.split('\n')[0]}`, {}, 'DIFF_UNREADABLE');
  }
}

const element = (el: any): DiffElement => ({ id: el.id, type: el.$type, ...(el.name ? { name: el.name } : {}) });

/** A moddle value as plain JSON: attributes and children, never the $parent link. */
export function summarise(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (depth > 4) return '…';
  if (Array.isArray(value)) return value.map((v) => summarise(v, depth + 1));
  const v = value as Record<string, any>;
  // A reference to another element (e.g. a flow's targetRef) is shown by its id.
  if (depth > 0 && v.id && v.$type && !String(v.$type).startsWith('zeebe:')) return v.id;
  const out: Record<string, unknown> = {};
  if (v.$type) out.$type = v.$type;
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$') || typeof x === 'function') continue;
    out[k] = summarise(x, depth + 1);
  }
  return out;
}

const TRACKED = ['bpmn:FlowElement', 'bpmn:Participant', 'bpmn:MessageFlow', 'bpmn:Lane'];

/** Every tracked element by id (the diagram interchange, i.e. layout, is left to the differ). */
function trackedElements(definitions: any): Map<string, any> {
  const found = new Map<string, any>();
  const seen = new Set<unknown>();
  const walk = (v: any): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) return v.forEach(walk);
    if (v.id && TRACKED.some((t) => v.$instanceOf?.(t))) found.set(v.id, v);
    for (const [k, x] of Object.entries(v)) if (!k.startsWith('$') && k !== 'diagrams') walk(x);
  };
  walk(definitions.rootElements);
  return found;
}

const stable = (v: unknown): string => JSON.stringify(v, (_k, x) =>
  x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x);

/**
 * bpmn-js-differ reports attributes of the tracked element itself but not changes nested inside untracked
 * children (zeebe:taskSchedule in extensionElements, a timer's timeDate): compare each property of
 * elements present in both versions as well.
 */
function nestedChanges(a: Map<string, any>, b: Map<string, any>): Map<string, Record<string, { oldValue: unknown; newValue: unknown }>> {
  const out = new Map<string, Record<string, { oldValue: unknown; newValue: unknown }>>();
  for (const [id, newer] of b) {
    const older = a.get(id);
    if (!older || older.$type !== newer.$type) continue;
    const keys = new Set([...Object.keys(older), ...Object.keys(newer)].filter((k) => !k.startsWith('$')));
    for (const k of keys) {
      const before = summarise(older[k], 1);
      const after = summarise(newer[k], 1);
      if (stable(before) !== stable(after)) out.set(id, { ...out.get(id), [k]: { oldValue: before, newValue: after } });
    }
  }
  return out;
}

export const bpmnDiffer: BpmnDiffer = async (oldXml, newXml): Promise<BpmnDiff> => {
  const [older, newer] = [await read(oldXml, 'older'), await read(newXml, 'newer')];
  const result = diff(older, newer);
  const byId = (x: DiffElement, y: DiffElement) => x.id.localeCompare(y.id);
  const newElements = trackedElements(newer);
  const changed = new Map<string, { model: any; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>();
  // The differ calls its handler with (newValue, oldValue) from jsondiffpatch's [old, new]: swap back.
  for (const [id, c] of Object.entries(result._changed)) {
    changed.set(id, { model: c.model, attrs: Object.fromEntries(Object.entries(c.attrs).map(([k, x]) => [k, { oldValue: summarise(x.newValue, 1), newValue: summarise(x.oldValue, 1) }])) });
  }
  for (const [id, attrs] of nestedChanges(trackedElements(older), newElements)) {
    const entry = changed.get(id) ?? { model: newElements.get(id), attrs: {} };
    for (const [k, x] of Object.entries(attrs)) entry.attrs[k] ??= x;
    changed.set(id, entry);
  }
  return {
    added: Object.values(result._added).map(element).sort(byId),
    removed: Object.values(result._removed).map(element).sort(byId),
    changed: [...changed.values()].filter((c) => Object.keys(c.attrs).length).map(({ model, attrs }) => ({ ...element(model), attrs })).sort(byId),
    layoutChanged: Object.values(result._layoutChanged).map(element).sort(byId),
  };
};
