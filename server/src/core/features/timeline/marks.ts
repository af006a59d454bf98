import { round } from './layout.js';

// Small shapes shared by the chart and its legend.

export type BadgeSeverity = 'error' | 'warning' | 'info';

/** ✖ in a circle for errors, ! in a triangle (⚠) for warnings, i in a circle otherwise. */
export function problemBadge(severity: BadgeSeverity, cx: number, cy: number): string {
  const x = round(cx);
  const y = round(cy);
  if (severity === 'warning') {
    return `<g class="badge warning"><path d="M${x},${round(y - 7)}L${round(x + 7)},${round(y + 6)}L${round(x - 7)},${round(y + 6)}z"/><text x="${x}" y="${round(y + 4.5)}">!</text></g>`;
  }
  const glyph = severity === 'error' ? '✖' : 'i';
  return `<g class="badge ${severity}"><circle cx="${x}" cy="${y}" r="6.5"/><text x="${x}" y="${round(y + 3.2)}">${glyph}</text></g>`;
}

export function diamondPath(cx: number, cy: number, radius: number): string {
  return `<path d="M${round(cx)},${round(cy - radius)}L${round(cx + radius)},${round(cy)}L${round(cx)},${round(cy + radius)}L${round(cx - radius)},${round(cy)}z"/>`;
}
