import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { expectGolden } from '../helpers/golden.js';
import { assertNoStackTrace, buildCli, repoRoot, runCli } from './support.js';

// `throughline review`: the review pack of a mid-flight plan, in each format, against goldens.

const PLAN = 'test/cli/fixtures/review/autumn.plan.yaml';
const GOLDENS = 'test/cli/fixtures/review';

before(buildCli);

describe('throughline review', () => {
  for (const format of ['md', 'json', 'html'] as const) {
    it(`writes the weekly, monthly and quarterly pack as ${format}`, () => {
      const { code, stdout, stderr } = runCli(['review', PLAN, '--format', format], repoRoot);
      assert.equal(stderr, '');
      assert.equal(code, 0);
      expectGolden(join(repoRoot, GOLDENS, `autumn.review.${format}`), stdout);
    });
  }

  it('the JSON names the blockers, every KPI with its pace and trace, and the reallocation questions', () => {
    const pack = JSON.parse(runCli(['review', PLAN, '-f', 'json'], repoRoot).stdout);
    assert.deepEqual(Object.keys(pack), ['plan', 'asOf', 'asOfSource', 'currency', 'tolerance', 'weekly', 'monthly', 'quarterly']);
    assert.deepEqual(
      pack.weekly.channels.map((item: { channel: string; blockers: { kind: string }[] }) => [item.channel, item.blockers.map((b) => b.kind)]),
      [['webinar', ['dependency', 'measurement']]],
    );
    assert.deepEqual(
      pack.monthly.kpis.map((kpi: { kpi: string; status: string }) => [kpi.kpi, kpi.status]),
      [
        ['signups', 'behind'],
        ['leads', 'ahead'],
        ['attendees', 'no-actuals'],
      ],
    );
    assert.equal(pack.quarterly.questions.length, 3);
  });

  it('--cadence writes one section; --as-of moves the date everything is read against', () => {
    const weekly = JSON.parse(runCli(['review', PLAN, '-f', 'json', '--cadence', 'weekly'], repoRoot).stdout);
    assert.deepEqual(Object.keys(weekly), ['plan', 'asOf', 'asOfSource', 'currency', 'tolerance', 'weekly']);
    const earlier = JSON.parse(runCli(['review', PLAN, '-f', 'json', '--cadence', 'monthly', '--as-of', '2026-07-20'], repoRoot).stdout);
    assert.deepEqual([earlier.asOf, earlier.asOfSource, earlier.monthly.kpis[0].latest], ['2026-07-20', 'option', { date: '2026-07-14', value: 60 }]);
  });

  it('the HTML page allows its one stylesheet by hash and nothing else, and escapes plan text', () => {
    const html = runCli(['review', PLAN, '-f', 'html'], repoRoot).stdout;
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; base-uri 'none'; form-action 'none'">/,
    );
    assert.ok(!/<script/i.test(html));
    assert.match(html, /<h1>Review pack: Autumn &lt;launch&gt; \| &quot;pipes&quot; &amp; \*stars\*<\/h1>/);
  });

  it('writes to -o, and refuses bad arguments with a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'throughline-review-'));
    try {
      const written = runCli(['review', join(repoRoot, PLAN), '-o', join(dir, 'pack.md')], dir);
      assert.equal(written.code, 0);
      assert.match(readFileSync(join(dir, 'pack.md'), 'utf8'), /^# Review pack: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    for (const [args, message] of [
      [['review'], /which plan\?/],
      [['review', PLAN, '--cadence', 'weakly'], /unknown cadence `weakly`.*Did you mean `weekly`\?/],
      [['review', PLAN, '--format', 'pdf'], /unknown format `pdf`: use md, html or json/],
      [['review', PLAN, '--as-of', '2026-02-30'], /--as-of needs a date written YYYY-MM-DD/],
    ] as const) {
      const run = runCli([...args], repoRoot);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
      assertNoStackTrace(run.stderr);
    }
  });
});

describe('throughline check with an actuals file', () => {
  it('reports the CSV problems once, in the CSV, in text, JSON and SARIF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'throughline-csv-'));
    try {
      const plan = readFileSync(join(repoRoot, PLAN), 'utf8');
      const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
      write('a.plan.yaml', plan);
      write('b.plan.yaml', plan.replace('Autumn', 'Second'));
      write('autumn.actuals.csv', 'date,id,field,value\n2026-08-11,signups,actual,170\n2026-02-30,signups,actual,1\n2026-08-12,signup,actual,2\n');
      const text = runCli(['check', '.'], dir);
      const csvLines = text.stdout.split('\n').filter((line) => line.startsWith('autumn.actuals.csv:'));
      assert.deepEqual(
        csvLines.map((line) => line.replace(/ {2}.* {2}/, '  …  ')),
        ['autumn.actuals.csv:3:1  …  actuals-file', 'autumn.actuals.csv:4:12  …  actuals-file'],
      );
      const json = JSON.parse(runCli(['check', '.', '-f', 'json'], dir).stdout) as { file: string; rule: string }[];
      assert.equal(json.filter((finding) => finding.file === 'autumn.actuals.csv').length, 2);
      const sarif = JSON.parse(runCli(['check', '.', '-f', 'sarif'], dir).stdout);
      const locations = sarif.runs[0].results.map(
        (result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => result.locations[0]!.physicalLocation.artifactLocation.uri,
      );
      assert.equal(locations.filter((uri: string) => uri === 'autumn.actuals.csv').length, 2);
      const asOf = runCli(['check', 'a.plan.yaml', '--as-of', '2026-06-10'], dir);
      assert.ok(!asOf.stdout.includes('kpi-off-pace'), '--as-of before the KPI has actuals: nothing behind');
      assert.equal(runCli(['check', '.', '--as-of', 'soon'], dir).code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
