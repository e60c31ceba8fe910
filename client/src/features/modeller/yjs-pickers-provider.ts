// A "Youth Justice settings" group in the properties panel: pickers for what a user task or timer
// must name exactly — the linked form id (from the deployed forms), the candidate group (the roles),
// and the due date / timer as a timescale variable written by the calculate-deadlines job
// (=deadlines.<id>, =reminders.<id>, =escalations.<id>). They write the same zeebe:* properties the
// standard Zeebe groups show, so a file stays what Camunda Modeler would write.
// Entries are preact components of the properties panel: called as functions, never as React JSX.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { isSelectEntryEdited, SelectEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';

export interface PickerData {
  forms: { id: string; label: string }[];
  groups: { id: string; label: string }[];
  timescales: { id: string; label: string }[];
}

type Option = { value: string; label: string };

function zeebeItem(bo: any, type: string): any {
  return bo.get('extensionElements')?.get('values').find((v: any) => is(v, type));
}

/** Sets properties on the element's zeebe:<type> extension, creating the extension (and its container) if missing. */
function setZeebe(element: any, injector: any, type: string, props: Record<string, unknown>): void {
  const modeling = injector.get('modeling');
  const factory = injector.get('bpmnFactory');
  const bo = element.businessObject;
  let ext = bo.get('extensionElements');
  if (!ext) {
    ext = factory.create('bpmn:ExtensionElements', { values: [] });
    ext.$parent = bo;
    modeling.updateModdleProperties(element, bo, { extensionElements: ext });
  }
  const item = zeebeItem(bo, type);
  if (item) return modeling.updateModdleProperties(element, item, props);
  const created = factory.create(type, props);
  created.$parent = ext;
  modeling.updateModdleProperties(element, ext, { values: [...ext.get('values'), created] });
}

/** Keeps a value the list does not know (typed by hand or from an older file) selectable. */
const withCurrent = (options: Option[], current: string): Option[] =>
  !current || options.some((o) => o.value === current) ? options : [...options, { value: current, label: `${current} (custom)` }];

function picker(id: string, label: string, get: (el: any) => string, set: (el: any, injector: any, v: string) => void, options: (el: any) => Option[], description?: string) {
  return function Entry(props: { element: any }) {
    const injector = useService('injector');
    return SelectEntry({
      element: props.element, id, label, description,
      getValue: (el: any) => get(el) ?? '',
      setValue: (v: string) => set(props.element, injector, v),
      getOptions: (el: any) => withCurrent([{ value: '', label: '(none)' }, ...options(el)], get(el) ?? ''),
    });
  };
}

const timerDefinition = (el: any) => el.businessObject.get('eventDefinitions')?.find((d: any) => is(d, 'bpmn:TimerEventDefinition'));

function entriesFor(element: any, data: PickerData) {
  const bo = element.businessObject;
  const entry = (id: string, component: unknown) => ({ id, component, element, isEdited: isSelectEntryEdited });
  const variables = (kinds: string[]) => kinds.flatMap((k) => data.timescales.map((t) => ({ value: `=${k}.${t.id}`, label: `${t.label} (${k}.${t.id})` })));
  if (is(element, 'bpmn:UserTask')) {
    return [
      entry('yjs-form-id', picker('yjs-form-id', 'Form (deployed forms)',
        () => zeebeItem(bo, 'zeebe:FormDefinition')?.get('formId'),
        (el, inj, v) => setZeebe(el, inj, 'zeebe:FormDefinition', { formId: v || undefined }),
        () => data.forms.map((f) => ({ value: f.id, label: `${f.label} (${f.id})` })))),
      entry('yjs-candidate-group', picker('yjs-candidate-group', 'Candidate group (role)',
        () => zeebeItem(bo, 'zeebe:AssignmentDefinition')?.get('candidateGroups'),
        (el, inj, v) => setZeebe(el, inj, 'zeebe:AssignmentDefinition', { candidateGroups: v || undefined }),
        () => data.groups.map((g) => ({ value: g.id, label: `${g.label} (${g.id})` })))),
      entry('yjs-due-date', picker('yjs-due-date', 'Due date (timescale)',
        () => zeebeItem(bo, 'zeebe:TaskSchedule')?.get('dueDate'),
        (el, inj, v) => setZeebe(el, inj, 'zeebe:TaskSchedule', { dueDate: v || undefined }),
        () => variables(['deadlines']),
        'Set by the calculate-deadlines job in working days; a timescale change needs no BPMN change.')),
    ];
  }
  if (timerDefinition(element)) {
    return [
      entry('yjs-timer', picker('yjs-timer', 'Timer date (timescale)',
        (el) => timerDefinition(el)?.get('timeDate')?.get('body'),
        (el, inj, v) => {
          const def = timerDefinition(el);
          const timeDate = v ? inj.get('bpmnFactory').create('bpmn:FormalExpression', { body: v }) : undefined;
          if (timeDate) timeDate.$parent = def;
          inj.get('modeling').updateModdleProperties(el, def, { timeDate, timeDuration: undefined, timeCycle: undefined });
        },
        () => variables(['deadlines', 'reminders', 'escalations']))),
    ];
  }
  return [];
}

class YjsPickersProvider {
  static $inject = ['propertiesPanel', 'config.yjsPickers'];
  constructor(propertiesPanel: any, private readonly data: PickerData) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: any) {
    return (groups: any[]) => {
      const entries = entriesFor(element, this.data);
      if (entries.length) groups.splice(1, 0, { id: 'yjs-settings', label: 'Youth Justice settings', entries });
      return groups;
    };
  }
}

export const yjsPickersModule = { __init__: ['yjsPickersProvider'], yjsPickersProvider: ['type', YjsPickersProvider] };
