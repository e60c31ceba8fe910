// ESLint (flat config) for the server, client, tests and scripts. Run by `npm run lint` and by
// test/unit/lint/eslint.test.ts inside `npm test`. Syntax-only rules (no type-checked presets): the
// type-aware ones need the whole TypeScript program and are too slow on the 2-core machines; `tsc` already
// type-checks. Rules turned off below say why; the rest are the recommended sets as published.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '.cache/**', 'client/dist/**', 'tools/**', 'data/**', 'test-results/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts,mjs,cjs,js}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // Unused code is a defect; a leading underscore marks a parameter or binding kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_',
        ignoreRestSiblings: true,
      }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      // CommonJS files load with require by definition.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    ...reactHooks.configs.flat.recommended,
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // The next two serve the React Compiler, which the client does not use. `refs` flags the "latest callback"
      // ref (ref.current = prop during render) that keeps bpmn-js/form-js editors from being rebuilt on each render.
      'react-hooks/refs': 'off',
      // Resetting state when the route or a loaded value changes (close the menu, copy a loaded policy into a draft)
      // is the pattern the client uses on purpose; the extra render it costs is not worth a rewrite.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.{ts,tsx}'],
    rules: {
      // The server logs through pino (with its redaction of personal data) and the browser console is no place for
      // case data; scripts and tests print on purpose.
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.d.ts'],
    rules: {
      // Declarations of untyped vendor modules (bpmn-js, bpmnlint, moddle): what those return is untyped by nature.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['test/**/*.{ts,tsx,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser } },
    rules: {
      // Tests read JSON bodies whose shape their assertions check; typing every reply adds nothing they would catch.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
