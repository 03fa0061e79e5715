// Lint rules. Workflow code (and the pure modules it imports) may not import Node built-ins,
// the Temporal client or worker, or activity implementations: the sandbox rule is enforced
// here, not remembered.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Files bundled into the workflow sandbox. */
const deterministic = [
  'workflows/**/*.ts',
  'lib/calendar/working-time.ts',
  'lib/expressions/ast.ts',
  'lib/expressions/evaluate.ts',
  'lib/plan/**/*.ts',
  'lib/temporal/search-attributes.ts',
  'lib/calendar/clock.ts',
  'lib/forms/form-data.ts',
  'lib/organisation/licences.ts',
  'lib/organisation/fair-routing.ts',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'tools/',
      'data/',
      'coverage/',
      'scratch/',
      'web/node_modules/',
      'web/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: deterministic,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'Workflow code is deterministic: no Node modules.',
            })),
            { name: '@temporalio/client', message: 'Workflows do not use the client.' },
            { name: '@temporalio/worker', message: 'Workflows do not use the worker.' },
            { name: '../activities', message: 'Import activity types only.', allowTypeImports: true },
          ],
          patterns: [
            { group: ['**/activities/*'], message: 'Import activity types only.', allowTypeImports: true },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() or condition() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop.' },
        { name: 'process', message: 'Workflow code has no process.' },
      ],
    },
  },
  {
    // The web app: React's rules of hooks; its packages resolve from web/node_modules.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
  },
  {
    // Tests read JSON answers as they come and let the assertions check their shape.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: [
      'cli/**/*.ts',
      'scripts/**/*.mjs',
      'scripts/**/*.ts',
      'test/**/*.mjs',
      'test/support/record-histories.ts',
      'bench/**/*.ts',
    ],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'web/vite.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  prettier,
);
