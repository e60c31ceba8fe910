// Gathers what the words of a case need beyond the record — the catalogue of form labels, the names of
// the people named, the case's open tasks and any legal hold — and presents them (present-case-words.ts).
// Reads stay bounded: names one per distinct person (kept in memory), open tasks one query by case.
import type { CaseRecord } from '../../domain/cases/case-record';
import type { CaseSection } from '../../domain/cases/case-section';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { FieldCatalogueSource } from './field-catalogue';
import { namesOf, nameIn, type NameDeps } from './people-names';
import { peopleOf, presentCaseWords, type CaseWords } from './present-case-words';
import type { CaseView } from './get-case';

export interface CaseWordsDeps extends NameDeps {
  catalogue: FieldCatalogueSource;
  tasks?: Pick<TaskRepository, 'search'>;
  holds?: LegalHoldChecker;
  now(): Date;
}

const OPEN_TASKS_SHOWN = 10;
const OPEN_TASKS_READ = 100;

export async function caseWords(deps: CaseWordsDeps, record: CaseRecord, view: CaseView, writable: CaseSection[]): Promise<CaseWords> {
  const [catalogue, open, holds] = await Promise.all([
    deps.catalogue.get(),
    // A page wider than shown: tasks without a due date sort first in the database and are put last here.
    deps.tasks ? deps.tasks.search({ caseId: record.id, state: 'open' }, { field: 'dueDate', direction: 'asc' }, { offset: 0, limit: OPEN_TASKS_READ }) : undefined,
    deps.holds ? deps.holds.holdsOnCase(record.id) : [],
  ]);
  const tasks = [...(open?.items ?? [])]
    .sort((a, b) => (a.dueDate ? 0 : 1) - (b.dueDate ? 0 : 1) || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''))
    .slice(0, OPEN_TASKS_SHOWN);
  const names = await namesOf(deps, [...peopleOf(record, view.sections), ...view.submissions.map((s) => s.by), ...tasks.map((t) => t.assignee ?? undefined)]);
  return presentCaseWords({
    record, sections: view.sections, submissions: view.submissions, readable: view.readableSections, writable, catalogue, names, holds,
    openTasks: {
      total: open?.total ?? 0,
      items: tasks.map((t) => ({ id: t.id, name: t.name, ...(t.dueDate ? { dueDate: t.dueDate } : {}), ...(t.assignee ? { assignee: nameIn(names, t.assignee) } : {}) })),
    },
    today: deps.now().toISOString().slice(0, 10),
  });
}
