// Wiring of the case record in words and the chronology (issue 18): the field-label catalogue (rebuilt
// when a form is deployed through this process), names from the users repository, the case's open tasks
// and legal holds for the header, and the chronology's sources over the stores that hold a case's events.
// The tasks module calls it with its own case and task repositories, so the router reads the same stores.
import type { Connection } from 'mongoose';
import { MongoChronologySourcesReader } from '../../adapters/mongo/chronology-sources.reader';
import type { AuditTrail } from '../../ports/audit-log.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { FormRepository } from '../../ports/form-repository.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { CaseWordsDeps } from '../../application/cases/case-words';
import { chronologySources } from '../../application/cases/chronology/chronology-sources';
import type { ChronologySource } from '../../application/cases/chronology/chronology-source';
import { createFieldCatalogue } from '../../application/cases/field-catalogue';
import type { Clock } from '../../ports/clock.port';
import type { ConsentRepository } from '../../ports/consent-repository.port';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { contactSource } from '../../application/cases/chronology/contact-source';
import { MongoDocumentStore } from '../../adapters/mongo/case-document.store';
import { documentChronologySource } from '../../application/documents/document-chronology-source';
import { tableAccessPolicy } from '../../application/cases/table-access-policy';

export interface CaseWordsParts {
  conn: Connection;
  engine: WorkflowEngine;
  /** Versioned forms; `deployCount` tells the field catalogue when to rebuild. */
  forms: FormRepository & { deployCount(): number };
  users: Pick<UserRepository, 'findById'>;
  audit: Pick<AuditTrail, 'flaggedOfCase'>;
  consents?: Pick<ConsentRepository, 'listForCase' | 'restrictionOf'>;
  /** The retention module's checker, built after the tasks module: asked at request time only. */
  holds?(): LegalHoldChecker | undefined;
  clock: Clock;
  /** Sources other parts add (documents, contacts). */
  extraSources?: ChronologySource[];
}

export interface CaseWordsWiring {
  words: CaseWordsDeps;
  chronology: { catalogue: CaseWordsDeps['catalogue']; users: CaseWordsDeps['users']; sources: ChronologySource[] };
}

export function caseWordsOf(parts: CaseWordsParts): (stores: { cases: CaseRepository; tasks: TaskRepository }) => CaseWordsWiring {
  const catalogue = createFieldCatalogue({ forms: parts.forms, deployCount: () => parts.forms.deployCount() });
  const holds: LegalHoldChecker = { holdsOnCase: async (caseId) => (await parts.holds?.()?.holdsOnCase(caseId)) ?? [] };
  return ({ cases, tasks }) => ({
    words: { catalogue, users: parts.users, tasks, holds, now: () => parts.clock.now() },
    chronology: {
      catalogue, users: parts.users,
      sources: chronologySources({
        cases, reads: new MongoChronologySourcesReader(parts.conn), engine: parts.engine, auditTrail: parts.audit,
        ...(parts.consents ? { consents: parts.consents } : {}), extra: [contactSource({ forms: parts.forms }), documentChronologySource({ documents: new MongoDocumentStore(parts.conn), policy: tableAccessPolicy }), ...(parts.extraSources ?? [])],
      }),
    },
  });
}
