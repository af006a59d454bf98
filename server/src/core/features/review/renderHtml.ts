import { styleOnlyCsp } from '../../text/sha256.js';
import { formatMoney, formatPercent } from '../../text/money.js';
import { escapeXml, truncate } from '../timeline/escape.js';
import { statusWords } from './renderMarkdown.js';
import { shownNumber, type ReviewPack } from './reviewPack.js';

// The review pack as one self-contained HTML page, under the CSP rules of `throughline
// render`: no script, nothing loaded, one stylesheet allowed by its hash. Every plan string
// goes through escapeXml.

const css = `
body { margin: 0; padding: 16px 24px; background: #ffffff; color: #1f2328; font: 14px/1.45 -apple-system, "Segoe UI", system-ui, Ubuntu, sans-serif; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin: 28px 0 8px; } h3 { font-size: 14px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.behind, .over { color: #d1242f; font-weight: 600; } .ahead, .under { color: #0969da; } .on-pace, .to-plan { color: #1a7f37; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
footer { margin-top: 24px; font-size: 12px; color: #59636e; }
`;

export const reviewCss = css;

/** Text with code spans: escaped, the spans as `<code>`. */
function sentence(text: string): string {
  return truncate(text, 2000)
    .split('`')
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeXml(part)}</code>` : escapeXml(part)))
    .join('');
}

const code = (id: string) => `<code>${escapeXml(truncate(id, 200))}</code>`;
const cell = (text: string, className = '') => `<td${className ? ` class="${className}"` : ''}>${text}</td>`;

/** `styleHash` is the base64 SHA-256 of the stylesheet (the adapter computes it: the core does no crypto of its own). */
export function renderReviewHtml(pack: ReviewPack, source?: string): string {
  const money = (amount: number | null) => (amount === null ? '—' : escapeXml(formatMoney(amount, pack.currency ?? undefined)));
  const csp = styleOnlyCsp(css);
  const body: string[] = [
    `<h1>Review pack: ${escapeXml(truncate(pack.plan, 200))}</h1>`,
    `<p>As of <strong>${pack.asOf}</strong>. Pace tolerance ${Math.round(pack.tolerance * 100)} %.</p>`,
  ];
  if (pack.weekly) {
    body.push(
      '<h2>Weekly: blockers and dependencies at risk</h2>',
      `<p>Channels starting from ${pack.weekly.from} to ${pack.weekly.to} with something in their way.</p>`,
    );
    if (pack.weekly.channels.length === 0) body.push('<p>Nothing in the way of the channels starting in the next 14 days.</p>');
    else
      body.push(
        `<ul>${pack.weekly.channels
          .map(
            (item) =>
              `<li><strong>${code(item.channel)}</strong> starts ${item.start}${item.owner ? ` (owner ${escapeXml(truncate(item.owner, 200))})` : ''}<ul>${item.blockers.map((blocker) => `<li>${sentence(blocker.text)}</li>`).join('')}</ul></li>`,
          )
          .join('')}</ul>`,
      );
  }
  if (pack.monthly) {
    const objective = pack.monthly.objective;
    body.push('<h2>Monthly: tracking to the objective</h2>');
    if (objective.statement)
      body.push(
        `<p>${objective.id ? `${code(objective.id)}: ` : ''}${escapeXml(truncate(objective.statement, 500))}${objective.deadline ? ` (by ${objective.deadline})` : ''}</p>`,
      );
    const rows = pack.monthly.kpis.map((kpi) =>
      [
        cell(code(kpi.kpi)),
        cell(kpi.owner ? escapeXml(truncate(kpi.owner, 200)) : '—'),
        cell(kpi.latest ? `${shownNumber(kpi.latest.value)} (${kpi.latest.date})` : '—', 'n'),
        cell(shownNumber(kpi.expected), 'n'),
        cell(escapeXml(statusWords(kpi.status)), kpi.status),
        cell(shownNumber(kpi.forecast), 'n'),
        cell(shownNumber(kpi.target), 'n'),
        cell(`${kpi.trace.map(code).join(' → ')}${kpi.reachesObjective ? '' : ' (does not reach the objective)'}`),
      ].join(''),
    );
    body.push(table(['KPI', 'owner', 'latest', 'expected', 'status', 'forecast at deadline', 'target', 'trace'], rows));
  }
  if (pack.quarterly) {
    const q = pack.quarterly;
    body.push('<h2>Quarterly: investment</h2>');
    const rows = q.channels.map((item) =>
      [
        cell(code(item.channel)),
        cell(escapeXml(item.type ?? '—')),
        cell(money(item.budget), 'n'),
        cell(money(item.plannedToDate), 'n'),
        cell(money(item.out), 'n'),
        cell(item.budget ? formatPercent(item.out, item.budget) : '—', 'n'),
        cell(item.spending, item.spending.replace(' ', '-')),
        cell(item.kpis.map((kpi) => `${code(kpi.kpi)} ${escapeXml(statusWords(kpi.status))}`).join(', ') || '—'),
      ].join(''),
    );
    rows.push(
      [
        cell('<strong>total</strong>'),
        cell(''),
        cell(money(q.total.budget), 'n'),
        cell(money(q.total.plannedToDate), 'n'),
        cell(money(q.total.out), 'n'),
        cell(q.total.budget ? formatPercent(q.total.out, q.total.budget) : '—', 'n'),
        cell(''),
        cell(''),
      ].join(''),
    );
    body.push(table(['channel', 'type', 'budget', 'phased to date', 'money out', 'burn', 'spending', 'KPIs'], rows));
    body.push(
      table(
        ['type', 'budget', 'phased to date', 'money out'],
        q.byType.map((type) =>
          [cell(escapeXml(type.type)), cell(money(type.budget), 'n'), cell(money(type.plannedToDate), 'n'), cell(money(type.out), 'n')].join(''),
        ),
      ),
    );
    body.push('<h3>Questions for the meeting</h3>');
    body.push(
      q.questions.length === 0
        ? '<p>No channel is behind pace while spending to plan, or ahead while under-spent.</p>'
        : `<ul>${q.questions.map((question) => `<li>${sentence(question)}</li>`).join('')}</ul>`,
    );
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(truncate(`${pack.plan} — review pack`, 200))}</title>`,
    `<style>${css}</style>`,
    '</head><body>',
    ...body,
    `<footer>Generated by <code>throughline review</code>${source ? ` from <code>${escapeXml(source)}</code>` : ''}.</footer>`,
    '</body></html>',
    '',
  ].join('\n');
}

function table(headings: string[], rows: string[]): string {
  const numeric = new Set(['latest', 'expected', 'forecast at deadline', 'target', 'budget', 'phased to date', 'money out', 'burn']);
  return `<table><thead><tr>${headings.map((heading) => `<th${numeric.has(heading) ? ' class="n"' : ''}>${heading}</th>`).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${row}</tr>`).join('')}</tbody></table>`;
}
