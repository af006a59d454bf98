import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The web extension's bundles (out/web/) run in browser workers: no Node built-ins, no Node
// entry points of the protocol libraries, no Node globals. Everything in server/src and
// client/src is in them except the Node entry points and adapters listed here.
const NODE_ONLY = [
  'server/src/server.ts',
  'server/src/cli/**',
  'server/src/node/**',
  'client/src/extension.ts',
  'client/src/languageClient.ts',
  'client/src/developmentStart.ts',
];
const BROWSER_SAFE_IMPORTS = {
  group: [
    ...builtinModules.filter((name) => !name.startsWith('_')),
    'node:*',
    'vscode-languageserver/node',
    'vscode-languageclient/node',
    'vscode-jsonrpc/node',
    'vscode-languageserver-protocol/node',
  ],
  message:
    'This file is in the web extension (a browser worker): no Node modules. Node-only code goes in server/src/node/, server/src/cli/ or the Node entry points.',
};

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
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: NODE_ONLY,
    rules: {
      'no-restricted-imports': ['error', { patterns: [BROWSER_SAFE_IMPORTS] }],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'Not in a browser worker: the web extension bundles this file.',
        })),
      ],
    },
  },
  {
    // The core is pure analysis: no editor API, no protocol library, no I/O (and it runs in the browser too).
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            BROWSER_SAFE_IMPORTS,
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
