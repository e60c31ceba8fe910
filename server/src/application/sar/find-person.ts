// Finds the person of a subject access request across every case: as the child of a case (NHS number, or
// a name or other name with the date of birth), and as someone else on a case — a family member or a
// victim named in those sections. A name without a matching date of birth, and every appearance as a third
// party, is flagged for the DPO's review: the same name is not proof of the same person.
import type { CaseRecord } from '../../domain/cases/case-record';
import { normaliseName } from '../../domain/cases/person-identity';
import { nameKeys, type SarSubject } from '../../domain/sar/sar-subject';
import type { SarSources } from '../../ports/sar-sources.port';

export type MatchRole = 'subject' | 'family-member' | 'victim';

export interface PersonMatch {
  caseId: string;
  team: string;
  displayName: string;
  role: MatchRole;
  /** In words: "NHS number", "name and date of birth", "named in the victims section". */
  reasons: string[];
  flaggedForReview: boolean;
  /** Third-party appearances: where in the case they were found (section, and the item when in a collection). */
  places?: { section: string; field?: string; collection?: string; itemId?: string }[];
}

const THIRD_PARTY: Record<string, MatchRole> = { family: 'family-member', victims: 'victim' };

/** Every string in a value (nested objects and lists included), normalised. */
function texts(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(normaliseName(v));
  else if (Array.isArray(v)) v.forEach((x) => texts(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => texts(x, out));
  return out;
}

const mentions = (v: unknown, names: readonly string[]) => texts(v).some((t) => names.some((n) => ` ${t} `.includes(` ${n} `)));

function asSubject(c: CaseRecord, s: SarSubject, names: readonly string[]): PersonMatch | undefined {
  const reasons: string[] = [];
  if (s.nhsNumber && c.identity.nhsNumber === s.nhsNumber) reasons.push('NHS number');
  const nameMatch = names.includes(c.identity.nameKey.replace('|', ' '));
  const dobMatch = !!s.dateOfBirth && c.identity.dateOfBirth === s.dateOfBirth;
  if (nameMatch && dobMatch) reasons.push('name and date of birth');
  else if (nameMatch && !reasons.length) reasons.push(s.dateOfBirth ? 'name only (the date of birth differs)' : 'name only (no date of birth given)');
  if (!reasons.length) return undefined;
  const strong = reasons.some((r) => r === 'NHS number' || r === 'name and date of birth');
  return { caseId: c.id, team: c.team, displayName: c.identity.displayName, role: 'subject', reasons, flaggedForReview: !strong };
}

function asThirdParty(c: CaseRecord, names: readonly string[]): PersonMatch[] {
  const found: PersonMatch[] = [];
  for (const [section, role] of Object.entries(THIRD_PARTY)) {
    const state = c.sections[section as keyof CaseRecord['sections']];
    if (!state) continue;
    const places: NonNullable<PersonMatch['places']> = [];
    for (const [field, value] of Object.entries(state.values ?? {})) if (mentions(value, names)) places.push({ section, field });
    for (const [collection, items] of Object.entries(state.collections ?? {})) {
      for (const item of items) if (mentions(item.values, names)) places.push({ section, collection, itemId: item.id });
    }
    if (places.length) {
      found.push({ caseId: c.id, team: c.team, displayName: c.identity.displayName, role, reasons: [`named in the ${section} section`], flaggedForReview: true, places });
    }
  }
  return found;
}

export async function findPerson(deps: { sources: Pick<SarSources, 'cases'> }, subject: SarSubject): Promise<PersonMatch[]> {
  const names = nameKeys(subject);
  const matches: PersonMatch[] = [];
  for await (const c of deps.sources.cases()) {
    const own = asSubject(c, subject, names);
    if (own) matches.push(own);
    else matches.push(...asThirdParty(c, names));
  }
  return matches;
}
