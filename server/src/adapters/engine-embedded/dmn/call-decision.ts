// A business rule task with zeebe:calledDecision: the latest version of the decision is evaluated with the
// task's variables and its result set under resultVariable, inside the step (as a script task's result).
// A decision that is not deployed, or that fails (UNIQUE with two matches, a failing expression), raises an
// incident at the task naming the decision and why, as Zeebe does; resolving it evaluates again.
import type { Variables } from '../../../ports/workflow-engine.port';
import { resolveString } from '../model/feel-expressions';
import type { ElementDef } from '../model/process-model';
import { StepFailure } from '../runtime/token-machine';
import { DecisionError } from './dmn-feel';
import type { StoredDecision } from './decision-store';
import { evaluateDecision } from './evaluate-decision';

/** The deployed decisions a step may call, loaded before the step (the token machine is synchronous). */
export type DecisionLookup = (decisionId: string) => StoredDecision | undefined;

export function callDecision(el: ElementDef, ctx: Variables, lookup: DecisionLookup | undefined, now: Date): Variables {
  const called = el.decision!;
  const decisionId = resolveString(called.decisionId, ctx);
  if (!decisionId) throw new StepFailure(`the decision id of business rule task '${el.id}' evaluated to nothing`);
  const found = lookup?.(decisionId);
  if (!found) throw new StepFailure(`business rule task '${el.id}' calls decision '${decisionId}', which is not deployed: deploy its DMN file, then resolve the incident`);
  try {
    return { [called.resultVariable]: evaluateDecision(found.graph, decisionId, ctx, now) };
  } catch (e) {
    if (!(e instanceof DecisionError)) throw e;
    throw new StepFailure(`failed to evaluate decision '${decisionId}' (version ${found.version} of '${found.graph.id}'): ${e.message}`);
  }
}
