// `throughline render` as a child process: the files it writes, open in Chromium, show the
// same timeline; usage and input errors exit 2 with one line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { boxes, launchChromium, watchedPage } from './browser.js';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test-results', 'render-cli');
const EXAMPLE = 'examples/clean/q3-acquisition.plan.yaml';

function throughline(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let browser: Browser;
before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
});
after(() => browser?.close());

test('render -o file.html writes a page Chromium draws with every bar and arrow', async () => {
  const file = join(OUT, 'example.html');
  const run = throughline('render', EXAMPLE, '-o', file, '--today', '2026-06-15');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /^Wrote .*example\.html \(4 channels, 0 problems\)\.\n$/);
  const watched = await watchedPage(browser);
  await watched.page.goto(`file://${file}`);
  assert.equal((await boxes(watched.page, 'g.bar[data-channel] rect.bar-body')).filter((box) => box.width > 0).length, 4);
  assert.equal((await boxes(watched.page, 'path.edge[data-from]')).filter((box) => box.height > 0).length, 3);
  assert.equal(await watched.page.textContent('g.today text'), 'Today 15 Jun');
  assert.equal(await watched.page.$$eval('script', (scripts) => scripts.length), 0);
  assert.deepEqual(watched.errors, []);
  await watched.page.close();
});

test('render -o file.svg writes a standalone SVG with its stylesheet; -o - writes it to stdout', () => {
  const file = join(OUT, 'example.svg');
  assert.equal(throughline('render', EXAMPLE, '-o', file, '--today', '2026-06-15').code, 0);
  const svg = readFileSync(file, 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<style>/);
  const stdout = throughline('render', EXAMPLE, '-o', '-', '--today', '2026-06-15');
  assert.equal(stdout.code, 0);
  assert.equal(stdout.stdout, svg);
  assert.equal(stdout.stderr, '');
});

test('usage and input errors: exit 2, one line saying what to do, nothing written', () => {
  const cases: [string[], RegExp][] = [
    [['render'], /which plan\?/],
    [['render', EXAMPLE], /-o <file\.svg\|file\.html>/],
    [['render', EXAMPLE, '-o', join(OUT, 'x.png')], /cannot tell the format/],
    [['render', EXAMPLE, '-o', join(OUT, 'x.svg'), '--today', '2026-02-30'], /--today needs a date/],
    [['render', EXAMPLE, 'other.plan.yaml', '-o', join(OUT, 'x.svg')], /one plan file at a time/],
    [['render', 'missing.plan.yaml', '-o', join(OUT, 'x.svg')], /missing\.plan\.yaml: cannot read: no such file or directory/],
    [['render', EXAMPLE, '-o', join(OUT, 'no-such-dir', 'x.svg')], /cannot write: no such file or directory/],
  ];
  for (const [args, message] of cases) {
    const run = throughline(...args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stdout, '');
  }
  assert.equal(existsSync(join(OUT, 'x.svg')), false);
  assert.equal(existsSync(join(OUT, 'x.png')), false);
  assert.match(throughline('render', '--help').stdout, /^Usage: throughline render <plan\|portfolio> -o <file\.svg\|file\.html>/);
  assert.match(throughline('--help').stdout, /render +draw a plan, or a portfolio of plans, as a timeline/);
});
