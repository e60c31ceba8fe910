// How a server hands an engine command to the engine's owner (TOPOLOGY=shared): a JSON body signed with a
// key derived from SESSION_SECRET (the servers already share it for sessions), and the owner's domain
// errors sent back as data so the caller throws the same error it would have thrown running the command.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BusinessError, ConflictError, ForbiddenError, NotFoundError, ValidationError, isDomainError } from '../../../domain/errors';
import { DeploymentRejectedError, TaskChangeDeniedError, type DeployProblem } from '../../../ports/workflow-engine.port';

/** The engine commands that change state: only the owner runs them. Everything else is a database read. */
export const ENGINE_COMMANDS = [
  'deploy', 'startInstance', 'completeUserTask', 'assignUserTask', 'updateUserTask', 'publishMessage',
  'cancelInstance', 'setVariables', 'resolveIncident', 'migrateInstance', 'eraseInstancesOfCase',
] as const;
export type EngineCommand = (typeof ENGINE_COMMANDS)[number];

/**
 * Commands that do the same whether they run once or twice (completing a completed task completes it once;
 * the same content deploys as the same version): asked again when the owner died mid-request, which may
 * or may not have run them. The others are asked again only when they cannot have reached the owner.
 */
export const REPEATABLE_COMMANDS: ReadonlySet<EngineCommand> = new Set<EngineCommand>([
  'deploy', 'completeUserTask', 'cancelInstance', 'setVariables', 'resolveIncident', 'eraseInstancesOfCase',
]);
export const isEngineCommand = (s: unknown): s is EngineCommand => (ENGINE_COMMANDS as readonly unknown[]).includes(s);

/** A signed request is refused when its timestamp is further than this from the owner's clock. */
export const SIGNATURE_WINDOW_MS = 60_000;

export const commandKey = (secret: string): Buffer => createHmac('sha256', secret).update('yjs engine commands v1').digest();

export function sign(key: Buffer, timestamp: string, body: string): string {
  return createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex');
}

export function verify(key: Buffer, timestamp: string | undefined, signature: string | undefined, body: string, nowMs: number): boolean {
  if (!timestamp || !signature || !/^\d{1,15}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) return false;
  if (Math.abs(nowMs - Number(timestamp)) > SIGNATURE_WINDOW_MS) return false;
  return timingSafeEqual(Buffer.from(sign(key, timestamp, body), 'hex'), Buffer.from(signature, 'hex'));
}

export interface WireError {
  kind: string;
  code?: string;
  message: string;
  errors?: Record<string, string>;
  problems?: DeployProblem[];
  reason?: string;
}

export function toWire(e: unknown): WireError {
  if (!isDomainError(e)) return { kind: 'internal', message: 'the engine owner could not run the command' };
  const wire: WireError = { kind: e.kind, code: e.code, message: e.message };
  if (e instanceof ValidationError) wire.errors = e.errors;
  if (e instanceof DeploymentRejectedError) wire.problems = e.problems;
  if (e instanceof TaskChangeDeniedError) wire.reason = e.reason;
  return wire;
}

export function fromWire(w: WireError): Error {
  switch (w.kind) {
    case 'validation':
      return w.problems ? new DeploymentRejectedError(w.problems) : new ValidationError(w.message, w.errors ?? {}, w.code);
    case 'not-found': return new NotFoundError(w.message, w.code);
    case 'conflict':
      return w.code === 'TASK_CHANGE_DENIED' ? Object.assign(new TaskChangeDeniedError(w.reason ?? '', ''), { message: w.message }) : new ConflictError(w.message, w.code);
    case 'forbidden': return new ForbiddenError(w.message, w.code);
    case 'business': return new BusinessError(w.code ?? 'BUSINESS_RULE', w.message);
    default: return new Error(w.message);
  }
}

/** The owner is not (or no longer) the owner: the caller looks the owner up again and retries. */
export class NotEngineOwnerError extends Error {
  constructor(message = 'this server does not hold the engine lease') {
    super(message);
    this.name = 'NotEngineOwnerError';
  }
}
