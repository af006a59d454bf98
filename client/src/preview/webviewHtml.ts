import * as vscode from 'vscode';
import { bytesToBase64 } from '../../../server/src/core/index.js';
import { webviewPage } from './webviewPage.js';

/** The panel's page with a fresh nonce, its script and stylesheet served from the media folder. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, portfolio = false): string {
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  return webviewPage({
    cspSource: webview.cspSource,
    // Web Crypto: there in Node's extension host and in the browser's alike.
    nonce: bytesToBase64(crypto.getRandomValues(new Uint8Array(18))),
    scriptUri: media('preview.js'),
    styleUri: media('preview.css'),
    portfolio,
  });
}
