import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'media/preview.js', 'node_modules/**', '.cache/**', 'test-results/**', '.bench/**', '**/*.d.ts', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['client/src/webview/**/*.ts', 'test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The core is pure analysis: no editor API, no protocol library, no I/O.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*'],
              message: 'server/src/core is pure: it may not import vscode or vscode-languageserver. Return LSP-shaped plain data instead.',
            },
            {
              group: [
                'node:fs',
                'fs',
                'node:fs/*',
                'fs/*',
                'node:child_process',
                'child_process',
                'node:net',
                'net',
                'node:http',
                'http',
                'node:https',
                'https',
              ],
              message: 'server/src/core does no I/O; the adapters (server, CLI) read files.',
            },
          ],
        },
      ],
    },
  },
);
