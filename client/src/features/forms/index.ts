// Public surface of the forms feature for the app shell and other features (tasks, cases).
export { FormsArea, FormsAreaForSession } from './forms-area';
export { FormPage, type FormPageProps } from './form-page';
export { FormRenderer, type FormRendererProps } from './form-renderer';
export { registerField } from './field-registry';
export type { FieldProps, FieldComponent } from './field-types';
export { formsApi, ApiError } from './forms-api';
