import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertNoStackTrace, buildCli, cleanPlan, makeTree, removeTree, repoRoot, runCli } from './support.js';

// `throughline format`: prints one plan formatted, `--check` lists the plans that are not
// (exit 1) for CI, `--write` rewrites them; the same formatter as the editor's Format Document.

before(buildCli);

const trees: string[] = [];
function tree(files: Record<string, string | Buffer>): string {
  const root = makeTree(files);
  trees.push(root);
  return root;
}
after(() => trees.forEach(removeTree));

const messy = readFileSync(join(repoRoot, 'test/fixtures/format/messy.plan.yaml'), 'utf8');
const messyFormatted = readFileSync(join(repoRoot, 'test/fixtures/format/messy.formatted.plan.yaml'), 'utf8');
const messySorted = readFileSync(join(repoRoot, 'test/fixtures/format/messy.sorted.plan.yaml'), 'utf8');
const broken = 'plan: x\nchannels:\n  seo: [a, b\n';

describe('throughline format', () => {
  it('prints one plan formatted, and leaves the file alone', () => {
    const root = tree({ 'messy.plan.yaml': messy });
    const { code, stdout, stderr } = runCli(['format', 'messy.plan.yaml'], root);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(stdout, messyFormatted);
    assert.equal(readFileSync(join(root, 'messy.plan.yaml'), 'utf8'), messy);
  });

  it('--check lists the plans that are not formatted and exits 1; 0 when all are', () => {
    const root = tree({ 'a/messy.plan.yaml': messy, 'a/clean.plan.yaml': cleanPlan, 'b/other.plan.yml': messy, 'notes.yaml': messy });
    const dirty = runCli(['format', '--check'], root);
    assert.equal(dirty.code, 1);
    assert.equal(dirty.stdout, 'a/messy.plan.yaml\nb/other.plan.yml\n');
    assert.equal(dirty.stderr, '✖ 2 of 3 plans not formatted; run `throughline format --write` to format them\n');
    const clean = runCli(['format', '--check', 'a/clean.plan.yaml'], root);
    assert.deepEqual(clean, { code: 0, stdout: '', stderr: '✔ 1 plan formatted\n' });
  });

  it('--write rewrites the plans that are not formatted, keeping a BOM and CRLF line breaks; a second run changes nothing', () => {
    const crlf = Buffer.from(`\ufeff${messy.replace(/\n/g, '\r\n')}`, 'utf8');
    const root = tree({ 'messy.plan.yaml': messy, 'crlf.plan.yaml': crlf, 'clean.plan.yaml': cleanPlan });
    const first = runCli(['format', '--write', '.'], root);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, 'crlf.plan.yaml\nmessy.plan.yaml\n');
    assert.equal(first.stderr, '✔ formatted 2 of 3 plans\n');
    assert.equal(readFileSync(join(root, 'messy.plan.yaml'), 'utf8'), messyFormatted);
    assert.equal(readFileSync(join(root, 'clean.plan.yaml'), 'utf8'), cleanPlan);
    const rewritten = readFileSync(join(root, 'crlf.plan.yaml'));
    assert.deepEqual([...rewritten.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the byte order mark stays');
    assert.equal(rewritten.toString('utf8'), `\ufeff${messyFormatted.replace(/\n/g, '\r\n')}`);
    const second = runCli(['format', '--write'], root);
    assert.deepEqual(second, { code: 0, stdout: '', stderr: '✔ 3 plans already formatted\n' });
  });

  it('sorts keys when the nearest .throughline.yaml says format: { sortKeys: true }, or the --config file does', () => {
    const root = tree({
      'sorted/.throughline.yaml': 'format:\n  sortKeys: true\n',
      'sorted/messy.plan.yaml': messy,
      'plain/messy.plan.yaml': messy,
      'ci.yaml': 'format: { sortKeys: true }\n',
    });
    assert.equal(runCli(['format', 'sorted/messy.plan.yaml'], root).stdout, messySorted);
    assert.equal(runCli(['format', 'plain/messy.plan.yaml'], root).stdout, messyFormatted);
    assert.equal(runCli(['format', '--config', 'ci.yaml', 'plain/messy.plan.yaml'], root).stdout, messySorted);
  });

  it('takes the line width from format: { lineWidth }', () => {
    const root = tree({ '.throughline.yaml': 'format:\n  lineWidth: 60\n', 'clean.plan.yaml': cleanPlan });
    const { code, stdout } = runCli(['format', 'clean.plan.yaml'], root);
    assert.equal(code, 0);
    assert.ok(stdout.includes('  guardrails:\n    - { metric: blended_cpa, max: 85, unit: GBP }\n'), 'a short flow collection stays');
    assert.ok(stdout.includes('  rapid_response:\n    budget: 20000\n    approver: Head of Growth\n    turnaround: 48h\n'), stdout);
  });

  it('a bad format: setting is a warning, and the defaults apply', () => {
    const root = tree({ '.throughline.yaml': 'format:\n  sortKeys: sometimes\n  lineWidth: 5\n  indent: 2\n', 'messy.plan.yaml': messy });
    const { code, stdout, stderr } = runCli(['format', 'messy.plan.yaml'], root);
    assert.equal(code, 0);
    assert.equal(stdout, messyFormatted);
    assert.deepEqual(stderr.trimEnd().split('\n'), [
      'throughline: warning: .throughline.yaml: format.sortKeys: `sometimes` is not true or false; keys keep their order',
      'throughline: warning: .throughline.yaml: format.lineWidth: `5` is not a whole number of characters from 20 to 1000; using the default',
      'throughline: warning: .throughline.yaml: format: unknown key `indent`.',
    ]);
  });

  it('leaves a plan that does not parse as it is, says where, and exits 2; the other plans are still formatted', () => {
    const root = tree({ 'broken.plan.yaml': broken, 'messy.plan.yaml': messy });
    const { code, stdout, stderr } = runCli(['format', '--write'], root);
    assert.equal(code, 2);
    assert.equal(stdout, 'messy.plan.yaml\n');
    assert.match(
      stderr,
      /^throughline: broken\.plan\.yaml: The plan was not formatted: line \d+ does not parse \(.+\)\. Fix the YAML first\.\n✖ formatted 1 of 2 plans\n$/,
    );
    assert.equal(readFileSync(join(root, 'broken.plan.yaml'), 'utf8'), broken);
    assertNoStackTrace(stderr);
    const printed = runCli(['format', 'broken.plan.yaml'], root);
    assert.equal(printed.code, 2);
    assert.equal(printed.stdout, '');
  });

  const usageErrors: [string[], RegExp][] = [
    [['format'], /^throughline: which plan\? Give one plan file to print it formatted, or use --check or --write/],
    [['format', 'a.plan.yaml', 'b.plan.yaml'], /^throughline: printing takes one plan file; use --check or --write for several\./],
    [['format', '--check', '--write'], /^throughline: --check and --write do not go together/],
    [['format', '--chek'], /^throughline: unknown option `--chek`\. Did you mean `--check`\?/],
  ];
  for (const [args, expected] of usageErrors) {
    it(`\`throughline ${args.join(' ')}\` is a usage error: exit 2, nothing on stdout`, () => {
      const { code, stdout, stderr } = runCli(args, tree({}));
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, expected);
    });
  }

  it('--help lists the options and exit codes', () => {
    const { code, stdout } = runCli(['format', '--help'], tree({}));
    assert.equal(code, 0);
    for (const option of ['--check', '--write', '--config', 'Exit codes']) assert.ok(stdout.includes(option), option);
    assert.match(runCli(['--help'], tree({})).stdout, /^ {2}format {2}/m);
  });
});
