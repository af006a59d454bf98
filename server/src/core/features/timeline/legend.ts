import { escapeXml } from './escape.js';
import { LEGEND_TOP, round } from './layout.js';
import { diamondPath, problemBadge } from './marks.js';
import type { TimelineModel } from './types.js';

const CHAR_WIDTH = 6.6;

/** One row of legend entries: a small sample drawn at (x, y) and its label. */
export function renderLegend(model: TimelineModel): string {
  const entries: { sample: (x: number, y: number) => string; label: string }[] = [];
  const swatch = (kind: string) => (x: number, y: number) => `<rect class="swatch ${kind}" x="${x}" y="${y - 5}" width="16" height="10" rx="2"/>`;
  const types = new Set(model.bars.map((bar) => bar.type ?? 'untyped'));
  for (const type of ['paid', 'owned', 'earned'] as const) entries.push({ sample: swatch(type), label: type[0]!.toUpperCase() + type.slice(1) });
  if (types.has('untyped')) entries.push({ sample: swatch('untyped'), label: 'No type' });
  entries.push({ sample: swatch('critical'), label: 'Critical path' });
  entries.push({ sample: (x, y) => `<rect class="bar-slack" x="${x}" y="${y - 2}" width="16" height="4"/>`, label: 'Slack' });
  entries.push({ sample: arrowSample('edge', 'tl-arrow'), label: 'Dependency' });
  if (model.edges.some((edge) => edge.violated)) entries.push({ sample: arrowSample('edge violated', 'tl-arrow-violated'), label: 'Violated' });
  if ((model.calendar?.blackouts.length ?? 0) > 0) entries.push({ sample: swatch('blackout'), label: 'Blackout' });
  if (model.readyBy.length > 0) entries.push({ sample: (x, y) => `<g class="ready">${diamondPath(x + 8, y, 5)}</g>`, label: 'Measurement ready' });
  if (model.deadline)
    entries.push({ sample: (x, y) => `<g class="deadline"><line x1="${x + 8}" y1="${y - 7}" x2="${x + 8}" y2="${y + 7}"/></g>`, label: 'Deadline' });
  if (model.today) entries.push({ sample: (x, y) => `<g class="today"><line x1="${x + 8}" y1="${y - 7}" x2="${x + 8}" y2="${y + 7}"/></g>`, label: 'Today' });
  if (model.baseline) {
    entries.push({ sample: (x, y) => `<g class="ghost"><rect class="ghost-body" x="${x}" y="${y - 5}" width="16" height="10" rx="2"/></g>`, label: 'Before' });
    entries.push({
      sample: (x, y) => `<g class="bar untyped moved"><rect class="bar-body" x="${x}" y="${y - 5}" width="16" height="10" rx="2"/></g>`,
      label: 'Moved',
    });
  }
  if (model.tracking) {
    const asOf = model.tracking.asOf.source !== 'today';
    if (asOf) entries.push({ sample: (x, y) => `<g class="as-of"><line x1="${x + 8}" y1="${y - 7}" x2="${x + 8}" y2="${y + 7}"/></g>`, label: 'As of' });
    entries.push({ sample: (x, y) => `${swatch('paid')(x, y)}<rect class="bar-unburnt" x="${x + 9}" y="${y - 5}" width="7" height="10"/>`, label: 'Burn' });
    entries.push({ sample: (x, y) => `<circle class="pace behind" cx="${x + 8}" cy="${y}" r="4"/>`, label: 'KPI behind pace' });
  }
  entries.push({ sample: (x, y) => `${problemBadge('error', x + 6, y)}${problemBadge('warning', x + 20, y)}`, label: 'Problems' });

  const y = LEGEND_TOP + 12;
  let x = 8;
  const parts: string[] = [];
  for (const entry of entries) {
    const width = entry.label === 'Problems' ? 28 : 18;
    parts.push(entry.sample(x, y), `<text x="${x + width + 4}" y="${y + 4}">${escapeXml(entry.label)}</text>`);
    x = round(x + width + 4 + entry.label.length * CHAR_WIDTH + 16);
  }
  return `<g class="legend">${parts.join('')}</g>`;
}

function arrowSample(className: string, marker: string) {
  return (x: number, y: number) => `<path class="${className}" d="M${x},${y}L${x + 16},${y}" marker-end="url(#${marker})"/>`;
}
