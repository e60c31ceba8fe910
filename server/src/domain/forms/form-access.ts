// Section rules applied to form answers (design.md, Security): a user may only write answers into case
// sections they may write, and only sees answers from sections they may read. Sections come from the
// form's `properties.section`, checked against the case-record sections at deploy.
import { describeFields, filterBySection, isInput, isPlainObject, type FormComponent, type FormDefinition } from '../../forms-core';
import { canRead, isCaseSection, unwritableSections, type PolicySubject } from '../policies';
import { sectionLabel } from '../cases/case-section';
import { ForbiddenError } from '../errors';

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

/**
 * Answered fields of sections outside `mayWrite`, with their labels: what a submission by this user must
 * not carry. Refusing names them (never a silent drop of the user's typing).
 */
export function answeredFieldsOutside(form: FormDefinition, data: Record<string, unknown>, mayWrite: readonly string[]): { path: string; label: string; section: string }[] {
  return describeFields(form).flatMap((f) => (f.section && isCaseSection(f.section) && !mayWrite.includes(f.section) && hasAnswer(data, f.path.split('.'))
    ? [{ path: f.path, label: f.label, section: f.section }] : []));
}

/**
 * The form as offered to a user: fields of sections they may not write are disabled (shown, not filled;
 * the task page lists those sections to say why). The stored version is unchanged; submissions are
 * still validated against it, so a crafted value for such a field is refused, not dropped.
 */
export function offeredForm<F extends FormDefinition>(form: F, mayWrite: readonly string[]): F {
  const visit = (components: FormComponent[], inherited: string | undefined): FormComponent[] => components.map((c) => {
    const section = typeof c.properties?.section === 'string' ? c.properties.section : inherited;
    const locked = !!section && isCaseSection(section) && !mayWrite.includes(section);
    const inner = Array.isArray(c.components) ? { components: visit(c.components, section) } : {};
    return isInput(c) && locked ? { ...c, ...inner, disabled: true } : { ...c, ...inner };
  });
  return { ...form, components: visit(form.components ?? [], undefined) };
}

/** Refuses (403) answers in sections outside `mayWrite`, naming each field by its label. */
export function assertAnswersWritable(form: FormDefinition, data: Record<string, unknown>, mayWrite: readonly string[]): void {
  const refused = answeredFieldsOutside(form, data, mayWrite);
  if (!refused.length) return;
  const sections = [...new Set(refused.map((f) => sectionLabel(f.section!)))];
  const fields = refused.map((f) => `"${f.label}"`).join(', ');
  throw new ForbiddenError(
    `Your role may not record ${sections.join(', ')} information: leave ${fields} empty for a colleague who can. Nothing was saved.`,
    'SECTION_NOT_WRITABLE',
  );
}
