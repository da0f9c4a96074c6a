// Lint rules, including the dependency direction of DESIGN.md: pure layers never import transport or infrastructure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const transport = ['express', 'express/*', 'bullmq', 'ioredis', 'node:http', 'http', 'node:https', 'https'];
const restrict = (extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: [...transport, ...extra], message: 'Pure layers must not import transport or infrastructure.' },
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/domain/**'], rules: restrict(['../*', 'node:*', 'zod', '@turf/*']) },
  {
    files: ['src/solver/**'],
    rules: {
      ...restrict(['**/energy/**', '**/geo/**', '**/contracts/**', '**/api/**', '**/queue/**', '**/config/**', '@turf/*', 'zod']),
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded rng.' }],
    },
  },
  {
    files: ['src/energy/**', 'src/geo/**', 'src/consolidation/**', 'src/planner/**', 'src/contracts/**', 'src/io/**'],
    rules: restrict(['**/api/**', '**/queue/**']),
  },
  {
    files: ['src/**'],
    ignores: ['src/config/**', 'src/cli/**'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in src/config only.' }] },
  },
);
