// ESLint: TypeScript's recommended rules, Lit's (template bindings, properties) and web components'
// (element lifecycle) best practices. Formatting is Prettier's, so no stylistic rule is on here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'custom-elements.json',
      'test/recipes/astro/dist/',
      'test/recipes/astro/.astro/',
      'test/recipes/built/',
      'bench-results/',
      'test-results/',
      '.vite/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
    ...wc.configs['flat/best-practice'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs['flat/recommended'].rules,
      ...wc.configs['flat/best-practice'].rules,
      '@typescript-eslint/no-explicit-any': 'error',
      // A module says one thing and a function does one: past these, split by responsibility.
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Tests and fixtures handle loose JSON on purpose.
    files: ['test/**/*.ts', 'demo/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
