// What the cases list and search know of one case: the facts a practitioner finds a child by (names and
// aliases, date of birth, NHS number, reference) and filters a caseload by (status, pathway, worker, risk
// ratings). Kept small so that every case's row can live in memory on the single server: FerretDB decodes
// every document of a filtered read, so a search cannot ask the database.
import type { CaseRecord, CaseStatus, SectionValues } from './case-record';
import type { CollectionItem } from './case-collections';
import { normaliseName } from './person-identity';

export const RATINGS = ['low', 'medium', 'high', 'very-high'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { low: 'Low', medium: 'Medium', high: 'High', 'very-high': 'Very High' };
const isRating = (v: unknown): v is Rating => typeof v === 'string' && (RATINGS as readonly string[]).includes(v);

/**
 * Personal-section fields that hold other names a child is known by. No shipped form collects them yet;
 * a council's personal-details form (or a correction) that uses one of these keys makes them searchable.
 */
export const ALIAS_FIELDS = ['aliases', 'alias', 'otherNames', 'otherName', 'preferredName', 'knownAs', 'previousName'] as const;

/** The AssetPlus rating fields, as the explanations & conclusions form keys them. */
export const RATING_FIELDS = ['roshRating', 'safetyWellbeingRating'] as const;

export interface CaseSearchRow {
  id: string;
  team: string;
  status: CaseStatus;
  pathway?: string;
  caseManagerId?: string;
  createdAt: string;
  displayName: string;
  /** "family given", normalised: the order of a list sorted by name. */
  sortName: string;
  dateOfBirth: string;
  nhsNumber?: string;
  /** Other names as written (shown only to readers of the personal section). */
  aliases: string[];
  /** Normalised words of the name and of every alias. */
  nameWords: string[];
  /** The latest AssetPlus ratings (assessments section). */
  rosh?: Rating;
  safetyWellbeing?: Rating;
  /** Types of every outcome and order recorded (offending.outcomes, offending.orders): youth caution, referral order… */
  disposals: string[];
}

const texts = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === 'string' && x.trim() ? [x.trim()] : []));

export function aliasesOf(personal: SectionValues | undefined): string[] {
  return [...new Set(ALIAS_FIELDS.flatMap((k) => texts(personal?.[k])))];
}

type Assessments = { values?: SectionValues; collections?: Record<string, CollectionItem[]> } | undefined;
type Offending = { collections?: Record<string, Pick<CollectionItem, 'values'>[]> } | undefined;

/** The collections of the offending section whose items' `type` is a disposal. */
export const DISPOSAL_COLLECTIONS = ['outcomes', 'orders'] as const;

export function disposalsOf(offending: Offending): string[] {
  const types = DISPOSAL_COLLECTIONS.flatMap((c) => (offending?.collections?.[c] ?? []).map((i) => i.values?.type));
  return [...new Set(types.filter((t): t is string => typeof t === 'string' && t !== ''))];
}

/**
 * The current ratings: each AssetPlus assessment is one item of assessments.assessments, a repeat
 * assessment a later item, so the last item that gives a rating holds the current one; a value kept flat
 * on the section (records from before assessments were items) counts only when no item rates.
 */
export function currentRatings(assessments: Assessments): { rosh?: Rating; safetyWellbeing?: Rating } {
  const items = assessments?.collections?.assessments ?? [];
  const latest = (key: string): Rating | undefined => {
    for (let i = items.length - 1; i >= 0; i--) if (isRating(items[i].values?.[key])) return items[i].values[key] as Rating;
    const flat = assessments?.values?.[key];
    return isRating(flat) ? flat : undefined;
  };
  const [rosh, safetyWellbeing] = RATING_FIELDS.map(latest);
  return { ...(rosh ? { rosh } : {}), ...(safetyWellbeing ? { safetyWellbeing } : {}) };
}

/** The parts of a case a row is made from (what the search index reads of each case). */
export type CaseSearchSource = Pick<CaseRecord, 'id' | 'team' | 'status' | 'pathway' | 'caseManagerId' | 'createdAt' | 'identity'> & {
  sections?: { personal?: { values?: SectionValues }; assessments?: Assessments; offending?: Offending };
};

export function searchRowOf(c: CaseSearchSource): CaseSearchRow {
  const personal = c.sections?.personal?.values;
  const given = typeof personal?.givenName === 'string' ? personal.givenName : '';
  const family = typeof personal?.familyName === 'string' ? personal.familyName : '';
  const displayName = c.identity?.displayName ?? `${given} ${family}`.trim();
  const aliases = aliasesOf(personal);
  const words = [given, family, displayName, ...aliases].flatMap((n) => normaliseName(n).split(' ')).filter(Boolean);
  const nhsNumber = c.identity?.nhsNumber;
  return {
    id: c.id, team: c.team, status: c.status, createdAt: c.createdAt, displayName,
    sortName: `${normaliseName(family)} ${normaliseName(given)}`.trim() || normaliseName(displayName),
    dateOfBirth: c.identity?.dateOfBirth ?? '',
    aliases, nameWords: [...new Set(words)], disposals: disposalsOf(c.sections?.offending),
    ...(c.pathway ? { pathway: c.pathway } : {}),
    ...(c.caseManagerId ? { caseManagerId: c.caseManagerId } : {}),
    ...(nhsNumber ? { nhsNumber } : {}),
    ...currentRatings(c.sections?.assessments),
  };
}
