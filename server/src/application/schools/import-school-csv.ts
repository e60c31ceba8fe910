// A school's CSV becomes proposals for review (issue 22): the file is read and checked whole (any problem
// refuses it, nothing stored), each row matched to a child (match-school-row.ts), and what a matched row
// says that the child's Education section does not already hold becomes a pending proposal. Nothing on a
// case changes here. The collection is audited: one event per child whose data came in, and one for the import.
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../domain/errors';
import { readSchoolCsv, MAX_SCHOOL_CSV_BYTES } from '../../domain/schools/school-csv';
import { draftProposals, type SchoolProposal } from '../../domain/schools/school-proposal';
import type { IdentityKeys } from '../../domain/cases/person-identity';
import { localDate } from '../../forms-core/form-dates';
import type { SchoolImport } from '../../ports/school-import-store.port';
import { auditActor, canViewCase, type Actor } from '../cases/case-access';
import { matchSchoolRow, type RowMatch, type RowMatchDeps } from './match-school-row';
import { requireEducationWriter, type SchoolImportDeps } from './school-import-deps';

export interface SchoolCsvInput { school: string; fileName: string; csv: string }

export interface SchoolRowResult {
  row: number;
  /** The name the file gives: the person who sent the file already holds it. */
  child: string;
  matched: boolean;
  /** Only for a case the importer may open; a match in another team is said without its reference. */
  caseId?: string;
  proposals: number;
  reason?: string;
}

export type SchoolImportResult = Omit<SchoolImport, 'unmatched'> & { results: SchoolRowResult[] };

export async function importSchoolCsv(deps: SchoolImportDeps, actor: Actor, input: SchoolCsvInput): Promise<SchoolImportResult> {
  requireEducationWriter(deps.policy, actor, "import schools' data");
  const school = input.school.trim();
  const errors: Record<string, string> = {};
  if (!school) errors.school = 'Enter the name of the school the file comes from';
  if (Buffer.byteLength(input.csv, 'utf8') > MAX_SCHOOL_CSV_BYTES) errors.file = `The selected file must be smaller than ${MAX_SCHOOL_CSV_BYTES / 1024} KB`;
  else if (!input.csv.trim()) errors.file = 'The selected file is empty';
  if (Object.keys(errors).length) throw new ValidationError('Check the school and the file', errors, 'SCHOOL_IMPORT_INVALID');
  const read = readSchoolCsv(input.csv);
  if (read.problems) throw new ValidationError('The file cannot be imported: correct these problems and upload it again', read.problems, 'SCHOOL_CSV_INVALID');

  const id = (deps.newId ?? randomUUID)();
  const at = deps.clock.now().toISOString();
  const today = localDate(deps.clock.now());
  // One row after another: a file of thousands of rows must not open thousands of reads at once. A school
  // sends many rows per pupil (one per exclusion), so each child and each lookup is read once per import.
  const matches: RowMatch[] = [];
  const readOnce = onceEach(deps);
  for (const row of read.rows) matches.push(await matchSchoolRow(readOnce, row));
  const caseIds = [...new Set(matches.flatMap((m) => ('record' in m ? [m.record.id] : [])))];
  const proposed = new Map<string, Pick<SchoolProposal, 'kind' | 'values'>[]>();
  for (const p of await deps.store.pendingOf(caseIds)) proposed.set(p.caseId, [...(proposed.get(p.caseId) ?? []), p]);

  const proposals: SchoolProposal[] = [];
  const results: SchoolRowResult[] = [];
  let unchanged = 0;
  read.rows.forEach((row, i) => {
    const match = matches[i];
    const child = `${row.givenName} ${row.familyName}`;
    if (!('record' in match)) { results.push({ row: row.row, child, matched: false, proposals: 0, reason: match.reason }); return; }
    const before = proposed.get(match.record.id) ?? [];
    const drafts = draftProposals(row, school, today, match.record.sections.education, before);
    if (!drafts.length) unchanged++;
    proposed.set(match.record.id, [...before, ...drafts]);
    proposals.push(...drafts.map((d, n) => ({
      ...d, id: `${id}-${row.row}-${n}`, importId: id, caseId: match.record.id, school, row: row.row, status: 'pending' as const, createdAt: at, createdBy: actor.id,
    })));
    results.push({
      row: row.row, child, matched: true, proposals: drafts.length, ...(canViewCase(deps.policy, actor, match.record) ? { caseId: match.record.id } : {}),
      ...(drafts.length ? {} : { reason: 'The record already holds this, or it is already waiting for review' }),
    });
  });
  const record: SchoolImport = {
    id, school, fileName: input.fileName.trim().slice(0, 200) || 'school.csv', at, by: actor.id, rows: read.rows.length, proposals: proposals.length, unchanged,
    unmatched: results.filter((r) => !r.matched).map((r) => ({ row: r.row, reason: r.reason! })),
  };
  await deps.store.save(record, proposals);
  for (const caseId of new Set(proposals.map((p) => p.caseId))) {
    const kinds = proposals.filter((p) => p.caseId === caseId).map((p) => p.kind);
    await deps.audit.record({
      actor: auditActor(actor), action: 'case.collect', recordType: 'case', recordId: caseId, sections: ['education'],
      reason: `School data from ${school}, for review`, after: { import: id, proposals: kinds },
    });
  }
  await deps.audit.record({
    actor: auditActor(actor), action: 'school-import.create', recordType: 'school-import', recordId: id,
    after: { school, fileName: record.fileName, rows: record.rows, proposals: record.proposals, unchanged, unmatched: record.unmatched.length },
  });
  const { unmatched: _kept, ...summary } = record;
  return { ...summary, results };
}

function onceEach(deps: SchoolImportDeps): RowMatchDeps {
  const memo = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => {
    const seen = new Map<string, Promise<R>>();
    return (...a: A) => { const key = JSON.stringify(a); if (!seen.has(key)) seen.set(key, f(...a)); return seen.get(key)!; };
  };
  return {
    cases: { findById: memo((id: string) => deps.cases.findById(id)), findByIdentity: memo((k: IdentityKeys, limit: number) => deps.cases.findByIdentity(k, limit)) },
    store: { caseOfUpn: memo((upn: string) => deps.store.caseOfUpn(upn)) },
  };
}
