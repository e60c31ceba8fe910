// The court work forms (court-*, bail-*, custody-*) name the collection items they amend: the report a
// request created is drafted, signed off and presented as ONE item of offending.reports, and the hearing a
// bail decision is recorded against is the one recorded last (the first hearing, then each "next hearing"),
// so every hearing keeps its own decision.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assignItemIds } from '../../../server/src/domain/cases/form-collection-items';
import type { FormDefinition } from '../../../server/src/forms-core';

const form = (id: string): FormDefinition => JSON.parse(readFileSync(path.resolve(__dirname, '../../../forms', `${id}.form`), 'utf8'));
let n = 0;
const newId = () => `inew${++n}`;
const ids = (id: string, data: Record<string, unknown>, variables?: Record<string, unknown>) => {
  const r = assignItemIds(form(id), data, { variables, newId });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return Object.fromEntries(Object.entries(r.value).map(([k, v]) => [k, (v as { id?: string }).id]));
};

describe('Court report forms: one report item from request to sign-off', () => {
  const vars = { hearing: { court: 'c', date: '2026-12-10', id: 'ihear1' }, report: { type: 'psr', id: 'irep1' } };

  it('the request adds a hearing and a report', () => {
    const out = ids('court-request', { hearing: { court: 'c', date: '2026-12-10', purpose: 'sentence' }, report: { type: 'psr', requestedOn: '2026-11-23' } });
    expect(out.hearing).toMatch(/^inew/);
    expect(out.report).toMatch(/^inew/);
    expect(out.hearing).not.toBe(out.report);
  });

  it.each(['court-report-prepare', 'court-report-qa', 'court-stand-down', 'court-psr-reuse'])('%s amends the requested report', (id) => {
    expect(ids(id, { report: { summary: 'x' } }, vars).report).toBe('irep1');
  });

  it('the outcome amends the requested hearing and adds an outcome', () => {
    const out = ids('court-outcome', { hearing: { result: 'sentenced' }, outcome: { type: 'yro' } }, vars);
    expect(out.hearing).toBe('ihear1');
    expect(out.outcome).toMatch(/^inew/);
  });
});

describe('Bail decision form: each hearing keeps its own decision', () => {
  const answers = { hearing: { decision: 'remand-yda' }, nextHearing: { court: 'c', date: '2026-12-08', purpose: 'plea' } };

  it('the first decision amends the assessed hearing and adds the next hearing', () => {
    const out = ids('bail-court-decision', answers, { hearing: { date: '2026-11-24', id: 'ihear1' } });
    expect(out.hearing).toBe('ihear1');
    expect(out.nextHearing).toMatch(/^inew/);
  });

  it('a later decision amends the hearing set last time, not the first one', () => {
    const out = ids('bail-court-decision', answers, { hearing: { decision: 'remand-yda', id: 'ihear1' }, nextHearing: { date: '2026-12-08', id: 'ihear2' } });
    expect(out.hearing).toBe('ihear2');
    expect(out.nextHearing).toMatch(/^inew/);
  });
});

describe('Custody sentence form: the order intake recorded is completed, not recorded twice', () => {
  const answers = { order: { type: 'dto', lengthMonths: 6, madeOn: '2026-11-23' }, expectedReleaseDate: '2027-02-23', establishment: 'YOI' };

  it('amends the order item intake passed in', () => {
    expect(ids('custody-sentence', answers, { order: { type: 'dto', madeOn: '2026-11-23', id: 'iord1' } }).order).toBe('iord1');
  });

  it('adds the order when the process was started without one', () => {
    expect(ids('custody-sentence', answers, {}).order).toMatch(/^inew/);
  });
});

describe('Custody breach forms: each breach of supervision and its hearing are their own items', () => {
  const breach = { breach: { breachDate: '2027-02-28', breachDetails: 'missed', breachResponse: 'information', breachReasons: 'second' } };

  it('every breach decision adds a new breach item, even with an earlier breach in the variables', () => {
    const first = ids('custody-breach', breach, {});
    const second = ids('custody-breach', breach, { breach: { ...breach.breach, id: first.breach } });
    expect(first.breach).toMatch(/^inew/);
    expect(second.breach).toMatch(/^inew/);
    expect(second.breach).not.toBe(first.breach);
  });

  it("the court's result is kept on the breach hearing item, not on a single case field", () => {
    const out = ids('custody-breach-outcome', { hearing: { court: 'Leeds Youth Court', date: '2027-03-10', purpose: 'breach', result: 'detained' }, expectedReleaseDate: '2027-04-30' }, {});
    expect(out.hearing).toMatch(/^inew/);
    expect(out.result).toBeUndefined();
  });
});
