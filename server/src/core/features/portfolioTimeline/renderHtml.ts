import { styleOnlyCsp } from '../../text/sha256.js';
import { plural } from '../../text/dates.js';
import { formatMoney, formatPercent } from '../../text/money.js';
import { longDate } from '../timeline/axis.js';
import { escapeXml, truncate } from '../timeline/escape.js';
import { pageCss } from '../timeline/renderHtml.js';
import { timelineCss } from '../timeline/style.js';
import type { PortfolioTimelineModel } from './model.js';
import { renderPortfolioSvg } from './renderSvg.js';
import { portfolioCss } from './style.js';

// A self-contained page of the portfolio timeline, like the plan timeline's: the SVG inline,
// a table of the plans, one stylesheet allowed by its hash, and no script.

const tableCss = `
table.plans { border-collapse: collapse; margin-top: 8px; }
table.plans th, table.plans td { text-align: left; padding: 3px 12px 3px 0; border-bottom: 1px solid #eff2f5; vertical-align: top; }
table.plans td.number { text-align: right; }
`;

export interface PortfolioHtmlOptions {
  /** Shown in the footer: the portfolio file the page was rendered from. */
  source?: string;
}

export function renderPortfolioHtml(model: PortfolioTimelineModel, options: PortfolioHtmlOptions = {}): string {
  const css = `${pageCss}${tableCss}${timelineCss}${portfolioCss}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${styleOnlyCsp(css)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(truncate(`${model.title} — portfolio timeline`, 200))}</title>`,
    `<style>${css}</style>`,
    '</head><body>',
    `<figure>${renderPortfolioSvg(model)}</figure>`,
    planTable(model),
    `<footer>Rendered by <code>throughline render</code>${options.source ? ` from <code>${escapeXml(options.source)}</code>` : ''}.</footer>`,
    '</body></html>',
    '',
  ].join('\n');
}

function planTable(model: PortfolioTimelineModel): string {
  if (model.lanes.length === 0) return '<h2>Plans</h2><p>None yet.</p>';
  const cell = (value: string, number = false) => `<td${number ? ' class="number"' : ''}>${escapeXml(value)}</td>`;
  const rows = model.lanes.map((lane) => {
    const dates = lane.span ? `${longDate(lane.span.start.day)} – ${longDate(lane.span.end.day)}` : 'no dates yet';
    const currency = lane.currency ?? model.currency;
    const budget = lane.budget === undefined ? '—' : formatMoney(lane.budget, currency && truncate(currency, 6));
    const share = lane.share === undefined ? '—' : formatPercent(lane.share, 1);
    const problems = lane.problems === undefined ? '—' : String(lane.problems);
    const channels = lane.channels.length + lane.hidden + lane.undated;
    return `<tr>${cell(truncate(lane.title, 200))}${cell(dates)}${cell(budget, true)}${cell(share, true)}${cell(String(channels), true)}${cell(problems, true)}</tr>`;
  });
  const shareOf = model.shareBase ? `Share of ${model.shareBase.of}` : 'Share';
  const more = model.plansNotDrawn > 0 ? `<p>… and ${plural(model.plansNotDrawn, 'more plan')}.</p>` : '';
  const mixed = model.mixedCurrencies
    ? `<p>The plans use different currencies (${escapeXml(model.currencies.map((code) => truncate(code, 6)).join(', '))}): budgets are not added up or shared.</p>`
    : '';
  return (
    `<h2>Plans (${model.lanes.length + model.plansNotDrawn})</h2>${mixed}<table class="plans"><thead><tr><th>Plan</th><th>Dates</th><th>Budget</th><th>${escapeXml(shareOf)}</th><th>Channels</th><th>Problems</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>${more}`
  );
}
