// Which child a school's row is about. The rule, strongest evidence first:
// 1. the row's UPN, when the service holds it for a child (kept when a UPN proposal was accepted);
// 2. otherwise the name and date of birth, compared as the duplicate check compares them (case, accents and
//    punctuation ignored), among open cases: exactly one child must match.
// No match, several matches, only closed cases, or a name match whose record holds a different UPN: the row
// is left unmatched with that reason, for a person to follow up. A row is never matched on a guess.
import type { CaseRecord } from '../../domain/cases/case-record';
import { identityKeys } from '../../domain/cases/person-identity';
import type { SchoolRow } from '../../domain/schools/school-row';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { SchoolImportStore } from '../../ports/school-import-store.port';

export type RowMatch = { record: CaseRecord; by: 'upn' | 'name-and-date-of-birth' } | { reason: string };

export interface RowMatchDeps {
  cases: Pick<CaseRepository, 'findById' | 'findByIdentity'>;
  store: Pick<SchoolImportStore, 'caseOfUpn'>;
}

export async function matchSchoolRow(deps: RowMatchDeps, row: SchoolRow): Promise<RowMatch> {
  if (row.upn) {
    const held = await deps.store.caseOfUpn(row.upn);
    const record = held ? await deps.cases.findById(held) : undefined;
    if (record?.status === 'open') return { record, by: 'upn' };
  }
  const keys = identityKeys({ givenName: row.givenName, familyName: row.familyName, dateOfBirth: row.dateOfBirth });
  const found = (await deps.cases.findByIdentity(keys, 10)).filter((c) => c.nameKey === keys.nameKey && c.dateOfBirth === keys.dateOfBirth);
  const open = found.filter((c) => c.status === 'open');
  if (!found.length) return { reason: `No child on the service's records has this ${row.upn ? 'UPN, or this ' : ''}name and date of birth` };
  if (!open.length) return { reason: "The child's case is closed" };
  if (open.length > 1) return { reason: `${open.length} open cases have this name and date of birth: add the UPN to the right child's record, or enter the data by hand` };
  const record = await deps.cases.findById(open[0].id);
  if (!record) return { reason: 'No child on the service\'s records has this name and date of birth' };
  const upn = record.sections.education?.values.upn;
  if (row.upn && typeof upn === 'string' && upn && upn !== row.upn) return { reason: 'The child with this name and date of birth has a different UPN on their record' };
  return { record, by: 'name-and-date-of-birth' };
}
