// Response schemas of the modeller's calls (versions, the engine's deploy checks, deploying processes and DMN
// files, the diff of two versions), checked against the use cases' and engine port's own types as
// response-schemas.ts does.
import { z } from 'zod';
import type { DeployedDecisionView } from '../../application/processes/deploy-decisions';
import type { DeployProcessResult } from '../../application/processes/deploy-process';
import type { ProcessDiff } from '../../application/processes/diff-process-versions';
import type { LintResult } from '../../application/processes/lint-process';
import type { DecisionDeploymentView, ProcessDeploymentView } from '../../ports/workflow-engine.port';
import { describes, instant, ProcessList } from './response-schemas';

/** A stored version of a process, as the process list's `latest` describes it. */
const processVersion = describes<ProcessDeploymentView>()(ProcessList.schema.shape.items.element.shape.latest);

export const ProcessVersions = { name: 'ProcessVersionList', schema: z.looseObject({ items: z.array(processVersion) }) };

export const ProcessLint = {
  name: 'ProcessLint',
  schema: describes<LintResult>()(z.looseObject({
    resourceName: z.string(), ok: z.boolean(),
    problems: z.array(z.looseObject({ resource: z.string(), elementId: z.string().optional(), line: z.number().int().optional(), message: z.string() })),
  })),
};

const decision = describes<DecisionDeploymentView>()(z.looseObject({
  decisionRequirementsId: z.string(), version: z.number().int(), decisionIds: z.array(z.string()), resourceName: z.string(), checksum: z.string(),
  deployedAt: instant, by: z.string().optional(), comment: z.string().optional(),
}));
const deployedDecision = describes<DeployedDecisionView>()(decision.extend({ isNew: z.boolean().describe('false: the same content was deployed before') }));

export const DecisionList = { name: 'DecisionList', schema: z.looseObject({ items: z.array(decision) }) };
export const DecisionsDeployed = { name: 'DecisionsDeployed', schema: z.looseObject({ items: z.array(deployedDecision) }) };

export const ProcessDeployed = {
  name: 'ProcessDeployed',
  schema: describes<{ items: DeployProcessResult['processes']; decisions: DeployProcessResult['decisions'] }>()(z.looseObject({
    items: z.array(z.looseObject({
      processId: z.string(), version: z.number().int(), key: z.string(), resourceName: z.string(), checksum: z.string(), deployedAt: instant,
      isNew: z.boolean().describe('false: the same content was deployed before, as this version'),
    })),
    decisions: z.array(deployedDecision).describe('The DMN files deployed with it'),
  })),
};

const element = z.looseObject({ id: z.string(), type: z.string(), name: z.string().optional() });
export const ProcessDiffAnswer = {
  name: 'ProcessDiff',
  schema: describes<ProcessDiff>()(z.looseObject({
    processId: z.string(), from: z.number().int(), to: z.number().int(), added: z.array(element), removed: z.array(element),
    changed: z.array(element.extend({
      attrs: z.record(z.string(), z.looseObject({ oldValue: z.unknown(), newValue: z.unknown() })).describe('What changed, by attribute'),
    })),
    layoutChanged: z.array(element).describe('Moved or resized only'),
  })),
};
