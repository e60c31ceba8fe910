// Third-party data is proposed for the DPO's review; undecided reviews are withheld; decisions need reasons.
import { checkDecisions, finalDecision, namesIn, proposeRedaction, type SarItem } from '../../../server/src/domain/sar/redaction-rules';

const item = (over: Partial<SarItem>): SarItem => ({ id: 'c1/personal/x', caseId: 'c1', kind: 'field', label: 'Personal › X', value: 'x', ...over });
const CHILD = ['Alex', 'Example'];

describe('redaction rules', () => {
  test("the child's own values are disclosed", () => {
    expect(proposeRedaction(item({ value: '2010-05-01' }), CHILD)).toEqual({ decision: 'disclose', reason: "The child's own data" });
    expect(proposeRedaction(item({ value: 'Alex Example attended' }), CHILD).decision).toBe('disclose');
  });

  test('victims and family sections are third-party data for review', () => {
    expect(proposeRedaction(item({ section: 'victims', kind: 'item', value: { name: 'V' } }), CHILD)).toMatchObject({ decision: 'review', reason: expect.stringMatching(/Third-party data.*victims/) });
    expect(proposeRedaction(item({ section: 'family', value: 'Mum' }), CHILD).decision).toBe('review');
  });

  test('free text naming another person is for review, naming them in the reason', () => {
    const p = proposeRedaction(item({ section: 'plans', value: 'Met with Jane Smith at school' }), CHILD);
    expect(p).toEqual({ decision: 'review', reason: 'Free text names another person (Jane Smith)' });
    expect(namesIn('Alex Example and Jane Smith', CHILD)).toEqual(['Jane Smith']);
  });

  test('an undecided review is withheld; the DPO decision wins with its reason', () => {
    const review = { decision: 'review' as const, reason: 'Third-party data' };
    expect(finalDecision(review, undefined)).toMatchObject({ decision: 'withhold', decidedByDpo: false });
    expect(finalDecision(review, { itemId: 'a', decision: 'disclose', reason: 'victim consented' })).toEqual({ decision: 'disclose', reason: 'victim consented', decidedByDpo: true });
  });

  test('decisions must name a known item, a decision and a reason', () => {
    const known = new Set(['a', 'b']);
    expect(checkDecisions([
      { itemId: 'a', decision: 'withhold', reason: 'third party' },
      { itemId: 'b', decision: 'withhold', reason: ' ' },
      { itemId: 'z', decision: 'disclose', reason: 'x' },
      { itemId: 'a', decision: 'maybe' as never, reason: 'x' },
    ], known)).toEqual({ b: 'Give the reason for the decision', z: 'No such item in this request', a: 'Choose disclose or withhold' });
  });
});
