// Referral, submissions and corrections, from the case's amendment history (one read, the readable
// sections only): the record's creation is the referral, from whom to a reader of "Referred by"; a
// submission's amendments share its id, one entry per submission naming the form and the task's step; a
// manual amendment is a correction in words.
import type { CaseAmendment } from '../../../domain/cases/case-amendment';
import type { ChronologyEntry } from '../../../domain/cases/chronology-entry';
import { sectionLabel } from '../../../domain/cases/case-section';
import { defaultItemLabel } from '../../../domain/cases/case-collections';
import { spellOutKey } from '../../../domain/forms/field-catalogue';
import type { CaseRepository } from '../../../ports/case-repository.port';
import { fieldAnywhere, labelOfField } from '../present-case-words';
import { REFERRAL_SOURCES, REFERRED_BY_SECTION } from '../../../domain/cases/referral-start-variables';
import { valueWords } from '../../../domain/cases/value-words';
import { CHRONOLOGY_LIMITS, formSectionFor, type ChronologyContext, type ChronologySource } from './chronology-source';

type AmendmentReader = Pick<CaseRepository, 'listAmendments'>;
const REFERRED_BY_FIELD = 'referralSource';

/** One read of the amendments per chronology request, shared by the three sources below. */
export function amendmentsOnce(cases: AmendmentReader): (ctx: ChronologyContext) => Promise<CaseAmendment[]> {
  const read = new WeakMap<ChronologyContext, Promise<CaseAmendment[]>>();
  return (ctx) => {
    let p = read.get(ctx);
    if (!p) read.set(ctx, (p = ctx.readable.length ? cases.listAmendments(ctx.record.id, ctx.readable, { offset: 0, limit: CHRONOLOGY_LIMITS.amendments }) : Promise.resolve([])));
    return p;
  };
}

export function referralSource(): ChronologySource {
  return {
    kind: 'referral',
    async entries(ctx) {
      const names = await ctx.names([ctx.record.createdBy]);
      const from = referredBy(ctx);
      const title = from ? `Referral received from ${from}` : 'Referral received and case opened';
      return [{ at: ctx.record.createdAt, kind: 'referral', title, ...(from ? { detail: 'Case opened' } : {}), by: names.get(ctx.record.createdBy) }];
    },
  };
}

/**
 * Who referred, in words, as the case page shows it ("Police"): the current "Referred by" of the section
 * the intake's form files it in (older cases hold it under Personal). Named only to a reader of that
 * section; others still see the referral, without the referrer.
 */
function referredBy(ctx: ChronologyContext): string | undefined {
  for (const section of [REFERRED_BY_SECTION, 'personal'] as const) {
    const value = ctx.record.sections[section]?.values?.[REFERRED_BY_FIELD];
    if (!ctx.readable.includes(section) || typeof value !== 'string' || !value.trim()) continue;
    const field = fieldAnywhere(ctx.catalogue.fields, section, REFERRED_BY_FIELD);
    const known = REFERRAL_SOURCES.find((o) => o.value === value)?.label;
    const words = valueWords(value, field).text;
    return words !== value ? words : known ?? value;
  }
  return undefined;
}

export function submissionSource(amendments: (ctx: ChronologyContext) => Promise<CaseAmendment[]>, stepNames: (taskIds: string[]) => Promise<Map<string, string>>): ChronologySource {
  return {
    kind: 'submission',
    async entries(ctx) {
      const bySubmission = new Map<string, CaseAmendment>();
      for (const a of await amendments(ctx)) if (a.source.kind === 'submission' && !bySubmission.has(a.source.submissionId)) bySubmission.set(a.source.submissionId, a);
      const firsts = [...bySubmission.values()];
      const [names, steps] = await Promise.all([
        ctx.names(firsts.map((a) => a.by)),
        stepNames(firsts.flatMap((a) => (a.source.kind === 'submission' && a.source.taskId ? [a.source.taskId] : []))),
      ]);
      const out: ChronologyEntry[] = [];
      for (const a of firsts) {
        if (a.source.kind !== 'submission') continue;
        const section = formSectionFor(ctx, a.source.formId);
        if (section === null) continue;
        const step = a.source.taskId ? steps.get(a.source.taskId) : undefined;
        out.push({
          at: a.at, kind: 'submission', title: `${ctx.catalogue.formTitles[a.source.formId] ?? spellOutKey(a.source.formId)} submitted`,
          ...(step ? { detail: `Step: ${step}` } : {}), section: section ?? a.section, by: names.get(a.by),
          ...(a.source.taskId ? { link: `/tasks/${encodeURIComponent(a.source.taskId)}` } : {}),
        });
      }
      return out;
    },
  };
}

export function amendmentSource(amendments: (ctx: ChronologyContext) => Promise<CaseAmendment[]>): ChronologySource {
  return {
    kind: 'amendment',
    async entries(ctx) {
      const manual = (await amendments(ctx)).filter((a) => a.source.kind === 'manual');
      const names = await ctx.names(manual.map((a) => a.by));
      return manual.map((a) => {
        const added = new Set<string>();
        const fields = new Set<string>();
        for (const c of a.changes.filter((x) => x.field !== 'id')) {
          const label = labelOfField(ctx.catalogue.fields, ctx.record.sections[a.section]?.labels, a.section, c.field, c.collection);
          if (!c.collection) { fields.add(label); continue; }
          const list = ctx.record.sections[a.section]?.collections?.[c.collection] ?? [];
          const at = list.findIndex((i) => i.id === c.item);
          const item = c.itemLabel ?? (at >= 0 ? list[at].label ?? defaultItemLabel(c.collection, at + 1) : spellOutKey(c.collection));
          // An item this amendment created was added, not corrected ("Order 1 added", not "Order of Order 1").
          if (c.added) added.add(`${item} added`);
          else fields.add(`${label} of ${item}`);
        }
        const reason = a.source.kind === 'manual' ? a.source.reason : '';
        const title = fields.size || !added.size
          ? `${sectionLabel(a.section)} corrected: ${[...fields, ...added].join(', ') || 'values'}`
          : `${sectionLabel(a.section)}: ${[...added].join(', ')}`;
        return {
          at: a.at, kind: 'amendment' as const, title,
          detail: `Reason: ${reason}`, section: a.section, by: names.get(a.by),
        };
      });
    },
  };
}
