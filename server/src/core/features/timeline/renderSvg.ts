import { longDate } from './axis.js';
import { calendarRootClass, renderCalendar, stylesheetFor } from './calendarShading.js';
import { escapeXml, truncate } from './escape.js';
import { formatMoney } from '../../text/money.js';
import { layoutTimeline, type Layout } from './layout.js';
import { renderLegend } from './legend.js';
import { renderBars, renderEdges, renderNames, renderUndated } from './renderBars.js';
import { baselineCss, renderBaseline, shiftMarker } from './renderBaseline.js';
import { clipPaths, renderAxis, renderDayLines, renderLanes, renderPeriod, renderReadyAndMilestones } from './renderMarkers.js';
import { renderSpendChart, renderTrackingMarks } from './spendChart.js';
import { timelineCss } from './style.js';
import type { TimelineModel } from './types.js';

export interface RenderOptions {
  /**
   * Embed the stylesheet (standalone SVG files and HTML). The webview leaves it out and adds
   * the same stylesheet under its CSP nonce instead.
   */
  embedStyle?: boolean;
}

/** The timeline as an SVG document: a pure function of the model, plan text always escaped. */
export function renderSvg(model: TimelineModel, options: RenderOptions = {}): string {
  const layout = layoutTimeline(model);
  const { width, height } = layout;
  const style = options.embedStyle ? `<style>${stylesheetFor(model, `${timelineCss}${model.baseline ? baselineCss : ''}`)}</style>` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="tl${calendarRootClass(model, layout)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(truncate(`Timeline of ${model.title}`, 200))}">`,
    `<title>${escapeXml(truncate(model.title, 300))}</title>`,
    style,
    `<defs>${arrowMarkers()}${model.baseline ? shiftMarker() : ''}${clipPaths(layout)}</defs>`,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}"/>`,
    renderLanes(model, layout),
    renderPeriod(model, layout),
    renderCalendar(model, layout),
    renderAxis(layout),
    renderDayLines(model, layout),
    renderReadyAndMilestones(model, layout),
    renderEdges(model, layout),
    renderBaseline(model, layout),
    renderBars(model, layout),
    renderTrackingMarks(model, layout),
    renderNames(model, layout),
    renderUndated(model, layout),
    renderSpendChart(model, layout),
    renderHeader(model, layout),
    renderLegend(model),
    emptyNote(model, layout),
    '</svg>',
  ].join('');
}

function arrowMarkers(): string {
  const marker = (id: string, className: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path class="${className}" d="M0,1L10,5L0,9z"/></marker>`;
  return marker('tl-arrow', 'arrowhead') + marker('tl-arrow-critical', 'arrowhead critical') + marker('tl-arrow-violated', 'arrowhead violated');
}

function renderHeader(model: TimelineModel, layout: Layout): string {
  const facts: string[] = [];
  if (model.period) facts.push(`${longDate(model.period.start.day)} – ${longDate(model.period.end.day)}`);
  if (model.budgetTotal !== undefined) facts.push(`budget ${formatMoney(model.budgetTotal, model.currency && truncate(model.currency, 6))}`);
  facts.push(`${model.bars.length + model.undated.length} channel${model.bars.length + model.undated.length === 1 ? '' : 's'}`);
  if (model.criticalPath.length > 0) facts.push(`critical path: ${model.criticalPath.join(' → ')}`);
  if (model.baseline) facts.push(`outlines: ${model.baseline.label}`);
  const maxChars = Math.floor((layout.width - 16) / 6.6);
  return (
    `<g class="header"><text class="title" x="8" y="19">${escapeXml(truncate(model.title, Math.floor(maxChars * 0.8)))}</text>` +
    `<text class="subtitle" x="8" y="36">${escapeXml(truncate(facts.join(' · '), maxChars))}</text></g>`
  );
}

function emptyNote(model: TimelineModel, layout: Layout): string {
  if (model.bars.length > 0) return '';
  const text = model.undated.length > 0 ? 'No channel has usable dates yet' : 'No channels yet: add some under `channels:`';
  return `<text class="empty" x="${layout.x(layout.first) + 8}" y="${layout.lanesBottom - 8}">${escapeXml(text)}</text>`;
}
