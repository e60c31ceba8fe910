export * from './escalation-policy';
export * from './apply-policy-edit';
export * from './plan-notices';
export * from './notice-recipients';
export * from './render-notice';
export * from './render-digest';
export * from './outbox-entry';
export * from './fallback-recipient';
