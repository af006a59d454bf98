import * as vscode from 'vscode';
import { parseWebviewState } from './messages.js';
import { webviewHtml } from './webviewHtml.js';

// What the plan timeline panel and the portfolio timeline panel share: the webview's options,
// its page and message wiring, and the URI a restored panel had.

/** Scripts for the page's own nonce'd script only: no command links, no forms, files only from media/. */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/**
 * Gives the panel its page and routes its messages; `disposed` runs once when the user closes
 * it. Returns what to dispose with the panel.
 */
export function attachPanel(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  page: { portfolio: boolean },
  receive: (raw: unknown) => void,
  disposed: () => void,
): vscode.Disposable[] {
  panel.webview.options = panelOptions(extensionUri);
  panel.webview.html = webviewHtml(panel.webview, extensionUri, page.portfolio);
  const disposables: vscode.Disposable[] = [
    panel.webview.onDidReceiveMessage(receive),
    panel.onDidDispose(() => {
      for (const disposable of disposables) disposable.dispose();
      disposed();
    }),
  ];
  return disposables;
}

/** The document a restored panel showed (from the webview's saved state), if it is still a valid URI. */
export function restoredUri(state: unknown): vscode.Uri | undefined {
  const saved = parseWebviewState(state).uri;
  try {
    return saved ? vscode.Uri.parse(saved, true) : undefined;
  } catch {
    return undefined;
  }
}
