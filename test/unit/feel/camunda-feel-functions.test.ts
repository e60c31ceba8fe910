// Camunda 8.8's FEEL built-in functions, evaluated by the engine's evaluator and the forms' evaluator. The
// expected values are the examples of docs.camunda.io "FEEL built-in functions" (8.8), not this code's output.
import { evaluateFeel, ExpressionError, FEEL_CLOCK, feelSyntaxProblem } from '../../../server/src/adapters/engine-embedded/model/feel-expressions';
import { evaluateFeel as evaluateFormFeel, feelSyntaxError } from '../../../server/src/forms-core/form-conditions';

const TABLE: [expression: string, expected: unknown, variables?: Record<string, unknown>][] = [
  // boolean (Camunda extensions)
  ['is defined(1)', true],
  ['is defined(null)', false],
  ['is defined(x)', false],
  ['is defined(x.y)', false],
  ['is defined(x.y)', true, { x: { y: 0 } }],
  ['get or else("this", "default")', 'this'],
  ['get or else(null, "default")', 'default'],
  ['get or else(priority, "prio-99")', 'prio-99'],
  ['assert(x, x >= 0)', 4, { x: 4 }],
  ['not(true)', false],
  // string
  ['substring("foobar", 3)', 'obar'],
  ['substring("foobar", -3, 2)', 'ba'],
  ['string length("foo")', 3],
  ['upper case("aBc4")', 'ABC4'],
  ['substring before("foobar", "bar")', 'foo'],
  ['substring after("foobar", "ob")', 'ar'],
  ['contains("foobar", "of")', false],
  ['starts with("foobar", "fo")', true],
  ['ends with("foobar", "r")', true],
  ['matches("FooBar", "foo", "i")', true],
  ['replace("How do you feel?", "Feel", "FEEL", "i")', 'How do you FEEL?'],
  ['split("a;b;c;;", ";")', ['a', 'b', 'c', '', '']],
  ['extract("references are 1234, 1256, 1378", "12[0-9]*")', ['1234', '1256']],
  ['trim("  hello world  ")', 'hello world'],
  ['to base64("FEEL")', 'RkVFTA=='],
  ['is blank(" ")', true],
  ['is blank("hello world")', false],
  ['string length(uuid())', 36],
  // list
  ['list contains([1,2,3], 2)', true],
  ['count([1,2,3])', 3],
  ['min(1,2,3)', 1],
  ['max([1,2,3])', 3],
  ['sum(1,2,3)', 6],
  ['product(2, 3, 4)', 24],
  ['mean([1,2,3])', 2],
  ['median([6, 1, 2, 3])', 2.5],
  ['mode([6, 1, 9, 6, 1])', [1, 6]],
  ['all(false,null,true)', false],
  ['any(false,null,true)', true],
  ['all([true,true])', true],
  ['any([false,true])', true],
  ['sublist([1,2,3], 1, 2)', [1, 2]],
  ['append([1], 2, 3)', [1, 2, 3]],
  ['concatenate([1],[2],[3])', [1, 2, 3]],
  ['remove([1,2,3], 2)', [1, 3]],
  ['reverse([1,2,3])', [3, 2, 1]],
  ['index of([1,2,3,2],2)', [2, 4]],
  ['union([1,2],[2,3])', [1, 2, 3]],
  ['distinct values([1,2,3,2,1])', [1, 2, 3]],
  ['duplicate values([1,2,3,2,1])', [1, 2]],
  ['flatten([[1,2],[[3]], 4])', [1, 2, 3, 4]],
  ['sort(list: [3,1,4,5,2], precedes: function(x,y) x < y)', [1, 2, 3, 4, 5]],
  ['string join(["a","b","c"])', 'abc'],
  ['string join(["a","b","c"], ", ")', 'a, b, c'],
  ['string join(["a","b","c"], ", ", "[", "]")', '[a, b, c]'],
  ['string join(["a",null,"c"])', 'ac'],
  ['string join([])', ''],
  ['is empty([])', true],
  ['is empty([1,2,3])', false],
  ['partition([1,2,3,4,5], 2)', [[1, 2], [3, 4], [5]]],
  // numeric
  ['decimal(1/3, 2)', 0.33],
  ['floor(-1.56, 1)', -1.6],
  ['ceiling(-1.56, 1)', -1.5],
  ['round up(1.121, 2)', 1.13],
  ['round down(-1.126, 2)', -1.12],
  ['round half up(-1.126, 2)', -1.13],
  ['abs(-10)', 10],
  ['modulo(12, 5)', 2],
  ['sqrt(16)', 4],
  ['odd(5)', true],
  ['even(2)', true],
  ['random number() < 1', true],
  // context
  ['get value({foo: 123}, "foo")', 123],
  ['get value({a: 1}, "b")', null],
  ['get value({x:1, y: {z:0}}, ["y", "z"])', 0],
  ['get value({a: {b: 3}}, ["b"])', null],
  ['get entries({foo: 123})', [{ key: 'foo', value: 123 }]],
  ['context put({x:1}, "y", 2)', { x: 1, y: 2 }],
  ['context put({x:1, y: {z:0}}, ["y", "z"], 2)', { x: 1, y: { z: 2 } }],
  ['context merge([{x:1, y: 0}, {y:2}])', { x: 1, y: 2 }],
  // conversion and temporal
  ['number("1500.5")', 1500.5],
  ['number("1,500", ",")', 1500],
  ['context([{"key":"a", "value":1}, {"key":"b", "value":2}])', { a: 1, b: 2 }],
  ['string(date("2012-12-25"))', '2012-12-25'],
  ['string(years and months duration(date("2011-12-22"), date("2013-08-24")))', 'P1Y8M'],
  ['day of week(date("2019-09-17"))', 'Tuesday'],
  ['day of year(date("2019-09-17"))', 260],
  ['week of year(date("2019-09-17"))', 38],
  ['month of year(date("2019-09-17"))', 'September'],
  ['string(last day of month(date("2022-10-01")))', '2022-10-31'],
  ['string(abs(duration("-PT5H")))', 'PT5H'],
  ['fromAi(toolCall.searchQuery)', 'parcel', { toolCall: { searchQuery: 'parcel' } }],
];

// Every row gets its variables (jest would take a missing third argument for a `done` callback).
const CASES = TABLE.map(([expression, expected, variables]) => [expression, expected, variables ?? {}] as const);

describe('Camunda 8.8 FEEL built-in functions', () => {
  test.each(CASES)('the engine evaluates %s as Camunda documents', (expression, expected, variables) => {
    expect(evaluateFeel(expression, variables)).toEqual(expected);
  });

  test.each(CASES.filter(([, expected]) => !Array.isArray(expected) && typeof expected !== 'object'))(
    'the forms evaluate %s the same way (one implementation)', (expression, expected, variables) => {
      expect(evaluateFormFeel(expression, variables)).toEqual(expected);
    });

  test('now() and today() answer from the engine clock of the step, in UTC', () => {
    const at = new Date('2026-03-14T23:30:00Z');
    const ctx = { [FEEL_CLOCK]: at } as Record<string, unknown>;
    expect(evaluateFeel('string(today())', ctx)).toBe('2026-03-14');
    expect(evaluateFeel('now() = date and time("2026-03-14T23:30:00Z")', ctx)).toBe(true);
    expect(evaluateFeel('today() - duration("P1D") = date("2026-03-13")', ctx)).toBe(true);
  });

  test('a failed assert() stops the evaluation with its cause, as an incident would', () => {
    expect(() => evaluateFeel('assert(x, x >= 0, "\'x\' should be positive")', { x: -1 })).toThrow(ExpressionError);
    expect(() => evaluateFeel('assert(x, x != null)', {})).toThrow(/assertion failed/);
    expect(() => evaluateFeel('assert(x, x >= 0, "x should be positive")', { x: -1 })).toThrow(/x should be positive/);
  });

  test('a missing variable that makes the result null is still an error naming it', () => {
    expect(() => evaluateFeel('due', {})).toThrow(/due/);
    expect(evaluateFeel('x = null', {})).toBe(true);
  });

  test('a variable of the same name as a function still reads as the variable', () => {
    expect(evaluateFeel('trim + 1', { trim: 1 })).toBe(2);
  });

  test('deploy refuses a function Camunda does not have, naming it, and accepts functions the expression defines', () => {
    expect(feelSyntaxProblem('=is defined(x) and get or else(y, 1) > 0')).toBeUndefined();
    expect(feelSyntaxProblem('=format date(today())')).toMatch(/'format date\(\)' is not a FEEL function of Camunda 8\.8/);
    expect(feelSyntaxProblem('=from json(x)')).toMatch(/'from json\(\)'/);
    expect(feelSyntaxProblem('={f: function(a) a + 1, r: f(2)}.r')).toBeUndefined();
    expect(feelSyntaxProblem('=sort(xs, function(a, b) a < b)')).toBeUndefined();
    expect(feelSyntaxError('=isDefined(x)')).toMatch(/'isDefined\(\)', not a FEEL function of Camunda 8\.8/);
    expect(feelSyntaxError('=is defined(x)')).toBeUndefined();
  });
});
