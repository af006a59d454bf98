import { calendarCss, portfolioCss, timelineCss } from '../../../server/src/core/index.js';

export interface WebviewPageOptions {
  /** `webview.cspSource`: where the script and stylesheet are served from. */
  cspSource: string;
  /** A fresh random nonce for this page. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The portfolio timeline: no dragging, no SVG export; lanes open plans. */
  portfolio?: boolean;
}

const cascadeButton =
  '<button id="cascade" type="button" role="switch" aria-checked="false" title="Dragging a bar moves its dependants too (hold Shift while dragging for the opposite)">Move dependants too</button>';
const exportButton = '<button id="export" type="button" title="Export Timeline as SVG" aria-label="Export Timeline as SVG">Export SVG</button>';

/**
 * The webview's page: one nonce'd script and stylesheet, nothing else allowed (no inline
 * handlers, no remote loads). No vscode import, so the render tests load the same page.
 */
export function webviewPage({ cspSource, nonce, scriptUri, styleUri, portfolio = false }: WebviewPageOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${styleUri}">
<style nonce="${nonce}">${timelineCss}${portfolio ? portfolioCss : calendarCss}</style>
<title>${portfolio ? 'Portfolio timeline' : 'Timeline'}</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="${portfolio ? 'Portfolio timeline' : 'Timeline'}">
  <span id="title"></span>
  <span class="spacer"></span>
  ${portfolio ? '' : cascadeButton}
  <button id="zoom-out" type="button" title="Zoom out (Ctrl+wheel)" aria-label="Zoom out">−</button>
  <button id="zoom-reset" type="button" title="Actual size" aria-label="Actual size">100%</button>
  <button id="zoom-in" type="button" title="Zoom in (Ctrl+wheel)" aria-label="Zoom in">+</button>
  <button id="zoom-fit" type="button" title="Fit the width" aria-label="Fit the width">Fit</button>
  ${portfolio ? '' : exportButton}
</div>
<div id="banner" role="status" hidden></div>
<div id="note" role="status" aria-live="polite" hidden></div>
<div id="drag-info" role="tooltip" hidden></div>
<div id="viewport" tabindex="0"><div id="canvas"><p class="placeholder">Loading the timeline…</p></div></div>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
