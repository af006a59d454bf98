// The rendered timeline in a real browser: every channel bar and every arrow is drawn with a
// size, the example and a 500-channel plan are saved as screenshots in test-results/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { analyzeText } from '../../server/src/core/analyze.js';
import { buildTimeline } from '../../server/src/core/features/timeline/model.js';
import { renderHtml } from '../../server/src/core/features/timeline/renderHtml.js';
import type { TimelineModel } from '../../server/src/core/features/timeline/types.js';
import { generatePlan } from '../helpers/generatePlan.js';
import { boxes, launchChromium, watchedPage } from './browser.js';

const RESULTS = join(__dirname, '..', '..', 'test-results');
let browser: Browser;

before(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await launchChromium();
});
after(() => browser?.close());

function timelineOf(text: string): TimelineModel {
  return buildTimeline({ uri: 'file:///plan.plan.yaml', version: 1, analysis: analyzeText(text) }, { today: '2026-06-15' });
}

/** Writes the page to test-results/ and opens it from there (file://, as a recipient would). */
async function openRendered(name: string, timeline: TimelineModel, viewport?: { width: number; height: number }) {
  const path = join(RESULTS, `${name}.html`);
  writeFileSync(path, renderHtml(timeline, { source: name }));
  const watched = await watchedPage(browser, viewport);
  await watched.page.goto(`file://${path}`);
  return watched;
}

async function assertEverythingDrawn(page: import('playwright-core').Page, timeline: TimelineModel) {
  const bars = await boxes(page, 'svg g.bar[data-channel] rect.bar-body');
  assert.equal(bars.length, timeline.bars.length, 'one bar per dated channel');
  assert.deepEqual(
    bars.filter((box) => !(box.width > 0 && box.height > 0)),
    [],
    'every bar has a size',
  );
  const arrows = await boxes(page, 'svg path.edge[data-from]');
  assert.equal(arrows.length, timeline.edges.length, 'one arrow per dependency between dated channels');
  assert.deepEqual(
    arrows.filter((box) => !(box.width > 0 && box.height > 0)),
    [],
    'every arrow has a size',
  );
}

test('the example plan: every bar and arrow drawn, styled by the inline stylesheet, no CSP violation; screenshot', async () => {
  const timeline = timelineOf(readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8'));
  const { page, console: messages, errors } = await openRendered('timeline-example', timeline);
  await assertEverythingDrawn(page, timeline);
  // The stylesheet (allowed by its hash) applies: a paid bar is orange, not the default black.
  const paidFill = await page.$eval('g.bar.paid rect.bar-body', (element) => getComputedStyle(element).fill);
  assert.equal(paidFill, 'rgb(217, 130, 43)');
  const criticalStroke = await page.$eval('g.bar.critical rect.bar-body', (element) => getComputedStyle(element).strokeWidth);
  assert.equal(criticalStroke, '2.5px');
  assert.deepEqual(errors, []);
  assert.deepEqual(
    messages.filter((message) => /Content Security Policy|Refused/i.test(message)),
    [],
  );
  await page.screenshot({ path: join(RESULTS, 'timeline-example.png'), fullPage: true });
  await page.close();
});

test('the plan with problems: badges on the bars that have them', async () => {
  const timeline = timelineOf(readFileSync('examples/problems/new-user.plan.yaml', 'utf8'));
  const { page } = await openRendered('timeline-problems', timeline);
  await assertEverythingDrawn(page, timeline);
  const withBadges = await page.$$eval('g.bar[data-channel]', (elements) =>
    elements
      .filter((element) => element.querySelector('.badge'))
      .map((element) => element.getAttribute('data-channel'))
      .sort(),
  );
  assert.deepEqual(
    withBadges,
    timeline.bars
      .filter((bar) => bar.diagnostics.messages.length > 0)
      .map((bar) => bar.id)
      .sort(),
  );
  assert.ok(withBadges.length >= 3);
  const listed = await page.$$eval('ul.problems li', (items) => items.length);
  assert.equal(listed, timeline.problems.length);
  await page.screenshot({ path: join(RESULTS, 'timeline-problems.png'), fullPage: true });
  await page.close();
});

test('500 channels: all 500 bars and every arrow drawn; screenshot', async () => {
  const timeline = timelineOf(generatePlan(500));
  assert.equal(timeline.bars.length, 500);
  const { page } = await openRendered('timeline-500', timeline, { width: 1600, height: 1000 });
  await assertEverythingDrawn(page, timeline);
  // Rows keep their height: the last bar sits 499 rows below the first.
  const tops = await page.$$eval('g.bar[data-channel] rect.bar-body', (elements) => elements.map((element) => element.getBoundingClientRect().top));
  assert.equal(Math.round(Math.max(...tops) - Math.min(...tops)), 499 * 24);
  await page.screenshot({ path: join(RESULTS, 'timeline-500.png') });
  await page.close();
});

test('a working calendar: excluded days shaded and blackouts banded with their reason as the tooltip, under the page CSP; screenshot', async () => {
  const timeline = timelineOf(readFileSync('test/fixtures/timeline/calendar.plan.yaml', 'utf8'));
  const { page, console: messages, errors, dialogs } = await openRendered('timeline-calendar', timeline);
  await assertEverythingDrawn(page, timeline);
  const columns = await page.$$eval('g.excluded-days rect.excluded-day', (elements) =>
    elements.map((element) => ({ width: element.getBoundingClientRect().width, opacity: getComputedStyle(element).fillOpacity })),
  );
  assert.equal(columns.length, 12);
  assert.ok(
    columns.every((column) => column.width >= 8 && column.opacity === '0.07'),
    JSON.stringify(columns),
  );
  const blackouts = await page.$$eval('g.blackout', (groups) =>
    groups.map((group) => ({ title: group.querySelector('title')?.textContent, width: group.querySelector('rect')!.getBoundingClientRect().width })),
  );
  assert.deepEqual(
    blackouts.map((blackout) => blackout.title),
    [
      'Blackout 23 Nov 2026 – 30 Nov 2026: Black Friday freeze\nNo launches for email, sms',
      'Blackout 21 Dec 2026 – 23 Dec 2026: Site migration <script>alert(1)</script> & "cutover"\nNo launches for every channel',
    ],
  );
  assert.ok(blackouts.every((blackout) => blackout.width > 20));
  assert.equal(await page.$$eval('script', (scripts) => scripts.length), 0, 'the reason stayed text');
  // Without the days-visible class (a zoomed-out panel), the columns are not shown.
  await page.$eval('svg.tl', (svg) => svg.classList.remove('days-visible'));
  assert.equal(await page.$eval('g.excluded-days', (group) => getComputedStyle(group).display), 'none');
  assert.deepEqual([errors, dialogs], [[], []]);
  assert.deepEqual(
    messages.filter((message) => /Content Security Policy|Refused/i.test(message)),
    [],
  );
  await page.$eval('svg.tl', (svg) => svg.classList.add('days-visible'));
  await page.screenshot({ path: join(RESULTS, 'timeline-calendar.png'), fullPage: true });
  await page.close();
});

test('the mid-flight plan: as-of line, bars filled to their burn, pace dots and the spend chart drawn and styled; theme variables recolour it; screenshot', async () => {
  const text = readFileSync('examples/midflight/q3-midflight.plan.yaml', 'utf8');
  const timeline = buildTimeline({ uri: 'file:///plan.plan.yaml', version: 1, analysis: analyzeText(text) }, { today: '2026-08-20' });
  const { page, console: messages, errors } = await openRendered('timeline-midflight', timeline, { width: 1600, height: 1000 });
  await assertEverythingDrawn(page, timeline);
  const sized = async (selector: string) => (await boxes(page, selector)).filter((box) => box.width > 0 && box.height > 0).length;
  const lines = async (selector: string) => (await boxes(page, selector)).filter((box) => box.width > 0 || box.height > 0).length;
  assert.equal(await lines('g.as-of line'), 2, 'the as-of line is drawn (and its legend sample)');
  const burnt = Object.values(timeline.tracking!.channels).filter((channel) => channel.burn !== undefined && channel.burn < 1).length;
  assert.ok(burnt > 0);
  assert.equal(await sized('rect.bar-unburnt'), burnt + 1, 'an unburnt overlay per bar under budget, plus the legend sample');
  assert.ok((await sized('circle.pace[data-kpi-pace]')) > 0, 'pace dots are drawn');
  const months = timeline.tracking!.months.length;
  assert.equal(await sized('g.spend-month-group'), months);
  assert.ok((await sized('g.spend-chart rect.spend')) >= months * 2, 'stacked spend segments are drawn');
  assert.equal(await lines('g.spend-budget line'), 1, 'the budget line is drawn');
  // The spend chart lies under the lanes, inside the picture.
  const chartTop = await page.$eval('g.spend-chart', (element) => element.getBoundingClientRect().top);
  const lastBarBottom = await page.$$eval('g.bar rect.bar-body', (elements) => Math.max(...elements.map((element) => element.getBoundingClientRect().bottom)));
  assert.ok(chartTop > lastBarBottom, 'the spend chart is under the lanes');
  const style = (selector: string, property: 'fill' | 'fillOpacity' | 'stroke') =>
    page.$eval(selector, (element, name) => getComputedStyle(element)[name], property);
  assert.equal(await style('g.spend-chart rect.spend.paid', 'fill'), 'rgb(217, 130, 43)');
  assert.equal(await style('rect.bar-unburnt', 'fill'), 'rgb(255, 255, 255)');
  assert.equal(await style('rect.spend.planned', 'fillOpacity'), '0.3');
  await page.screenshot({ path: join(RESULTS, 'timeline-midflight.png'), fullPage: true });
  // Theme-aware: the editor's variables recolour the new marks too.
  await page.evaluate(() => {
    const root = document.documentElement.style;
    root.setProperty('--vscode-editor-background', 'rgb(30, 30, 30)');
    root.setProperty('--vscode-charts-orange', 'rgb(255, 140, 0)');
    root.setProperty('--vscode-charts-purple', 'rgb(180, 120, 255)');
  });
  assert.equal(await style('g.spend-chart rect.spend.paid', 'fill'), 'rgb(255, 140, 0)');
  assert.equal(await style('rect.bar-unburnt', 'fill'), 'rgb(30, 30, 30)');
  assert.equal(await style('g.as-of line', 'stroke'), 'rgb(180, 120, 255)');
  assert.deepEqual(errors, []);
  assert.deepEqual(
    messages.filter((message) => /Content Security Policy|Refused/i.test(message)),
    [],
  );
  await page.screenshot({ path: join(RESULTS, 'timeline-midflight-dark.png'), fullPage: true });
  await page.close();
});
