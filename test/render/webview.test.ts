// The panel's webview page and script (client/src/webview/main.ts) in Chromium, under the same
// CSP as in VS Code, with acquireVsCodeApi stubbed: it draws what the extension sends, reports
// clicks as validated reveal messages, highlights, zooms, keeps state, and follows the theme.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { webviewPage } from '../../client/src/preview/webviewPage.js';
import { analyzeText } from '../../server/src/core/analyze.js';
import { buildTimeline } from '../../server/src/core/features/timeline/model.js';
import { timelineResult } from '../../server/src/core/features/timeline/request.js';
import { dragScheduleOf } from '../../client/src/preview/dragMessages.js';
import { renderSvg } from '../../server/src/core/features/timeline/renderSvg.js';
import { buildPortfolioTimeline, renderPortfolioSvg } from '../../server/src/core/index.js';
import { threePlans } from '../unit/portfolioTimeline/inputs.js';
import { launchChromium, watchedPage, type WatchedPage } from './browser.js';

const ORIGIN = 'https://webview.test';
let browser: Browser;
let script: string;

before(async () => {
  const bundle = await build({
    entryPoints: ['client/src/webview/main.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  script = bundle.outputFiles[0]!.text;
  browser = await launchChromium();
});
after(() => browser?.close());

function svgOf(path: string): { svg: string; bars: number; arrows: number } {
  const timeline = buildTimeline({ uri: 'file:///p.plan.yaml', version: 1, analysis: analyzeText(readFileSync(path, 'utf8')) }, { today: '2026-06-15' });
  return { svg: renderSvg(timeline), bars: timeline.bars.length, arrows: timeline.edges.length };
}

interface Webview extends WatchedPage {
  posted(): Promise<Record<string, unknown>[]>;
  send(message: unknown): Promise<void>;
}

async function openWebview(initialState?: unknown, portfolio = false): Promise<Webview> {
  const watched = await watchedPage(browser, { width: 1000, height: 600 });
  const { page } = watched;
  const html = webviewPage({ cspSource: ORIGIN, nonce: 'dGVzdC1ub25jZQ', scriptUri: `${ORIGIN}/preview.js`, styleUri: `${ORIGIN}/preview.css`, portfolio });
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
    if (path === '/preview.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    if (path === '/preview.css') return route.fulfill({ contentType: 'text/css', body: readFileSync('media/preview.css', 'utf8') });
    return route.fulfill({ status: 404, body: '' });
  });
  // A string, not a function: tsx's name-keeping helpers do not exist in the page.
  await page.addInitScript(`(() => {
    const posted = [];
    let saved = ${JSON.stringify(initialState ?? null)} ?? undefined;
    window.__posted = posted;
    window.__getState = () => saved;
    window.acquireVsCodeApi = () => ({ postMessage: (message) => posted.push(message), getState: () => saved, setState: (next) => { saved = next; } });
  })();`);
  await page.goto(`${ORIGIN}/index.html`);
  return {
    ...watched,
    posted: () => page.evaluate(() => (window as unknown as { __posted: Record<string, unknown>[] }).__posted.slice()),
    // Waits until the page has handled the message, however busy the machine: messages are
    // dispatched in the order posted, so once a marker posted after it arrives, it was handled.
    send: (message) =>
      page.evaluate(
        (data) =>
          new Promise<void>((resolve) => {
            const listening = new AbortController();
            const marker = 'throughline-test: the message before this one was handled';
            // Inline, not a named function: tsx's name-keeping helpers do not exist in the page.
            window.addEventListener(
              'message',
              (event) => {
                if (event.data !== marker) return;
                listening.abort();
                resolve();
              },
              { signal: listening.signal },
            );
            window.postMessage(data, '*');
            window.postMessage(marker, '*');
          }),
        message,
      ),
  };
}

const lastOfType = async (webview: Webview, type: string) => (await webview.posted()).filter((message) => message.type === type).pop();
/** Waits until the page's saved state satisfies `accept` (the page saves scrolling in an animation frame); 10 s is only a hang detector, the caller asserts. */
async function savedStateMatches(page: Page, accept: (saved: Record<string, unknown>) => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!accept(await state(page)) && Date.now() < deadline) await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

const state = (page: Page) => page.evaluate(() => (window as unknown as { __getState(): Record<string, unknown> }).__getState());

test('draws the SVG it is sent and reports what it drew; clicking a bar asks to reveal that channel', async () => {
  const webview = await openWebview();
  const { page } = webview;
  assert.deepEqual(await lastOfType(webview, 'ready'), { type: 'ready' });
  const example = svgOf('examples/clean/q3-acquisition.plan.yaml');
  await webview.send({ type: 'render', uri: 'file:///p.plan.yaml', version: 3, title: 'Q3 <plan>', svg: example.svg, banner: null });
  assert.deepEqual(await lastOfType(webview, 'rendered'), { type: 'rendered', version: 3, bars: example.bars, arrows: example.arrows, lanes: 0 });
  assert.equal(await page.textContent('#title'), 'Q3 <plan>');
  assert.equal(await page.isHidden('#banner'), true);
  await page.click('g.bar[data-channel="paid-search"] rect.bar-body');
  assert.deepEqual(await lastOfType(webview, 'reveal'), { type: 'reveal', channel: 'paid-search' });
  await page.click('g.channel-label[data-channel="seo"] text');
  assert.deepEqual(await lastOfType(webview, 'reveal'), { type: 'reveal', channel: 'seo' });
  await page.click('#export');
  assert.deepEqual(await lastOfType(webview, 'export'), { type: 'export' });
  // The nonce'd stylesheet applies; with no theme variables, the built-in light colours.
  assert.equal(await page.$eval('g.bar.paid rect.bar-body', (element) => getComputedStyle(element).fill), 'rgb(217, 130, 43)');
  assert.deepEqual(webview.errors, []);
  assert.deepEqual(
    webview.console.filter((message) => /Content Security Policy|Refused/i.test(message)),
    [],
  );
  await page.close();
});

test('highlight, banner and placeholder messages; malformed messages are ignored', async () => {
  const webview = await openWebview();
  const { page } = webview;
  const example = svgOf('examples/clean/q3-acquisition.plan.yaml');
  await webview.send({ type: 'render', uri: 'file:///p.plan.yaml', version: 1, title: 'Plan', svg: example.svg, banner: null });
  await webview.send({ type: 'highlight', channel: 'content-hub' });
  assert.deepEqual(await page.$$eval('.selected', (elements) => elements.map((element) => element.getAttribute('data-channel'))), [
    'content-hub',
    'content-hub',
  ]);
  await webview.send({ type: 'highlight', channel: null });
  assert.equal(await page.$$eval('.selected', (elements) => elements.length), 0);
  await webview.send({ type: 'banner', text: 'Line 3: bad <indent>' });
  assert.equal(await page.textContent('#banner'), 'Line 3: bad <indent>');
  assert.equal(await page.isVisible('#banner'), true);
  assert.equal(await page.$$eval('g.bar[data-channel]', (elements) => elements.length), example.bars, 'the picture stays under the banner');
  for (const junk of [
    null,
    42,
    'render',
    { type: 'render', svg: 1 },
    { type: 'highlight' },
    { type: 'nope' },
    { type: 'render', uri: 'u', version: -1, title: 't', svg: '<svg/>', banner: null },
  ])
    await webview.send(junk);
  assert.equal(await page.$$eval('g.bar[data-channel]', (elements) => elements.length), example.bars);
  await webview.send({ type: 'render', uri: 'file:///p.plan.yaml', version: 2, title: 'Plan', svg: '<svg><g></svg>', banner: null });
  assert.match((await page.textContent('#banner')) ?? '', /could not be drawn/);
  await webview.send({ type: 'empty', text: 'Open a plan.' });
  assert.equal(await page.textContent('#canvas'), 'Open a plan.');
  assert.deepEqual(webview.errors, []);
  await page.close();
});

test('zoom (buttons and ctrl+wheel) and scroll survive an update and a reload', async () => {
  // Zoomed by the user once (100 %): a panel the user never zoomed is fitted instead (below).
  const webview = await openWebview({ zoom: 1 });
  const { page } = webview;
  const big = svgOf('test/fixtures/timeline/edge-cases.plan.yaml');
  const render = (version: number) => webview.send({ type: 'render', uri: 'file:///p.plan.yaml', version, title: 'Plan', svg: big.svg, banner: null });
  await render(1);
  const baseWidth = Number(await page.getAttribute('#canvas svg', 'width'));
  await page.click('#zoom-in');
  await page.click('#zoom-in');
  assert.equal(Number(await page.getAttribute('#canvas svg', 'width')), Math.round(baseWidth * 1.5625));
  assert.equal(await page.textContent('#zoom-reset'), '156%');
  await page.mouse.move(300, 300);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await savedStateMatches(page, (saved) => (saved.zoom as number) > 1.5625);
  const zoomed = (await state(page)).zoom as number;
  assert.ok(zoomed > 1.5625, `ctrl+wheel zoomed in: ${zoomed}`);
  await page.$eval('#viewport', (element) => element.scrollTo(120, 40));
  await savedStateMatches(page, (saved) => saved.scrollLeft === 120 && saved.scrollTop === 40);
  await render(2);
  assert.equal(await page.$eval('#viewport', (element) => element.scrollLeft), 120);
  assert.equal(await page.$eval('#viewport', (element) => element.scrollTop), 40);
  assert.equal(Number(await page.getAttribute('#canvas svg', 'width')), Math.round(baseWidth * zoomed));
  const saved = await state(page);
  assert.deepEqual(
    { uri: saved.uri, scrollLeft: saved.scrollLeft, scrollTop: saved.scrollTop },
    { uri: 'file:///p.plan.yaml', scrollLeft: 120, scrollTop: 40 },
  );
  await page.close();

  // A reload (the serializer's path) starts from the saved state.
  const restored = await openWebview(saved);
  await restored.send({ type: 'render', uri: 'file:///p.plan.yaml', version: 3, title: 'Plan', svg: big.svg, banner: null });
  assert.equal(Number(await restored.page.getAttribute('#canvas svg', 'width')), Math.round(baseWidth * zoomed));
  assert.equal(await restored.page.$eval('#viewport', (element) => element.scrollLeft), 120);
  await restored.page.click('#zoom-reset');
  assert.equal(Number(await restored.page.getAttribute('#canvas svg', 'width')), baseWidth);
  await restored.page.close();
});

test('theme-aware: VS Code theme variables recolour the timeline (dark and high contrast)', async () => {
  const webview = await openWebview();
  const { page } = webview;
  await webview.send({
    type: 'render',
    uri: 'file:///p.plan.yaml',
    version: 1,
    title: 'Plan',
    svg: svgOf('examples/clean/q3-acquisition.plan.yaml').svg,
    banner: null,
  });
  await page.evaluate(() => {
    const root = document.documentElement.style;
    root.setProperty('--vscode-editor-background', 'rgb(30, 30, 30)');
    root.setProperty('--vscode-editor-foreground', 'rgb(212, 212, 212)');
    root.setProperty('--vscode-charts-orange', 'rgb(255, 140, 0)');
    root.setProperty('--vscode-contrastBorder', 'rgb(111, 195, 223)');
  });
  assert.equal(await page.$eval('g.bar.paid rect.bar-body', (element) => getComputedStyle(element).fill), 'rgb(255, 140, 0)');
  assert.equal(await page.$eval('g.bar.owned:not(.critical) rect.bar-body', (element) => getComputedStyle(element).stroke), 'rgb(111, 195, 223)');
  assert.equal(await page.$eval('rect.background', (element) => getComputedStyle(element).fill), 'rgb(30, 30, 30)');
  assert.equal(await page.$eval('text.lane-label', (element) => getComputedStyle(element).fill), 'rgb(212, 212, 212)');
  await page.screenshot({ path: 'test-results/timeline-webview-dark.png' });
  await page.close();
});

// --- dragging bars (client/src/webview/drag.ts) ---------------------------------------------

const PLAN_URI = 'file:///p.plan.yaml';

/** A render message as the extension sends it: the panel's SVG and the schedule bars are dragged on. */
function renderMessage(path: string, version: number, cascade = false) {
  const doc = { uri: PLAN_URI, version, analysis: analyzeText(readFileSync(path, 'utf8')) };
  const result = timelineResult(doc, { today: '2026-06-15', render: 'panel' })!;
  return { type: 'render', uri: PLAN_URI, version, title: 'Plan', svg: result.svg!, banner: null, schedule: dragScheduleOf(result, cascade) };
}

async function barBox(page: Page, channel: string) {
  const box = await page.locator(`g.bar[data-channel="${channel}"] rect.bar-body`).boundingBox();
  assert.ok(box, `the bar of ${channel} is drawn`);
  return box;
}

/** Presses the bar (its middle or an end), moves by `dx` page px in two steps, runs `whileHeld`, releases; Shift held throughout with `shift`. */
async function drag(page: Page, channel: string, at: 'middle' | 'start' | 'end', dx: number, whileHeld?: () => Promise<void>, shift = false) {
  const box = await barBox(page, channel);
  const x = at === 'start' ? box.x + 2 : at === 'end' ? box.x + box.width - 2 : box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y, { steps: 3 });
  await page.mouse.move(x + dx, y, { steps: 3 });
  await whileHeld?.();
  await page.mouse.up();
  if (shift) await page.keyboard.up('Shift');
}

/** Where the bar is drawn, in the SVG's own units (a note above the picture shifts it on the page). */
const barPlace = (page: Page, channel: string) =>
  page.$eval(`g.bar[data-channel="${channel}"] rect.bar-body`, (body) => [
    body.getAttribute('x'),
    body.getAttribute('width'),
    body.parentElement!.getAttribute('transform'),
  ]);

/** The example plan's timeline at 100 % (6 px a day), on timeline version `version`. */
async function exampleAt100(version: number): Promise<Webview> {
  const webview = await openWebview({ zoom: 1 });
  await webview.send(renderMessage('examples/clean/q3-acquisition.plan.yaml', version));
  return webview;
}

const moves = async (webview: Webview) => (await webview.posted()).filter((message) => message.type === 'move');

test('dragging a bar moves it by whole days: live, the new dates and the dependencies they break; on release, one move message', async () => {
  const webview = await exampleAt100(5);
  const { page } = webview;
  // 6 px a day at 100 %: 12 days and a bit later, content-hub ends on 2 Jul, after paid-search starts (1 Jul).
  await drag(page, 'content-hub', 'middle', 12 * 6 + 2, async () => {
    const info = await page.textContent('#drag-info');
    assert.equal(await page.isVisible('#drag-info'), true);
    assert.match(info ?? '', /^content-hub: 2026-05-27 – 2026-07-02 \(\+12 days, 37 days\)\n/);
    assert.match(info ?? '', /Only this channel moves/);
    assert.match(info ?? '', /Breaks content-hub → paid-search \(finish-to-start, 2 days early\)/);
    assert.deepEqual(
      await page.$$eval('path.edge.would-break', (paths) => paths.map((path) => `${path.getAttribute('data-from')}→${path.getAttribute('data-to')}`)),
      ['content-hub→paid-search'],
    );
    await page.screenshot({ path: 'test-results/timeline-webview-drag.png' });
  });
  assert.deepEqual(await moves(webview), [{ type: 'move', channel: 'content-hub', version: 5, start: '2026-05-27', end: '2026-07-02', cascade: false }]);
  assert.equal(await page.isHidden('#drag-info'), true);
  assert.equal(await page.$$eval('path.edge.would-break', (paths) => paths.length), 0);
  assert.equal(await lastOfType(webview, 'reveal'), undefined, 'the release is not a click on the bar');
  // The bar stays where it was dropped until the next picture.
  assert.ok((await barBox(page, 'content-hub')).x > 0);
  assert.deepEqual(webview.errors, []);
  await page.close();
});

test('Shift while dragging moves the dependants too (so nothing after the bar breaks); the toolbar toggle does the same and is remembered', async () => {
  const webview = await exampleAt100(2);
  const { page } = webview;
  await drag(
    page,
    'content-hub',
    'middle',
    12 * 6 + 2,
    async () => {
      const info = (await page.textContent('#drag-info')) ?? '';
      assert.match(info, /Dependants move too \(Shift: only this channel\)/);
      assert.doesNotMatch(info, /Breaks content-hub → paid-search/);
    },
    true,
  );
  assert.equal((await moves(webview))[0]?.cascade, true);

  assert.equal(await page.getAttribute('#cascade', 'aria-checked'), 'false');
  await page.click('#cascade');
  assert.deepEqual(await lastOfType(webview, 'cascade'), { type: 'cascade', on: true });
  assert.equal(await page.getAttribute('#cascade', 'aria-checked'), 'true');
  assert.equal((await state(page)).cascade, true);
  await webview.send(renderMessage('examples/clean/q3-acquisition.plan.yaml', 3, true));
  await drag(page, 'content-hub', 'middle', 12 * 6 + 2, async () => {
    const info = (await page.textContent('#drag-info')) ?? '';
    assert.match(info, /Dependants move too/);
    assert.doesNotMatch(info, /Breaks content-hub → paid-search/);
  });
  assert.equal((await moves(webview)).pop()?.cascade, true);
  await page.close();
});

test('either end of a bar resizes it; a refused move puts the bar back; a click without moving still reveals', async () => {
  const webview = await exampleAt100(4);
  const { page } = webview;
  const before = await barPlace(page, 'paid-search');
  await drag(page, 'content-hub', 'end', 3 * 6 + 1);
  await drag(page, 'paid-search', 'start', -(2 * 6 + 1));
  assert.deepEqual(
    (await moves(webview)).map(({ channel, start, end }) => [channel, start, end]),
    [
      ['content-hub', '2026-05-15', '2026-06-23'],
      ['paid-search', '2026-06-29', '2026-09-30'],
    ],
  );
  await webview.send({ type: 'note', text: 'The plan changed while you dragged: nothing was moved.', refused: true });
  assert.equal(await page.textContent('#note'), 'The plan changed while you dragged: nothing was moved.');
  assert.equal(await page.isVisible('#note'), true);
  assert.deepEqual(await barPlace(page, 'paid-search'), before, 'the refused start is put back');
  await webview.send(renderMessage('examples/clean/q3-acquisition.plan.yaml', 4));
  assert.deepEqual(await barPlace(page, 'paid-search'), before, 'a new picture shows the dates as they are');
  await page.click('g.bar[data-channel="seo"] rect.bar-body');
  assert.deepEqual(await lastOfType(webview, 'reveal'), { type: 'reveal', channel: 'seo' });
  assert.equal((await moves(webview)).length, 2, 'the click moved nothing');
  await page.close();
});

test('a refused drop goes back at once; Escape cancels a drag', async () => {
  const webview = await exampleAt100(1);
  const { page } = webview;
  const original = await barPlace(page, 'seo');
  await drag(page, 'seo', 'middle', 30);
  assert.notDeepEqual(await barPlace(page, 'seo'), original);
  await webview.send({ type: 'note', text: 'No.', refused: true });
  assert.deepEqual(await barPlace(page, 'seo'), original);
  await drag(page, 'seo', 'middle', 60, async () => {
    await page.keyboard.press('Escape');
  });
  assert.deepEqual(await barPlace(page, 'seo'), original);
  assert.equal((await moves(webview)).length, 1, 'the cancelled drag posted nothing');
  await page.close();
});

test('a timeline opens fitted to the panel (never above 100 %) until the user zooms; excluded days show once a day is wide enough', async () => {
  const webview = await openWebview();
  const { page } = webview;
  await webview.send(renderMessage('test/fixtures/timeline/calendar.plan.yaml', 1));
  const natural = Number((await page.getAttribute('#canvas svg', 'viewBox'))!.split(' ')[2]);
  const viewportWidth = await page.$eval('#viewport', (element) => element.clientWidth);
  const width = Number(await page.getAttribute('#canvas svg', 'width'));
  assert.equal(width, Math.round(natural * Math.min(1, (viewportWidth - 4) / natural)));
  assert.ok(width <= viewportWidth, `${width} fits ${viewportWidth}`);
  assert.equal((await state(page)).zoom, undefined, 'fitting is not a zoom the user chose');
  // The calendar plan draws about 9.5 px a day: fitted to ~0.7 that is ≥ 4 px, so the columns show.
  assert.equal(await page.$eval('#canvas svg', (svg) => svg.classList.contains('days-visible')), true);
  await page.click('#zoom-out');
  await page.click('#zoom-out');
  await page.click('#zoom-out');
  assert.equal(await page.$eval('#canvas svg', (svg) => svg.classList.contains('days-visible')), false, 'zoomed out, days are too thin to shade');
  assert.equal(await page.$eval('g.excluded-days', (group) => getComputedStyle(group).display), 'none');
  assert.ok(typeof (await state(page)).zoom === 'number', 'the user zoomed: from now on the zoom is kept');
  await page.close();
});

test('the portfolio page: the lanes it was sent are drawn and reported; clicking a lane asks to open that plan; no dragging or export', async () => {
  const webview = await openWebview(undefined, true);
  const { page } = webview;
  assert.equal(await page.$('#cascade'), null);
  assert.equal(await page.$('#export'), null);
  const svg = renderPortfolioSvg(buildPortfolioTimeline(threePlans));
  await webview.send({ type: 'render', uri: 'file:///g.portfolio.yaml', version: 1, title: 'FY26', svg, banner: null });
  assert.deepEqual(await lastOfType(webview, 'rendered'), { type: 'rendered', version: 1, bars: 0, arrows: 0, lanes: 3 });
  const second = threePlans.plans[1]!.uri;
  await page.click(`g.plan-lane[data-plan="${second}"] text.plan-title`);
  assert.deepEqual(await lastOfType(webview, 'openPlan'), { type: 'openPlan', uri: second });
  await page.click(`g.plan-lane[data-plan="${threePlans.plans[0]!.uri}"] rect.channel-bar`);
  assert.deepEqual(await lastOfType(webview, 'openPlan'), { type: 'openPlan', uri: threePlans.plans[0]!.uri });
  // The keyboard reaches the lanes: Tab moves to a lane (a link named after its plan), Enter opens it.
  const third = threePlans.plans[2]!.uri;
  await page.focus(`g.plan-lane[data-plan="${third}"]`);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'link');
  assert.match((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '', /^Open the plan /);
  await page.keyboard.press('Enter');
  assert.deepEqual(await lastOfType(webview, 'openPlan'), { type: 'openPlan', uri: third });
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-plan')), second, 'Shift+Tab moves to the lane before');
  await page.keyboard.press(' ');
  assert.deepEqual(await lastOfType(webview, 'openPlan'), { type: 'openPlan', uri: second });
  // The portfolio stylesheet is in the nonce'd style: channel bars are blue.
  assert.equal(await page.$eval('rect.channel-bar', (element) => getComputedStyle(element).fill), 'rgb(47, 111, 222)');
  assert.deepEqual(webview.errors, []);
  assert.deepEqual(
    webview.console.filter((message) => /Content Security Policy|Refused/i.test(message)),
    [],
  );
  await page.close();
});
