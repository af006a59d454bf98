// What the Node suite asks of its runner and reads from disk: screenshots (the code-server
// runner takes them) and VS Code's log files. Node only: the web suite has its own
// (test/e2e-web/suite/runnerHooks.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EXTENSION_ID, provokedLogErrors, waitFor } from './helpers';

/** Names passed to requestScreenshot so far (index.ts takes the final `workbench` one only if no test did). */
export const requestedScreenshots = new Set<string>();

/**
 * Asks the code-server runner to screenshot the workbench now, as `test-results/e2e-<name>.png`,
 * and waits (bounded) until it is taken. The runner sets THROUGHLINE_E2E_SCREENSHOT_DIR and
 * watches the extension host's console for the marker line; under other runners this returns
 * false at once.
 */
export async function requestScreenshot(name: string): Promise<boolean> {
  const dir = process.env.THROUGHLINE_E2E_SCREENSHOT_DIR;
  if (!dir) return false;
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`screenshot name must be kebab-case: ${name}`);
  requestedScreenshots.add(name);
  const done = join(dir, `${name}.done`);
  console.log(`[throughline-e2e:screenshot] ${name}`);
  try {
    await waitFor(() => existsSync(done), { timeout: 30_000, interval: 100, what: `screenshot ${name}` });
    return true;
  } catch (error) {
    console.warn(String(error));
    return false;
  }
}

export type InputAction =
  | { kind: 'drag'; channel: string; grip: 'middle' | 'start' | 'end'; days: number; shift?: boolean }
  | { kind: 'keys'; quickInputTitle?: string; text?: string; press?: string[] };

let inputs = 0;

/**
 * Asks the code-server runner to perform real mouse and keyboard input on the workbench
 * (scripts/e2e/userInput.mjs): a drag of a timeline bar inside its webview, typing, key
 * presses. Waits until it is done; throws what the runner reports failing. False at once
 * under other runners (no browser to drive), so a test can skip.
 */
export async function requestInput(actions: InputAction[]): Promise<boolean> {
  const dir = process.env.THROUGHLINE_E2E_SCREENSHOT_DIR;
  if (!dir) return false;
  const id = `input-${++inputs}`;
  console.log(`[throughline-e2e:input] ${JSON.stringify({ id, actions })}`);
  const done = join(dir, `${id}.done`);
  await waitFor(() => existsSync(done), { timeout: 40_000, interval: 100, what: `the runner to perform ${id}` });
  const outcome = JSON.parse(readFileSync(done, 'utf8')) as { ok?: true; error?: string };
  if (outcome.error) throw new Error(`the runner could not perform ${JSON.stringify(actions)}: ${outcome.error}`);
  return true;
}

/** Log files below THROUGHLINE_E2E_LOGS_DIR whose path matches; undefined when the folder is not known. */
function logFiles(matches: (path: string) => boolean): string[] | undefined {
  const dir = process.env.THROUGHLINE_E2E_LOGS_DIR;
  if (!dir || !existsSync(dir)) return undefined;
  const files: string[] = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (matches(child)) files.push(child);
    }
  };
  walk(dir);
  return files;
}

function errorLines(files: string[] | undefined): string[] | undefined {
  return files?.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('[error]') && !provokedLogErrors.some((pattern) => pattern.test(line))),
  );
}

/**
 * The `[error]` lines of the extension host's log so far. Both runners point
 * THROUGHLINE_E2E_LOGS_DIR at the logs folder of their user-data dir; the extension host's log
 * is `exthost1/remoteexthost.log` under code-server and `window1/exthost/exthost.log` under
 * test-electron. Returns undefined when the folder is not known (another runner).
 */
export function extensionHostLogErrors(): string[] | undefined {
  return errorLines(logFiles((path) => ['remoteexthost.log', 'exthost.log'].includes(basename(path))));
}

/**
 * The `[error]` lines the extension wrote to its own log output channel (`Throughline`, kept
 * by VS Code as `<exthost folder>/throughline.throughline/Throughline.log`): the client's
 * start failures and the language server's logged errors. Undefined when the folder is not known.
 */
export function extensionOutputLogErrors(): string[] | undefined {
  return errorLines(logFiles((path) => basename(dirname(path)) === EXTENSION_ID && path.endsWith('.log')));
}
