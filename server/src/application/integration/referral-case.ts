// What a referral does once accepted, wherever it came from: the referral page's use cases in its order —
// createCase (checks, duplicate check unless a person confirmed a different child), then referral & intake
// started with the referral's start variables. If the intake does not start, the case stands and the answer
// says so, as the referral page does (a person starts it from the case page).
import { REFERRAL_PROCESS_ID, referralStartVariables } from '../../domain/cases/referral-start-variables';
import type { Actor } from '../cases/case-access';
import { createCase, type CreateCaseDeps } from '../cases/create-case';
import { startCaseProcess, type StartCaseProcessDeps } from '../cases/start-case-process';

export interface PortalReferral {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber?: string;
  gender?: string;
  /** One of the account's teams; its first team when not given. */
  team?: string;
  referralSource: string;
  /** The portal's own reference, kept with the answer so its operators can match them up. */
  portalReference?: string;
}

export type ReferralCaseDeps = CreateCaseDeps & StartCaseProcessDeps;

export const identityOfReferral = (r: PortalReferral) =>
  ({ givenName: r.givenName, familyName: r.familyName, dateOfBirth: r.dateOfBirth, ...(r.nhsNumber ? { nhsNumber: r.nhsNumber } : {}) });

export async function openReferralCase(
  deps: ReferralCaseDeps, actor: Actor, r: PortalReferral & { team: string }, confirmedNotDuplicate = false,
): Promise<Record<string, unknown> & { caseId: string }> {
  const identity = identityOfReferral(r);
  const created = await createCase(deps, actor, {
    ...identity, team: r.team, ...(r.gender ? { gender: r.gender } : {}), referralSource: r.referralSource, ...(confirmedNotDuplicate ? { confirmedNotDuplicate } : {}),
  });
  const body: Record<string, unknown> & { caseId: string } = { caseId: created.id, ...(created.warnings ? { warnings: created.warnings } : {}) };
  try {
    const started = await startCaseProcess(deps, actor, {
      caseId: created.id, processId: REFERRAL_PROCESS_ID, variables: referralStartVariables({ ...identity, referralSource: r.referralSource }, deps.clock.now()),
    });
    body.process = { processId: started.processId, instanceKey: started.instanceKey };
  } catch (err) {
    body.process = { started: false, message: `The case was opened but referral and intake did not start: ${(err as Error).message}` };
  }
  return body;
}
