// The malformed shapes the route fuzz sends: each a label (printed when a route answers 5xx) and what
// to put in the path, the query and the body. Written from what real clients and probes send, not from
// any route's schema; body fields are learned per route from its own 422 answer to `{}`.

export interface FuzzInput {
  label: string;
  /** Replaces every path parameter. */
  param?: string;
  /** Raw query string (without "?"). */
  query?: string;
  /** Raw body; sent with `contentType` (default application/json). */
  body?: string;
  contentType?: string;
}

const DEPTH = 20_000;
const huge = (n: number) => 'x'.repeat(n);
const json = (v: unknown) => JSON.stringify(v);

/** Values of the wrong type (or the right type at an absurd size) for any one field. */
export const WRONG_VALUES: Array<[string, unknown]> = [
  ['number', -1.5], ['true', true], ['null', null], ['empty string', ''], ['string', 'not-what-you-expect'],
  ['huge string', huge(100_000)], ['array', [1, 'two', { three: 3 }]], ['object', { a: { b: 'c' } }],
  ['operator', { $gt: '' }], ['prototype key', JSON.parse('{"__proto__": {"polluted": true}}')],
];

export const PARAM_INPUTS: FuzzInput[] = [
  '%ff', '%', '%E0%A4%A', '%00', '__proto__', 'constructor', '..%2F..%2Fetc%2Fpasswd', huge(3000),
].map((param) => ({ label: `path parameter ${param.length > 40 ? `${param.slice(0, 10)}…(${param.length})` : param}`, param }));

export const QUERY_INPUTS: FuzzInput[] = [
  ['operator key', '$where=1'], ['operator in bracket', 'filter[$gt]=1'], ['prototype keys', '__proto__=x&constructor=y&toString=z'],
  ['bad escape', 'q=%ff&limit=%'], ['repeated parameters', 'limit=1&limit=2&offset=0&offset=x&queue=mine&queue=team'],
  ['wrong numbers', 'limit=-1&offset=abc&version=1e999&minPriority=NaN'], ['huge value', `q=${huge(6000)}`],
  ['every known name, empty', 'queue=&sort=&direction=&limit=&offset=&version=&reason=&section=&state=&processId=&caseId=&from=&to='],
].map(([label, query]) => ({ label: `query: ${label}`, query }));

const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);

export const BODY_INPUTS: FuzzInput[] = [
  { label: `body: arrays nested ${DEPTH} deep`, body: deepArray },
  { label: `body: data nested ${DEPTH} deep`, body: `{"data":${deepObject},"changes":${deepArray}}` },
  { label: 'body: null', body: 'null' },
  { label: 'body: number', body: '42' },
  { label: 'body: array of objects', body: '[{"a":1},{"b":2}]' },
  { label: 'body: malformed JSON', body: '{"a": ' },
  { label: 'body: empty with JSON type', body: '' },
  { label: 'body: form-encoded', body: 'a=1&b[$gt]=2', contentType: 'application/x-www-form-urlencoded' },
  { label: 'body: JSON in a strange charset', body: '{}', contentType: 'application/json; charset=utf-7' },
  { label: 'body: operators', body: json({ $where: 'sleep(1000)', data: { a: [{ b: { $ne: null } }] }, changes: { x: { $gt: '' } } }) },
  ...[['__proto__', 'constructor'], ['toString', 'hasOwnProperty', 'valueOf']].map((keys) => ({
    label: `body: prototype keys ${keys.join(', ')}`,
    body: `{${keys.map((k) => `"${k}": {"polluted": true}, "data": {"${k}": "x"}, "changes": {"${k}": 1}, "variables": {"${k}": 1}`).join(', ')}}`,
  })),
  { label: 'body: huge strings', body: json({ data: { text: huge(400_000) }, reason: huge(100_000), name: huge(100_000) }) },
  { label: 'body: over the size limit', body: json({ data: huge(1_100_000) }) },
  { label: 'body: many keys', body: json(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))) },
  { label: 'body: unicode oddities', body: json({ data: { a: '\u0000\ud800\uffff' }, reason: '\u202e', name: '💥' }) },
];

/** Common field names of this API, used when a route does not say which fields it wants. */
export const COMMON_FIELDS = [
  'data', 'changes', 'reason', 'name', 'xml', 'schema', 'variables', 'processId', 'toUserId', 'username', 'password', 'queue',
  'filters', 'sort', 'mode', 'policy', 'overrides', 'version', 'formId', 'taskId', 'caseId', 'messageName', 'correlationKey',
];

/** A body with `value` at each dotted field path (`filters.dueAfter` → {filters: {dueAfter: value}}). */
export function bodyWithFields(fields: string[], value: unknown): string {
  const root: Record<string, unknown> = {};
  for (const field of fields) {
    const parts = field.split('.').filter((p) => p && !/^\d+$/.test(p));
    let cur = root;
    parts.forEach((p, i) => {
      if (i === parts.length - 1) cur[p] = value;
      else cur = (cur[p] = typeof cur[p] === 'object' && cur[p] !== null ? cur[p] : {}) as Record<string, unknown>;
    });
  }
  return JSON.stringify(root);
}
