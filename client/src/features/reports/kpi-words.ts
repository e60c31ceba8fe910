// Words for the KPI figures: "67%", "No one to count", "3 not recorded".
import type { KpiMeasure } from './kpi-api';

export const measurePercent = (m: Pick<KpiMeasure, 'percent' | 'of'>): string =>
  (m.of === null ? 'Not a rate' : m.percent === null ? 'No one to count' : `${m.percent}%`);

export const measureCount = (m: Pick<KpiMeasure, 'count' | 'of'>): string => (m.of === null ? String(m.count) : `${m.count} of ${m.of}`);
