// The timeline's one stylesheet. Every colour goes through a `--tl-*` variable that reads
// VS Code's theme variable when there is one (the webview: dark, light, high contrast) and
// falls back to a light palette (standalone SVG / HTML). The standalone SVG embeds it; the
// webview adds it under its CSP nonce. No style attributes anywhere, so a strict CSP holds.

import { trackingCss } from './spendChart.js';

export const timelineCss = `
.tl {
  --tl-bg: var(--vscode-editor-background, #ffffff);
  --tl-fg: var(--vscode-editor-foreground, #1f2328);
  --tl-muted: var(--vscode-descriptionForeground, #59636e);
  --tl-lines: var(--vscode-charts-lines, #8c959f);
  --tl-paid: var(--vscode-charts-orange, #d9822b);
  --tl-owned: var(--vscode-charts-blue, #2f6fde);
  --tl-earned: var(--vscode-charts-green, #2e9e5b);
  --tl-untyped: var(--vscode-disabledForeground, #8c959f);
  --tl-critical: var(--vscode-charts-red, #c4161c);
  --tl-error: var(--vscode-editorError-foreground, #d1242f);
  --tl-warning: var(--vscode-editorWarning-foreground, #b07d00);
  --tl-info: var(--vscode-editorInfo-foreground, #0969da);
  --tl-deadline: var(--vscode-charts-red, #c4161c);
  --tl-today: var(--vscode-charts-purple, #8250df);
  --tl-ready: var(--vscode-charts-yellow, #d4a72c);
  --tl-focus: var(--vscode-focusBorder, #0969da);
  --tl-border: var(--vscode-contrastBorder, transparent);
  font-family: var(--vscode-font-family, -apple-system, "Segoe UI", system-ui, Ubuntu, sans-serif);
  font-size: 12px;
}
.tl text { fill: var(--tl-fg); }
.tl .background { fill: var(--tl-bg); }
.tl .title { font-size: 15px; font-weight: 600; }
.tl .subtitle, .tl .muted, .tl .minor text, .tl .lane-need { fill: var(--tl-muted); }
.tl .major text { font-weight: 600; }
.tl .grid line { stroke: var(--tl-lines); stroke-opacity: 0.25; }
.tl .grid line.major { stroke-opacity: 0.55; }
.tl .lane-band { fill: var(--tl-fg); fill-opacity: 0.035; }
.tl .lane-band.odd { fill-opacity: 0; }
.tl .lane-rule { stroke: var(--tl-lines); stroke-opacity: 0.5; }
.tl .lane-label { font-weight: 600; }
.tl .period { fill: var(--tl-owned); fill-opacity: 0.06; }
.tl .period-edge { stroke: var(--tl-owned); stroke-opacity: 0.4; stroke-dasharray: 2 3; }
.tl .deadline line { stroke: var(--tl-deadline); stroke-width: 1.5; stroke-dasharray: 6 3; }
.tl .deadline text { fill: var(--tl-deadline); font-weight: 600; }
.tl .today line { stroke: var(--tl-today); stroke-width: 1.5; }
.tl .today text { fill: var(--tl-today); font-weight: 600; }
.tl .milestone line { stroke: var(--tl-fg); stroke-opacity: 0.35; stroke-dasharray: 1 3; }
.tl .milestone path { fill: var(--tl-fg); }
.tl .ready path { fill: var(--tl-ready); stroke: var(--tl-bg); stroke-width: 1; }
.tl .ready.late path { fill: var(--tl-error); }
.tl .bar-body { stroke: var(--tl-border); stroke-width: 1; }
.tl .paid .bar-body, .tl .swatch.paid { fill: var(--tl-paid); }
.tl .owned .bar-body, .tl .swatch.owned { fill: var(--tl-owned); }
.tl .earned .bar-body, .tl .swatch.earned { fill: var(--tl-earned); }
.tl .untyped .bar-body, .tl .swatch.untyped { fill: var(--tl-untyped); }
.tl .critical .bar-body, .tl .swatch.critical { stroke: var(--tl-critical); stroke-width: 2.5; }
.tl .swatch.critical { fill: none; }
.tl .bar-slack { fill: var(--tl-fg); fill-opacity: 0.12; }
.tl .budget { font-size: 11px; fill: var(--tl-muted); }
.tl .badge circle, .tl .badge path { stroke: var(--tl-bg); stroke-width: 1; }
.tl .badge text { font-size: 9px; font-weight: 700; fill: #ffffff; text-anchor: middle; }
.tl .badge.error circle { fill: var(--tl-error); }
.tl .badge.warning path { fill: var(--tl-warning); }
.tl .badge.info circle { fill: var(--tl-info); }
.tl .edge { fill: none; stroke: var(--tl-muted); stroke-width: 1.2; stroke-opacity: 0.85; }
.tl .edge.critical { stroke: var(--tl-critical); stroke-width: 2.2; stroke-opacity: 1; }
.tl .edge.violated { stroke: var(--tl-error); stroke-dasharray: 4 2; stroke-opacity: 1; }
.tl .arrowhead { fill: var(--tl-muted); }
.tl .arrowhead.critical { fill: var(--tl-critical); }
.tl .arrowhead.violated { fill: var(--tl-error); }
.tl .undated-heading { font-weight: 600; }
.tl .undated .reason { fill: var(--tl-muted); font-style: italic; }
.tl .empty { fill: var(--tl-muted); font-style: italic; }
.tl [data-channel] { cursor: pointer; }
.tl .bar:hover .bar-body { stroke: var(--tl-focus); stroke-width: 2; }
.tl .selected .bar-body { stroke: var(--tl-focus); stroke-width: 3; }
.tl .channel-label.selected text { font-weight: 700; fill: var(--tl-focus); }
.tl .selection-row { fill: var(--tl-focus); fill-opacity: 0.12; }
${trackingCss}`;
