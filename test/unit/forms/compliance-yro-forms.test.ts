// The compliance & breach and YRO supervision forms, through the shared validator (what the client and the
// server both run): a warning carries its statutory content (Sentencing Act 2020 Sch 7 para 4; CJIA 2008
// Sch 2 para 3(2)), an information laid without a warning says why, exceptional circumstances are written
// down, and the order's requirements and length stay within the Act (s. 174 table, at most 3 years).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateSubmission, type FormDefinition } from '../../../server/src/forms-core';

const load = (id: string): FormDefinition =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../forms', `${id}.form`), 'utf8'));
const now = new Date('2026-12-01T10:00:00Z');
const errorsOf = (id: string, data: Record<string, unknown>, variables: Record<string, unknown> = {}) => {
  const r = validateSubmission(load(id), data, { now, variables });
  return r.ok ? [] : Object.keys(r.errors).sort();
};
const order = { id: 'order-1', type: 'yro' };

describe('compliance-warning', () => {
  const warning = { givenOn: '2026-11-30', method: 'letter', orderId: 'order-1', circumstances: 'c', whyUnacceptable: 'w', consequence: 'k' };

  it('a warning must describe the circumstances, say why the failure is unacceptable and state the consequence', () => {
    expect(errorsOf('compliance-warning', { yroResponse: 'warning', warning: { givenOn: '2026-11-30', method: 'letter', orderId: 'order-1' } }, { order }))
      .toEqual(['warning.circumstances', 'warning.consequence', 'warning.whyUnacceptable']);
    expect(errorsOf('compliance-warning', { yroResponse: 'warning', warning }, { order })).toEqual([]);
  });

  it('the warning names the order it relates to, from the order the process holds', () => {
    expect(errorsOf('compliance-warning', { yroResponse: 'warning', warning: { ...warning, orderId: 'another' } }, { order }))
      .toEqual(['warning.orderId']);
  });

  it('an information without a warning asks why, and no warning content', () => {
    expect(errorsOf('compliance-warning', { yroResponse: 'lay-information' }, { order })).toEqual(['informationReason']);
    expect(errorsOf('compliance-warning', { yroResponse: 'lay-information', informationReason: 'serious' }, { order })).toEqual([]);
  });
});

describe('compliance-breach-decision and compliance-exception-sign-off', () => {
  it('exceptional circumstances are written down; laying an information needs no more', () => {
    expect(errorsOf('compliance-breach-decision', { breachDecision: 'exception' })).toEqual(['exceptionalCircumstances']);
    expect(errorsOf('compliance-breach-decision', { breachDecision: 'lay-information' })).toEqual([]);
  });
  it('a manager signing off gives reasons either way', () => {
    expect(errorsOf('compliance-exception-sign-off', { signOff: 'disagree' })).toEqual(['signOffReasons']);
  });
});

describe('compliance-panel-outcome', () => {
  it('a varied contract records the variation', () => {
    expect(errorsOf('compliance-panel-outcome', { panelMeeting: { outcome: 'continue-varied', reasons: 'r' } })).toEqual(['panelMeeting.variation']);
    expect(errorsOf('compliance-panel-outcome', { panelMeeting: { outcome: 'refer-back', reasons: 'r' } })).toEqual([]);
  });
});

describe('yro-order', () => {
  const yro = {
    type: 'yro', madeOn: '2026-11-23', court: 'Youth court', offences: 'theft', lengthMonths: 12, start: '2026-11-23',
    end: '2027-11-22', requirements: ['supervision'], requirementDetails: 'weekly',
  };
  it.each([[36, []], [37, ['order.lengthMonths']]])('a length of %i months: %j', (months, errors) => {
    expect(errorsOf('yro-order', { order: { ...yro, lengthMonths: months } })).toEqual(errors);
  });
  it('requirements come from the s. 174 table', () => {
    expect(errorsOf('yro-order', { order: { ...yro, requirements: ['community-service'] } })).toEqual(['order.requirements[0]']);
    expect(errorsOf('yro-order', { order: { ...yro, requirements: [] } })).toEqual(['order.requirements']);
  });
  it('with intensive supervision and surveillance, the extended activity runs over 90 days', () => {
    expect(errorsOf('yro-order', { order: { ...yro, intensiveSupervision: true, extendedActivityDays: 60 } })).toEqual(['order.extendedActivityDays']);
    expect(errorsOf('yro-order', { order: { ...yro, intensiveSupervision: true, extendedActivityDays: 180 } })).toEqual([]);
  });
});
