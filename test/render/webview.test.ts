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
import { renderSvg } from '../../server/src/core/features/timeline/renderSvg.js';
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

async function openWebview(initialState?: unknown): Promise<Webview> {
  const watched = await watchedPage(browser, { width: 1000, height: 600 });
  const { page } = watched;
  const html = webviewPage({ cspSource: ORIGIN, nonce: 'dGVzdC1ub25jZQ', scriptUri: `${ORIGIN}/preview.js`, styleUri: `${ORIGIN}/preview.css` });
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
  assert.deepEqual(await lastOfType(webview, 'rendered'), { type: 'rendered', version: 3, bars: example.bars, arrows: example.arrows });
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
  const webview = await openWebview();
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
