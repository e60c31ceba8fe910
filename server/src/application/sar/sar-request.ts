// A subject access request is an instance of the subject-access-request process: its variables hold the
// request (who asks, for whom, when received), the due date the deadline job set, and the DPO's redaction
// decisions. Reads it back, and says whether it may be disclosed yet.
import { NotFoundError } from '../../domain/errors';
import type { DpoDecision } from '../../domain/sar/redaction-rules';
import { checkExtension, firstMonthDue, isCivilDate, MAX_EXTENSION_MONTHS } from '../../domain/sar/sar-clock';
import { readSubject, type SarSubject } from '../../domain/sar/sar-subject';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';

export const SAR_PROCESS_ID = 'subject-access-request';

export interface SarRequest {
  key: string;
  state: string;
  /** The steps the request is at, e.g. ["gatherRecords"]. */
  activeSteps: string[];
  receivedOn: string;
  requesterName: string;
  requesterRelationship?: string;
  subject: SarSubject;
  due?: string;
  extended: boolean;
  /** Why an extension the DPO asked for was not applied (told after the first month, no reason). */
  extensionProblem?: string;
  decisions: DpoDecision[];
  /** The DPO approved the response (the process is at "send the response" or finished after approval). */
  approved: boolean;
  /** When the person's own records were erased: the request then keeps no personal data (erase-sar-data-of-case.ts). */
  erased?: string;
}

/** What an erased request shows in place of the person (the request's reference and dates stay). */
const ERASED_SUBJECT: SarSubject = { givenName: 'Erased', familyName: 'record', otherNames: [] };

/** Steps after the approval: sending, then keeping the gathered copy until its retention runs out. */
const AFTER_APPROVAL = ['sendResponse', 'calcGatheredCopy', 'keepGatheredCopy', 'dropGatheredCopy'];

export async function loadSarRequest(engine: Pick<WorkflowEngine, 'getInstance'>, key: string): Promise<SarRequest> {
  const instance = /^[A-Za-z0-9._-]{1,64}$/.test(key) ? await engine.getInstance(key) : undefined;
  const v = instance?.variables ?? {};
  const erased = typeof v.sarErased === 'string' ? v.sarErased : undefined;
  const subject = erased ? ERASED_SUBJECT : readSubject(v.subject).subject;
  if (!instance || instance.processId !== SAR_PROCESS_ID || !subject) throw new NotFoundError(`No subject access request ${key}`, 'SAR_NOT_FOUND');
  const deadlines = (v.deadlines ?? {}) as Record<string, string>;
  const approved = instance.activeElementIds.some((e) => AFTER_APPROVAL.includes(e)) || (v.sarApproved === true && !instance.activeElementIds.some((e) => ['reviewRedactions', 'approveDisclosure'].includes(e)));
  const extensionProblem = v.sarExtend === true && isCivilDate(v.receivedOn) ? extensionCheck(v) : undefined;
  return {
    ...(extensionProblem ? { extensionProblem } : {}),
    ...(erased ? { erased } : {}),
    key, state: instance.state, activeSteps: instance.activeElementIds,
    receivedOn: String(v.receivedOn ?? ''), requesterName: String(v.requesterName ?? ''),
    ...(typeof v.requesterRelationship === 'string' ? { requesterRelationship: v.requesterRelationship } : {}),
    subject, ...(deadlines.sarResponse ? { due: deadlines.sarResponse } : {}),
    extended: instance.timeline?.some((t) => t.elementId === 'calcSarExtension') ?? false,
    decisions: Array.isArray(v.sarRedactions) ? (v.sarRedactions as DpoDecision[]) : [],
    approved,
  };
}

/** The same rule the process's gateway applies, in words for the DPO's page. */
function extensionCheck(v: Record<string, unknown>): string | undefined {
  const verified = isCivilDate(v.identityVerifiedOn) ? v.identityVerifiedOn : undefined;
  const check = checkExtension(firstMonthDue(v.receivedOn as string, verified), {
    months: MAX_EXTENSION_MONTHS, reason: typeof v.extensionReason === 'string' ? v.extensionReason : '', toldOn: typeof v.requesterToldOn === 'string' ? v.requesterToldOn : '',
  });
  return check.ok ? undefined : check.message;
}
