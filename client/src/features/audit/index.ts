// Public surface of the audit feature: mount AuditPage at /audit (wrapped in RequireSession action="view-audit").
export { AuditPage } from './audit-page';
export { auditApi, type AuditEventDto, type ChainReportDto } from './audit-api';
