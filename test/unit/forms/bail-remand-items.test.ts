// Bail and remand work that happens more than once is kept as items of the case record, never one flat value
// the next submission overwrites: a child may be detained and questioned several times (an appropriate adult
// each time, CDA 1998 s. 38(4)(a)), and each hearing that bails the child with support may set up a new
// package (s. 38(4)(c)), and each breach is reported to the court. Two submissions of the same form must give two items, each with its own values.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assignItemIds, itemsOfSubmission, withoutCollections } from '../../../server/src/domain/cases/form-collection-items';
import { diffItems, type Collections } from '../../../server/src/domain/cases/case-collections';
import type { FormDefinition } from '../../../server/src/forms-core';

const form = (id: string): FormDefinition => JSON.parse(readFileSync(path.resolve(__dirname, '../../../forms', `${id}.form`), 'utf8'));
let n = 0;

/** Submits the form's answers twice on one case section and returns the collections held after both. */
function twice(formId: string, first: Record<string, unknown>, second: Record<string, unknown>) {
  let held: Collections | undefined;
  for (const data of [first, second]) {
    const assigned = assignItemIds(form(formId), data, { newId: () => `inew${++n}` });
    if (!assigned.ok) throw new Error(JSON.stringify(assigned.errors));
    expect(withoutCollections(form(formId), assigned.value)).toEqual({}); // nothing left as a flat value
    const [[section, patches]] = [...itemsOfSubmission(form(formId), assigned.value, () => 'unused')];
    held = diffItems(held, patches).after;
    expect(section).toBeDefined();
  }
  return held ?? {};
}

describe('Bail and remand forms: what repeats is an item', () => {
  it('two appropriate adult attendances are two items of offending.appropriateAdultAttendances', () => {
    const at = (policeStation: string, attendedOn: string, outcome: string) => ({
      attendance: { appropriateAdult: 'J Smith', policeStation, attendedOn, procedures: ['interview'], outcome },
    });
    const held = twice('bail-appropriate-adult', at('Elland Road', '2026-11-23', 'released-under-investigation'), at('Killingbeck', '2027-01-10', 'charged-to-court'));
    const items = held.appropriateAdultAttendances;
    expect(items.map((i) => [i.values.policeStation, i.values.outcome])).toEqual([
      ['Elland Road', 'released-under-investigation'], ['Killingbeck', 'charged-to-court']]);
    expect(items[0].label).toBe('Appropriate adult at Elland Road on 2026-11-23');
    expect(new Set(items.map((i) => i.id)).size).toBe(2);
  });

  it('each request to the service is its own item of offending.serviceRequests', () => {
    const held = twice('bail-request', { request: { type: 'appropriate-adult', requestedBy: 'Elland Road', requestedOn: '2026-11-23' } },
      { request: { type: 'court', requestedBy: 'Leeds Youth Court', requestedOn: '2026-11-24' } });
    expect(held.serviceRequests.map((i) => i.values.type)).toEqual(['appropriate-adult', 'court']);
  });

  it('each breach reported to the court is its own breach report (offending.reports), beside its hearing', () => {
    const breach = (breachDate: string, reportedOn: string) => ({
      report: { type: 'breach', breachDate, breachDetails: 'curfew', reportedOn },
      nextHearing: { court: 'Leeds Youth Court', date: reportedOn, purpose: 'breach' },
    });
    const held = twice('bail-breach', breach('2026-11-25', '2026-11-26'), breach('2027-01-04', '2027-01-05'));
    expect(held.reports.map((i) => [i.values.type, i.values.breachDate, i.label])).toEqual([
      ['breach', '2026-11-25', 'Bail breach reported 2026-11-26'], ['breach', '2027-01-04', 'Bail breach reported 2027-01-05']]);
    expect(held.hearings).toHaveLength(2);
  });

  it('a second bail support package is added beside the first (plans.bailSupportPackages)', () => {
    const pkg = (start: string, monitoring: string) => ({ bailSupport: { start, requirements: 'r', monitoring, supervisor: 'YJS' } });
    const held = twice('bail-support-plan', pkg('2026-11-24', 'tag'), pkg('2026-12-09', 'iss'));
    expect(held.bailSupportPackages.map((i) => [i.values.start, i.values.monitoring])).toEqual([['2026-11-24', 'tag'], ['2026-12-09', 'iss']]);
  });
});
