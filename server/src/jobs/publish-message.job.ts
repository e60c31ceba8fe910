// Job type "publish-message": a send task (or a message throw event implemented as a job, Zeebe style)
// that publishes a BPMN message through the engine port, so one process can tell others on the same case
// — e.g. the case closure announces "intervention-ended" to victim contact. Headers:
//   messageName     the message name (required)
//   correlationKey  the variable holding the correlation key (default caseId)
//   variables       comma list of variables passed with the message (default none)
//   timeToLive      ISO 8601 days/hours, e.g. P30D: kept for a subscription that opens later (default none)
// The message id is the job's key: a retried job publishes once, and a send task reached again in a loop (a
// second breach of the same order) publishes again — an id per element would drop every later message.
import type { JobHandler, WorkflowEngine } from '../ports/workflow-engine.port';

export const PUBLISH_MESSAGE_JOB_TYPE = 'publish-message';

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?)?$/;

/** Milliseconds of a PnD / PTnH / PnDTnH duration; undefined when absent or not of that form. */
export function parseTimeToLive(value: string | undefined): number | undefined | 'invalid' {
  if (!value) return undefined;
  const m = DURATION.exec(value.trim());
  if (!m || (!m[1] && !m[2])) return 'invalid';
  return (Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 3_600_000;
}

export function createPublishMessageJob(deps: { engine: Pick<WorkflowEngine, 'publishMessage'> }): JobHandler {
  return async (job) => {
    const name = job.headers.messageName;
    if (!name) return { kind: 'fail', message: 'Set the task header "messageName"', retries: 0 };
    const keyVariable = job.headers.correlationKey || 'caseId';
    const key = job.variables[keyVariable];
    if (typeof key !== 'string' || !key) return { kind: 'fail', message: `Variable "${keyVariable}" must hold the correlation key`, retries: 0 };
    const ttlMs = parseTimeToLive(job.headers.timeToLive);
    if (ttlMs === 'invalid') return { kind: 'fail', message: `timeToLive "${job.headers.timeToLive}" is not PnD or PTnH`, retries: 0 };
    const names = (job.headers.variables ?? '').split(/[\s,]+/).filter(Boolean);
    const variables = Object.fromEntries(names.filter((n) => job.variables[n] !== undefined).map((n) => [n, job.variables[n]]));
    const result = await deps.engine.publishMessage(name, key, variables, { ttlMs, messageId: `${job.instanceKey}.${job.elementId}.${job.key}` });
    return { kind: 'complete', variables: { [`${job.elementId}Published`]: { messageName: name, correlated: result.correlated, buffered: Boolean(result.buffered) } } };
  };
}
