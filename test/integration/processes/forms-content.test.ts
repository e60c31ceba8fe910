// Every shipped form passes the forms checker (the one deploy uses), tags each field with a case-record
// section, and supplies the variables the processes decide on.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkFormDefinition } from '../../../server/src/forms-core';

const root = path.resolve(__dirname, '../../..');
const formFiles = readdirSync(path.join(root, 'forms')).filter((f) => f.endsWith('.form')).sort();
const bpmnFiles = readdirSync(path.join(root, 'processes')).filter((f) => f.endsWith('.bpmn'));
const SECTIONS = ['personal', 'family', 'education', 'health', 'offending', 'assessments', 'plans', 'victims', 'agencies'];
// Ethnicity is special category data (UK GDPR art. 9) kept on the personal tab, so it is tagged as such.
const SENSITIVITIES = ['restricted', 'special-category'];
const INPUTS = ['textfield', 'textarea', 'number', 'checkbox', 'checklist', 'radio', 'select', 'taglist', 'datetime'];
// Variables a process decides on that no form supplies: set when the instance starts or by a job.
// `type` is the last name of `order.type`: the order a compliance-breach instance starts with (or a called
// process passes down); `exceptionSignOffRequired` comes from the evaluate-warnings job, `correlated` from the
// publish-message job (`<elementId>Published.correlated`); `assessmentStarted` is passed by intake to yro-supervision.
// `permissionChangeInForce` comes from the permission-change-decide job.
const NOT_FROM_FORMS = new Set(['breachRequired', 'victimObjected', 'enhancedRights', 'type', 'exceptionSignOffRequired', 'correlated', 'caseStatus', 'assessmentStarted', 'permissionChangeInForce']);
// Forms of processes about no child — a permission change's approval (permission-change-approval.bpmn): their
// answers are an administrator's decision on configuration, not case data, so they name no case section.
const NOT_CASE_DATA = ['permission-change-approval.form'];

interface Component { type: string; key?: string; components?: Component[]; properties?: Record<string, string> }
const forms = new Map(formFiles.map((f) => [f, JSON.parse(readFileSync(path.join(root, 'forms', f), 'utf8'))]));

function inputs(components: Component[] = []): Component[] {
  return components.flatMap((c) => [...(INPUTS.includes(c.type) ? [c] : []), ...inputs(c.components)]);
}

describe.each(formFiles)('forms/%s', (file) => {
  const form = forms.get(file);

  it('passes the forms checker', () => {
    expect(checkFormDefinition(form)).toEqual([]);
  });

  it('has its id as file name and is form-js JSON for Camunda 8.8', () => {
    expect(form).toMatchObject({ type: 'default', id: file.replace(/\.form$/, ''), executionPlatformVersion: '8.8.0' });
    expect(typeof form.schemaVersion).toBe('number');
  });

  // Except an allocation field (properties.allocation): it sets the record's allocated worker (caseManagerId,
  // shown by name in the header), not a value of a section, where it would read as a bare user id.
  it('tags every field with a case-record section; health and victims are restricted, others at most special category', () => {
    if (NOT_CASE_DATA.includes(file)) {
      expect(inputs(form.components).filter((i) => i.properties?.section !== undefined).map((i) => i.key)).toEqual([]);
      return;
    }
    for (const c of inputs(form.components).filter((i) => !i.properties?.allocation)) {
      expect([c.key, SECTIONS.includes(c.properties?.section ?? '')]).toEqual([c.key, true]);
      const restricted = c.properties?.sensitivity === 'restricted';
      if (['health', 'victims'].includes(c.properties!.section)) expect([c.key, restricted]).toEqual([c.key, true]);
      if (c.properties?.sensitivity !== undefined) expect([c.key, SENSITIVITIES.includes(c.properties.sensitivity)]).toEqual([c.key, true]);
    }
  });
});

describe.each(bpmnFiles)('processes/%s and its forms', (file) => {
  const xml = readFileSync(path.join(root, 'processes', file), 'utf8');
  const formIds = [...xml.matchAll(/formId="([^"]+)"/g)].map((m) => m[1]);
  const keys = new Set(formIds.flatMap((id) => inputs(forms.get(`${id}.form`)?.components).map((c) => c.key)));

  it('decides only on variables its forms supply (or that the start/jobs set)', () => {
    const conditions = [...xml.matchAll(/<bpmn:conditionExpression[^>]*>([^<]*)</g)].map((m) => m[1].replace(/&quot;/g, '"'));
    const names = conditions.flatMap((c) => [...c.matchAll(/([A-Za-z]+)\s*(?:=|!=)\s*(?:"|true|false)/g)].map((m) => m[1]));
    expect(names.filter((n) => !keys.has(n) && !NOT_FROM_FORMS.has(n))).toEqual([]);
  });
});

// Forms the product itself shows outside a process: the contacts log's form (application/cases/record-contact.ts).
const PRODUCT_FORMS = ['case-contact'];

it('every form is used by a process', () => {
  const used = new Set([...PRODUCT_FORMS, ...bpmnFiles.flatMap((f) => [...readFileSync(path.join(root, 'processes', f), 'utf8').matchAll(/formId="([^"]+)"/g)].map((m) => m[1]))]);
  expect(formFiles.map((f) => f.replace(/\.form$/, '')).filter((id) => !used.has(id))).toEqual([]);
});
