// What a reader of the audit log is shown of one event. Events keep what happened, values included (a
// manual amendment's before/after field values), and the chain hashes them exactly as stored — so
// redaction happens here, at presentation, and never in the stored events: verification is unaffected.
// An event that concerns a case section the reader may not read (its `sections`) shows its before/after
// with every value "withheld" but the keys that only name records or fields (ids, form versions, the
// field names a submission wrote): the reader still sees who did what to which record and when.
import type { AuditEvent } from '../../domain/audit/audit-event';

export const WITHHELD = 'withheld';

/** Keys of before/after whose values are references or names, never a child's data. */
const REFERENCE_KEYS = new Set([
  'caseId', 'caseIds', 'submissionId', 'formId', 'version', 'taskId', 'instanceKey', 'processId',
  'fields', 'withheldSections', 'withheldVariables',
]);

export interface AuditEventView extends AuditEvent {
  /** Sections of this event the reader may not read: their values in before/after are "withheld". */
  withheldSections?: string[];
}

export function presentAuditEvent(event: AuditEvent, readableSections: readonly string[]): AuditEventView {
  const withheldSections = (event.sections ?? []).filter((s) => !readableSections.includes(s));
  if (!withheldSections.length || (!event.before && !event.after)) return event;
  return {
    ...event,
    ...(event.before ? { before: withhold(event.before) } : {}),
    ...(event.after ? { after: withhold(event.after) } : {}),
    withheldSections,
  };
}

const withhold = (values: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, REFERENCE_KEYS.has(key) ? value : WITHHELD]));
