// @ts-check
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
            { name: 'fs', message: 'The engine is pure: read files in the CLI or the server.' },
            { name: 'child_process', message: 'The engine is pure.' },
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
