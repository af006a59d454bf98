// `throughline export` as a child process: the format from --format or the file's extension,
// stdout or -o, the same bytes as the core's export, and clear one-line errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { assertNoStackTrace, buildCli, cleanPlan, makeTree, removeTree, runCli } from './support.js';

let tree: string;
before(async () => {
  await buildCli();
  tree = makeTree({
    'plans/q3.plan.yaml': cleanPlan,
    'plans/broken.plan.yaml': `${cleanPlan.replace(/^budget:.*$/m, 'budget: { total: 270000')}`,
    'plans/empty.plan.yaml': '',
  });
});
after(() => removeTree(tree));

describe('throughline export', () => {
  it('--format ics writes an iCalendar to stdout whose UIDs do not change between runs', () => {
    const first = runCli(['export', 'plans/q3.plan.yaml', '--format', 'ics'], tree);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stderr, '');
    const uids = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((event) => String(event.getFirstPropertyValue('uid')));
    const second = runCli(['export', 'plans/q3.plan.yaml', '--format', 'ics'], tree);
    assert.equal(uids(first.stdout).length, 16);
    assert.deepEqual(uids(second.stdout), uids(first.stdout));
    assert.match(first.stdout, /^DTSTAMP:\d{8}T\d{6}Z\r$/m, 'stamped with the time of the export');
  });

  it('-o file.csv picks CSV from the extension, writes the file and says what it wrote', () => {
    const { code, stdout, stderr } = runCli(['export', 'plans/q3.plan.yaml', '-o', 'q3.csv'], tree);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    assert.equal(stderr, 'Wrote q3.csv (4 channels, 4 KPIs).\n');
    const rows = parseCsv(readFileSync(join(tree, 'q3.csv')), { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((row) => row.id),
      ['seo', 'content-hub', 'paid-search', 'email-nurture', 'organic-sessions', 'assisted-signups', 'paid-conversions', 'email-conversions'],
    );
  });

  it('-o file.ics and -o file.html pick their formats; svg goes to stdout with -o -', () => {
    assert.equal(runCli(['export', 'plans/q3.plan.yaml', '-o', 'q3.ics'], tree).stderr, 'Wrote q3.ics (16 events).\n');
    assert.match(readFileSync(join(tree, 'q3.ics'), 'utf8'), /^BEGIN:VCALENDAR\r\n/);
    assert.equal(runCli(['export', 'plans/q3.plan.yaml', '-o', 'q3.html'], tree).code, 0);
    assert.match(readFileSync(join(tree, 'q3.html'), 'utf8'), /^<!DOCTYPE html>/);
    const svg = runCli(['export', 'plans/q3.plan.yaml', '--format', 'svg', '-o', '-'], tree);
    assert.match(svg.stdout, /^<svg /);
  });

  it('a plan that does not parse is exported as far as it reads, with a positioned warning', () => {
    const { code, stdout, stderr } = runCli(['export', 'plans/broken.plan.yaml', '--format', 'csv'], tree);
    assert.equal(code, 0);
    assert.match(stderr, /^throughline: warning: plans\/broken\.plan\.yaml:\d+: the plan does not parse \(.+\); the export holds what could be read\.\n$/);
    assert.match(stdout, /^\uFEFFrecord,id,/);
  });

  it('usage errors and unreadable plans are one line each, exit 2, no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['export', 'plans/q3.plan.yaml'], /which format\? Pass --format ics\|csv\|svg\|html/],
      [['export', 'plans/q3.plan.yaml', '-f', 'icss'], /unknown format `icss`: use ics, csv, svg or html\. Did you mean `ics`\?/],
      [['export', '-f', 'ics'], /which plan\? Give one plan file\./],
      [['export', 'plans/q3.plan.yaml', 'plans/broken.plan.yaml', '-f', 'ics'], /one plan file at a time/],
      [['export', 'plans/missing.plan.yaml', '-f', 'ics'], /^throughline: plans\/missing\.plan\.yaml: cannot read: no such file or directory\n$/],
      [['export', 'plans/empty.plan.yaml', '-f', 'csv'], /empty file/],
      [['export', 'plans/q3.plan.yaml', '-o', 'no/such/dir/q3.ics'], /^throughline: no\/such\/dir\/q3\.ics: cannot write: no such file or directory\n$/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = runCli(args, tree);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, message, args.join(' '));
      assertNoStackTrace(stderr);
    }
  });

  it('is listed in throughline --help and has its own --help', () => {
    assert.match(runCli(['--help'], tree).stdout, /^ {2}export +export a plan as an iCalendar/m);
    assert.match(runCli(['export', '--help'], tree).stdout, /^Usage: throughline export <plan> --format ics\|csv/);
  });
});
