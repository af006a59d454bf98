// What the web suite asks of the code-server runner (scripts/e2e/run-code-server.mjs), without
// Node: the runner's temporary folder holds the workspace copy, the screenshot
// acknowledgements (`screenshots/`) and VS Code's user data (`user-data/logs/`) side by side,
// and the web worker reaches them through the editor's file system (`vscode-remote:`).
import * as vscode from 'vscode';
import { waitFor, workspaceFolder } from '../../e2e/suite/helpers';

/** Names passed to requestScreenshot so far (index.ts takes the final `workbench` one only if no test did). */
export const requestedScreenshots = new Set<string>();

/** A path in the runner's temporary folder, the workspace folder's parent. */
export function runnerUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, '..', ...segments);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks the runner to screenshot the workbench now, as `test-results/e2e-web-<name>.png`, and
 * waits (bounded) until it is taken: the runner watches the extension host's console for the
 * marker line and writes `screenshots/<name>.done` when done.
 */
export async function requestScreenshot(name: string): Promise<boolean> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`screenshot name must be kebab-case: ${name}`);
  requestedScreenshots.add(name);
  console.log(`[throughline-e2e:screenshot] ${name}`);
  try {
    await waitFor(() => exists(runnerUri('screenshots', `${name}.done`)), { timeout: 30_000, interval: 200, what: `screenshot ${name}` });
    return true;
  } catch (error) {
    console.warn(String(error));
    return false;
  }
}

/** The text of every log file of VS Code's server-side logs whose name is `name`. */
export async function serverLogs(name: string): Promise<Array<{ uri: vscode.Uri; text: string }>> {
  const found: Array<{ uri: vscode.Uri; text: string }> = [];
  const walk = async (folder: vscode.Uri): Promise<void> => {
    for (const [entry, type] of await vscode.workspace.fs.readDirectory(folder)) {
      const child = vscode.Uri.joinPath(folder, entry);
      if (type & vscode.FileType.Directory) await walk(child);
      else if (entry === name) found.push({ uri: child, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(child)) });
    }
  };
  await walk(runnerUri('user-data', 'logs'));
  return found;
}
