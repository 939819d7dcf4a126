// Lint: typescript-eslint's recommended rules with type information, plus React hooks rules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const weightsImportNothingOfTheApp = {
  group: ['**/model/**', '**/analysis/**', '**/runtime/**', '**/ui/**', '**/cli/**', '**/node/**', '**/data/**', '**/image/**'],
  message: 'weights/ imports nothing of the app but itself.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results', 'public', 'wasm-kernels'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The direction of imports (README, Architecture): the description and the counting are
    // pure TypeScript that the CLI, the page and the worker all share.
    files: ['src/model/**/*.ts', 'src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/runtime/**', '**/ui/**', '**/cli/**'], message: 'model/ and analysis/ must not depend on runtime, ui or cli.' },
            { group: ['@tensorflow/*', 'react', 'react-dom', 'd3', 'd3-*'], message: 'model/ and analysis/ are pure TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/analysis/**', '**/runtime/**', '**/ui/**', '**/cli/**', '@tensorflow/*', 'react', 'd3'], message: 'model/ imports nothing of the project but itself.' }] },
      ],
    },
  },
  {
    // Datasets are bytes and typed arrays: the page, the worker and Node read them alike.
    files: ['src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/runtime/**', '**/ui/**', '**/cli/**', '**/node/**'], message: 'data/ depends on nothing but itself.' },
            { group: ['@tensorflow/*', 'react', 'react-dom', 'd3', 'd3-*', 'node:*'], message: 'data/ is pure TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    // Weight-file readers are bytes in, typed arrays out: the page's workers, the CLI and Node
    // share them, and runtime, ui, cli and node import them. Only their tests may use node: modules.
    files: ['src/weights/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [weightsImportNothingOfTheApp] }] },
  },
  {
    files: ['src/weights/**/*.ts'],
    ignores: ['src/weights/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            weightsImportNothingOfTheApp,
            { group: ['@tensorflow/*', 'react', 'react-dom', 'd3', 'd3-*', 'node:*'], message: 'weights/ runs in a worker and in Node alike: no tfjs, React, d3 or node: modules.' },
          ],
        },
      ],
    },
  },
  {
    // Mapping a publisher's weight file onto our model: the file as src/weights reads it, our
    // description (src/model) and tfjs. Nothing of the page, the CLI, Node or the rest of the
    // runtime, so the classify worker, the live worker and the CLI can all use it; tests may.
    files: ['src/runtime/import/**/*.ts'],
    ignores: ['src/runtime/import/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/analysis/**', '**/runtime/**', '**/ui/**', '**/cli/**', '**/node/**', '**/data/**', '**/image/**'],
              message: 'runtime/import/ imports src/model, src/weights, tfjs and itself only.',
            },
            // A sibling of the rest of src/runtime: one level up, not two.
            { regex: '^\\.\\./(?!\\.\\./)', message: 'runtime/import/ imports src/model, src/weights, tfjs and itself only, nothing else of src/runtime.' },
            { group: ['react', 'react-dom', 'd3', 'd3-*', 'node:*'], message: 'runtime/import/ runs in a worker and in Node alike: no React, d3 or node: modules.' },
          ],
        },
      ],
    },
  },
  {
    // Node-only helpers (files, the WASM backend in Node) serve the CLI, scripts and benchmarks.
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**', '**/cli/**'], message: 'node/ serves the CLI; it must not depend on it or on the page.' }] }],
    },
  },
);
