// Public surface of the policies: the table (data) and the pure functions over it.
export { ACTIONS, CASE_SECTIONS, PERMISSIONS, type Action, type CaseSection, type RolePolicy } from './permission-table';
export {
  can, canRead, canWrite, filterSections, isAction, isCaseSection, permittedActions, readableSections,
  unwritableSections, writableSections, type FilteredSections, type PolicySubject,
} from './policies';
export { isRoleInForce, putTableInForce, tableInForce, type PermissionRows } from './table-in-force';
