// Jest runs CommonJS; TypeScript and the ESM-only engine packages (@bpmn-io/feelin, bpmn-moddle,
// moddle, min-dash, lezer…) are transformed to CommonJS by @swc/jest. Decided once here; see README.
const esmPackages = [
  '@bpmn-io', 'bpmn-moddle', 'dmn-moddle', 'moddle', 'min-dash', 'zeebe-bpmn-moddle', '@lezer', 'lezer-feel',
  'feelers', 'luxon', 'moddle-xml', 'saxen', 'ids', 'diagram-js', 'bpmn-js', 'tiny-svg',
  // @bpmn-io/form-js-editor under jsdom (browser export conditions pick their ESM builds):
  'preact', 'didi', 'marked', 'min-dom', 'domify', 'array-move',
];
const swc = ['@swc/jest', {
  jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
  module: { type: 'commonjs' },
}];

module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  transform: { '^.+\\.(t|j|mj|cj)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  // A component may import its own stylesheet (Vite bundles it); under jsdom it is an empty module.
  moduleNameMapper: { '\\.css$': '<rootDir>/test/support/style-stub.cjs' },
  // Node's structuredClone in a test realm, re-homed (test/support/same-realm-clone.ts).
  setupFiles: ['<rootDir>/test/support/same-realm-clone.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
