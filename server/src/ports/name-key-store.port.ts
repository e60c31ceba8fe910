import type { SectionValues } from '../domain/cases/case-record';

/** A case's stored name key beside the personal values it was made from. */
export interface StoredNameKey {
  caseId: string;
  nameKey?: string;
  personal?: SectionValues;
}

/** A legal hold over a person, found by the name key of the case it was placed from. */
export interface PersonHoldKey {
  holdId: string;
  nameKey: string;
  personCaseId?: string;
}

/**
 * Where the duplicate check's, the SAR search's and person holds' name keys are stored, and which version of
 * the normalisation rule made them (see NAME_KEY_VERSION in domain/cases/person-identity.ts).
 */
export interface NameKeyStore {
  /** The rule version every stored key was made with; 1 when none was ever recorded (before versions). */
  storedVersion(): Promise<number>;
  recordVersion(version: number, at: string): Promise<void>;
  cases(): AsyncIterable<StoredNameKey>;
  /** Rewrites one case's key unless it is no longer `from` (a writer meanwhile stored a current one). */
  rekeyCase(caseId: string, from: string, to: string): Promise<boolean>;
  personHolds(): Promise<PersonHoldKey[]>;
  rekeyHold(holdId: string, from: string, to: string): Promise<boolean>;
}
