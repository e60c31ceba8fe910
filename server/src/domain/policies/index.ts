// Public surface of the policies: the table (data) and the pure functions over it.
export { ACTIONS, CASE_SECTIONS, PERMISSIONS, type Action, type CaseSection, type RolePolicy, type ShippedSection } from './permission-table';
export {
  can, canRead, canWrite, filterSections, isAction, isCaseSection, permittedActions, policySections, readableSections,
  unwritableSections, writableSections, type FilteredSections, type PolicySubject,
} from './policies';
export {
  configInForce, EMPTY_CONFIG, isRoleInForce, putTableInForce, rolesInForce, tableInForce,
  type PermissionConfig, type PermissionRows, type SectionDefinition,
} from './table-in-force';
