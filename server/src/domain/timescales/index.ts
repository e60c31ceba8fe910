export * from './timescale';
export { validateTimescaleEdit, validateTimescaleList } from './timescale-validation';
export { computeDeadline } from './deadline';
export { applyTimescaleEdit } from './apply-timescale-edit';
export { mergeTimescaleDefaults } from './merge-timescale-defaults';
