// What a process deploy needs from the rest of the service, given to the engine at composition:
// - forms embedded in a BPMN file for job-worker user tasks (zeebe:userTaskForm) are checked as any form is
//   and deployed where the task page reads forms, by whoever deploys the process and with their comment;
// - a static assignee or candidate user must name an active user, and a static candidate group a role in force
//   (the permission version's), or the task could be worked by no one.
import { deployForm, type Deployer } from '../deploy-form';
import { policySections } from '../../domain/policies';
import { checkFormDefinition } from '../../forms-core';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { FormRepository } from '../../ports/form-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';

export interface ProcessDeployHooks {
  embeddedForms: {
    check(schema: Record<string, unknown>): string[];
    store(schema: Record<string, unknown>, opts: { by?: string; comment?: string }): Promise<void>;
  };
  knownUser?: (id: string) => Promise<boolean>;
  knownGroup?: (group: string) => boolean;
}

export interface ProcessDeployHookDeps {
  forms: FormRepository;
  clock: Clock;
  audit?: Pick<AuditLog, 'record'>;
  /** Without it (a test engine) assignees are not checked. */
  users?: Pick<UserRepository, 'findById'>;
  /** Whether a role is in force (the permission version's roles); without it candidate groups are not checked. */
  isRole?: (role: string) => boolean;
}

export function processDeployHooks(deps: ProcessDeployHookDeps): ProcessDeployHooks {
  const users = deps.users;
  return {
    embeddedForms: {
      check: (schema) => checkFormDefinition(schema, { sections: policySections() }).map((p) => p.message),
      async store(schema, opts) {
        await deployForm(deps, await deployerOf(users, opts), schema);
      },
    },
    ...(users ? { knownUser: async (id: string) => (await users.findById(id))?.active === true } : {}),
    ...(deps.isRole ? { knownGroup: deps.isRole } : {}),
  };
}

/** The shipped files deploy as the system; a person's process deploy deploys its forms as them. */
async function deployerOf(users: ProcessDeployHookDeps['users'], opts: { by?: string; comment?: string }): Promise<Deployer> {
  const user = opts.by && opts.by !== 'system' ? await users?.findById(opts.by) : undefined;
  if (!user) return { system: true };
  return { actor: { id: user.id, roles: user.roles }, comment: opts.comment ?? 'deployed with its process' };
}
