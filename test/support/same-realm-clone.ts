// Jest runs each test file in its own vm realm, but its `structuredClone` is Node's, from the host realm: a
// clone's objects then have the host's Object.prototype, not the realm's. Libraries that recognise a plain
// object by `Object.getPrototypeOf(x) === Object.prototype` (FEEL's `context put`, `context merge` in
// @bpmn-io/feelin) took cloned process variables for non-contexts and returned null — in tests only: the
// server has one realm. Re-homing the clone's plain objects, arrays and dates makes tests see what
// production sees.
// jsdom test files (the client's) have no structuredClone at all: nothing to re-home there.
const hostClone = globalThis.structuredClone as typeof structuredClone | undefined;
const hostObjectProto = hostClone ? Object.getPrototypeOf(hostClone({})) : Object.prototype;

function rehome(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Array.from(value, rehome);
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return new Date((value as Date).getTime());
  const proto = Object.getPrototypeOf(value);
  if (proto !== hostObjectProto && proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = proto === null ? Object.create(null) : {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = rehome(v);
  return out;
}

if (hostClone) {
  globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => rehome(hostClone(value, options))) as typeof structuredClone;
}
