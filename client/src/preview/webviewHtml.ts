import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { webviewPage } from './webviewPage.js';

/** The panel's page with a fresh nonce, its script and stylesheet served from the media folder. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  return webviewPage({
    cspSource: webview.cspSource,
    nonce: randomBytes(18).toString('base64'),
    scriptUri: media('preview.js'),
    styleUri: media('preview.css'),
  });
}
