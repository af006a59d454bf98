// A plan whose names, owners, ids, KPI names and free text are attacks: in the HTML page, in
// the standalone SVG file and in the SVG inlined into a page without any CSP (so escaping,
// not the CSP, is what is tested), the payloads show as text and nothing runs.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { analyzeText } from '../../server/src/core/analyze.js';
import { buildTimeline } from '../../server/src/core/features/timeline/model.js';
import { renderHtml } from '../../server/src/core/features/timeline/renderHtml.js';
import { renderSvg } from '../../server/src/core/features/timeline/renderSvg.js';
import { launchChromium, watchedPage, type WatchedPage } from './browser.js';

const RESULTS = join(__dirname, '..', '..', 'test-results', 'hostile');
const PAYLOADS = [
  '<script>window.__pwned="script";alert(1)</script>',
  '<img src=x onerror="window.__pwned=\'img\';alert(2)">',
  'javascript:window.__pwned="js";alert(3)',
  '"><svg onload="window.__pwned=\'svg\';alert(4)">',
  "'><iframe src=\"javascript:parent.__pwned='iframe'\"></iframe>",
  '</text></g><foreignObject><body onload="window.__pwned=\'fo\'"></body></foreignObject>',
  '<a href="javascript:window.__pwned=\'a\'">click</a> & &amp; ]]> <!-- -->',
];
const q = (text: string) => JSON.stringify(text); // a JSON string is a YAML double-quoted scalar

function hostilePlan(): string {
  const lines = [
    `plan: ${q(`Plan ${PAYLOADS[0]}`)}`,
    `owner: ${q(PAYLOADS[1]!)}`,
    'period: { start: 2026-01-01, end: 2026-06-30 }',
    `objective: { id: goal, statement: ${q(PAYLOADS[2]!)}, metric: sales, target: 10, deadline: 2026-06-30 }`,
    `budget: { total: 1000, currency: ${q(PAYLOADS[3]!)} }`,
    `journey:`,
    `  - { stage: ${q(PAYLOADS[4]!)}, need: ${q(PAYLOADS[5]!)} }`,
    'channels:',
  ];
  PAYLOADS.forEach((payload, index) => {
    lines.push(
      `  ${q(`${payload}-${index}`)}:`,
      `    name: ${q(payload)}`,
      `    type: ${index % 2 ? 'paid' : 'owned'}`,
      '    mode: inbound',
      `    owner: ${q(payload)}`,
      `    medium: ${q(payload)}`,
      `    stages: [${q(PAYLOADS[4]!)}, ${q(payload)}]`,
      `    start: 2026-0${1 + (index % 5)}-01`,
      `    end: 2026-0${2 + (index % 5)}-15`,
      `    budget: ${100 * (index + 1)}`,
      `    kpis: [${q(`kpi-${payload}`)}]`,
      ...(index > 0 ? [`    depends_on: [{ on: ${q(`${PAYLOADS[index - 1]}-${index - 1}`)}, kind: start-to-start, why: ${q(payload)} }]`] : []),
    );
  });
  lines.push('kpis:');
  PAYLOADS.forEach((payload) => {
    lines.push(
      `  ${q(`kpi-${payload}`)}:`,
      `    name: ${q(payload)}`,
      `    traces_to: goal`,
      `    measure: { definition: ${q(payload)}, ready_by: 2026-01-10 }`,
    );
  });
  lines.push('milestones:', `  m1: { date: 2026-03-01, label: ${q(PAYLOADS[6]!)} }`, '');
  return lines.join('\n');
}

let browser: Browser;
before(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await launchChromium();
});
after(() => browser?.close());

const timeline = () => buildTimeline({ uri: 'file:///hostile.plan.yaml', version: 1, analysis: analyzeText(hostilePlan()) }, { today: '2026-02-01' });

async function assertNothingRan(watched: WatchedPage, label: string) {
  await watched.page.waitForTimeout(300);
  const pwned = await watched.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);
  assert.equal(pwned, null, `${label}: a payload ran`);
  assert.deepEqual(watched.dialogs, [], `${label}: dialogs`);
  assert.deepEqual(watched.errors, [], `${label}: page errors`);
  assert.deepEqual(watched.console, [], `${label}: console output`);
}

test('the hostile plan still has every channel on the timeline', () => {
  const model = timeline();
  assert.equal(model.bars.length, PAYLOADS.length);
  assert.equal(model.edges.length, PAYLOADS.length - 1);
  assert.ok(model.problems.length > 0, 'the ids break the schema: diagnostics quote them');
});

for (const kind of ['html page', 'standalone svg', 'svg inlined without CSP'] as const) {
  test(`${kind}: payloads are text, nothing executes, nothing is loaded`, async () => {
    const model = timeline();
    const file = join(RESULTS, kind === 'standalone svg' ? 'hostile.svg' : `${kind.replace(/\W+/g, '-')}.html`);
    const content =
      kind === 'html page'
        ? renderHtml(model)
        : kind === 'standalone svg'
          ? renderSvg(model, { embedStyle: true })
          : `<!DOCTYPE html><html><body>${renderSvg(model, { embedStyle: true })}</body></html>`;
    writeFileSync(file, content);
    const watched = await watchedPage(browser);
    const requests: string[] = [];
    watched.page.on('request', (request) => requests.push(request.url()));
    await watched.page.goto(`file://${file}`);
    await assertNothingRan(watched, kind);
    assert.deepEqual(requests, [`file://${file}`], 'no request other than the page itself');
    // No element the payloads spell out exists; their text is there, verbatim.
    const smuggled = await watched.page.evaluate(
      () => document.querySelectorAll('script, img, iframe, foreignObject, a, body[onload], [onload], [onerror]').length,
    );
    assert.equal(smuggled, 0);
    const text = await watched.page.evaluate(() => document.documentElement.textContent ?? '');
    for (const payload of PAYLOADS.slice(0, 4)) assert.ok(text.includes(payload), `shown as text: ${payload}`);
    // Hovering and clicking every bar (tooltips, any handler) runs nothing either.
    for (const bar of await watched.page.$$('g.bar[data-channel] rect.bar-body')) {
      await bar.hover();
      await bar.click();
    }
    await assertNothingRan(watched, `${kind} after hover and click`);
    const ids = await watched.page.$$eval('g.bar[data-channel]', (elements) => elements.map((element) => element.getAttribute('data-channel')));
    assert.deepEqual(ids.sort(), model.bars.map((bar) => bar.id).sort(), 'data-channel holds the exact ids');
    await watched.page.close();
  });
}
