// An instance's timeline as stored: one line per entry ("<ms base 36> <elementId> <elementType> <event code>").
// As an array of objects each entry cost FerretDB ~260 bytes (its JSON stores every value with a type
// schema beside it) and made up three quarters of an instance document; FerretDB re-reads, re-encodes and
// re-indexes the whole document on every update, so document size is the engine's cost per step. As one
// string the timeline is a single value (measured: benchmark (a) +20–40% instances/s). BPMN ids are XML
// NCNames and element kinds are words, so neither contains a space or a line break. Instances saved before
// keep their array, which is read as it is and converted on their next step.
import type { TimelineEntry } from '../../../ports/workflow-engine.port';
import { MAX_TIMELINE } from './instance-state';

export type StoredTimeline = string | TimelineEntry[];

const CODES: Record<TimelineEntry['event'], string> = { activated: 'a', completed: 'c', terminated: 't', taken: 'f' };
const EVENTS = Object.fromEntries(Object.entries(CODES).map(([event, code]) => [code, event])) as Record<string, TimelineEntry['event']>;
/** Shortest line (one-character ids): above this length the entries are counted, below it they cannot exceed the cap. */
const COUNT_FROM = MAX_TIMELINE * 14;

const encode = (e: TimelineEntry) => `${Date.parse(e.at).toString(36)} ${e.elementId} ${e.elementType} ${CODES[e.event]}`;

export function appendTimeline(stored: StoredTimeline, entry: TimelineEntry): string {
  const text = typeof stored === 'string' ? stored : stored.map(encode).join('\n');
  let next = text ? `${text}\n${encode(entry)}` : encode(entry);
  if (next.length > COUNT_FROM) {
    const lines = next.split('\n');
    if (lines.length > MAX_TIMELINE) next = lines.slice(lines.length - MAX_TIMELINE).join('\n');
  }
  return next;
}

export function readTimeline(stored: StoredTimeline | undefined): TimelineEntry[] {
  if (!stored) return [];
  if (Array.isArray(stored)) return stored;
  return stored.split('\n').map((line) => {
    const [at, elementId, elementType, code] = line.split(' ');
    return { at: new Date(parseInt(at, 36)).toISOString(), elementId, elementType, event: EVENTS[code] };
  });
}
