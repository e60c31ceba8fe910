// The 8.8 Orchestration Cluster REST protocol as @camunda8/sdk ships it: @camunda8/orchestration-cluster-api
// (the SDK's 8.8 REST client) is generated from camunda/camunda's rest-api.yaml on stable/8.8, and carries one
// zod schema per operation's request (`z<Operation>Data`: body, path, query) and response
// (`z<Operation>Response`). They are module-private in its bundle, so this loads the bundle once more with one
// line added that hands them out. Nothing is copied or hand-written: the fake checks against what ships.
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { z } from 'zod';

type Schemas = Record<string, z.ZodType>;
let cached: Schemas | undefined;

export function protocolSchemas(): Schemas {
  if (cached) return cached;
  const entry = require.resolve('@camunda8/orchestration-cluster-api', { paths: [require.resolve('@camunda8/sdk')] });
  const file = path.join(path.dirname(entry), 'index.cjs');
  const source = `${fs.readFileSync(file, 'utf8')}\nmodule.exports.__protocolSchemas = zod_gen_exports;`;
  const M = Module as unknown as { new (id: string, parent?: unknown): { filename: string; paths: string[]; exports: Record<string, unknown>; _compile(src: string, file: string): void }; _nodeModulePaths(dir: string): string[] };
  const m = new M(file, module);
  m.filename = file;
  m.paths = M._nodeModulePaths(path.dirname(file));
  m._compile(source, file);
  cached = m.exports.__protocolSchemas as Schemas;
  return cached;
}

/** Property names a value has that its object schema does not declare, by path (deep, as the SDK's fanatical mode). */
export function unknownProperties(value: unknown, schema: z.ZodType, at = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  const s = unwrap(schema);
  if (s instanceof z.ZodArray && Array.isArray(value)) return value.flatMap((v, i) => unknownProperties(v, s.element as z.ZodType, `${at}[${i}]`));
  if (s instanceof z.ZodUnion) {
    // The branch the value fits with fewest unknowns (the schema already accepted the value).
    const options = (s.options as z.ZodType[]).filter((o) => o.safeParse(value).success);
    const byFit = options.map((o) => unknownProperties(value, o, at)).sort((a, b) => a.length - b.length);
    return byFit[0] ?? [];
  }
  const shape = objectShape(s);
  if (!shape) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    (k in shape ? unknownProperties(v, shape[k], `${at}.${k}`) : [`${at}.${k}`]));
}

/** The declared properties of an object schema, an intersection of them (`A.and(B)`), or a union of them. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) return s.shape as Record<string, z.ZodType>;
  if (s instanceof z.ZodIntersection) {
    const l = objectShape(s.def.left as z.ZodType);
    const r = objectShape(s.def.right as z.ZodType);
    return l && r ? { ...l, ...r } : undefined;
  }
  if (s instanceof z.ZodUnion) {
    // A null branch (`object | null`) adds no properties.
    const all = (s.options as z.ZodType[]).filter((o) => !(unwrap(o) instanceof z.ZodNull)).map(objectShape);
    return all.length && all.every(Boolean) ? Object.assign({}, ...all) : undefined;
  }
  return undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.def.in as z.ZodType;
    else if (s instanceof z.ZodLazy) s = s.def.getter() as z.ZodType;
    else break;
  }
  return s;
}
