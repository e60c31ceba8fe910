// Public surface of the cases feature for the app shell (and the tasks feature's links).
export { CasesArea } from './cases-area';
export { CasePage } from './case-page';
export { casesApi, SECTION_LABELS, type CaseDto } from './cases-api';
export { NewReferralPage } from './new-referral-page';
