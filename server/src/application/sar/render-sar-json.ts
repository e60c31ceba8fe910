// The machine-readable part of the response: one JSON document written in chunks as items arrive.
// Withheld items are listed (label and reason) without their values.
import type { SarRequest } from './sar-request';
import type { PersonMatch } from './find-person';
import type { ReviewedItem } from './review-sar';
import { NO_DATA_HELD, RESPONSE_NOTES } from '../../domain/sar/response-notes';

export const disclosed = (item: ReviewedItem) => item.decision === 'disclose';

export async function* renderSarJson(request: SarRequest, matches: readonly PersonMatch[], items: AsyncIterable<ReviewedItem>, generatedAt: string): AsyncGenerator<string> {
  const head = {
    reference: request.key, generatedAt, receivedOn: request.receivedOn, due: request.due ?? null,
    subject: request.subject, requester: { name: request.requesterName, relationship: request.requesterRelationship ?? null },
    noDataHeld: matches.length === 0, ...(matches.length === 0 ? { statement: NO_DATA_HELD } : {}),
    about: RESPONSE_NOTES,
    records: matches.map((m) => ({ caseId: m.caseId, role: m.role, reasons: m.reasons })),
  };
  yield `${JSON.stringify(head, null, 2).replace(/\n}$/, '')},\n  "items": [`;
  let first = true;
  for await (const item of items) {
    const out = {
      id: item.id, case: item.caseId, kind: item.kind, label: item.label, decision: item.decision, reason: item.reason,
      ...(disclosed(item) ? { value: item.value } : {}),
    };
    yield `${first ? '\n' : ',\n'}    ${JSON.stringify(out)}`;
    first = false;
  }
  yield '\n  ]\n}\n';
}
