import { feelVariablePaths, formVariablePaths, pickVariablePaths } from '../../../server/src/forms-core';

describe('the process variables a form reads', () => {
  it('names the paths of a condition, not the functions it calls', () => {
    expect(feelVariablePaths('=order.type != "dto"')).toEqual([['order', 'type']]);
    expect(feelVariablePaths('=not(hearing.reason = "good-progress" and date(hearing.date) < date(revocationDeclinedOn) + duration("P3M"))'))
      .toEqual([['hearing', 'reason'], ['hearing', 'date'], ['revocationDeclinedOn']]);
    expect(feelVariablePaths('=get value(order, "type") = "yro"')).toEqual([['order']]);
    expect(feelVariablePaths('=count(victims) > 1')).toEqual([['victims']]);
  });

  it('collects hide conditions, FEEL readonly, valuesExpression and valuesKey through groups', () => {
    const form = {
      components: [
        { id: 'a', type: 'textfield', key: 'a', conditional: { hide: '=order.type = "dto"' } },
        { id: 'g', type: 'group', path: 'x', components: [{ id: 'b', type: 'select', key: 'b', valuesKey: 'options.courts', readonly: '=locked' }] },
        { id: 'c', type: 'select', key: 'c', valuesExpression: '=teams' },
      ],
    };
    expect(formVariablePaths(form as never)).toEqual([['order', 'type'], ['locked'], ['options', 'courts'], ['teams']]);
  });

  it('collects the paths text templates show, whole-FEEL texts included', () => {
    const form = {
      components: [
        { id: 't1', type: 'text', text: '## Open work\n\nStill running: {{ string join(openWork.blocking, ", ") }} since {{startedOn}}.' },
        { id: 't2', type: 'text', text: '="Declined on " + revocationDeclinedOn' },
        { id: 't3', type: 'text', text: 'No templates here.' },
      ],
    };
    expect(formVariablePaths(form as never)).toEqual([['openWork', 'blocking'], ['startedOn'], ['revocationDeclinedOn']]);
  });

  it('collects the paths of templated labels, html, images, expressions, tables and FEEL validation', () => {
    const form = {
      components: [
        { id: 'a', type: 'number', key: 'a', label: 'Hours for {{ child.name }}', validate: { max: '=limits.hours', min: 0 } },
        { id: 'h', type: 'html', content: '{{#if flagged}}<b>{{ flagReason }}</b>{{/if}}' },
        { id: 'i', type: 'image', source: '=logo', alt: 'Logo' },
        { id: 'e', type: 'expression', key: 'e', expression: '=a * rate' },
        { id: 't', type: 'table', columns: [{ label: 'X', key: 'x' }], dataSource: '=visits' },
      ],
    };
    expect(formVariablePaths(form as never)).toEqual([
      ['child', 'name'], ['limits', 'hours'], ['flagged'], ['flagReason'], ['logo'], ['a'], ['rate'], ['visits'],
    ]);
  });

  it('gives exactly the named paths of the variables, nothing else of them', () => {
    const variables = { order: { type: 'dto', id: 'o-1', offences: 'theft' }, caseId: 'c-1', revocationDeclinedOn: '2026-10-01', health: { camhs: true } };
    expect(pickVariablePaths(variables, [['order', 'type'], ['revocationDeclinedOn'], ['missing', 'path']]))
      .toEqual({ order: { type: 'dto' }, revocationDeclinedOn: '2026-10-01' });
    expect(pickVariablePaths(variables, [])).toEqual({});
    expect(pickVariablePaths(undefined, [['order']])).toEqual({});
  });

  it('never reads inherited properties', () => {
    expect(pickVariablePaths({}, [['constructor'], ['__proto__', 'polluted']])).toEqual({});
  });
});
