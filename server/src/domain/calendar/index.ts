export { createWorkingCalendar } from './working-calendar';
export type { WorkingCalendar, WorkingCalendarOptions, DateInput } from './working-calendar';
export { BANK_HOLIDAY_REGIONS } from './bank-holidays';
export type { BankHolidayRegion } from './bank-holidays';
export type { CivilDate } from './civil-date';
