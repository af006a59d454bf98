import * as vscode from 'vscode';

/**
 * `npm start` on code-server can name only one file to open in the workbench URL, so it passes
 * the second example plan in code-server's environment (THROUGHLINE_OPEN_BESIDE, a file path,
 * inherited by the extension host) and the extension, run from its source folder, opens it
 * beside the first. Installed extensions never do this.
 */
export async function openDevelopmentPlanBeside(context: vscode.ExtensionContext): Promise<void> {
  const path = process.env.THROUGHLINE_OPEN_BESIDE;
  if (!path || context.extensionMode !== vscode.ExtensionMode.Development) return;
  try {
    await vscode.window.showTextDocument(vscode.Uri.file(path), { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  } catch (error) {
    void vscode.window.showWarningMessage(`Throughline could not open ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
