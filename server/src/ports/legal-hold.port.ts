export interface LegalHoldChecker { holdsOnCase(caseId: string): Promise<{ id: string; scope: 'case' | 'person' | 'all'; reason: string }[]> }
