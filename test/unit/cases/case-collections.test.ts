// Repeating entities of a case (victims, orders…): items with stable ids, patched one by one.
import { submissionItemIds } from '../../../server/src/application/cases/item-ids';
import { planSectionWrite } from '../../../server/src/application/cases/write-case-section';
import { changePath, diffItems, type Collections } from '../../../server/src/domain/cases/case-collections';
import type { CaseRecord } from '../../../server/src/domain/cases/case-record';
import { assignItemIds } from '../../../server/src/domain/cases/form-collection-items';
import { splitSubmission } from '../../../server/src/domain/cases/form-sections';
import type { FormDefinition } from '../../../server/src/forms-core';

const victimForm: FormDefinition = {
  id: 'victim-consent', components: [
    { type: 'textfield', key: 'note', label: 'Note', properties: { section: 'victims' } },
    {
      type: 'group', path: 'victim', label: 'Victim', properties: { collection: 'victims', section: 'victims', itemId: '=victimId', itemLabel: '=name' },
      components: [
        { type: 'textfield', key: 'name', label: 'Victim name' },
        { type: 'radio', key: 'rjConsent', label: 'Consents to restorative justice', values: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }] },
      ],
    },
    {
      type: 'dynamiclist', path: 'hearings', label: 'Hearings', properties: { collection: 'hearings', section: 'offending' },
      components: [{ type: 'datetime', subtype: 'date', key: 'date', dateLabel: 'Hearing date' }],
    },
  ],
};

const ids = submissionItemIds('task-42');

describe('collection items: ids', () => {
  it('gives a new group item an id derived from submission, path and row, the same on every attempt', () => {
    const data = { victim: { name: 'A', rjConsent: 'yes' } };
    const first = assignItemIds(victimForm, data, { newId: ids });
    const again = assignItemIds(victimForm, data, { newId: submissionItemIds('task-42') });
    const other = assignItemIds(victimForm, data, { newId: submissionItemIds('task-43') });
    expect(first).toEqual(again);
    expect(first.ok && (first.value.victim as { id: string }).id).toMatch(/^i[0-9a-f]{20}$/);
    expect(other.ok && (other.value.victim as { id: string }).id).not.toBe(first.ok && (first.value.victim as { id: string }).id);
    expect(data).toEqual({ victim: { name: 'A', rjConsent: 'yes' } }); // the input is not mutated
  });

  it('amends the item itemId names (FEEL over process variables), and refuses an id with $ or dots', () => {
    const named = assignItemIds(victimForm, { victim: { rjConsent: 'no' } }, { variables: { victimId: 'v-1' }, newId: ids });
    expect(named).toEqual({ ok: true, value: { victim: { rjConsent: 'no', id: 'v-1' } } });
    const hostile = assignItemIds(victimForm, { victim: { rjConsent: 'no' } }, { variables: { victimId: '$where' }, newId: ids });
    expect(hostile).toEqual({ ok: false, errors: { victim: expect.stringMatching(/not valid/) } });
  });

  it('keeps a list row id, numbers the other rows by index', () => {
    const out = assignItemIds(victimForm, { hearings: [{ date: '2026-01-01', id: 'h-1' }, { date: '2026-02-01' }] }, { newId: ids });
    expect(out.ok && out.value.hearings).toEqual([{ date: '2026-01-01', id: 'h-1' }, { date: '2026-02-01', id: ids('hearings', 1) }]);
  });
});

describe('collection items: split and diff', () => {
  it('splits flat values and items per section, with labels from itemLabel', () => {
    const split = splitSubmission(victimForm, { note: 'n', victim: { id: 'v-1', name: 'Ann', rjConsent: 'yes' }, hearings: [{ id: 'h-1', date: '2026-01-01' }] }, ids);
    expect(split.get('victims')).toEqual({ values: { note: 'n' }, items: [{ collection: 'victims', id: 'v-1', values: { name: 'Ann', rjConsent: 'yes' }, label: 'Ann' }] });
    expect(split.get('offending')).toEqual({ values: {}, items: [{ collection: 'hearings', id: 'h-1', values: { date: '2026-01-01' } }] });
  });

  it('adds an item, amends one field of another, and never touches the rest', () => {
    const before: Collections = { victims: [
      { id: 'v-1', values: { name: 'Ann', rjConsent: 'yes' }, sources: {} },
      { id: 'v-2', values: { name: 'Bo' }, sources: {} },
    ] };
    const { after, changes } = diffItems(before, [
      { collection: 'victims', id: 'v-2', values: { rjConsent: 'no', name: 'Bo' } },
      { collection: 'victims', id: 'v-3', values: { name: 'Cy' }, label: 'Cy' },
    ]);
    expect(after.victims.map((v) => v.values)).toEqual([{ name: 'Ann', rjConsent: 'yes' }, { name: 'Bo', rjConsent: 'no' }, { name: 'Cy' }]);
    expect(after.victims[0]).toBe(before.victims[0]);
    expect(changes).toEqual([
      { collection: 'victims', item: 'v-2', field: 'rjConsent', value: 'no', itemLabel: 'Victim 2' },
      { collection: 'victims', item: 'v-3', field: 'name', value: 'Cy', added: true, itemLabel: 'Cy' },
    ]);
    expect(changes.map(changePath)).toEqual(['victims[v-2].rjConsent', 'victims[v-3].name']);
    expect(before.victims[1].values).toEqual({ name: 'Bo' });
  });

  it('records no amendment when an item is written again with the same values (a retried completion)', () => {
    const record = { id: 'c1', sections: {} } as unknown as CaseRecord;
    const w = { section: 'victims' as const, patch: {}, items: [{ collection: 'victims', id: 'v-1', values: { rjConsent: 'yes' } }], by: 'u', at: '2026-11-24T10:00:00Z', source: { kind: 'manual' as const, reason: 'r' } };
    const first = planSectionWrite(record, w)!;
    expect(first.next.collections?.victims[0].sources.rjConsent).toMatchObject({ amendmentSeq: 1, by: 'u' });
    expect(first.amendment.afterCollections?.victims).toHaveLength(1);
    const applied = { ...record, sections: { victims: first.next } } as CaseRecord;
    expect(planSectionWrite(applied, w)).toBeUndefined();
  });
});

describe('collection items: a later form amends the item an earlier one created', () => {
  it('reads `=order.id` from the process variable even when the form has its own group at path `order`', () => {
    const orderForm: FormDefinition = { id: 'o', components: [{
      type: 'group', path: 'order', properties: { collection: 'orders', section: 'offending', itemId: '=order.id' },
      components: [{ type: 'textfield', key: 'status' }],
    }] };
    const out = assignItemIds(orderForm, { order: { status: 'revoked' } }, { variables: { order: { id: 'i-order-1', status: 'made' } }, newId: ids });
    expect(out).toEqual({ ok: true, value: { order: { status: 'revoked', id: 'i-order-1' } } });
  });
});
