// Lint rules. Which layer may import which is checked by dependency-cruiser (.dependency-cruiser.cjs, the second
// step of `npm run lint`); here: no configuration, clock or randomness read below the edges.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers whose results depend on their inputs only (docs/ARCHITECTURE.md); test/house/layers.test.ts checks it. */
const PURE_LAYERS = [
  'domain',
  'solver',
  'energy',
  'geo',
  'lp',
  'consolidation',
  'cooperation',
  'contracts',
  'scenario-gen',
  'io',
];

const envOnlyInConfig = {
  object: 'process',
  property: 'env',
  message: 'Read configuration in src/config only.',
};
const injected = 'is read at the edges (planner, cli, workers) and passed in';
const noClockOrChance = {
  properties: [
    { object: 'Math', property: 'random', message: 'Use the seeded rng passed in.' },
    { object: 'Date', property: 'now', message: `The clock ${injected}.` },
    { object: 'performance', property: 'now', message: `The clock ${injected}.` },
    { object: 'globalThis', property: 'performance', message: `The clock ${injected}.` },
    { object: 'crypto', property: 'randomUUID', message: `Randomness ${injected}.` },
    { object: 'crypto', property: 'getRandomValues', message: `Randomness ${injected}.` },
  ],
  syntax: [
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: `The clock ${injected}.` },
    { selector: "CallExpression[callee.name='Date']", message: `Date() reads the clock, which ${injected}.` },
  ],
};

/**
 * A spread argument passes every element on the stack: past about 125,000 elements (a 20,000-receiver day has
 * 135,828 orders) it throws "Maximum call stack size exceeded", which failed that day's plan in its assembly.
 */
const noSpreadArguments = [
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
    message: 'Math.max/min(...xs) throws past ~125,000 elements: use a loop or reduce.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement',
    message: 'push(...xs) throws past ~125,000 elements: use a loop, or concat.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist.next/**',
      'out/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp*/**',
    ],
  },
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
    // The dashboard's browser modules (plain ES modules served as they are, no build step).
    files: ['src/web/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        history: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        URLSearchParams: 'readonly',
        Blob: 'readonly',
        Node: 'readonly',
        Intl: 'readonly',
        TextDecoderStream: 'readonly',
      },
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
  {
    files: ['src/**/*.ts', 'workers/**'],
    rules: { 'no-restricted-syntax': ['error', ...noSpreadArguments] },
  },
  {
    files: ['src/**'],
    ignores: ['src/config/**', 'src/cli/**'],
    rules: { 'no-restricted-properties': ['error', envOnlyInConfig] },
  },
  {
    // Below the edges a result depends on its inputs only: clocks and randomness are injected by the planner,
    // the CLI and the workers (a seeded rng, a clock function), never read here.
    files: PURE_LAYERS.map((layer) => `src/${layer}/**`),
    rules: {
      'no-restricted-properties': ['error', envOnlyInConfig, ...noClockOrChance.properties],
      'no-restricted-syntax': ['error', ...noClockOrChance.syntax, ...noSpreadArguments],
    },
  },
);
