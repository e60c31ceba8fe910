// The events a subscriber (children's social care's Mosaic, a partner's system) may be told of, and the rule
// that says which process step each is. They are read from the engine's own events (a task completed, an
// instance completed), so no process or use case knows that webhooks exist.
export const WEBHOOK_EVENTS = ['referral.received', 'case.opened', 'assessment.shared', 'breach.action', 'case.closed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_WORDS: Record<WebhookEventType, string> = {
  'referral.received': 'A referral was received',
  'case.opened': 'A case was opened (case manager allocated)',
  'assessment.shared': 'An AssetPlus assessment and plan were shared',
  'breach.action': 'Breach action was taken (information laid or referred back to court)',
  'case.closed': 'A case was closed',
};

/** Step of a process → event: a task created (a referral arrived) or completed (the step happened). */
const ON_TASK_CREATED: Record<string, WebhookEventType> = { 'referral-intake/matchPerson': 'referral.received' };
const ON_TASK_COMPLETED: Record<string, WebhookEventType> = {
  'referral-intake/allocate': 'case.opened',
  'assetplus-assessment/share': 'assessment.shared',
  'compliance-breach/court': 'breach.action',
  'compliance-breach/referBack': 'breach.action',
};
/** Instances whose completion is an event once the case record agrees (a closure may end without closing). */
const ON_INSTANCE_COMPLETED: Record<string, WebhookEventType> = { 'case-closure': 'case.closed' };

export function eventOfTask(change: 'created' | 'completed', processId: string, elementId: string): WebhookEventType | undefined {
  const table = change === 'created' ? ON_TASK_CREATED : ON_TASK_COMPLETED;
  return table[`${processId}/${elementId}`];
}
export const eventOfInstance = (processId: string): WebhookEventType | undefined => ON_INSTANCE_COMPLETED[processId];

/** What is sent: the event, the case it is about, and the case sections the agreement allows, nothing else. */
export interface WebhookPayload {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  caseId: string;
  /** The agreement it is sent under, so the receiver can file it against its own register. */
  agreement: { id: string; reference?: string };
  sections: Record<string, unknown>;
}
