// What the embedded engine runs but this adapter cannot: checked after the shared deploy checks
// (check-deploy-resources.ts), so a model is refused at deploy instead of leaving work nobody can do.
import type { CheckedDeployment } from '../engine-embedded/deploy/check-deploy-resources';
import { lineOf } from '../engine-embedded/deploy/deploy-problems';
import type { DeployProblem } from '../../ports/workflow-engine.port';

export function zeebeOnlyProblems(checked: CheckedDeployment): DeployProblem[] {
  const problems: DeployProblem[] = [];
  for (const { resource, model } of checked.compiled) {
    for (const el of Object.values(model.elements)) {
      // Zeebe makes a job-worker user task (no zeebe:userTask) a job of type io.camunda.zeebe:userTask: no user
      // task record, no task listeners, so it would never reach the task queue.
      if (el.userTask?.jobWorker) {
        problems.push({
          resource: resource.name, elementId: el.id, line: lineOf(resource.content, el.id),
          message: `user task '${el.id}' is a job-worker user task (no zeebe:userTask): on Camunda 8 it would never reach the task queue; make it a Camunda user task`,
        });
      }
    }
  }
  return problems;
}
