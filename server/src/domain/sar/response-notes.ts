// What a SAR response says besides the data (UK GDPR Art 15(1)(a)–(h); ICO right of access guidance):
// why the data is held, who receives it, how long it is kept, where it came from, and the person's other
// rights. Plain words; a council edits them to match its own privacy notice.
export const RESPONSE_NOTES: { heading: string; text: string }[] = [
  { heading: 'Why we hold this information', text: 'The youth justice service holds it to carry out its statutory duties under the Crime and Disorder Act 1998 (public task and legal obligation), to assess, plan and supervise work with children, and, with consent, for voluntary prevention work and restorative justice.' },
  { heading: 'Who we share it with', text: 'Courts, the police, children\'s social care, health and education services, the Youth Justice Board, probation, and other youth justice services when a case moves — only as the law or an information sharing agreement allows.' },
  { heading: 'How long we keep it', text: 'For the periods in the council\'s retention schedule (for example, until a set number of years after the case closed or after the 18th or 25th birthday), unless a legal hold requires longer.' },
  { heading: 'Where it came from', text: 'From you and your family, and from the police, courts, schools, health and social care, and other agencies working with you.' },
  { heading: 'Your other rights', text: 'You may ask us to correct information that is wrong, and complain to the Information Commissioner\'s Office (ico.org.uk) if you are unhappy with how we handled your request.' },
  { heading: 'Information we did not include', text: 'Information about other people (for example victims or family members) is withheld unless they agreed or it is reasonable to disclose it. Each withheld item is listed with the reason.' },
];

export const NO_DATA_HELD = 'We searched every record of the youth justice service for the person named in the request (by name, other names, date of birth and NHS number, including records where they appear as a family member or victim) and hold no personal data about them.';
