// The plan diff as a picture, in headless Chromium: every old bar is drawn as an outline in its
// channel's row (following a rename), a moved bar is marked and has an arrow from its old start,
// removed channels sit in a lane of their own; the HTML page loads nothing and runs nothing
// whatever the plans contain. Screenshots go to test-results/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { analyzeText } from '../../server/src/core/analyze.js';
import { renderDiffHtml, renderDiffSvg, type DiffPictureInput } from '../../server/src/core/features/diff/diffPage.js';
import { diffPlans, type PlanSide } from '../../server/src/core/features/diff/planDiff.js';
import { buildTimeline } from '../../server/src/core/features/timeline/model.js';
import { launchChromium, watchedPage } from './browser.js';

const RESULTS = join(__dirname, '..', '..', 'test-results');
const FIXTURES = join(__dirname, '..', 'fixtures', 'diff');
let browser: Browser;

before(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await launchChromium();
});
after(() => browser?.close());

function sideOf(text: string, path: string): PlanSide {
  return { info: { path, title: null }, analysis: analyzeText(text) };
}

function pictureOf(beforeText: string, afterText: string): DiffPictureInput {
  const [old, now] = [sideOf(beforeText, 'before.plan.yaml'), sideOf(afterText, 'after.plan.yaml')];
  const timeline = (side: PlanSide) => buildTimeline({ uri: side.info.path, version: 0, analysis: side.analysis }, { today: '2026-06-15' });
  return { diff: diffPlans(old, now), after: timeline(now), before: timeline(old), baseLabel: 'main' };
}

function fixture(name: string): DiffPictureInput {
  return pictureOf(readFileSync(join(FIXTURES, name, 'before.plan.yaml'), 'utf8'), readFileSync(join(FIXTURES, name, 'after.plan.yaml'), 'utf8'));
}

async function open(name: string, html: string) {
  const path = join(RESULTS, `${name}.html`);
  writeFileSync(path, html);
  const watched = await watchedPage(browser);
  const requests: string[] = [];
  watched.page.on('request', (request) => requests.push(request.url()));
  await watched.page.goto(`file://${path}`);
  return { ...watched, requests, path };
}

type Box = { id: string; top: number; height: number; width: number; left: number };
function boxesOf(page: Page, selector: string, attribute: string): Promise<Box[]> {
  return page.$$eval(
    selector,
    (elements, name) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { id: element.closest(`[${name}]`)?.getAttribute(name) ?? '', top: box.top, height: box.height, width: box.width, left: box.left };
      }),
    attribute,
  );
}

test('moved: one outline per old bar, in its channel row; the moved bar is marked and an arrow shows the shift; screenshot', async () => {
  const input = fixture('moved');
  const { page, errors, console: messages, requests, path } = await open('diff-moved', renderDiffHtml(input, 'after.plan.yaml'));
  const ghosts = await boxesOf(page, 'g.ghost[data-ghost] rect.ghost-body', 'data-ghost');
  const bars = await boxesOf(page, 'g.bar[data-channel] rect.bar-body', 'data-channel');
  assert.equal(ghosts.length, input.before!.bars.length, 'every old bar drawn');
  for (const ghost of ghosts) {
    assert.ok(ghost.width > 0 && ghost.height > 0, `${ghost.id} outline has a size`);
    const bar = bars.find((candidate) => candidate.id === ghost.id)!;
    assert.ok(Math.abs(bar.top + bar.height / 2 - (ghost.top + ghost.height / 2)) < 1, `${ghost.id}: outline and bar share a row`);
  }
  const paidGhost = ghosts.find((ghost) => ghost.id === 'paid-search')!;
  const paidBar = bars.find((bar) => bar.id === 'paid-search')!;
  assert.ok(paidBar.left - paidGhost.left > 50, 'the new bar starts two weeks right of its outline');
  const moved = await page.$$eval('g.bar.moved[data-channel]', (elements) => elements.map((element) => element.getAttribute('data-channel')).sort());
  assert.deepEqual(moved, ['content-hub', 'email-nurture', 'paid-search']);
  const stroke = await page.$eval('g.bar.moved rect.bar-body', (element) => getComputedStyle(element).strokeWidth);
  assert.equal(stroke, '2px', 'the baseline stylesheet applies under the CSP');
  const arrows = await boxesOf(page, 'g.ghost path.shift', 'data-ghost');
  assert.deepEqual(arrows.map((arrow) => arrow.id).sort(), ['email-nurture', 'paid-search'], 'an arrow where the start moved');
  assert.ok(arrows.every((arrow) => arrow.width > 10));
  assert.deepEqual(errors, []);
  assert.deepEqual(
    messages.filter((message) => /Content Security Policy|Refused/i.test(message)),
    [],
  );
  assert.deepEqual(requests, [`file://${path}`]);
  await page.screenshot({ path: join(RESULTS, 'diff-moved.png'), fullPage: true });
  await page.close();
});

test('channels: a renamed channel keeps its outline, a removed one is drawn in the Removed lane', async () => {
  const input = fixture('channels');
  const { page } = await open('diff-channels', renderDiffHtml(input, 'after.plan.yaml'));
  const ghosts = await boxesOf(page, 'g.ghost[data-ghost] rect.ghost-body', 'data-ghost');
  assert.deepEqual(ghosts.map((ghost) => ghost.id).sort(), ['content-studio', 'email-nurture', 'paid-search', 'seo']);
  const removedLane = await page.$eval('g.lane[data-lane="#removed"] rect.lane-band', (element) => element.getBoundingClientRect());
  const removed = ghosts.find((ghost) => ghost.id === 'email-nurture')!;
  assert.ok(removed.top >= removedLane.top && removed.top + removed.height <= removedLane.bottom, 'in the Removed lane');
  assert.equal(await page.$eval('g.ghost.removed text.ghost-label', (element) => element.textContent), 'email-nurture');
  await page.screenshot({ path: join(RESULTS, 'diff-channels.png'), fullPage: true });
  await page.close();
});

test('plan text in a diff is only text: in the HTML page and in the SVG inlined without any CSP', async () => {
  const payload = '<img src=x onerror="window.__pwned=1">';
  const clean = readFileSync(join(__dirname, '..', '..', 'examples', 'clean', 'q3-acquisition.plan.yaml'), 'utf8');
  const hostile = (text: string) =>
    text
      .replace('plan: Q3 new-customer acquisition', `plan: ${JSON.stringify(`Q3 ${payload}`)}`)
      .replace('  content-hub:\n', `  content-hub:\n    name: ${JSON.stringify(`</text><script>window.__pwned=2</script>${payload}`)}\n`);
  const beforeText = hostile(clean);
  const afterText = beforeText.replace('    start: 2026-07-01', '    start: 2026-07-15').replace('  seo:\n', `  ${JSON.stringify(`seo${payload}`)}:\n`);
  const input = pictureOf(beforeText, afterText);
  for (const [name, content] of [
    ['diff-hostile', renderDiffHtml(input, `x${payload}.plan.yaml`)],
    ['diff-hostile-inline', `<!DOCTYPE html><html><body>${renderDiffSvg(input)}</body></html>`],
  ] as const) {
    const { page, dialogs, errors, requests, path } = await open(name, content);
    for (const element of await page.$$('g.ghost rect.ghost-body, g.bar rect.bar-body')) await element.hover({ force: true });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null), null, name);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script, img, [onerror]').length), 0, name);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [`file://${path}`]);
    assert.ok((await page.evaluate(() => document.documentElement.textContent ?? '')).includes(payload), `${name}: shown as text`);
    await page.close();
  }
});
