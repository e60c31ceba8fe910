// Parses BPMN XML with the zeebe moddle extension. Broken XML and unknown elements (moddle warnings) become
// deploy problems with the line moddle reports.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { ProblemList } from './deploy-problems';

let moddle: any;
const getModdle = () => (moddle ??= new BpmnModdle({ zeebe }));

function lineFrom(message: string): number | undefined {
  const m = /line:\s*(\d+)/i.exec(message);
  return m ? Number(m[1]) : undefined;
}

export async function parseBpmn(xml: string, problems: ProblemList): Promise<any | undefined> {
  try {
    const { rootElement, warnings } = await getModdle().fromXML(xml, 'bpmn:Definitions');
    for (const w of warnings ?? []) {
      const text = String(w.message ?? w);
      const dangling = /^unresolved reference <(.*)>/.exec(text);
      if (dangling && String(w.element?.$type ?? '').startsWith('bpmndi:')) {
        // Left by hand edits or a merge: the picture names an element the model no longer has.
        problems.add(`the diagram draws '${dangling[1]}' (${w.element.id ?? w.element.$type}), which is not in the model: remove it from the diagram or restore the element`, w.element.id, lineFrom(text));
      } else {
        problems.add(`unsupported or invalid content: ${text.split('\n')[0]}`, w.element?.id, lineFrom(text));
      }
    }
    return rootElement;
  } catch (e) {
    const text = String((e as Error).message);
    problems.add(`broken XML: ${text.split('\n')[0]}`, undefined, lineFrom(text));
    return undefined;
  }
}
