// Public surface of the forms core, shared by the React client and the server (browser-safe: no node:*).
export * from './form.types';
export { checkFormDefinition, type CheckOptions } from './form-checker';
export { compileFormSchema, UNKNOWN_FIELD_MESSAGE } from './form-schema-compiler';
export { validateSubmission, toFieldErrors } from './form-submission';
export { buildScope, evaluateFeel, isHidden, isReadonly, feelSyntaxError, resolveOptions, type FeelScope } from './form-conditions';
export { isInput, isContainer, isGroup, isDisplay, hasOptions, isMultiValue, isPlainObject, labelOf, normaliseOptions, ownSegments, getIn, joinPath, walkComponents } from './form-tree';
export { coerceDate, localDate } from './form-dates';
export { valuesForConditions } from './form-scope-values';
export { describeFields, sectionsOf, filterBySection, type FieldInfo } from './form-sections';
export { feelVariablePaths, formVariablePaths, pickVariablePaths, prefillPaths } from './form-variable-paths';
export { diffFormDefinitions, type FormDiff, type FormFieldChange } from './form-diff';
export { renderTemplate, isTemplate, templateSyntaxError, escapeHtml, type TemplateOptions } from './form-templates';
export { resolveComponent, resolveValidate } from './form-resolve';
export { computeExpressions } from './form-expressions';
export { withoutExpressionAnswers } from './form-expression-sections';
export { feelToJson } from './feel-values';
export { IFRAME_URL, STATIC_IMAGE_SOURCE } from './form-display-check';
export {
  acceptsFile, allowsMany, fileAnswers, fileNameOf, replaceFileAnswers, isFilepicker, DEFAULT_FILE_SECTION, DOCUMENT_STORE_ID,
  type DocumentReference, type FileAnswer,
} from './form-files';
