// England & Wales bank holidays from date-holidays. Only "public"/"bank" types count: the library also
// lists observances (Mother's Day, Easter Sunday) that are not days off.
import Holidays from 'date-holidays';
import { type CivilDate, yearOf } from './civil-date';

export type BankHolidayRegion = 'GB-ENG' | 'GB-WLS';
export const BANK_HOLIDAY_REGIONS: readonly BankHolidayRegion[] = ['GB-ENG', 'GB-WLS'];

export interface BankHolidays {
  isBankHoliday(date: CivilDate): boolean;
  /** Name of the holiday on that date, for explaining a deadline to a user. */
  nameOf(date: CivilDate): string | undefined;
}

export function createBankHolidays(region: BankHolidayRegion): BankHolidays {
  if (!BANK_HOLIDAY_REGIONS.includes(region)) {
    throw new RangeError(`Unsupported bank holiday region ${region}; use one of ${BANK_HOLIDAY_REGIONS.join(', ')}`);
  }
  const [country, state] = region.split('-');
  const source = new Holidays(country, state, { types: ['public', 'bank'] });
  const byYear = new Map<number, Map<CivilDate, string>>();

  function yearTable(year: number): Map<CivilDate, string> {
    let table = byYear.get(year);
    if (!table) {
      table = new Map();
      for (const h of source.getHolidays(year)) {
        // `date` is the local civil date ("2026-12-28 00:00:00"), independent of the host's zone.
        if (h.type === 'public' || h.type === 'bank') table.set(h.date.slice(0, 10), h.name);
      }
      byYear.set(year, table);
    }
    return table;
  }

  return {
    isBankHoliday: (date) => yearTable(yearOf(date)).has(date),
    nameOf: (date) => yearTable(yearOf(date)).get(date),
  };
}
