// The portfolio timeline in a real browser: the self-contained page draws one lane per plan,
// the plan spans and channel bars with a size, and the objective's deadline through the lanes;
// a portfolio of hostile titles runs nothing, with or without the page's CSP. Screenshots in
// test-results/.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildPortfolioTimeline, renderPortfolioHtml, renderPortfolioSvg, type PortfolioTimelineInput } from '../../server/src/core/index.js';
import { manyPlans, threePlans } from '../unit/portfolioTimeline/inputs.js';
import { launchChromium, watchedPage } from './browser.js';

const RESULTS = join(__dirname, '..', '..', 'test-results');
let browser: Browser;

before(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await launchChromium();
});
after(() => browser?.close());

async function open(name: string, html: string) {
  const path = join(RESULTS, `${name}.html`);
  writeFileSync(path, html);
  const watched = await watchedPage(browser);
  await watched.page.goto(`file://${path}`);
  return watched;
}

const sizes = (page: import('playwright-core').Page, selector: string) =>
  page.$$eval(selector, (elements) =>
    elements.map((element) => ({ width: element.getBoundingClientRect().width, height: element.getBoundingClientRect().height })),
  );

test('three plans: one lane per plan, spans and channels drawn with a size, the deadline line through the lanes; styled, no CSP violation', async () => {
  const model = buildPortfolioTimeline(threePlans);
  const { page, console: messages, errors } = await open('portfolio-timeline', renderPortfolioHtml(model, { source: 'growth.portfolio.yaml' }));
  const lanes = await page.$$eval('svg g.plan-lane[data-plan]', (elements) => elements.map((element) => element.getAttribute('data-plan')));
  assert.deepEqual(
    lanes,
    threePlans.plans.map((plan) => plan.uri),
  );
  const spans = await sizes(page, 'svg g.plan-lane rect.plan-span');
  assert.equal(spans.length, 3);
  assert.ok(spans.every((box) => box.width > 0 && box.height > 0));
  const bars = await sizes(page, 'svg g.plan-lane rect.channel-bar');
  assert.equal(
    bars.length,
    model.lanes.reduce((sum, lane) => sum + lane.channels.length, 0),
  );
  assert.ok(bars.every((box) => box.width > 0 && box.height > 0));
  // The deadline runs from the markers strip to the bottom of the last lane.
  const deadline = await page.$eval('svg g.deadline line', (line) => line.getBoundingClientRect().toJSON() as DOMRect);
  const lastLane = await page.$eval('svg g.plan-lane:last-of-type rect.lane-band', (rect) => rect.getBoundingClientRect().toJSON() as DOMRect);
  assert.ok(deadline.height > 100);
  assert.ok(Math.abs(deadline.bottom - lastLane.bottom) < 1.5, `${deadline.bottom} vs ${lastLane.bottom}`);
  assert.equal(await page.$eval('svg rect.channel-bar', (element) => getComputedStyle(element).fill), 'rgb(47, 111, 222)');
  assert.equal(await page.$$eval('script', (elements) => elements.length), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    messages.filter((message) => /Content Security Policy|Refused/i.test(message)),
    [],
  );
  await page.screenshot({ path: join(RESULTS, 'portfolio-timeline.png'), fullPage: true });
  await page.close();
});

test('500 plans: 500 lanes of one height, drawn; screenshot of the top', async () => {
  const model = buildPortfolioTimeline(manyPlans(500, 40));
  const { page, errors } = await open('portfolio-timeline-500', renderPortfolioHtml(model));
  const heights = await page.$$eval('svg g.plan-lane rect.lane-band', (elements) =>
    elements.map((element) => Math.round(element.getBoundingClientRect().height)),
  );
  assert.equal(heights.length, 500);
  assert.deepEqual([...new Set(heights)], [24]);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(RESULTS, 'portfolio-timeline-500.png') });
  await page.close();
});

const PAYLOADS = [
  '<script>window.__pwned="script";alert(1)</script>',
  '<img src=x onerror="window.__pwned=\'img\';alert(2)">',
  '"><svg onload="window.__pwned=\'svg\';alert(4)">',
  '</text></g><foreignObject><body onload="window.__pwned=\'fo\'"></body></foreignObject>',
  '\u202Eevil RTL & &amp; ]]> <!-- -->',
];

function hostileInput(): PortfolioTimelineInput {
  return {
    title: PAYLOADS[0]!,
    currency: PAYLOADS[2],
    total: 100,
    objective: { id: PAYLOADS[1], statement: PAYLOADS[3], deadline: '2026-06-30' },
    plans: PAYLOADS.map((payload, index) => ({
      uri: `javascript:window.__pwned='uri${index}'//${payload}`,
      title: payload,
      start: '2026-01-01',
      end: '2026-06-30',
      budget: { total: 10, currency: payload },
      problems: index,
      channels: [{ id: payload, name: payload, start: '2026-02-01', end: '2026-03-01' }],
    })),
  };
}

test('hostile titles, URIs and currencies: shown as text, nothing runs (page with its CSP, and the SVG inlined with no CSP at all)', async () => {
  const model = buildPortfolioTimeline(hostileInput());
  const pages = [
    ['portfolio-hostile', renderPortfolioHtml(model)],
    ['portfolio-hostile-no-csp', `<!DOCTYPE html><html><body>${renderPortfolioSvg(model, { embedStyle: true })}</body></html>`],
  ] as const;
  for (const [name, html] of pages) {
    const { page, dialogs, errors } = await open(name, html);
    await page.click('svg g.plan-lane text.plan-title');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined, name);
    assert.deepEqual(dialogs, [], name);
    assert.deepEqual(errors, [], name);
    assert.equal(await page.$$eval('svg g.plan-lane', (elements) => elements.length), PAYLOADS.length);
    assert.equal(await page.$$eval('script, foreignObject, iframe, img, a', (elements) => elements.length), 0, name);
    const titles = await page.$$eval('svg text.plan-title', (elements) => elements.map((element) => element.textContent));
    assert.ok(titles[0]!.startsWith('<script>'), titles[0]!);
    await page.close();
  }
});
