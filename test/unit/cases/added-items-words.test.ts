// Found by the case manager's morning walk: an order added to a case (no name of its own) read as "Order
// (Youth rehabilitation order)" in the header and as "Offending corrected: Order of Order 1, Starts on of
// Order 1…" in the chronology, and each of its values on the case page said "Corrected by Cara Case". An
// unnamed order is called by its type; an added item reads as added, a later change of it as corrected.
import { presentCaseWords } from '../../../server/src/application/cases/present-case-words';
import { amendmentSource } from '../../../server/src/application/cases/chronology/record-sources';
import type { ChronologyContext } from '../../../server/src/application/cases/chronology/chronology-source';
import type { CaseAmendment } from '../../../server/src/domain/cases/case-amendment';
import { recordHeader } from '../../../server/src/domain/cases/case-header';
import type { CaseRecord } from '../../../server/src/domain/cases/case-record';
import type { FieldCatalogue } from '../../../server/src/domain/forms/field-catalogue';

const catalogue = { offending: { fields: {}, items: { orders: {
  type: { key: 'type', label: 'Order', type: 'select', options: [{ value: 'yro', label: 'Youth rehabilitation order' }] },
  start: { key: 'start', label: 'Starts on', type: 'datetime' },
  end: { key: 'end', label: 'Ends on', type: 'datetime' },
} } } } as unknown as FieldCatalogue;
const by = (at: string, amendmentSeq: number) => ({ at, by: 'u1', amendmentSeq });
const order = {
  id: 'o1', values: { id: 'o1', type: 'yro', start: '2025-01-06', end: '2030-02-05' },
  sources: { type: by('2026-01-01T10:00:00Z', 1), start: by('2026-01-01T10:00:00Z', 1), end: by('2026-01-02T09:00:00Z', 2) },
};
const record = {
  id: 'YJ-1', team: 'north', status: 'open', createdAt: '2026-01-01T09:00:00Z', createdBy: 'u1', identity: { displayName: 'Kit Marlowe' },
  sections: { offending: { values: {}, revision: 2, updatedAt: 'x', updatedBy: 'u1', sources: {}, collections: { orders: [order] } } },
} as unknown as CaseRecord;
const amendment = (seq: number, changes: CaseAmendment['changes'], reason: string): CaseAmendment => ({
  caseId: 'YJ-1', section: 'offending', seq, at: `2026-01-0${seq}T09:00:00Z`, by: 'u1', source: { kind: 'manual', reason }, changes, after: {},
});
const added = amendment(1, ['id', 'type', 'start', 'end'].map((field) => ({ field, value: 'v', collection: 'orders', item: 'o1', added: true as const })), 'Order made at youth court');
const corrected = amendment(2, [{ field: 'end', previous: '2030-01-05', value: '2030-02-05', collection: 'orders', item: 'o1' }], 'Date misread');
const ctx = {
  record, actor: { id: 'u1', roles: [], teams: [] }, readable: ['offending'], mayViewAudit: false,
  catalogue: { fields: catalogue, formTitles: {}, formSections: {} }, names: async () => new Map([['u1', 'Cara Case']]),
} as unknown as ChronologyContext;

describe('an added item in words', () => {
  it('calls an order without a name of its own by its type in the header', () => {
    expect(recordHeader(record, catalogue, '2026-12-02', ['offending']).orders).toEqual([
      { itemId: 'o1', label: 'Youth rehabilitation order', type: 'Youth rehabilitation order', madeOn: '2025-01-06', endDate: '2030-02-05' },
    ]);
  });

  it('says on the case page who added the item\'s values, and who corrected one later', () => {
    const words = presentCaseWords({
      record, sections: record.sections, submissions: [], readable: ['offending'], writable: [], catalogue: { fields: catalogue, formTitles: {}, formSections: {} },
      names: new Map([['u1', 'Cara Case']]), openTasks: { total: 0, items: [] }, holds: [], today: '2026-12-02',
    });
    const fields = words.sections.offending!.collections[0].items[0].fields;
    expect(fields.map((f) => [f.label, f.source?.text])).toEqual([
      ['Order', 'Added by Cara Case'], ['Starts on', 'Added by Cara Case'], ['Ends on', 'Corrected by Cara Case'],
    ]);
  });

  it('says in the chronology that the item was added, and a later change of it that it was corrected', async () => {
    const entries = await amendmentSource(async () => [added, corrected]).entries(ctx);
    expect(entries.map((e) => [e.title, e.detail])).toEqual([
      ['Offending: Order 1 added', 'Reason: Order made at youth court'],
      ['Offending corrected: Ends on of Order 1', 'Reason: Date misread'],
    ]);
  });
});
