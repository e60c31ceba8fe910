// The referral order's forms, through the shared validator (what the client and the server both run): what
// each outcome asks for, and the statutory limits they enforce (an order of 3 to 12 months, extensions
// included; a further or adjourned meeting needs its date; the contract's start only when it is signed).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildScope, isHidden, validateSubmission, type FormComponent, type FormDefinition } from '../../../server/src/forms-core';

const load = (id: string): FormDefinition =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../forms', `${id}.form`), 'utf8'));
const now = new Date('2026-12-01T10:00:00Z');
const errorsOf = (id: string, data: Record<string, unknown>, variables: Record<string, unknown> = {}) => {
  const r = validateSubmission(load(id), data, { now, variables });
  return r.ok ? {} : r.errors;
};
const valueOf = (id: string, data: Record<string, unknown>) => {
  const r = validateSubmission(load(id), data, { now });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe('referral-order-record', () => {
  const order = { type: 'referral-order', madeOn: '2026-11-23', offences: 'Theft' };
  it.each([[2, true], [3, false], [12, false], [13, true]])('a length of %i months is refused: %s', (months, refused) => {
    expect(Object.keys(errorsOf('referral-order-record', { order: { ...order, lengthMonths: months } }))).toEqual(refused ? ['order.lengthMonths'] : []);
  });
});

describe('referral-order-initial-panel', () => {
  const meeting = { date: '2026-12-01', type: 'initial', attended: true };
  it('a contract not agreed asks why and when the further meeting is, and not for a start date', () => {
    expect(Object.keys(errorsOf('referral-order-initial-panel', { initialMeeting: { ...meeting, outcome: 'further-meeting' } })).sort())
      .toEqual(['initialMeeting.nextMeetingOn', 'initialMeeting.notAgreedReason']);
  });
  it('an adjournment asks for the new date only', () => {
    expect(Object.keys(errorsOf('referral-order-initial-panel', { initialMeeting: { ...meeting, attended: false, outcome: 'adjourned' } })))
      .toEqual(['initialMeeting.nextMeetingOn']);
  });
  it('a signed contract asks for the day it was signed (the order starts then) and its terms', () => {
    expect(Object.keys(errorsOf('referral-order-initial-panel', { initialMeeting: { ...meeting, outcome: 'contract-signed' } })).sort())
      .toEqual(['contract.start', 'contractTerms']);
  });
  it('drops a start date sent with an outcome that starts nothing', () => {
    const value = valueOf('referral-order-initial-panel', {
      initialMeeting: { ...meeting, outcome: 'adjourned', nextMeetingOn: '2026-12-08' }, contract: { start: '2026-12-01' },
    });
    expect(value.contract).toBeUndefined();
    expect(value.initialMeeting).toMatchObject({ outcome: 'adjourned', nextMeetingOn: '2026-12-08' });
  });
});

describe('referral-order-progress-panel and referral-order-final-panel', () => {
  it('an adjourned progress meeting needs the date it is adjourned to', () => {
    expect(Object.keys(errorsOf('referral-order-progress-panel', {
      progressMeeting: { date: '2026-12-01', type: 'progress', attended: false, outcome: 'adjourned' }, progressSummary: 's',
    }))).toEqual(['progressMeeting.adjournedTo']);
  });
  it('the final meeting offers completion, adjournment or referral back only', () => {
    expect(Object.keys(errorsOf('referral-order-final-panel', {
      finalMeeting: { date: '2026-12-01', type: 'final', attended: true, outcome: 'continue' }, finalSummary: 's',
    }))).toEqual(['finalMeeting.outcome']);
  });
});

describe('referral-order-refer-back and referral-order-court-decision', () => {
  it('a referral back records why', () => {
    expect(Object.keys(errorsOf('referral-order-refer-back', { hearing: { court: 'Youth court', date: '2026-12-14' }, referBackReport: 'r' })))
      .toEqual(['hearing.reason']);
  });
  it.each([[12, false], [13, true]])('an extension to %i months in all is refused: %s (the order may not exceed 12 months)', (months, refused) => {
    expect(Object.keys(errorsOf('referral-order-court-decision', { hearingResult: { result: 'extend' }, extension: { lengthMonths: months } })))
      .toEqual(refused ? ['extension.lengthMonths'] : []);
  });
  it('an extension is asked for only when the court extends; a fine asks for the amount', () => {
    expect(Object.keys(errorsOf('referral-order-court-decision', { hearingResult: { result: 'fine' } }))).toEqual(['hearingResult.fineAmount']);
    const value = valueOf('referral-order-court-decision', { hearingResult: { result: 'continue' }, extension: { lengthMonths: 9 } });
    expect(value.extension).toBeUndefined();
  });
});

describe('referral-order-refer-back: the 3-month bar after the court declines a revocation (s. 102(4))', () => {
  const bar = load('referral-order-refer-back').components.find((c: FormComponent) => c.id === 'Text_goodProgressBar')!;
  const shown = (reason: string, date: string, revocationDeclinedOn: string | null) =>
    !isHidden(bar, buildScope({ revocationDeclinedOn }, { hearing: { reason, date } }));
  it.each([
    ['good-progress', '2027-05-01', '2027-03-10', true],
    ['good-progress', '2027-06-10', '2027-03-10', false],
    ['breach', '2027-05-01', '2027-03-10', false],
    ['good-progress', '2027-05-01', null, false],
  ])('reason %s heard on %s, revocation declined on %s: the warning shows = %s', (reason, date, declinedOn, expected) => {
    expect(shown(reason as string, date as string, declinedOn as string | null)).toBe(expected);
  });
});
