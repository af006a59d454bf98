import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { parseSimpleYaml } from '../../server/src/core/parse/simpleYaml.js';
import { yamlOptions } from '../../server/src/core/parse/parseYaml.js';
import { analyzeLean, analyzeText } from '../../server/src/core/analyze.js';
import { libraryText, planText, portfolioText } from '../../bench/portfolioWorkspace.js';
import { generatePlan } from '../helpers/generatePlan.js';
import { loadCorpus } from '../robustness/support/corpus.js';
import { hostileCases } from '../robustness/support/hostile.js';
import { messyPlan } from '../robustness/support/messyPlans.js';
import { applyMutation, mutationArbitrary } from '../robustness/support/mutations.js';
import { fcParameters, seededRandom } from '../robustness/support/seed.js';

// parseSimpleYaml must give what `yaml` gives, node for node, or decline. These compare
// the two trees on everything but comments and blank lines (which it does not keep).

function shape(node: unknown): unknown {
  if (isPair(node)) return { pair: [shape(node.key), shape(node.value)] };
  if (isScalar(node)) {
    const { value } = node;
    return {
      class: node.constructor.name,
      value: typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
      valueType: typeof value,
      range: node.range,
      source: node.source,
      type: node.type,
      format: node.format,
      minFractionDigits: node.minFractionDigits,
      tag: node.tag,
      anchor: node.anchor,
    };
  }
  if (isMap(node) || isSeq(node)) {
    return { class: node.constructor.name, flow: node.flow, tag: node.tag, anchor: node.anchor, range: node.range, items: node.items.map(shape) };
  }
  return { other: String(node) };
}

function documentShape(doc: Document.Parsed): unknown {
  return { range: doc.range, contents: shape(doc.contents), errors: doc.errors.length, warnings: doc.warnings.length };
}

/** Checks the simple parse against yaml's; true when it was not declined. */
function agreesWithYaml(text: string): boolean {
  const simple = parseSimpleYaml(text, yamlOptions);
  if (!simple) return false;
  const docs = parseAllDocuments(text, yamlOptions);
  const all = Array.isArray(docs) ? docs : [];
  assert.equal(all.length, 1, `yaml reads ${all.length} documents in:\n${text}`);
  const byYaml = all[0]!;
  assert.deepEqual(
    byYaml.errors.concat(byYaml.warnings).map((e) => e.message),
    [],
    `yaml reports problems the simple parse took:\n${text}`,
  );
  assert.deepEqual(documentShape(simple), documentShape(byYaml), `the trees differ for:\n${text}`);
  assert.deepEqual(simple.toJS({ maxAliasCount: 100 }), byYaml.toJS({ maxAliasCount: 100 }));
  return true;
}

/** Block YAML of random shape with the scalars and layouts that are easy to get wrong. */
function randomBlockYaml(random: () => number): string {
  const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)]!;
  const scalars = [
    'x',
    'Head of Growth',
    '1000',
    '-2',
    '+3',
    '0o17',
    '0x1F',
    '1_000',
    '1e3',
    '.5',
    '1.50',
    '.inf',
    '-.Inf',
    '.nan',
    '~',
    'null',
    'Null',
    'True',
    'false',
    'yes',
    'on',
    '2026-01-01',
    '12:30',
    'a:b',
    'x]',
    'x}',
    'a,b',
    'a#b',
    '-x',
    '?x',
    ':x',
    'https://e.com/a#b',
    "'it''s'",
    "''",
    '""',
    '"a # b"',
    "'a: b'",
    '[a, b]',
    '[ ]',
    '{}',
    '{ a: 1, b: [c, "d"] }',
    '[ x , y ]',
    '{k: v}',
    'Acquire 1,000 customers',
  ];
  const keys = ['plan', 'owner', 'a', 'b c', 'depends_on', 'x-note', '1', 'true', 'null', 'ch-1', 'k.1', 'on', 'a:b', 'a#b', 'x]', '.x', '0x1F', '~'];
  const comment = () => (random() < 0.15 ? `${' '.repeat(1 + Math.floor(random() * 3))}# ${pick(['note', 'a: b', '[c]', ''])}` : '');
  const lines: string[] = [];
  const between = (indent: number) => {
    if (random() < 0.1) lines.push('');
    if (random() < 0.08) lines.push(`${' '.repeat(Math.floor(random() * (indent + 1)))}# between`);
  };
  const step = () => 1 + Math.floor(random() * 4);
  const block = (indent: number, depth: number, asSeq: boolean) => {
    const count = 1 + Math.floor(random() * 4);
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      between(indent);
      const pad = ' '.repeat(indent);
      const lead = asSeq ? `${pad}-${' '.repeat(1 + Math.floor(random() * 2))}` : '';
      let key = pick(keys);
      while (used.has(key) && random() < 0.9) key += '2';
      used.add(key);
      const head = asSeq ? (random() < 0.5 ? lead : `${lead}${key}:`) : `${pad}${key}:`;
      const nested = depth < 4 && random() < 0.35;
      if (!nested) {
        const value = random() < 0.08 ? '' : `${' '.repeat(1 + Math.floor(random() * 2))}${pick(scalars)}`;
        lines.push(`${asSeq && head === lead ? `${lead}${pick(scalars)}` : `${head}${value}`}${comment()}`);
        continue;
      }
      lines.push(`${head.trimEnd()}${comment()}`);
      const inner = asSeq && head !== lead ? head.length - key.length - 1 : indent;
      const seqHere = random() < 0.4;
      block(seqHere && !asSeq && random() < 0.5 ? indent : inner + step(), depth + 1, seqHere);
    }
  };
  if (random() < 0.3) lines.push('# leading comment');
  block(0, 0, false);
  return `${lines.join('\n')}${random() < 0.8 ? '\n' : ''}`;
}

describe('parseSimpleYaml', () => {
  it('reads the bench plans, library and portfolio as yaml does', () => {
    for (const text of [planText(0), planText(17), libraryText(), libraryText(true), portfolioText()]) assert.ok(agreesWithYaml(text), text.slice(0, 200));
  });

  it('reads generated plans as yaml does', () => {
    for (const channels of [1, 5, 30]) assert.ok(agreesWithYaml(generatePlan(channels)));
  });

  it('agrees with yaml on every example and fixture plan it takes, and takes most of them', () => {
    const corpus = loadCorpus();
    const taken = corpus.filter((plan) => agreesWithYaml(plan.text));
    assert.ok(taken.length >= corpus.length / 2, `only ${taken.length} of ${corpus.length} taken`);
  });

  it('agrees with yaml on the forms it takes', () => {
    const cases = [
      'a: b\nc:\n  d: 1.50  # x\n  e: [x, "y"]\n  f:\n  - { on: z, k: 2 }\n  - w\ng:\n\nh: 0x1F\n',
      '# lead comment\n\nplan: P\n# between\nchannels:\n  seo:   # trailing\n    type: owned\n\n# end\n',
      'a: 1\nb: -2\nc: +3\nd: 0o17\ne: 1e3\nf: .5\ng: .inf\nh: -.Inf\ni: .nan\nj: ~\nk: null\nl: True\nm: FALSE\nn: yes\no: 1_000\np: 2026-01-01\n',
      "a: 'it''s'\nb: \"quoted # not a comment\"\nc: 'x' # comment\nd: \"\"\ne: ''\n",
      'a: [ ]\nb: {}\nc: [ x , y ]\nd: { k: v , l: [1, 2], m: {n: o} }\ne: [ "a", \'b\' ]\n',
      'list:\n- a\n- b\nnext: c\n',
      'list:\n  -   spaced\n  - - nested\n',
      'items:\n  - id: one\n    note: x\n  -\n    id: two\n  - \n  -\nlast: 1\n',
      'url: https://example.com/a#b\nratio: 3:2\nkey with spaces: value with spaces\n1: number key\ntrue: bool key\n',
      'a: b',
      'a:',
      'a: -x\nb: :x\nc: ?x\nd: x]\ne: x}\nf: x,y\ng: a#b\n',
      'a:\n\n\n  b: c\n\n\n',
      'deep:\n  a:\n    b:\n      c:\n        d: [e, [f, [g]]]\n',
    ];
    for (const text of cases) agreesWithYaml(text);
  });

  it('declines what it does not read, leaving it to yaml', () => {
    const declined = [
      '',
      '# only a comment\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  block\n',
      'a: >\n  folded\n',
      'a: plain\n  continued\n',
      "a: 'two\n  lines'\n",
      'a: "escape \\n"\n',
      'a:\tb\n',
      'a: b\r\nc: d\r\n',
      '\ufeffa: b\n',
      '---\na: b\n',
      'a: b\n...\n',
      '...: b\n',
      'a: b\n---\nc: d\n',
      '<<: {a: 1}\nb: 2\n',
      '- a\n- b\n',
      '  a: b\n',
      'a: b: c\n',
      'a: b:\n',
      'a : b\n',
      'a: [b,\n  c]\n',
      'a: [b, ]\n',
      'a: [b: c]\n',
      'a: {b}\n',
      'a: {b: }\n',
      'a: [b # c ]\n',
      'a: "x" y\n',
      'a:b\n',
      'a: b\n  c: d\n',
      'a:\n  b: 1\n c: 2\n',
      '"quoted key": 1\n',
      'a: @b\n',
      'a: `b\n',
      'a: %b\n',
      'a: - b\n',
      `${'k'.repeat(1100)}: v\n`,
      'a:# c\n',
      // An empty item after a comment line: yaml's range of it covers the comment.
      'a:\n- a\n#\n-\n',
      'a:\n  - a\n#\n  -\n',
      'k:\n  x:\n  - a\n  #\n  -\n  y: 1\n',
    ];
    for (const text of declined) assert.equal(parseSimpleYaml(text, yamlOptions), undefined, JSON.stringify(text));
  });

  it('agrees with yaml on the hostile inputs of the robustness suite, or declines them', () => {
    const taken = Object.entries(hostileCases).filter(([, text]) => agreesWithYaml(text()));
    // Deep nesting, long keys, tabs, CR, BOM, tags, anchors and directives are all left to yaml.
    for (const name of [
      'deep flow nesting (5,000)',
      'deep block nesting (2,000)',
      'deep sequence nesting',
      '200 KB id',
      'tabs for indentation',
      'BOM before a plan',
      'alias bomb (billion laughs)',
    ]) {
      assert.ok(!taken.some(([taker]) => taker === name), name);
    }
    assert.ok(taken.length > 5, `only ${taken.length} taken`);
  });

  it('agrees with yaml on block YAML of random shape, and takes most of it', () => {
    let taken = 0;
    const runs = 3000;
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        if (agreesWithYaml(randomBlockYaml(seededRandom(seed)))) taken++;
      }),
      fcParameters(runs),
    );
    assert.ok(taken > runs / 3, `only ${taken} of ${runs} taken`);
  });

  it('agrees with yaml on messy plans and on plans mutated at random', () => {
    const corpus = loadCorpus().map((plan) => plan.text);
    fc.assert(
      fc.property(messyPlan, (plan) => {
        agreesWithYaml(plan.text);
      }),
      fcParameters(300),
    );
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), (text, mutations) => {
        agreesWithYaml(mutations.reduce(applyMutation, text));
      }),
      fcParameters(6000),
    );
  });

  it('gives analyzeLean the diagnostics analyzeText gives on mutated plans it takes', () => {
    const corpus = loadCorpus().map((plan) => plan.text);
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(mutationArbitrary, { minLength: 1, maxLength: 2 }), (text, mutations) => {
        const mutated = mutations.reduce(applyMutation, text);
        if (!parseSimpleYaml(mutated, yamlOptions)) return;
        const options = { planUri: 'file:///w/p.plan.yaml' };
        assert.deepEqual(analyzeLean(mutated, options).diagnostics, analyzeText(mutated, options).diagnostics, mutated);
      }),
      fcParameters(400),
    );
  });

  it('gives analyzeLean (which uses it) the diagnostics analyzeText gives', () => {
    for (const plan of loadCorpus()) {
      const viaYaml = analyzeText(plan.text, { planUri: 'file:///w/p.plan.yaml' });
      const viaSimple = analyzeLean(plan.text, { planUri: 'file:///w/p.plan.yaml' });
      assert.deepEqual(viaSimple.diagnostics, viaYaml.diagnostics, plan.path);
    }
  });
});
