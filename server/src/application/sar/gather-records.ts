// Everything held about the person, item by item, in words: the sections of their own cases (flat values
// and repeating items), the amendment history, form submissions, task history, escalation emails about
// their tasks, and who accessed their record (audit: who, when, which sections). On a case where they are
// a family member or a victim only the places they were found are gathered. An async generator: a case
// with hundreds of submissions is streamed item by item, never held whole.
import type { CaseRecord, FieldLabels } from '../../domain/cases/case-record';
import type { SarItem } from '../../domain/sar/redaction-rules';
import type { SarSources } from '../../ports/sar-sources.port';
import type { PersonMatch } from './find-person';
import { documentItems } from './sar-documents';
import { actionWords, fieldLabel, itemFieldLabel, labelled, sectionLabel, spellOut } from './sar-labels';

export type GatherDeps = { sources: SarSources };

const day = (iso?: string) => (iso ? iso.slice(0, 10) : 'date not recorded');

/** Field labels of every section of the case, for submissions (which are not split by section). */
function allLabels(c: CaseRecord): FieldLabels {
  const fields: Record<string, string> = {};
  for (const s of Object.values(c.sections)) Object.assign(fields, s?.labels?.fields ?? {});
  return { fields };
}

function* sectionItems(c: CaseRecord, only?: PersonMatch['places']): Generator<SarItem> {
  for (const [section, state] of Object.entries(c.sections)) {
    if (!state) continue;
    for (const [field, value] of Object.entries(state.values ?? {})) {
      if (only && !only.some((p) => p.section === section && p.field === field)) continue;
      yield { id: `${c.id}/${section}/${field}`, caseId: c.id, kind: 'field', section, label: `${sectionLabel(section)} › ${fieldLabel(state.labels, field)}`, value };
    }
    for (const [collection, items] of Object.entries(state.collections ?? {})) {
      for (const [n, item] of items.entries()) {
        if (only && !only.some((p) => p.section === section && p.itemId === item.id)) continue;
        yield {
          id: `${c.id}/${section}/${collection}/${item.id}`, caseId: c.id, kind: 'item', section,
          label: `${sectionLabel(section)} › ${item.label ?? `${spellOut(collection)} ${n + 1}`}`,
          value: labelled(item.values, (f) => itemFieldLabel(state.labels, collection, f)),
        };
      }
    }
  }
}

async function* historyItems(deps: GatherDeps, c: CaseRecord): AsyncGenerator<SarItem> {
  for await (const a of deps.sources.amendments(c.id)) {
    const labels = c.sections[a.section]?.labels;
    const why = a.source.kind === 'manual' ? `, reason: ${a.source.reason}` : a.source.kind === 'submission' ? ', from a form' : '';
    yield {
      id: `${c.id}/amendment/${a.section}/${a.seq}`, caseId: c.id, kind: 'amendment', section: a.section,
      label: `Change to ${sectionLabel(a.section)} on ${day(a.at)} by ${a.by}${why}`,
      value: a.changes.map((ch) => ({
        Field: ch.collection ? `${ch.itemLabel ?? spellOut(ch.collection)} › ${itemFieldLabel(labels, ch.collection, ch.field)}` : fieldLabel(labels, ch.field),
        Before: ch.previous ?? null, After: ch.value ?? null,
      })),
    };
  }
  const labels = allLabels(c);
  for await (const s of deps.sources.submissions(c.id)) {
    yield {
      id: `${c.id}/submission/${s.id}`, caseId: c.id, kind: 'submission',
      label: `Form "${spellOut(s.formId || 'task without a form')}" (version ${s.version}) submitted on ${day(s.submittedAt)} by ${s.submittedBy}`,
      value: labelled(s.data ?? {}, (k) => fieldLabel(labels, k)),
    };
  }
  const tasks = await deps.sources.tasks(c.id);
  for (const t of tasks) {
    yield {
      id: `${c.id}/task/${t.id}`, caseId: c.id, kind: 'task', label: `Task "${t.name}" (${spellOut(t.processId)})`,
      value: { State: t.state, Created: t.createdAt ?? null, Completed: t.completedAt ?? null, 'Completed by': t.completedBy ?? null, 'Assigned to': t.assignee ?? null },
    };
  }
  for (const e of await deps.sources.emails(tasks.map((t) => t.id))) {
    yield { id: `${c.id}/email/${e.id}`, caseId: c.id, kind: 'email', label: `Email "${e.subject}" to ${e.to} on ${day(e.createdAt)}`, value: { Subject: e.subject, Text: e.text, State: e.state } };
  }
}

async function* accessItems(deps: GatherDeps, caseIds: string[]): AsyncGenerator<SarItem> {
  const names = caseIds.length ? await deps.sources.staffNames() : new Map<string, string>();
  for await (const ev of deps.sources.auditOf(caseIds)) {
    const who = names.get(ev.actor.id) ?? ev.actor.username ?? ev.actor.id;
    yield {
      id: `${ev.recordId}/access/${ev.seq}`, caseId: ev.recordId ?? '', kind: 'access',
      label: `${actionWords(ev.action)}: ${who} on ${ev.at.slice(0, 16).replace('T', ' ')}`,
      value: { Who: who, When: ev.at, What: actionWords(ev.action), Sections: (ev.sections ?? []).map(sectionLabel), ...(ev.reason ? { Reason: ev.reason } : {}) },
    };
  }
}

export async function* gatherRecords(deps: GatherDeps, matches: readonly PersonMatch[]): AsyncGenerator<SarItem> {
  const byCase = new Map<string, PersonMatch[]>();
  for (const m of matches) byCase.set(m.caseId, [...(byCase.get(m.caseId) ?? []), m]);
  const own: string[] = [];
  let staff: Map<string, string> | undefined;
  for await (const c of deps.sources.cases()) {
    const found = byCase.get(c.id);
    if (!found) continue;
    const subject = found.some((m) => m.role === 'subject');
    if (subject) {
      own.push(c.id);
      yield* sectionItems(c);
      yield* historyItems(deps, c);
      if (deps.sources.documents) yield* documentItems(deps.sources, c, staff ??= await deps.sources.staffNames());
    } else {
      yield* sectionItems(c, found.flatMap((m) => m.places ?? []));
    }
  }
  yield* accessItems(deps, own);
}
