// Collects deploy problems as data (resource, element id, line, message) so the modeller can point at them.
import type { DeployProblem } from '../../../ports/workflow-engine.port';

export class ProblemList {
  readonly items: DeployProblem[] = [];
  constructor(readonly resource: string, private readonly xml: string) {}

  /** The same problem found twice (by two checks, or by one rule on two paths) is listed once. */
  add(message: string, elementId?: string, line?: number): void {
    if (this.items.some((p) => p.message === message && p.elementId === elementId)) return;
    this.items.push({ resource: this.resource, elementId, line: line ?? lineOf(this.xml, elementId), message });
  }

  /** Whether some problem already names this element (so what follows from it need not be listed too). */
  names(elementId: string): boolean {
    return this.items.some((p) => p.elementId === elementId);
  }

  get empty(): boolean {
    return this.items.length === 0;
  }
}

/** Line (1-based) of the element with the given id, found by its id attribute in the source text. */
export function lineOf(xml: string, elementId: string | undefined): number | undefined {
  if (!elementId) return undefined;
  const escaped = elementId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\sid=["']${escaped}["']`).exec(xml);
  if (!match) return undefined;
  let line = 1;
  for (let i = 0; i < match.index; i++) if (xml.charCodeAt(i) === 10) line++;
  return line;
}
