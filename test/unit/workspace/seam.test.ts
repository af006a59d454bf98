import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AnalysisOptionsSource,
  ConfigLookup,
  childUri,
  decodeTextFile,
  displayUri,
  isInsideFolder,
  isPlanFileName,
  MAX_FILE_SIZE,
  parentUri,
  uriBasename,
  type ConfigProblem,
} from '../../../server/src/core/index.js';
import { MemoryHost } from '../../helpers/memoryHost.js';

describe('workspace seam: URIs without a path module', () => {
  it('finds parents, children and base names for file and virtual URIs', () => {
    assert.equal(parentUri('file:///a/b/q3.plan.yaml'), 'file:///a/b');
    assert.equal(parentUri('file:///a'), 'file:///');
    assert.equal(parentUri('file:///'), 'file:///');
    assert.equal(parentUri('vscode-vfs://github/org/repo/plans/q3.plan.yaml'), 'vscode-vfs://github/org/repo/plans');
    assert.equal(parentUri('vscode-vfs://github/org'), 'vscode-vfs://github/');
    assert.equal(childUri('file:///a/b', '.throughline.yaml'), 'file:///a/b/.throughline.yaml');
    assert.equal(childUri('file:///a/b/', 'my plan.plan.yaml'), 'file:///a/b/my%20plan.plan.yaml');
    assert.equal(uriBasename('file:///a/my%20plan.plan.yaml'), 'my plan.plan.yaml');
    assert.ok(isInsideFolder('file:///a/b/c.plan.yaml', 'file:///a'));
    assert.ok(!isInsideFolder('file:///ab/c.plan.yaml', 'file:///a'));
    assert.equal(displayUri('file:///tmp/my%20plans/.throughline.yaml'), '/tmp/my plans/.throughline.yaml');
    assert.equal(displayUri('file:///c%3A/plans/q3.plan.yaml'), 'c:/plans/q3.plan.yaml');
    assert.equal(displayUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  });

  it('names plans by one pattern, whatever the case', () => {
    for (const name of ['q3.plan.yaml', 'Q3.PLAN.YML', 'a.b.plan.yml']) assert.ok(isPlanFileName(name), name);
    for (const name of ['plan.yaml', 'q3.plan.yaml.bak', 'q3.yaml', '.throughline.yaml']) assert.ok(!isPlanFileName(name), name);
  });
});

describe('workspace seam: reading a file', () => {
  it('decodes UTF-8 and keeps a byte order mark; refuses binary, other encodings and the oversized', () => {
    assert.deepEqual(decodeTextFile(new TextEncoder().encode('plan: Q3 — £\n')), { text: 'plan: Q3 — £\n' });
    assert.deepEqual(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x70])), { text: '\uFEFFp' });
    assert.equal((decodeTextFile(new Uint8Array([0x70, 0, 0x71])) as { kind: string }).kind, 'binary');
    assert.equal((decodeTextFile(new Uint8Array([0x70, 0xe9, 0x71])) as { kind: string }).kind, 'not-utf8');
    const big = decodeTextFile(new Uint8Array(MAX_FILE_SIZE + 1).fill(0x20));
    assert.equal((big as { kind: string }).kind, 'too-large');
    assert.match((big as { problem: string }).problem, /^too large \(5\.0 MB; the limit is 5\.0 MB\)$/);
  });
});

describe('workspace seam: config lookup through any host', () => {
  const rules = (text: string) => `rules:\n${text}`;

  it('uses the nearest .throughline.yaml above a plan, reading each folder and file once', async () => {
    const host = new MemoryHost(
      new Map([
        ['file:///repo/.throughline.yaml', rules('  kpi-unused: off\n')],
        ['file:///repo/team/deep/.throughline.yaml', rules('  kpi-unused: error\n')],
      ]),
    );
    const lookup = new ConfigLookup(host, () => assert.fail('no problems expected'));
    assert.deepEqual({ ...(await lookup.rulesFor('file:///repo/q3.plan.yaml')) }, { 'kpi-unused': 'off' });
    assert.deepEqual({ ...(await lookup.rulesFor('file:///repo/team/deep/down/a.plan.yaml')) }, { 'kpi-unused': 'error' });
    assert.deepEqual({ ...(await lookup.rulesFor('file:///repo/team/b.plan.yaml')) }, { 'kpi-unused': 'off' });
    assert.deepEqual({ ...(await lookup.rulesFor('file:///elsewhere/c.plan.yaml')) }, {});
    await lookup.rulesFor('file:///repo/team/c.plan.yaml');
    assert.equal(host.reads.length, 2, `each config read once: ${host.reads.join(', ')}`);
    lookup.forget();
    host.files.set('file:///repo/.throughline.yaml', rules('  kpi-unused: hint\n'));
    assert.deepEqual({ ...(await lookup.rulesFor('file:///repo/q3.plan.yaml')) }, { 'kpi-unused': 'hint' });
  });

  it('reports what is wrong with a config file once, by its URI, and keeps the valid settings', async () => {
    const problems: ConfigProblem[] = [];
    const host = new MemoryHost(new Map([['vscode-vfs://github/org/repo/.throughline.yaml', rules('  no-such-rule: off\n  kpi-unused: off\n')]]));
    const lookup = new ConfigLookup(host, (problem) => problems.push(problem));
    const plan = 'vscode-vfs://github/org/repo/plans/q3.plan.yaml';
    assert.deepEqual({ ...(await lookup.rulesFor(plan)) }, { 'kpi-unused': 'off' });
    await lookup.rulesFor(plan);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.configUri, 'vscode-vfs://github/org/repo/.throughline.yaml');
    assert.match(problems[0]!.problem, /unknown rule `no-such-rule`/);
  });

  it('a config file that cannot be read counts as default severities, with a warning', async () => {
    const problems: ConfigProblem[] = [];
    const host = new MemoryHost(new Map([['file:///r/.throughline.yaml', new Uint8Array([0, 1, 2])]]));
    const lookup = new ConfigLookup(host, (problem) => problems.push(problem));
    assert.deepEqual({ ...(await lookup.rulesFor('file:///r/a.plan.yaml')) }, {});
    assert.match(problems[0]!.problem, /^cannot read \(binary file.*\); using default severities$/);
  });
});

describe('workspace seam: analysis options', () => {
  it('assembles config-file severities, editor overrides and the docs location in one place', async () => {
    const host = new MemoryHost(new Map([['file:///r/.throughline.yaml', 'rules:\n  kpi-unused: off\n  mix-one-sided: info\n']]));
    let overrides = {};
    const options = new AnalysisOptionsSource(host, new ConfigLookup(host, () => {}), () => overrides);
    const each = { docsBaseUri: host.ruleDocs.baseUri, planUri: 'file:///r/a.plan.yaml', today: host.today(), pacing: {} };
    assert.deepEqual(options.knownOptionsFor('file:///r/a.plan.yaml'), { rules: {}, ...each }, 'not looked up yet: defaults');
    overrides = { 'mix-one-sided': 'error' };
    const resolved = await options.optionsFor('file:///r/a.plan.yaml');
    assert.deepEqual(resolved, { rules: { 'kpi-unused': 'off', 'mix-one-sided': 'error' }, ...each });
    assert.deepEqual(options.knownOptionsFor('file:///r/a.plan.yaml'), resolved, 'known once looked up');
    const fixed = new AnalysisOptionsSource(host, { fixed: { 'kpi-unused': 'hint' } });
    assert.deepEqual((await fixed.optionsFor('file:///anywhere/x.plan.yaml')).rules, { 'kpi-unused': 'hint' });
  });

  it('carries the pacing tolerance of the config file under the editor settings, and the extra per-plan options', async () => {
    const host = new MemoryHost(new Map([['file:///r/.throughline.yaml', 'pacing: { tolerance: 0.2 }\n']]));
    let editor: { tolerance?: number } = {};
    const options = new AnalysisOptionsSource(host, new ConfigLookup(host, () => {}), undefined, () => ({ asOf: '2026-08-15', pacing: editor }));
    assert.deepEqual((await options.optionsFor('file:///r/a.plan.yaml')).pacing, { tolerance: 0.2 });
    editor = { tolerance: 0.05 };
    const resolved = await options.optionsFor('file:///r/a.plan.yaml');
    assert.deepEqual([resolved.pacing, resolved.asOf], [{ tolerance: 0.05 }, '2026-08-15']);
  });
});
