import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText, createParseState, type Analysis } from '../../../server/src/core/analyze.js';
import { codeActions } from '../../../server/src/core/features/codeActions.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import type { CodeAction, Diagnostic } from '../../../server/src/core/types.js';
import fc from 'fast-check';
import { insertEntries } from '../../../server/src/core/yaml/edits/insertBlock.js';
import { setScalar } from '../../../server/src/core/yaml/edits/setScalar.js';
import { detectIndentStep, yamlEditContext } from '../../../server/src/core/yaml/edits/editContext.js';
import { flowMapping, mapping, scalarText, type YamlEntry } from '../../../server/src/core/yaml/edits/value.js';
import { parseYaml } from '../../../server/src/core/parse/parseYaml.js';
import { applyEdits } from '../../helpers/applyEdits.js';
import { expectGolden } from '../../helpers/golden.js';

const FIXTURES = 'test/fixtures/codeActions';
const URI = 'file:///work/plan.plan.yaml';

function documentOf(text: string, analysis: Analysis = analyzeText(text)): PlanDocument {
  return { uri: URI, version: 1, analysis };
}

function editedText(text: string, action: CodeAction): string {
  assert.deepEqual(Object.keys(action.edit.changes), [URI]);
  return applyEdits(text, action.edit.changes[URI]!);
}

const key = (diagnostic: Diagnostic) => `${diagnostic.code}: ${diagnostic.message}`;
const structural = (analysis: Analysis) => analysis.diagnostics.filter((d) => d.code === 'yaml-syntax' || d.code === 'schema').map(key);

/** The fixed diagnostics are gone, fewer of their rule remain, and no syntax or schema problem appeared. */
function assertFixes(before: Analysis, action: CodeAction, after: string): void {
  const reanalyzed = analyzeText(after);
  const remaining = new Set(reanalyzed.diagnostics.map(key));
  for (const diagnostic of action.diagnostics)
    assert.ok(!remaining.has(key(diagnostic)), `still reported after "${action.title}": ${key(diagnostic)}\n${after}`);
  const code = action.diagnostics[0]!.code;
  const count = (analysis: Analysis) => analysis.diagnostics.filter((d) => d.code === code).length;
  assert.ok(count(reanalyzed) < count(before), `"${action.title}" left as many ${code} diagnostics`);
  const allowed = new Set(structural(before));
  const introduced = structural(reanalyzed).filter((problem) => !allowed.has(problem));
  assert.deepEqual(introduced, [], `"${action.title}" introduced problems:\n${after}`);
}

/** Asks for the fixes of every diagnostic of `code`, as a client sends them, and picks the action titled `title`. */
function fixOnce(text: string, code: string, title: RegExp): { action: CodeAction; before: Analysis; after: string } {
  const before = analyzeText(text);
  const diagnostics = before.diagnostics.filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} diagnostic in:\n${text}`);
  const actions = codeActions(documentOf(text, before), diagnostics[0]!.range, diagnostics);
  const matching = actions.filter((action) => title.test(action.title));
  assert.equal(matching.length, 1, `expected one action matching ${title}, got: ${actions.map((a) => a.title).join(' | ')}`);
  const action = matching[0]!;
  assert.equal(action.kind, 'quickfix');
  return { action, before, after: editedText(text, action) };
}

interface GoldenCase {
  name: string;
  code: string;
  title: RegExp;
  preferred?: boolean;
  /** How many diagnostics the one action fixes (several channels → one compliance section). */
  fixes?: number;
}

const goldenCases: GoldenCase[] = [
  { name: 'measure-block', code: 'measurement-missing', title: /^Add a `measure` skeleton to `paid-signups`$/, preferred: true },
  { name: 'measure-four-spaces', code: 'measurement-missing', title: /`measure` skeleton/, preferred: true },
  { name: 'measure-flow-kpi', code: 'measurement-missing', title: /`measure` skeleton/, preferred: true },
  { name: 'measure-flow-section', code: 'measurement-missing', title: /`measure` skeleton/, preferred: true },
  { name: 'measure-empty-kpi', code: 'measurement-missing', title: /`measure` skeleton to `paid-signups`/, preferred: true },
  { name: 'measure-no-reporter', code: 'measurement-missing', title: /`measure` skeleton/, preferred: true },
  { name: 'compliance-two-channels', code: 'compliance-missing', title: /^Add a `compliance` section$/, preferred: true, fixes: 2 },
  { name: 'compliance-four-spaces', code: 'compliance-missing', title: /`compliance`/, preferred: true },
  { name: 'traces-to-missing-block', code: 'kpi-untraced', title: /^Trace `paid-signups` to the objective `spring-sales`$/, preferred: true },
  { name: 'traces-to-missing-flow', code: 'kpi-untraced', title: /^Trace `paid-signups`/, preferred: true },
  { name: 'traces-to-empty', code: 'kpi-untraced', title: /^Trace `paid-signups` to the objective `spring-sales`$/, preferred: true },
  { name: 'traces-to-dangling-near', code: 'kpi-untraced', title: /^Change to `paid-signups`$/, preferred: true },
  { name: 'traces-to-dangling-objective', code: 'kpi-untraced', title: /^Trace `visits` to the objective `spring-sales`$/ },
  { name: 'traces-to-chain', code: 'kpi-untraced', title: /^Trace `paid-signups` to the objective/, preferred: true, fixes: 2 },
  { name: 'kpi-undefined-create', code: 'kpi-undefined', title: /^Create KPI `visits`$/, preferred: true },
  { name: 'kpi-undefined-no-kpis', code: 'kpi-undefined', title: /^Create KPI `paid-signups`$/, preferred: true },
  { name: 'kpi-undefined-near', code: 'kpi-undefined', title: /^Change to `paid-signups`$/, preferred: true },
  { name: 'dependency-unknown', code: 'dependency-unknown', title: /^Change to `content`$/, preferred: true },
  { name: 'stage-unknown', code: 'stage-unknown', title: /^Change to `awareness`$/, preferred: true },
  { name: 'dependency-violated-start', code: 'dependency-violated', title: /^Move start to 2026-04-12$/, preferred: true, fixes: 2 },
  {
    name: 'dependency-violated-keep-duration',
    code: 'dependency-violated',
    title: /^Move start to 2026-04-11 and keep the duration \(end 2026-04-17\)$/,
    preferred: true,
  },
  { name: 'dependency-violated-finish', code: 'dependency-violated', title: /^Move end to 2026-06-07$/, preferred: true },
  { name: 'schema-rename', code: 'schema', title: /^Rename `budgett` to `budget`$/, preferred: true },
  { name: 'schema-enum', code: 'schema', title: /^Change to `weekly`$/, preferred: true },
  { name: 'owner-missing-channel', code: 'owner-missing', title: /`owner` to `social`/ },
  { name: 'owner-missing-review', code: 'owner-missing', title: /`owner` to the monthly review/ },
  { name: 'attribution-missing', code: 'attribution-missing', title: /^Add `attribution/ },
  { name: 'reviews-missing', code: 'review-cadence-missing', title: /^Add the weekly, monthly and quarterly reviews$/ },
  { name: 'reviews-partial', code: 'review-cadence-missing', title: /^Add the weekly and quarterly reviews$/ },
  { name: 'phasing-scale', code: 'phasing-mismatch', title: /^Scale the phasing of paid-search to its budget of £180,000$/, preferred: true },
  { name: 'phasing-spread-block', code: 'phasing-mismatch', title: /^Spread £180,000 evenly over paid-search's months \(2026-07 to 2026-09\)$/ },
];

/** Every golden case also runs with CRLF line breaks and without the final line break. */
const variants: { name: string; convert: (text: string) => string }[] = [
  { name: 'LF', convert: (text) => text },
  { name: 'CRLF', convert: (text) => text.replace(/\n/g, '\r\n') },
  { name: 'no final line break', convert: (text) => text.replace(/\n$/, '') },
];

describe('quick fixes (golden files)', () => {
  for (const testCase of goldenCases) {
    const beforePath = join(FIXTURES, `${testCase.name}.before.plan.yaml`);
    const afterPath = join(FIXTURES, `${testCase.name}.after.plan.yaml`);
    it(`${testCase.name}: ${testCase.code}`, () => {
      const text = readFileSync(beforePath, 'utf8');
      assert.ok(text.endsWith('\n') && !text.includes('\r'), 'fixtures are written with LF and a final line break');
      const { action, before, after } = fixOnce(text, testCase.code, testCase.title);
      expectGolden(afterPath, after);
      assert.equal(action.isPreferred === true, testCase.preferred === true, 'isPreferred');
      assert.equal(action.diagnostics.length, testCase.fixes ?? 1, 'diagnostics fixed by the action');
      assertFixes(before, action, after);
      assert.ok(!after.includes('\t'), 'inserted text is indented with spaces');
    });
    for (const variant of variants.slice(1)) {
      it(`${testCase.name}: ${testCase.code} (${variant.name})`, () => {
        const text = variant.convert(readFileSync(beforePath, 'utf8'));
        const { action, before, after } = fixOnce(text, testCase.code, testCase.title);
        assert.equal(after, variant.convert(readFileSync(afterPath, 'utf8')));
        assertFixes(before, action, after);
      });
    }
  }
});

describe('YAML edit helpers', () => {
  const insert = (text: string, path: string[], entries: YamlEntry[], options = {}) => {
    const edits = insertEntries(yamlEditContext(parseYaml(text)), path, entries, options);
    return edits && applyEdits(text, edits);
  };
  const owner: YamlEntry[] = [{ key: 'owner', value: 'CMO' }];
  const nested: YamlEntry[] = [
    {
      key: 'measure',
      value: mapping([
        { key: 'source', value: 'GA4' },
        { key: 'target', value: 5 },
      ]),
    },
  ];

  it('detects the indent step from nested blocks, ignoring lists written flush with their key', () => {
    assert.equal(detectIndentStep(parseYaml('a:\n  b:\n    c: 1\n')), 2);
    assert.equal(detectIndentStep(parseYaml('a:\n    b:\n        c: 1\nd:\n- x\n')), 4);
    assert.equal(detectIndentStep(parseYaml('a:\n   b: 1\n')), 3);
    assert.equal(detectIndentStep(parseYaml('a: 1\n')), 2);
  });

  it('writes into an empty document or one holding only comments', () => {
    assert.equal(insert('', ['reviews'], owner), 'reviews:\n  owner: CMO\n');
    assert.equal(insert('# a plan\n', [], owner), '# a plan\nowner: CMO\n');
    assert.equal(insert('# a plan', [], owner), '# a plan\nowner: CMO');
  });

  it('fills an empty value, dropping an explicit null and keeping a comment', () => {
    assert.equal(insert('kpis:\n  a: ~  # later\n  b: 1\n', ['kpis', 'a'], owner), 'kpis:\n  a:  # later\n    owner: CMO\n  b: 1\n');
    assert.equal(insert('kpis:\n  a: null\n', ['kpis', 'a'], owner), 'kpis:\n  a:\n    owner: CMO\n');
    assert.equal(insert('kpis: { a: }\n', ['kpis', 'a'], owner), 'kpis: { a: { owner: CMO } }\n');
  });

  it('creates the mappings missing on the path, after the preferred key', () => {
    assert.equal(
      insert('plan: x\nchannels:\n  a: { type: paid }\nreviews: {}\n', ['kpis', 'k'], owner, { createAfter: ['channels'] }),
      'plan: x\nchannels:\n  a: { type: paid }\nkpis:\n  k:\n    owner: CMO\nreviews: {}\n',
    );
  });

  it('separates a new top-level section by a blank line when the file does', () => {
    assert.equal(insert('plan: x\n\nowner: y\n', [], [{ key: 'proposition', value: 'Fast' }]), 'plan: x\n\nowner: y\n\nproposition: Fast\n');
    assert.equal(insert('plan: x\n\n# who\nowner: y\n', [], [{ key: 'proposition', value: 'Fast' }]), 'plan: x\n\n# who\nowner: y\n\nproposition: Fast\n');
  });

  it("inserts after the last content of the mapping, not after comments or a block scalar's text", () => {
    assert.equal(insert('a:\n  b: 1  # note\n  # trailing\nc: 2\n', ['a'], owner), 'a:\n  b: 1  # note\n  owner: CMO\n  # trailing\nc: 2\n');
    assert.equal(insert('a:\n  notes: |\n    one\n\n    two\nc: 2\n', ['a'], owner), 'a:\n  notes: |\n    one\n\n    two\n  owner: CMO\nc: 2\n');
  });

  it('adds to flow mappings inline, or rewrites a one-line flow mapping as a block for nested entries', () => {
    assert.equal(insert('a: { b: 1 }\n', ['a'], owner), 'a: { b: 1, owner: CMO }\n');
    assert.equal(insert('a: { b: 1, }\n', ['a'], owner), 'a: { b: 1, owner: CMO }\n');
    assert.equal(insert('a: {}\n', ['a'], owner), 'a: { owner: CMO }\n');
    assert.equal(insert('a: {\n  b: 1  # one\n}\n', ['a'], owner), 'a: {\n  b: 1, owner: CMO  # one\n}\n');
    assert.equal(
      insert('k:\n  a: { b: 1, c: "x, y" }  # why\n', ['k', 'a'], nested),
      'k:\n  a:  # why\n    b: 1\n    c: "x, y"\n    measure:\n      source: GA4\n      target: 5\n',
    );
    assert.equal(insert('k: { a: { b: 1 } }\n', ['k', 'a'], nested), 'k: { a: { b: 1, measure: { source: GA4, target: 5 } } }\n');
    assert.equal(insert('a: [1]\n', [], [{ key: 'b', value: flowMapping([{ key: 'c', value: 'd, e' }]) }]), 'a: [1]\nb: { c: "d, e" }\n');
  });

  it('refuses to edit through lists, texts and aliases', () => {
    assert.equal(insert('a: [1, 2]\n', ['a'], owner), undefined);
    assert.equal(insert('a: text\n', ['a'], owner), undefined);
    assert.equal(insert('x: &base { b: 1 }\na: *base\n', ['a'], owner), undefined);
    assert.equal(insert('- a\n', [], owner), undefined);
  });

  it('sets a scalar in place, fills an empty value, or inserts the missing key', () => {
    const set = (text: string, path: string[], value: string) => {
      const edits = setScalar(yamlEditContext(parseYaml(text)), path, value);
      return edits && applyEdits(text, edits);
    };
    assert.equal(set('a:\n  owner: 5\n', ['a', 'owner'], 'CMO'), 'a:\n  owner: CMO\n');
    assert.equal(set('a:\n  owner: "x"\n', ['a', 'owner'], 'CMO'), 'a:\n  owner: "CMO"\n');
    assert.equal(set('a:\n  owner:  # who?\n', ['a', 'owner'], 'CMO'), 'a:\n  owner: CMO  # who?\n');
    assert.equal(set('a: { owner: ~, b: 1 }\n', ['a', 'owner'], 'a, b'), 'a: { owner: "a, b", b: 1 }\n');
    assert.equal(set('a: { b: 1 }\n', ['a', 'owner'], 'CMO'), 'a: { b: 1, owner: CMO }\n');
    assert.equal(set('a:\n  owner: [x]\n', ['a', 'owner'], 'CMO'), undefined);
  });

  it('never writes tabs: a tab after a key is separation, not indentation', () => {
    const after = insert('kpis:\n  a:\n    name:\tVisits\n', ['kpis', 'a'], owner);
    assert.equal(after, 'kpis:\n  a:\n    name:\tVisits\n    owner: CMO\n');
  });

  it('writes scalars plain when YAML reads them back unchanged, quoted otherwise', () => {
    assert.equal(scalarText('GA4', true), 'GA4');
    assert.equal(scalarText('<who runs it>', true), '<who runs it>');
    assert.equal(scalarText('a, b', false), 'a, b');
    assert.equal(scalarText('a, b', true), '"a, b"');
    for (const text of ['true', 'null', '12', '1e3', '- x', 'a: b', 'a #b', '', ' x', '#x', '"x', 'x\ny', '*x']) {
      const written = scalarText(text, true);
      assert.notEqual(written, text, text);
      assert.equal(JSON.parse(written), text);
    }
    assert.equal(scalarText(30, true), '30');
  });
});

describe('code actions', () => {
  const problems = readFileSync('examples/problems/new-user.plan.yaml', 'utf8');
  const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');
  const problemFixes = [
    'Add an `owner` to `content-hub`',
    'Change to `consider`',
    'Change to `content-hub`',
    'Add a `compliance` section',
    'Move start to 2026-07-08',
    'Change to `email-conversions`',
    'Create KPI `email-conversion`',
    'Rename `budgett` to `budget`',
    'Add a `measure` skeleton to `assisted-signups`',
    'Trace `paid-conversions` to the objective `q3-acquisition`',
    'Trace `email-conversions` to the objective `q3-acquisition`',
    'Add the weekly and quarterly reviews',
  ];

  it('fixes only diagnostics the current analysis has, reading the model rather than the sent data', () => {
    const doc = documentOf(problems);
    const undefinedKpi = doc.analysis.diagnostics.find((d) => d.code === 'kpi-undefined')!;
    const forged: Diagnostic = { ...undefinedKpi, data: { key: 'email-conversion', suggestion: 'evil: [x]' } };
    const actions = codeActions(doc, forged.range, [forged]);
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Change to `email-conversions`', 'Create KPI `email-conversion`'],
    );
    assert.ok(actions.every((action) => !JSON.stringify(action.edit).includes('evil')));
    assert.strictEqual(actions[0]!.diagnostics[0], forged, 'the action names the diagnostic the client sent');

    const stale: Diagnostic = { ...undefinedKpi, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } } };
    assert.deepEqual(codeActions(doc, stale.range, [stale]), []);
  });

  it('ignores malformed diagnostics and rules without fixes', () => {
    const doc = documentOf(problems);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const renamed = doc.analysis.diagnostics.find((d) => d.code === 'schema')!;
    const junk = [
      null,
      {},
      { ...renamed, source: 'yaml' },
      { code: 7, range },
      { code: 'schema' },
      { code: 'constructor', range },
      { code: 'toString', range: { start: {}, end: {} } },
      { code: 'budget-unallocated', range },
    ];
    assert.deepEqual(codeActions(doc, range, junk as unknown as Diagnostic[]), []);
  });

  it("uses the analysis's diagnostics in the range when the client sends none", () => {
    const doc = documentOf(problems);
    const violated = doc.analysis.diagnostics.find((d) => d.code === 'dependency-violated')!;
    const actions = codeActions(doc, { start: violated.range.start, end: violated.range.start }, []);
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Move start to 2026-07-08', 'Move start to 2026-07-08 and keep the duration (end 2026-10-07)'],
    );
    assert.equal(actions[0]!.diagnostics[0]!.code, 'dependency-violated');
  });

  it('offers only "keep the duration" when the new start would pass the end', () => {
    const text = readFileSync(join(FIXTURES, 'dependency-violated-keep-duration.before.plan.yaml'), 'utf8');
    const doc = documentOf(text);
    const diagnostic = doc.analysis.diagnostics.find((d) => d.code === 'dependency-violated')!;
    assert.deepEqual(
      codeActions(doc, diagnostic.range, [diagnostic]).map((action) => action.title),
      ['Move start to 2026-04-11 and keep the duration (end 2026-04-17)'],
    );
  });

  it('gives the same actions on an incrementally parsed document', () => {
    const emptyKpis = readFileSync(join(FIXTURES, 'kpi-undefined-create.before.plan.yaml'), 'utf8').replace(
      /\nkpis:\n[^]*$/,
      '\nkpis:\nreviews:\n  weekly: { owner: CMO }\n',
    );
    for (const text of [problems, emptyKpis]) {
      const state = createParseState();
      analyzeText(text.replace('plan: ', 'plan: The '), {}, state);
      const incremental = analyzeText(text, {}, state);
      assert.equal(state.last.mode, 'incremental');
      const full = analyzeText(text);
      const all = (analysis: Analysis) => codeActions(documentOf(text, analysis), full.diagnostics[0]!.range, analysis.diagnostics);
      assert.deepEqual(all(incremental), all(full));
      const create = all(incremental).find((action) => action.title.startsWith('Create KPI'));
      assert.ok(create, 'a Create KPI action');
      assertFixes(full, create, editedText(text, create));
    }
  });

  /** Each variant with the titles of the fixes it must be offered (every offered fix is applied and checked). */
  const exampleVariants: { name: string; text: string; expected: string[] }[] = [
    { name: 'problems example', text: problems, expected: problemFixes },
    { name: 'problems example, CRLF', text: problems.replace(/\n/g, '\r\n'), expected: problemFixes },
    { name: 'clean example without compliance', text: clean.replace(/\ncompliance:\n( {2}.*\n)+/, '\n'), expected: ['Add a `compliance` section'] },
    {
      name: 'clean example without attribution and reviews',
      text: clean.replace(/\nattribution:.*\n/, '\n').replace(/\nreviews:.*\n( {2}.*\n)+/, '\n'),
      expected: ['Add `attribution: { model: data-driven, lookback: 30d }`', 'Add the weekly, monthly and quarterly reviews'],
    },
    {
      name: 'clean example with a late start, a typo and a KPI without measure',
      text: clean
        .replace('start: 2026-07-08', 'start: 2026-07-02')
        .replace('kpis: [assisted-signups]', 'kpis: [asisted-signups]')
        .replace(/( {4}traces_to: q3-acquisition\n {4}owner: Paid media lead\n) {4}measure:\n( {6}.*\n)+/, '$1'),
      expected: ['Change to `assisted-signups`', 'Create KPI `asisted-signups`', 'Add a `measure` skeleton to `paid-conversions`', 'Move start to 2026-07-08'],
    },
  ];

  for (const { name, text, expected } of exampleVariants) {
    it(`applies every fix offered for the ${name} cleanly`, () => {
      const before = analyzeText(text);
      const doc = documentOf(text, before);
      const titles: string[] = [];
      for (const diagnostic of before.diagnostics) {
        for (const action of codeActions(doc, diagnostic.range, [diagnostic])) {
          assertFixes(before, action, editedText(text, action));
          titles.push(action.title);
        }
      }
      for (const title of expected) assert.ok(titles.includes(title), `"${title}" not offered; got: ${titles.join(' | ')}`);
    });
  }

  it('never throws on damaged plans, and its edits apply without new syntax errors', () => {
    const lines = problems.split('\n');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: lines.length - 1 }),
        fc.integer({ min: 0, max: lines.length - 1 }),
        fc.string({ maxLength: 6 }),
        (drop, at, typed) => {
          const damaged = lines.filter((_, index) => index !== drop);
          damaged[at % damaged.length] = damaged[at % damaged.length] + typed;
          const text = damaged.join('\n');
          const before = analyzeText(text);
          const syntaxBefore = before.diagnostics.filter((d) => d.code === 'yaml-syntax').length;
          for (const action of codeActions(documentOf(text, before), before.model.anchorRange, before.diagnostics)) {
            const after = analyzeText(editedText(text, action));
            if (syntaxBefore === 0) assert.deepEqual(after.diagnostics.filter((d) => d.code === 'yaml-syntax').map(key), [], `${action.title}\n${text}`);
          }
        },
      ),
      { numRuns: 100, seed: 20260501 },
    );
  });
});

describe('refactoring: phase a budget', () => {
  it('offers to phase a channel budget evenly over its days, on the budget of a channel without phasing', () => {
    const text = readFileSync(join(FIXTURES, 'phasing-scale.before.plan.yaml'), 'utf8').replace(
      '    phasing: { 2026-07: 60000, 2026-08: 60000, 2026-09: 50000 }\n',
      '',
    );
    const line = text.split('\n').findIndex((row) => row === '    budget: 180000');
    const actions = codeActions(documentOf(text), { start: { line, character: 13 }, end: { line, character: 13 } }, []);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind]),
      [["Phase £180,000 evenly over paid-search's months", 'refactor.rewrite']],
    );
    const after = editedText(text, actions[0]!);
    assert.match(after, / {4}budget: 180000\n {4}phasing: \{ 2026-07: 60652, 2026-08: 60652, 2026-09: 58696 \}\n/);
    assert.deepEqual(
      analyzeText(after).diagnostics.filter((d) => d.code === 'phasing-mismatch' || d.code === 'schema'),
      [],
    );
    assert.deepEqual(codeActions(documentOf(after), { start: { line, character: 13 }, end: { line, character: 13 } }, []), [], 'not offered once phased');
  });
});
