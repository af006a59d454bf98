// The Throughline language server in a browser worker (vscode.dev, github.dev, code-server's
// web worker extension host): the same server as server.ts, over the worker's messages
// instead of stdio, with files read through the extension (browser/webHost.ts). Bundled to
// out/web/server.js; client/src/web/serverWorker.ts starts it.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { createWebHost } from './browser/webHost.js';
import { describeError, type Logger } from './guard.js';
import { startLanguageServer } from './languageServer.js';

// `self` is the worker's global scope (typed as a window by the DOM library the project compiles with).
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
const log: Logger = {
  error: (message) => connection.console.error(message),
  warn: (message) => connection.console.warn(message),
  info: (message) => connection.console.info(message),
};

// As on Node, the server outlives any bad request: what escapes a handler is logged, never fatal.
self.addEventListener('error', (event) => log.error(`uncaught exception: ${describeError(event.error)}`));
self.addEventListener('unhandledrejection', (event) => log.error(`unhandled rejection: ${describeError(event.reason)}`));

startLanguageServer(connection, log, createWebHost(connection));
// The worker ends with the session (`exit`), as the Node server's process does.
connection.onExit(() => self.close());
connection.listen();
