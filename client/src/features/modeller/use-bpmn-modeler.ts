// Mounts bpmn-js's Modeler the way Camunda Modeler does for Camunda 8: the properties panel with the
// Zeebe provider, zeebe-bpmn-moddle, camunda-bpmn-js-behaviors and @camunda/linting (which picks its
// rules from the diagram's modeler:executionPlatformVersion), plus our pickers group. After each edit
// (debounced) it lints the exported XML in the browser and hands the XML to `onChanged`.
/* eslint-disable @typescript-eslint/no-explicit-any */
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import '@camunda/linting/assets/linting.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import { Linter } from '@camunda/linting';
import lintingModule from '@camunda/linting/modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import modelerModdle from 'modeler-moddle/resources/modeler.json';
import { useEffect, useRef, useState, type RefObject } from 'react';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { yjsPickersModule, type PickerData } from './yjs-pickers-provider';

export interface LintReport {
  id?: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule?: string;
}

export interface ModellerHandle {
  canvas: RefObject<HTMLDivElement | null>;
  panel: RefObject<HTMLDivElement | null>;
  reports: LintReport[];
  error?: string;
  /** Selects the element (and its properties), scrolling it into view; uses the linter's own jump for its reports. */
  select(report: { id?: string; elementId?: string } & Partial<LintReport>): void;
  exportXml(): Promise<string>;
}

const linter = new Linter({ modeler: 'web', type: 'cloud' });

export function useBpmnModeler(xml: string | undefined, pickers: PickerData | undefined, onChanged: (xml: string) => void): ModellerHandle {
  const canvas = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const modeler = useRef<any>(undefined);
  const [reports, setReports] = useState<LintReport[]>([]);
  const [error, setError] = useState<string>();
  const changed = useRef(onChanged);
  changed.current = onChanged;

  useEffect(() => {
    if (xml === undefined || !pickers || !canvas.current) return;
    const m: any = new BpmnModeler({
      container: canvas.current,
      propertiesPanel: { parent: panel.current },
      additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeBehaviorsModule, lintingModule, yjsPickersModule],
      moddleExtensions: { zeebe: zeebeModdle, modeler: modelerModdle },
      yjsPickers: pickers,
    } as any);
    modeler.current = m;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const relint = async () => {
      const { xml: current } = await m.saveXML({ format: true });
      const found: LintReport[] = await linter.lint(current);
      if (!live) return;
      m.get('linting').setErrors(found);
      m.get('linting').activate();
      setReports(found);
      changed.current(current);
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void relint().catch((e) => live && setError(`Checking the diagram failed: ${(e as Error).message}`)), 400);
    };
    m.on('commandStack.changed', schedule);
    m.importXML(xml).then(
      () => {
        m.get('canvas').zoom('fit-viewport');
        schedule();
      },
      (e: Error) => live && setError(`The modeller could not open this diagram: ${e.message}`),
    );
    return () => {
      live = false;
      clearTimeout(timer);
      m.destroy();
      modeler.current = undefined;
    };
  }, [xml, pickers]);

  return {
    canvas,
    panel,
    reports,
    error,
    select(report) {
      const m = modeler.current;
      if (!m) return;
      if (report.rule && report.id) return m.get('linting').showError(report);
      const element = m.get('elementRegistry').get(report.elementId ?? report.id);
      if (!element) return;
      m.get('selection').select(element);
      m.get('canvas').scrollToElement(element);
    },
    async exportXml() {
      const { xml: current } = await modeler.current.saveXML({ format: true });
      return current;
    },
  };
}
