// Helpers shared by the *.e2e.ts files. Everything waits by polling with a bounded timeout,
// never by fixed sleeps.
import * as vscode from 'vscode';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The extension's id: `publisher.name` from package.json. */
export const EXTENSION_ID = 'throughline.throughline';
/** The language id the extension gives to `*.plan.yaml` / `*.plan.yml`. */
export const LANGUAGE_ID = 'marketing-plan';
/** The plans of test/e2e/workspace: copies of examples/clean and examples/problems. */
export const CLEAN_PLAN = 'q3-acquisition.plan.yaml';
export const PROBLEMS_PLAN = 'new-user.plan.yaml';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface WaitOptions {
  /** Milliseconds before giving up (default 20 s). */
  timeout?: number;
  /** Milliseconds between probes (default 100). */
  interval?: number;
  /** What was awaited, for the error message. */
  what?: string;
}

/**
 * Calls `probe` until it returns something other than undefined / null / false, and returns
 * that value. Throws after `timeout` ms, with the last error `probe` threw if any.
 */
export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, options: WaitOptions = {}): Promise<T> {
  const { timeout = 20_000, interval = 100, what = 'condition' } = options;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail}`);
    }
    await sleep(interval);
  }
}

/** The (first) workspace folder the runner opened. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open; the runner should open test/e2e/workspace');
  return folder;
}

/** A file of the workspace, by its path relative to the workspace folder. */
export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relativePath.split('/'));
}

/** Opens a workspace file in an editor and returns the editor. */
export async function openInEditor(relativePath: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/** Diagnostics of a document once at least one is there (or `predicate` holds). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  options: WaitOptions = {},
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return predicate(diagnostics) ? diagnostics : undefined;
    },
    { what: `diagnostics of ${vscode.workspace.asRelativePath(uri)}`, ...options },
  );
}

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
      .filter((line) => line.includes('[error]')),
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

/** A diagnostic's code as a string (VS Code wraps it with its docs link as `{ value, target }`). */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Diagnostics of the document that carry one of Throughline's rule names as their code. */
export function diagnosticsWithCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnosticCode(diagnostic) === code);
}

/** Replaces a range of an open document through a workspace edit (as typing would). */
export async function replaceText(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${vscode.workspace.asRelativePath(document.uri)}`);
}

/**
 * Reverts a document to its text on disk, so the next test (and the final screenshot) sees
 * the plan as it was and closing its editor never asks to save. `original` is the text the
 * test started from: if it is not what comes back, an edit was saved meanwhile (auto save).
 */
export async function revert(document: vscode.TextDocument, original: string): Promise<void> {
  if (document.isDirty) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !document.isDirty, { what: `${vscode.workspace.asRelativePath(document.uri)} to revert` });
  }
  if (document.getText() !== original)
    throw new Error(`${vscode.workspace.asRelativePath(document.uri)} was saved with a test's edits (is files.autoSave off?)`);
}
