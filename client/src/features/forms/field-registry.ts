// type → component. Adding a field type means registering one component here (and teaching the shared
// core its schema); the renderer never switches on types itself.
import { ChecklistField, CheckboxField, RadioField, SelectField, TaglistField } from './fields/choice-fields';
import { DateTimeField } from './fields/date-field';
import { FilepickerField } from './fields/file-fields';
import { NumberField, TextArea, TextField } from './fields/text-fields';
import type { FieldComponent } from './field-types';

const registry = new Map<string, FieldComponent>([
  ['textfield', TextField],
  ['textarea', TextArea],
  ['number', NumberField],
  ['checkbox', CheckboxField],
  ['checklist', ChecklistField],
  ['radio', RadioField],
  ['select', SelectField],
  ['taglist', TaglistField],
  ['datetime', DateTimeField],
  ['filepicker', FilepickerField],
]);

export function fieldFor(type: string): FieldComponent | undefined {
  return registry.get(type);
}

/** For a product-specific field type (the core must know its schema too). */
export function registerField(type: string, component: FieldComponent): void {
  registry.set(type, component);
}
