// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', 'tests/e2e/node_modules/**', '**/*.vsix', 'media/vendor/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The engine is pure: no editor API, no LSP connection, no file system.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The engine must not depend on the editor.' },
            { name: 'vscode-languageserver', message: 'The engine must not depend on the LSP connection; use vscode-languageserver-types.' },
            { name: 'vscode-languageserver/node', message: 'The engine must not depend on the LSP connection.' },
            { name: 'vscode-languageclient', message: 'The engine must not depend on the client.' },
            // Every Node built-in, under its plain and its node: name.
            ...builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'The engine is pure: no Node built-in (read files and talk to processes in the CLI or the server).' })),
          ],
          patterns: [
            { group: ['vscode-languageclient/*', 'vscode-languageserver/*'], message: 'The engine must not depend on LSP transport packages.' },
            { group: ['**/server', '**/cli', '**/main', '**/settings', '**/workspace'], message: 'The engine must not import the server or the CLI.' },
          ],
        },
      ],
    },
  },
  {
    // The client talks to the server only through common/ (typed requests and shared helpers).
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/src', '**/server/src/**', '**/server/**'], message: 'The client shares only common/ with the server.' }] },
      ],
    },
  },
  {
    // common/ is shared by both sides: it imports neither.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'common/ is used outside VS Code too.' }],
          patterns: [{ group: ['**/server/**', '**/client/**'], message: 'common/ imports neither the client nor the server.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
  {
    files: ['media/**/*.js', 'tests/e2e/suite/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.mocha, acquireVsCodeApi: 'readonly' } },
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
);
