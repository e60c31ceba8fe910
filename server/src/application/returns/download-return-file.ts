// The file of a return version, for the data officer to send to the YJB. Downloading it discloses every
// child in it (DPA 2018 s62: disclosure is logged), so the download is audited with the cases it holds and
// the file's SHA-256, whichever version and status it is.
import { NotFoundError } from '../../domain/errors';
import { RETURN_VERSION_ID } from '../../domain/returns/return-version';
import type { ReturnRepository } from '../../ports/return-repository.port';
import { auditActor, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import { requireReturns } from './generate-return';

export interface DownloadReturnDeps {
  returns: Pick<ReturnRepository, 'get'>;
  policy: AccessPolicy;
  audit: CaseAuditSink;
}

export async function downloadReturnFile(deps: DownloadReturnDeps, actor: Actor, id: string): Promise<{ fileName: string; xml: string }> {
  requireReturns(deps.policy, actor);
  const v = RETURN_VERSION_ID.test(id) ? await deps.returns.get(id) : undefined;
  if (!v) throw new NotFoundError(`There is no return ${id}: choose a version from the returns page`, 'RETURN_NOT_FOUND');
  await deps.audit.record({
    actor: auditActor(actor), action: 'return.disclosed', recordType: 'return', recordId: v.id,
    after: { quarter: v.quarter, version: v.version, status: v.status, sha256: v.sha256, recipient: 'Youth Justice Board', caseIds: v.caseIds },
  });
  return { fileName: v.fileName, xml: v.xml };
}
