// cases:read:personal — a system reads the Personal section of a case of its teams, through getCase (the
// same rule, the same `case.read` audit under the account). When the account's roles may not read Personal
// the scope reaches nothing and the call is refused, never answered with an empty section.
import { ForbiddenError } from '../../domain/errors';
import { getCase, type GetCaseDeps } from '../cases/get-case';
import type { Actor } from '../cases/case-access';
import { scopedPolicy } from './scoped-policy';

export interface IntegrationCaseView {
  id: string;
  team: string;
  status: string;
  sections: { personal?: Record<string, unknown> };
}

export async function readCasePersonal(deps: Pick<GetCaseDeps, 'cases' | 'policy' | 'audit'>, actor: Actor & { scopes: readonly string[] }, caseId: string): Promise<IntegrationCaseView> {
  const policy = scopedPolicy(deps.policy, actor.scopes);
  if (!policy.readableSections(actor).includes('personal')) {
    throw new ForbiddenError('The roles of this service account do not allow reading the Personal section, so the scope cases:read:personal reaches nothing', 'SECTION_NOT_PERMITTED');
  }
  const view = await getCase({ cases: deps.cases, policy, audit: deps.audit }, actor, caseId);
  return { id: view.id, team: view.team, status: view.status, sections: view.sections.personal ? { personal: view.sections.personal.values } : {} };
}
