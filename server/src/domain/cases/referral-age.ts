// Youth justice services work with children aged 10 to 17 (the age of criminal responsibility in England
// and Wales is 10; at 18 work passes to probation). A referral of someone outside that range is usually a
// mistyped date of birth — but not always (a transfer just before the 18th birthday, prevention work with a
// younger sibling), so it is a warning the referrer confirms, never a refusal. Shared with the client.

export const YOUTH_JUSTICE_AGES = { min: 10, max: 17 } as const;

/** Whole years between a date of birth and a day (both YYYY-MM-DD): the age on that day. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The warning for a date of birth that makes the child younger than 10 or older than 17 on the referral day. */
export function referralAgeWarning(dateOfBirth: string, referralDay: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) || dateOfBirth > referralDay) return undefined;
  const age = ageOn(dateOfBirth, referralDay);
  if (age >= YOUTH_JUSTICE_AGES.min && age <= YOUTH_JUSTICE_AGES.max) return undefined;
  const years = age === 1 ? '1 year' : `${age} years`;
  return `The child would be ${years} old on the referral date. Youth justice services work with children aged ${YOUTH_JUSTICE_AGES.min} to ${YOUTH_JUSTICE_AGES.max}: check the date of birth`;
}
