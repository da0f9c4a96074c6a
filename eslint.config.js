// Lint rules, including the dependency direction of DESIGN.md: pure layers never import transport or infrastructure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const transport = ['express', 'express/*', 'bullmq', 'ioredis', 'node:http', 'http', 'node:https', 'https'];
const restrictImports = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});
const pure = (extra = []) =>
  restrictImports([...transport, ...extra], 'Pure layers must not import transport or infrastructure.');
const envOnlyInConfig = {
  object: 'process',
  property: 'env',
  message: 'Read configuration in src/config only.',
};
const seededRandomOnly = { object: 'Math', property: 'random', message: 'Use the seeded rng.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/config/**', 'src/cli/**'],
    rules: { 'no-restricted-properties': ['error', envOnlyInConfig] },
  },
  { files: ['src/domain/**'], rules: pure(['../*', 'node:*', 'zod', '@turf/*']) },
  {
    files: ['src/solver/**'],
    rules: {
      ...pure([
        '**/energy/**',
        '**/geo/**',
        '**/contracts/**',
        '**/api/**',
        '**/queue/**',
        '**/config/**',
        '@turf/*',
        'zod',
      ]),
      'no-restricted-properties': ['error', envOnlyInConfig, seededRandomOnly],
    },
  },
  {
    files: [
      'src/energy/**',
      'src/geo/**',
      'src/consolidation/**',
      'src/planner/**',
      'src/contracts/**',
      'src/io/**',
      'src/scenario-gen/**',
    ],
    rules: pure(['**/api/**', '**/queue/**']),
  },
  {
    files: ['src/api/**'],
    rules: restrictImports(
      [
        'bullmq',
        'ioredis',
        '**/queue/**',
        '**/planner/**',
        '**/solver/**',
        '**/consolidation/**',
        '**/energy/**',
        '**/io/**',
      ],
      'The API talks to the planner only through the PlanJobs port.',
    ),
  },
  {
    // bull-board.ts is the one bridge: it mounts BullMQ's queues as an express router for /admin/queues
    files: ['src/queue/**'],
    ignores: ['src/queue/bull-board.ts'],
    rules: restrictImports(
      ['express', '**/api/**', '**/solver/**'],
      'The queue adapter knows no HTTP and no solver.',
    ),
  },
  { files: ['workers/**'], rules: restrictImports(['express', '**/api/**'], 'Workers do not serve HTTP.') },
);
