// The Throughline language server: `throughline-language-server --stdio` (or --node-ipc,
// --socket=N, --pipe=NAME). Bundled to out/server.js; bin/throughline-language-server.js runs it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError, type Logger } from './guard.js';
import { startLanguageServer } from './languageServer.js';
import { createNodeHost } from './node/nodeHost.js';
import { fullGarbageCollection } from './node/memory.js';
import { slowRequestsForTests } from './node/testSlowdown.js';

const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: throughline-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\nSpeaks the Language Server Protocol for *.plan.yaml files (stdio when no transport is given).\n',
  );
  process.exit(0);
}
// Editors that start the server without naming a transport mean stdio.
if (!args.some((arg) => TRANSPORTS.test(arg))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);
const log: Logger = {
  error: (message) => connection.console.error(message),
  warn: (message) => connection.console.warn(message),
  info: (message) => connection.console.info(message),
};

// The server outlives any bad request: what escapes a handler is logged, never fatal.
process.on('uncaughtException', (error) => log.error(`uncaught exception: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${describeError(reason)}`));

startLanguageServer(connection, log, createNodeHost(), { wrapRequestHandler: slowRequestsForTests(log), collectGarbage: fullGarbageCollection() });
connection.listen();
