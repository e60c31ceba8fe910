// The subset of the form-js JSON schema (what Camunda Modeler and @bpmn-io/form-js-editor write) that this
// product understands. Kept structural, not exhaustive: unknown attributes are tolerated (the editor adds
// layout, ids, exporter info) but unknown component *types* are refused by the checker.

export const INPUT_TYPES = [
  'textfield', 'textarea', 'number', 'checkbox', 'checklist', 'radio', 'select', 'taglist', 'datetime',
  // Keyed like an input (its value is stored under its key, in its section) but computed, never typed.
  'expression',
  // Its answer names documents uploaded to the case's store (form-files.ts), filed on the field's section.
  'filepicker',
] as const;
// form-js's multipage and its pages hold fields as a group without a path does (they bind nothing); here they are
// shown on one page, each page under its label (GOV.UK asks for one thing per page, but a task is one submission).
export const CONTAINER_TYPES = ['group', 'dynamiclist', 'multipage', 'page'] as const;
export const GROUP_TYPES = ['group', 'multipage', 'page'] as const;
// documentPreview lists the documents its dataSource names, as the server resolved them for the reader.
export const DISPLAY_TYPES = ['text', 'separator', 'spacer', 'html', 'image', 'table', 'button', 'iframe', 'documentPreview'] as const;
/**
 * form-js components this product does not render, each refused at deploy by name with the reason (never with
 * a misleading message). None today: filepicker and documentPreview were the last (form-files.ts).
 */
export const UNSUPPORTED_FORM_JS_TYPES: Readonly<Record<string, string>> = {};
export const OPTION_TYPES = ['checklist', 'radio', 'select', 'taglist'] as const;
export const COMPONENT_TYPES = [...INPUT_TYPES, ...CONTAINER_TYPES, ...DISPLAY_TYPES] as const;

export type InputType = (typeof INPUT_TYPES)[number];
export type ContainerType = (typeof CONTAINER_TYPES)[number];
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** As stored in a definition, min/max/minLength/maxLength/required may also be FEEL (`"=minimumAge"`); the
 * compiler and the renderer read the resolved component (form-resolve.ts), where they are numbers and booleans. */
export interface FormValidate {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  pattern?: string;
  /** form-js's own message for a failed `pattern` (our older `properties.patternMessage` still works). */
  patternErrorMessage?: string;
  validationType?: 'email' | 'phone' | 'custom';
}

export interface FormOption {
  label: string;
  value: string;
}

/**
 * Our extras live in `properties` because form-js keeps custom properties as string key/values and the
 * editor round-trips them untouched. Known keys:
 * - section: which case-record tab the value belongs to (access rules are per section)
 * - sensitivity: e.g. "standard" | "sensitive" | "special-category"
 * - patternMessage: the message shown when `validate.pattern` does not match
 * - minDate / maxDate: bounds for datetime values, ISO date or "today"
 */
export interface FormProperties {
  section?: string;
  sensitivity?: string;
  patternMessage?: string;
  minDate?: string;
  maxDate?: string;
  [name: string]: string | undefined;
}

export interface FormComponent {
  id?: string;
  type: ComponentType | string;
  key?: string;
  path?: string;
  label?: string;
  description?: string;
  text?: string;
  validate?: FormValidate;
  values?: FormOption[];
  valuesKey?: string;
  valuesExpression?: string;
  conditional?: { hide?: string };
  readonly?: boolean | string;
  disabled?: boolean;
  defaultValue?: unknown;
  properties?: FormProperties;
  components?: FormComponent[];
  // datetime
  subtype?: 'date' | 'time' | 'datetime';
  dateLabel?: string;
  timeLabel?: string;
  disallowPassedDates?: boolean;
  // number
  decimalDigits?: number;
  /** Spacer height in pixels (form-js's default is 60). */
  height?: number;
  /** Number fields: the value must be a multiple of this step (form-js writes it as a string or a number). */
  increment?: number | string;
  // html (content), image (source, alt), expression (expression, computeOn), button (action),
  // table (columns or columnsExpression, dataSource, rowCount)
  content?: string;
  source?: string;
  /** iframe: the page it shows (https only), shown here as a link to open it in a new tab. */
  url?: string;
  alt?: string;
  expression?: string;
  computeOn?: string;
  action?: string;
  columns?: Array<{ label: string; key: string }>;
  columnsExpression?: string;
  dataSource?: string;
  rowCount?: number;
  // filepicker (accept: ".pdf,image/*" or FEEL; multiple: boolean or FEEL), documentPreview (title, dataSource)
  accept?: string;
  multiple?: boolean | string;
  title?: string;
  // dynamiclist
  isRepeating?: boolean;
  defaultRepetitions?: number;
  allowAddRemove?: boolean;
  [attribute: string]: unknown;
}

export interface FormDefinition {
  id: string;
  type?: string;
  schemaVersion?: number;
  components: FormComponent[];
  [attribute: string]: unknown;
}

/** A problem with a form definition, as data: which component (id and JSON path) and what is wrong. */
export interface FormDefinitionProblem {
  path: string;
  componentId?: string;
  message: string;
}

export type FieldErrors = Record<string, string>;

export type SubmissionResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; errors: FieldErrors };

/** Values the form can see but does not submit: process variables for valuesKey and FEEL conditions. */
export interface FormContext {
  variables?: Record<string, unknown>;
  /** "today" for date bounds; injected so tests and feature walks can move the clock. */
  now?: Date;
  /**
   * True where a case's documents store stands behind the form (a task of a case, with the server checking each
   * reference): elsewhere a filepicker answer is refused rather than stored unchecked.
   */
  acceptFiles?: boolean;
}
