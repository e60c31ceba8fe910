// The DPO's audit search. Searching the log is itself consultation of personal data, so each search
// is recorded with its filters. Values of case sections the reader may not read are shown as "withheld"
// (present-audit-event.ts); the stored events, and so the chain, are untouched.
import { ForbiddenError, ValidationError, type FieldErrors } from '../../domain/errors';
import { can, isCaseSection, readableSections } from '../../domain/policies';
import type { User } from '../../domain/users/user';
import type { AuditLog, AuditQuery, AuditTrail } from '../../ports/audit-log.port';
import type { Page } from '../../ports/repository.port';
import { bool, instant, page, str, type QueryInput } from '../query-params';
import { presentAuditEvent, type AuditEventView } from './present-audit-event';

export interface SearchAuditDeps {
  trail: AuditTrail;
  audit: AuditLog;
}

export function parseAuditQuery(q: QueryInput): { query: AuditQuery; paging: { offset: number; limit: number } } {
  const errors: FieldErrors = {};
  const section = str(q, 'section', errors, 40);
  if (section !== undefined && !isCaseSection(section)) errors.section = `Unknown section "${section}"`;
  const query: AuditQuery = {
    actorId: str(q, 'actorId', errors, 100),
    action: str(q, 'action', errors, 100),
    recordType: str(q, 'recordType', errors, 40),
    recordId: str(q, 'recordId', errors, 100),
    section,
    flagged: bool(q, 'flagged', errors),
    from: instant(q, 'from', errors),
    to: instant(q, 'to', errors),
  };
  const paging = page(q, errors, 200, 50);
  if (query.from && query.to && query.from > query.to) errors.to = 'to must be after from';
  if (Object.keys(errors).length) throw new ValidationError('Some search filters are not valid', errors);
  return { query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as AuditQuery, paging };
}

export async function searchAudit(deps: SearchAuditDeps, actor: User, q: QueryInput, ip?: string): Promise<Page<AuditEventView>> {
  if (!can(actor, 'view-audit')) throw new ForbiddenError('Only the data protection officer can search the audit log', 'NOT_AUDITOR');
  const { query, paging } = parseAuditQuery(q);
  const found = await deps.trail.search(query, paging);
  const readable = readableSections(actor);
  const result = { ...found, items: found.items.map((e) => presentAuditEvent(e, readable)) };
  const withheld = result.items.filter((e) => e.withheldSections).length;
  await deps.audit.record({
    actor: { id: actor.id, username: actor.username, roles: [...actor.roles] }, action: 'audit.searched', recordType: 'audit', ip,
    after: { filters: { ...query, from: query.from?.toISOString(), to: query.to?.toISOString() }, offset: paging.offset, returned: result.items.length, ...(withheld ? { withheldEvents: withheld } : {}) },
  });
  return result;
}
