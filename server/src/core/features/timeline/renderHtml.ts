import { styleOnlyCsp } from '../../text/sha256.js';
import { escapeXml, truncate } from './escape.js';
import { baselineCss } from './renderBaseline.js';
import { renderSvg } from './renderSvg.js';
import { stylesheetFor } from './calendarShading.js';
import { timelineCss } from './style.js';
import type { TimelineModel } from './types.js';

// A self-contained HTML page for sharing (a pull request, an e-mail): the SVG inline, one
// stylesheet, the list of problems, and no script at all. Its CSP allows exactly that one
// stylesheet (by hash) and nothing else.

/** The page around a timeline: also the portfolio timeline's page. */
export const pageCss = `
body { margin: 0; padding: 16px 24px; background: #ffffff; color: #1f2328; font: 14px/1.45 -apple-system, "Segoe UI", system-ui, Ubuntu, sans-serif; }
h2 { font-size: 16px; margin: 24px 0 8px; }
figure { margin: 0; overflow-x: auto; border: 1px solid #d1d9e0; border-radius: 6px; }
figure svg { display: block; }
ul.problems { list-style: none; padding: 0; margin: 0; }
ul.problems li { padding: 3px 0; border-bottom: 1px solid #eff2f5; }
.severity { display: inline-block; min-width: 5.5em; font-weight: 600; }
.severity.error { color: #d1242f; }
.severity.warning { color: #9a6700; }
.severity.info, .severity.hint { color: #0969da; }
.where, .code, footer { color: #59636e; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
footer { margin-top: 24px; font-size: 12px; }
`;

export interface HtmlOptions {
  /** Shown in the footer: the plan file the page was rendered from. */
  source?: string;
  /** Shown in the footer: the command that made the page (default `throughline render`). */
  generator?: string;
  /** Markup (already escaped) shown above the timeline: the plan diff's changes. */
  intro?: string;
}

export function renderHtml(model: TimelineModel, options: HtmlOptions = {}): string {
  const css = stylesheetFor(model, `${pageCss}${timelineCss}${model.baseline ? baselineCss : ''}`);
  const csp = styleOnlyCsp(css);
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(truncate(`${model.title} — timeline`, 200))}</title>`,
    `<style>${css}</style>`,
    '</head><body>',
    ...(options.intro ? [options.intro] : []),
    `<figure>${renderSvg(model)}</figure>`,
    problemList(model),
    `<footer>Rendered by <code>${escapeXml(options.generator ?? 'throughline render')}</code>${options.source ? ` from <code>${escapeXml(options.source)}</code>` : ''}.</footer>`,
    '</body></html>',
    '',
  ].join('\n');
}

function problemList(model: TimelineModel): string {
  if (model.problems.length === 0) return '<h2>Problems</h2><p>None: the plan passes every rule.</p>';
  const items = model.problems.map((problem) => {
    const where = `line ${problem.line + 1}${problem.channel === undefined ? '' : `, channel ${truncate(problem.channel, 80)}`}`;
    return (
      `<li><span class="severity ${problem.severity}">${problem.severity}</span> ` +
      `${escapeXml(truncate(problem.message, 1000))} <span class="code">(<code>${escapeXml(problem.code)}</code>)</span> ` +
      `<span class="where">— ${escapeXml(where)}</span></li>`
    );
  });
  const more = model.problemCount > model.problems.length ? `<p>… and ${model.problemCount - model.problems.length} more.</p>` : '';
  return `<h2>Problems (${model.problemCount})</h2><ul class="problems">${items.join('')}</ul>${more}`;
}
