// Section rules applied to form answers (design.md, Security): a user may only write answers into case
// sections they may write, and only sees answers from sections they may read. Sections come from the
// form's `properties.section`, checked against the case-record sections at deploy.
import { describeFields, filterBySection, isPlainObject, type FormDefinition } from '../../forms-core';
import { canRead, isCaseSection, unwritableSections, type PolicySubject } from '../policies';

/** Sections that actually receive an answer in this data (empty answers write nothing). */
export function answeredSections(form: FormDefinition, data: Record<string, unknown>): string[] {
  const sections = new Set<string>();
  for (const f of describeFields(form)) if (f.section && hasAnswer(data, f.path.split('.'))) sections.add(f.section);
  return [...sections].sort();
}

export function sectionsNotWritable(user: PolicySubject, form: FormDefinition, data: Record<string, unknown>): string[] {
  return unwritableSections(user, answeredSections(form, data));
}

/** The answers the user may read, and which of the form's sections were withheld (filled or not). */
export function readableAnswers(user: PolicySubject, form: FormDefinition, data: Record<string, unknown>): { data: Record<string, unknown>; withheldSections: string[] } {
  const readable = (s: string) => isCaseSection(s) && canRead(user, s);
  const withheld = [...new Set(describeFields(form).map((f) => f.section).filter((s): s is string => !!s && !readable(s)))].sort();
  return { data: filterBySection(form, data, readable), withheldSections: withheld };
}

function hasAnswer(value: unknown, segments: string[]): boolean {
  if (!segments.length) return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
  const [head, ...rest] = segments;
  const isList = head.endsWith('[]');
  const key = isList ? head.slice(0, -2) : head;
  if (!isPlainObject(value)) return false;
  const next = value[key];
  return isList ? Array.isArray(next) && next.some((row) => hasAnswer(row, rest)) : hasAnswer(next, rest);
}
