// FEEL results become JSON as Zeebe writes them: a date "2026-03-14" (not a midnight timestamp), a date and
// time with its offset, a time, a duration — in the forms' expressions and in the engine's variables alike.
import { evaluate } from '@bpmn-io/feelin';
import { FEEL_CLOCK, evaluateFeel as engineFeel } from '../../../server/src/adapters/engine-embedded/model/feel-expressions';
import { feelToJson } from '../../../server/src/forms-core';
import { withCamundaFunctions } from '../../../server/src/forms-core/feel-functions';

const feel = (expression: string) => evaluate(expression, withCamundaFunctions({})).value;

describe('FEEL values as JSON', () => {
  it('writes each temporal type as Zeebe does', () => {
    expect(feelToJson(feel('date("2026-03-14")'))).toBe('2026-03-14');
    expect(feelToJson(feel('date and time("2026-03-14T09:30:00Z")'))).toBe('2026-03-14T09:30:00Z');
    expect(feelToJson(feel('date and time("2026-03-14T09:30:00+01:00")'))).toBe('2026-03-14T09:30:00+01:00');
    expect(feelToJson(feel('time("09:30:00")'))).toBe('09:30:00');
    expect(feelToJson(feel('duration("P1DT2H")'))).toBe('P1DT2H');
    expect(feelToJson(feel('duration("P1Y2M")'))).toBe('P1Y2M');
  });

  it('goes through lists and contexts, and leaves plain values alone', () => {
    expect(feelToJson(feel('{due: date("2026-03-14"), list: [date("2026-03-15"), 1, "a", true, null]}')))
      .toEqual({ due: '2026-03-14', list: ['2026-03-15', 1, 'a', true, null] });
  });

  it("the engine writes today() and a date() result as a date string, not a midnight timestamp", () => {
    const ctx = { [FEEL_CLOCK]: new Date('2026-03-14T10:00:00Z') } as Record<string, unknown>;
    expect(engineFeel('today()', ctx)).toBe('2026-03-14');
    expect(engineFeel('date(dueOn) + duration("P1D")', { ...ctx, dueOn: '2026-03-14' })).toBe('2026-03-15');
    expect(engineFeel('now()', ctx)).toBe('2026-03-14T10:00:00Z');
  });
});
