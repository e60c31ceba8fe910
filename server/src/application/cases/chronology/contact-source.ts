// Contacts and appointments in the chronology: one entry per item of the case's plans.contacts collection
// (whichever form recorded it), at the appointment's date and time in London, titled in words ("Office
// appointment: did not attend, unacceptable absence"), by the person who recorded it. Read from the record
// the chronology already holds; only for readers of the plans section.
import type { ChronologyEntry } from '../../../domain/cases/chronology-entry';
import type { FormRepository } from '../../../ports/form-repository.port';
import { firstSource, optionLabels, present } from '../list-case-contacts';
import { CONTACT_FORM_ID } from '../record-contact';
import type { ChronologySource } from './chronology-source';

const TIME = /^(\d{2}):(\d{2})/;
const londonClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The instant of a London wall-clock date and time ("2026-07-01", "10:00" → 09:00Z in summer). */
export function londonInstant(date: string, time = '12:00'): string | undefined {
  const t = TIME.exec(time);
  const guess = new Date(`${date}T${t ? `${t[1]}:${t[2]}` : '12:00'}:00Z`);
  if (Number.isNaN(guess.getTime())) return undefined;
  const [h, m] = londonClock.format(guess).split(':').map(Number);
  const wanted = t ? Number(t[1]) * 60 + Number(t[2]) : 12 * 60;
  return new Date(guess.getTime() - (h * 60 + m - wanted) * 60_000).toISOString();
}

export function contactSource(deps: { forms: Pick<FormRepository, 'latest'> }): ChronologySource {
  return {
    kind: 'contact',
    async entries(ctx) {
      if (!ctx.readable.includes('plans')) return [];
      const items = ctx.record.sections.plans?.collections?.contacts ?? [];
      if (!items.length) return [];
      const labels = optionLabels((await deps.forms.latest(CONTACT_FORM_ID))?.schema.components);
      const names = await ctx.names(items.map((i) => firstSource(i)?.by));
      return items.flatMap((item): ChronologyEntry[] => {
        const c = present(item, labels, names);
        const at = c.date ? londonInstant(c.date, c.time) : firstSource(item)?.at;
        if (!at) return [];
        const outcome = c.outcome ? `: ${c.outcome.charAt(0).toLowerCase()}${c.outcome.slice(1).replace(': ', ', ')}` : '';
        const detail = [c.withWhom && `With ${c.withWhom}`, c.absenceReason && `Reason given: ${c.absenceReason}`, c.notes].filter(Boolean).join('. ');
        return [{
          at, kind: 'contact', section: 'plans', title: `${c.type ?? 'Contact'}${outcome}`,
          ...(detail ? { detail } : {}), ...(c.recordedBy ? { by: c.recordedBy } : {}), link: `/cases/${encodeURIComponent(ctx.record.id)}?tab=contacts`,
        }];
      });
    },
  };
}
