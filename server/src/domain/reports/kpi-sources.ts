// Which shipped form fields feed the YJB key performance indicators (in force since April 2023). The KPI
// projection keeps, from each submission of these forms, only the fields listed here (coded answers: yes/no,
// options, numbers, dates, item ids — never free text or names), and the date that places the answer in a
// period. The page and docs/reports.md show the same list, so "which fields feed this figure" has one answer.

export interface KpiFormSource {
  /** Dotted paths of the answers kept (a group's path, then the field's key). */
  keys: readonly string[];
  /** The answer that dates the submission (a date field of the form); absent: the day it was submitted. */
  on?: string;
}

export const KPI_FORMS: Readonly<Record<string, KpiFormSource>> = {
  'assetplus-information-gathering': {
    keys: ['accommodationSuitableAtAssessment', 'eteSuitableAtAssessment', 'eteHoursOfferedAtAssessment', 'eteHoursAttendedAtAssessment', 'widerServicesAtAssessment'],
    on: 'assessment.informationGatheredOn',
  },
  'case-closure-end-data': {
    keys: ['closureReason', 'accommodationSuitableAtEnd', 'eteSuitableAtEnd', 'eteHoursOfferedAtEnd', 'eteHoursAttendedAtEnd', 'sendNeedIdentified', 'sendPlanInPlace', 'widerServicesAtEnd', 'oocdCompletedAtEnd'],
    on: 'closureDate',
  },
  'case-closure-health': {
    keys: ['mentalHealthNeedIdentified', 'mentalHealthInterventionPlanned', 'mentalHealthAttending', 'substanceMisuseNeedIdentified', 'substanceMisuseInterventionPlanned', 'substanceMisuseAttending'],
  },
  'oocd-exit': { keys: ['disposalEnd.completed', 'accommodationAtEnd', 'eteAtEnd'], on: 'disposalEnd.endedOn' },
  'prevention-exit': { keys: ['exitReason', 'accommodationAtEnd'], on: 'exitDate' },
  'court-outcome': {
    keys: ['hearing.result', 'outcome.type', 'outcome.offenceCategory', 'outcome.offenceGravity', 'outcome.firstCautionOrConviction'],
    on: 'outcome.madeOn',
  },
  'oocd-police-decision': { keys: ['policeDecision.type', 'policeDecision.firstCautionOrConviction'], on: 'policeDecision.policeDecidedOn' },
  'custody-sentence': { keys: ['order.type'], on: 'order.madeOn' },
  'victim-initial-contact': { keys: ['victimContact.id', 'victimContact.contactConsent', 'victimContact.rjConsent'], on: 'victimContact.contactDate' },
  'victim-rj-activity': { keys: ['victimRj.id', 'victimRj.rjType'], on: 'victimRj.rjDate' },
};

export type KpiId =
  | 'accommodation' | 'ete' | 'send' | 'mentalHealth' | 'substanceMisuse' | 'oocd' | 'managementBoard'
  | 'widerServices' | 'seriousViolence' | 'victims' | 'firstTimeEntrants' | 'custody' | 'reoffending';

export interface KpiDefinition {
  id: KpiId;
  name: string;
  /** Whose figures these are, in words. */
  cohort: string;
  /** Form id → the fields (dotted paths) that feed the indicator. Empty: no case data feeds it. */
  sources: Readonly<Record<string, readonly string[]>>;
  /** Why the indicator has no figures (no data in the product). */
  unavailable?: string;
}

const ENDED = 'Children whose order, out-of-court disposal or prevention programme ended in the period (the case closure, out-of-court exit or prevention exit date)';

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  { id: 'accommodation', name: 'Suitable accommodation', cohort: ENDED, sources: {
    'assetplus-information-gathering': ['accommodationSuitableAtAssessment'], 'case-closure-end-data': ['accommodationSuitableAtEnd'],
    'oocd-exit': ['accommodationAtEnd'], 'prevention-exit': ['accommodationAtEnd'] } },
  { id: 'ete', name: 'Education, training and employment', cohort: ENDED, sources: {
    'assetplus-information-gathering': ['eteSuitableAtAssessment', 'eteHoursOfferedAtAssessment', 'eteHoursAttendedAtAssessment'],
    'case-closure-end-data': ['eteSuitableAtEnd', 'eteHoursOfferedAtEnd', 'eteHoursAttendedAtEnd'], 'oocd-exit': ['eteAtEnd'] } },
  { id: 'send', name: 'Special educational needs and additional learning needs', cohort: ENDED, sources: {
    'case-closure-end-data': ['sendNeedIdentified', 'sendPlanInPlace'] } },
  { id: 'mentalHealth', name: 'Mental health and emotional wellbeing', cohort: ENDED, sources: {
    'case-closure-health': ['mentalHealthNeedIdentified', 'mentalHealthInterventionPlanned', 'mentalHealthAttending'] } },
  { id: 'substanceMisuse', name: 'Substance misuse', cohort: ENDED, sources: {
    'case-closure-health': ['substanceMisuseNeedIdentified', 'substanceMisuseInterventionPlanned', 'substanceMisuseAttending'] } },
  { id: 'oocd', name: 'Out-of-court disposals', cohort: 'Children whose out-of-court disposal ended in the period', sources: {
    'oocd-exit': ['disposalEnd.completed', 'disposalEnd.endedOn'], 'case-closure-end-data': ['oocdCompletedAtEnd', 'closureDate'] } },
  { id: 'managementBoard', name: 'Management board attendance', cohort: 'Members of the youth justice management board', sources: {},
    unavailable: 'Board attendance is not case data: the product does not record it. Report it from the board\'s minutes.' },
  { id: 'widerServices', name: 'Wider services', cohort: ENDED, sources: {
    'assetplus-information-gathering': ['widerServicesAtAssessment'], 'case-closure-end-data': ['widerServicesAtEnd'] } },
  { id: 'seriousViolence', name: 'Serious violence', cohort: 'Children sentenced in the period (court outcome date)', sources: {
    'court-outcome': ['hearing.result', 'outcome.madeOn', 'outcome.offenceCategory', 'outcome.offenceGravity'] } },
  { id: 'victims', name: 'Victims', cohort: 'Victims first contacted in the period (contact date)', sources: {
    'victim-initial-contact': ['victimContact.contactDate', 'victimContact.contactConsent', 'victimContact.rjConsent'], 'victim-rj-activity': ['victimRj.rjDate', 'victimRj.rjType'] } },
  { id: 'firstTimeEntrants', name: 'First-time entrants', cohort: 'Children given a first youth caution, conditional caution or conviction in the period', sources: {
    'court-outcome': ['outcome.madeOn', 'outcome.firstCautionOrConviction'], 'oocd-police-decision': ['policeDecision.type', 'policeDecision.policeDecidedOn', 'policeDecision.firstCautionOrConviction'] } },
  { id: 'custody', name: 'Use of custody', cohort: 'Children sentenced in the period (court outcome or custodial sentence date)', sources: {
    'court-outcome': ['hearing.result', 'outcome.type', 'outcome.madeOn'], 'custody-sentence': ['order.type', 'order.madeOn'] } },
  { id: 'reoffending', name: 'Reoffending', cohort: 'Children followed for 12 months after a caution, conviction or release', sources: {},
    unavailable: 'Reoffending needs each child followed for 12 months after their disposal, and proven offences from the Police National Computer; the product holds neither yet.' },
];

/** Custodial outcomes (court-outcome `outcome.type`, custody-sentence `order.type`). */
export const CUSTODIAL = new Set(['dto', 'detention-s250', 'extended-detention', 'detention-hmp']);
/** Serious violence (YJB): violence against the person, robbery or drugs offences with a gravity score of 5 or more. */
export const SERIOUS_VIOLENCE_CATEGORIES = new Set(['violence-against-the-person', 'robbery', 'drugs']);
export const SERIOUS_VIOLENCE_GRAVITY = 5;
export const WIDER_SERVICES = ['looked-after', 'child-protection-plan', 'child-in-need', 'early-help'] as const;
