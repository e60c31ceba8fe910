// Camunda 8.8's FEEL functions on top of @bpmn-io/feelin. feelin implements the DMN standard library; Camunda
// (feel-scala 1.19) adds extensions (`is defined`, `get or else`, `assert`, `is empty`…) and overloads
// (`string join` with prefix and suffix, `get value` with a key path). These are supplied as context entries,
// so one implementation serves the engine, the server's form validation and the browser's renderer.
// See docs/feel.md for the list and the differences that remain.
import { date, duration } from '@bpmn-io/feelin';

type Fn = ((...args: unknown[]) => unknown) & { $args: string[] };

/** feelin reads parameter names from `$args`, so named arguments (`get or else(value: x, default: 1)`) work. */
function def(params: string[], impl: (...args: unknown[]) => unknown): Fn {
  return Object.assign((...args: unknown[]) => impl(...args.map((a) => (a === undefined ? null : a))), { $args: params });
}

/** Raised by `assert()`: Camunda fails the evaluation (an incident in the engine) with the given cause. */
export class FeelAssertionError extends Error {
  constructor(cause: unknown) {
    super(typeof cause === 'string' && cause ? cause : 'The assertion failed');
    this.name = 'FeelAssertionError';
  }
}

const isList = (v: unknown): v is unknown[] => Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const isContext = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function stringJoin(list: unknown, delimiter: unknown, prefix: unknown, suffix: unknown): string | null {
  if (!isList(list) || !list.every((item) => item === null || isText(item))) return null;
  const text = list.filter(isText).join(isText(delimiter) ? delimiter : '');
  return `${isText(prefix) ? prefix : ''}${text}${isText(suffix) ? suffix : ''}`;
}

function getValue(context: unknown, keyOrKeys: unknown): unknown {
  const keys = isList(keyOrKeys) ? keyOrKeys : [keyOrKeys];
  if (!keys.length || !keys.every(isText)) return null;
  let value: unknown = context;
  for (const key of keys) {
    if (!isContext(value) || !Object.prototype.hasOwnProperty.call(value, key)) return null;
    value = value[key];
  }
  return value ?? null;
}

function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** feelin's temporal values are luxon objects; luxon itself is not a dependency of ours, so duck-type them. */
interface FeelDate { year: number; month: number; day: number; isValid: boolean }
interface FeelDuration { toMillis(): number; negate(): FeelDuration; isLuxonDuration?: boolean }
const asDateTime = (v: unknown): FeelDate | null => {
  const d = v as FeelDate & { isLuxonDateTime?: boolean };
  return v !== null && typeof v === 'object' && d.isLuxonDateTime === true && d.isValid ? d : null;
};
const isDuration = (v: unknown): v is FeelDuration => v !== null && typeof v === 'object' && (v as FeelDuration).isLuxonDuration === true;
const pad = (n: number) => String(n).padStart(2, '0');

/** The two functions that read a clock: `now` is the engine's (or the browser's for forms). */
function clockFunctions(now: () => Date): Record<string, Fn> {
  // Zeebe's FEEL clock is the broker's clock in the JVM's zone, which is UTC in Camunda's images and SaaS.
  const instant = () => now().toISOString();
  return {
    now: def([], () => date(instant())),
    today: def([], () => date(instant().slice(0, 10))),
  };
}

const wallClock = () => new Date();

/** Extensions and overloads feelin lacks or answers differently from Camunda. `now` is the engine's clock. */
export function camundaFunctions(now: () => Date = wallClock): Record<string, Fn> {
  return { ...CLOCKLESS, ...clockFunctions(now) };
}

// Built once: every evaluation (each engine step, each form render) adds only the two clock functions.
const CLOCKLESS: Record<string, Fn> = {
    'is defined': def(['value'], (value) => value !== null),
    'get or else': def(['value', 'default'], (value, fallback) => value ?? fallback),
    assert: def(['value', 'condition', 'cause'], (value, condition, cause) => {
      if (condition !== true) throw new FeelAssertionError(cause);
      return value;
    }),
    'is empty': def(['list'], (list) => (isList(list) ? list.length === 0 : null)),
    'string join': def(['list', 'delimiter', 'prefix', 'suffix'], stringJoin),
    'get value': def(['context', 'key'], getValue),
    'duplicate values': def(['list'], (list) => {
      if (!isList(list)) return null;
      // in the order each value first appears, once per value
      const firsts = list.filter((item, i) => list.findIndex((x) => same(x, item)) === i);
      return firsts.filter((item) => list.filter((x) => same(x, item)).length > 1);
    }),
    partition: def(['list', 'size'], (list, size) => {
      if (!isList(list) || typeof size !== 'number' || size <= 0) return null;
      const out: unknown[][] = [];
      for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
      return out;
    }),
    extract: def(['string', 'pattern'], (string, pattern) => {
      if (!isText(string) || !isText(pattern)) return null;
      return [...string.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0]);
    }),
    trim: def(['string'], (string) => (isText(string) ? string.trim() : null)),
    'is blank': def(['string'], (string) => (isText(string) ? string.trim() === '' : null)),
    uuid: def([], () => globalThis.crypto.randomUUID()),
    'to base64': def(['value'], (value) => (isText(value) ? toBase64(value) : null)),
    'random number': def([], () => Math.random()),
    'last day of month': def(['date'], (value) => {
      const d = asDateTime(value);
      return d ? date(`${d.year}-${pad(d.month)}-${pad(new Date(Date.UTC(d.year, d.month, 0)).getUTCDate())}`) : null;
    }),
    'years and months duration': def(['from', 'to'], (from, to) => {
      const a = asDateTime(from);
      const b = asDateTime(to);
      if (!a || !b) return null;
      let months = (b.year - a.year) * 12 + (b.month - a.month);
      if (months > 0 && b.day < a.day) months -= 1;
      if (months < 0 && b.day > a.day) months += 1;
      const m = Math.abs(months);
      return duration(`${months < 0 ? '-' : ''}P${Math.trunc(m / 12)}Y${m % 12}M`);
    }),
    abs: def(['n'], (n) => {
      if (typeof n === 'number') return Math.abs(n);
      if (isDuration(n)) return n.toMillis() < 0 ? n.negate() : n;
      return null;
    }),
    // Camunda's marker for values an AI agent fills in; the engine returns the value unchanged.
    fromAi: def(['value', 'description', 'type', 'schema', 'options'], (value) => value),
};

/** Variables win over functions of the same name, so a variable called `trim` still reads as the variable. */
export function withCamundaFunctions(variables: Record<string, unknown>, now?: () => Date): Record<string, unknown> {
  return { ...CLOCKLESS, ...clockFunctions(now ?? wallClock), ...variables };
}
