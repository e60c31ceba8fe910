// What a referral already recorded reaches the intake's first task: the start variables of
// referral-intake use the same keys as the fields of its first form (referral-person-match), and the task
// page starts each field from the process variable of the same key, as form-js does (prefill). So the case
// manager checks the referral's answers instead of typing them again. The referral page has already run
// the duplicate check and the referrer confirmed a new child, hence matchOutcome "new".
// Keys that are no field of that form (referralReceivedAt) only feed the process's deadlines.

export interface ReferralDetails {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  referralSource: string;
}

export const REFERRAL_PROCESS_ID = 'referral-intake';

/**
 * The case section "Referred by" (referralSource) is filed in: the one the intake's first form gives it
 * (`properties.section` of referral-person-match's field), so the referral page and the form write the same
 * place and a reader of that section sees it. referral-start-variables.test.ts holds this to the form.
 */
export const REFERRED_BY_SECTION = 'offending' as const;

export function referralStartVariables(r: ReferralDetails, receivedAt: Date): Record<string, string> {
  return {
    referralReceivedAt: receivedAt.toISOString(),
    referralSource: r.referralSource,
    matchOutcome: 'new',
    givenName: r.givenName.trim(),
    familyName: r.familyName.trim(),
    dateOfBirth: r.dateOfBirth,
  };
}

/** Who referred the child, in words, as the first form's options say (the same values). */
export const REFERRAL_SOURCES: { value: string; label: string }[] = [
  { value: 'police', label: 'Police' },
  { value: 'court', label: 'Court' },
  { value: 'transfer-in', label: 'Transfer in from another YJS' },
  { value: 'portal', label: 'Portal' },
  { value: 'other', label: 'Other' },
];
