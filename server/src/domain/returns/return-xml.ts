// The return as XML, and its check against the layout. The check is written apart from the builder, from
// the layout alone (every element a record of the layout allows, in the layout's order; every required one
// there; each value of its type and, for codes, one of the layout's codes), so a builder mistake refuses the
// file instead of sending the YJB something its schema rejects.
import type { BuiltRecord } from './build-return-records';
import type { LayoutRecord, ReturnLayout } from './return-layout';
import type { Quarter } from './return-quarter';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
// XML 1.0 forbids most control characters even escaped: a value holding one is refused by the check below.
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]*$/;

function valueProblem(rec: LayoutRecord, element: string, value: string): string | undefined {
  const f = rec.fields.find((x) => x.element === element)!;
  // A value that is not text (say an inherited property a builder picked up) is refused, not stringified.
  if (typeof value !== 'string') return 'is not text';
  if (!XML_CHARS.test(value)) return 'holds a character XML cannot carry';
  if (f.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'is not a date written YYYY-MM-DD';
  if (f.type === 'integer' && (!/^-?\d+$/.test(value) || (f.min !== undefined && Number(value) < f.min) || (f.max !== undefined && Number(value) > f.max))) return 'is not a whole number in range';
  if (f.type === 'code' && !Object.values(f.codes ?? {}).includes(value)) return 'is not one of the layout\'s codes';
  if (f.type === 'string' && (!value || (f.maxLength !== undefined && value.length > f.maxLength))) return 'is empty or too long';
  return undefined;
}

function checkRecord(layout: ReturnLayout, r: BuiltRecord, allowed: readonly LayoutRecord[], where: string, errors: string[]): void {
  const rec = allowed.find((x) => x.element === r.element);
  if (!rec) {
    errors.push(`${where}: <${r.element}> is not a record the layout allows here`);
    return;
  }
  const order = rec.fields.map((f) => f.element);
  let last = -1;
  for (const v of r.values) {
    const at = order.indexOf(v.element);
    if (at < 0) errors.push(`${where} <${rec.element}>: <${v.element}> is not a field of this record`);
    else if (at <= last) errors.push(`${where} <${rec.element}>: <${v.element}> is out of the layout's order`);
    else {
      const p = valueProblem(rec, v.element, v.value);
      if (p) errors.push(`${where} <${rec.element}>: <${v.element}> ${p}`);
      last = at;
    }
  }
  for (const f of rec.fields.filter((x) => x.required && !r.values.some((v) => v.element === x.element))) errors.push(`${where} <${rec.element}>: required <${f.element}> is missing`);
  const nested = layout.records.filter((x) => x.per === 'item');
  if (rec.per === 'case' && !r.children.length) errors.push(`${where} <${rec.element}>: has no records inside it`);
  if (rec.per === 'item' && r.children.length) errors.push(`${where} <${rec.element}>: may not hold other records`);
  r.children.forEach((c, i) => checkRecord(layout, c, nested, `${where}/${i + 1}`, errors));
}

/** What in these records the layout does not allow (empty when the file is valid). */
export function checkAgainstLayout(layout: ReturnLayout, children: readonly BuiltRecord[]): string[] {
  const errors: string[] = [];
  const top = layout.records.filter((r) => r.per === 'case');
  children.forEach((c, i) => checkRecord(layout, c, top, `record ${i + 1}`, errors));
  return errors;
}

export function headerValues(layout: ReturnLayout, quarter: Quarter): [string, string][] {
  const facts = { quarter: quarter.id, periodStart: quarter.start, periodEnd: quarter.end, layoutVersion: layout.version };
  return layout.header.map((h) => [h.attribute, 'return' in h.source ? facts[h.source.return] : h.source.value]);
}

function writeRecord(r: BuiltRecord, indent: string, lines: string[]): void {
  lines.push(`${indent}<${r.element}>`);
  for (const v of r.values) lines.push(`${indent}  <${v.element}>${escape(v.value)}</${v.element}>`);
  for (const c of r.children) writeRecord(c, `${indent}  `, lines);
  lines.push(`${indent}</${r.element}>`);
}

/** The file: UTF-8, two spaces of indent, one element a line, a newline at the end. */
export function writeReturnXml(layout: ReturnLayout, quarter: Quarter, children: readonly BuiltRecord[]): string {
  const attrs = [`xmlns="${escape(layout.root.namespace)}"`, ...headerValues(layout, quarter).map(([k, v]) => `${k}="${escape(v)}"`)];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<${layout.root.element} ${attrs.join(' ')}>`];
  for (const c of children) writeRecord(c, '  ', lines);
  lines.push(`</${layout.root.element}>`);
  return `${lines.join('\n')}\n`;
}
