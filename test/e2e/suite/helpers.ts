// Helpers shared by the *.e2e.ts files. Everything waits by polling with a bounded timeout,
// never by fixed sleeps. Only the vscode API: the web suite (test/e2e-web) runs the same test
// files in the web worker extension host, where there is no Node; what needs Node (the
// runner's screenshots, VS Code's log files) is in runnerHooks.ts.
import * as vscode from 'vscode';

/** The extension's id: `publisher.name` from package.json. */
export const EXTENSION_ID = 'throughline.throughline';
/** The language id the extension gives to `*.plan.yaml` / `*.plan.yml`. */
export const LANGUAGE_ID = 'marketing-plan';
/** The plans of test/e2e/workspace: copies of examples/clean and examples/problems. */
export const CLEAN_PLAN = 'q3-acquisition.plan.yaml';
export const PROBLEMS_PLAN = 'new-user.plan.yaml';

/**
 * Errors a test provokes on purpose (a refused rename is reported to the user as a failed
 * request, and VS Code logs it): the error-log checks of workbench.e2e.ts leave out lines that
 * match one, and only those.
 */
export const provokedLogErrors: RegExp[] = [];

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

/** The text of every hover at a position, through VS Code's hover command (so through the client and server). */
export async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}
