import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isPair, type Pair } from 'yaml';
import { analyzeText, createParseState } from '../../server/src/core/analyze.js';
import { idIndexOf } from '../../server/src/core/model/idIndex.js';
import { parseYamlIncremental, type ParseState } from '../../server/src/core/parse/incremental.js';
import { scalarKey, type ParsedYaml } from '../../server/src/core/parse/parseYaml.js';
import { nodeRange, PairCache, textRangeOf } from '../../server/src/core/parse/reuse.js';
import { validateSchema } from '../../server/src/core/schema/validate.js';
import { detectIndentStep } from '../../server/src/core/yaml/edits/editContext.js';

// The reuse contract of `parse/reuse.ts`, checked on the incremental parser, and the one
// per-entry cache that the model, the schema validation, the id index and the edit context use.

const PLAN = [
  'plan: Reuse',
  'channels:',
  '  seo: { type: owned, mode: inbound, budgt: 10 }',
  '  paid:',
  '    type: paid',
  '    mode: outbound',
  'kpis:',
  '  signups: { traces_to: goal }',
  '',
].join('\n');

function entryPair(parsed: ParsedYaml, section: string, id: string): Pair {
  const root = parsed.doc!.contents;
  assert.ok(isMap(root));
  const sectionPair = root.items.find((pair) => scalarKey(pair.key) === section);
  assert.ok(sectionPair && isMap(sectionPair.value), `section ${section}`);
  const pair = sectionPair.value.items.find((item) => isPair(item) && scalarKey(item.key) === id);
  assert.ok(pair, `${section}.${id}`);
  return pair as Pair;
}

function parse(text: string, state: ParseState): ParsedYaml {
  return parseYamlIncremental(text, state);
}

describe('the reuse contract', () => {
  it('keeps a reused pair’s identity and moves its offsets in place', () => {
    const state = createParseState();
    const first = parse(PLAN, state);
    const paid = entryPair(first, 'channels', 'paid');
    const keyRange = nodeRange(paid.key)!;
    const before = [...keyRange];
    const lineRange = textRangeOf(paid.key, first.lineIndex);
    assert.equal(first.text.slice(keyRange[0], keyRange[1]), 'paid');

    // A longer title above: `paid` is reused, its offsets move, and they move in the same array.
    const edited = PLAN.replace('plan: Reuse', 'plan: Reuse, longer');
    const second = parse(edited, state);
    assert.equal(state.last.mode, 'incremental');
    assert.strictEqual(entryPair(second, 'channels', 'paid'), paid, 'the same pair object');
    assert.strictEqual(nodeRange(paid.key), keyRange, 'the same range array, shifted');
    assert.deepEqual(
      keyRange,
      before.map((offset) => offset + ', longer'.length),
    );
    assert.equal(edited.slice(keyRange[0], keyRange[1]), 'paid');
    // Only lines and columns count downstream: a same-line move changes neither.
    assert.deepEqual(textRangeOf(paid.key, second.lineIndex), lineRange);
  });

  it('makes new pairs for an edited block and on a whole-text parse', () => {
    const state = createParseState();
    const first = parse(PLAN, state);
    const seo = entryPair(first, 'channels', 'seo');
    const second = parse(PLAN.replace('budgt: 10', 'budget: 10'), state);
    assert.notStrictEqual(entryPair(second, 'channels', 'seo'), seo);
    const aliased = parse(`${PLAN}x-defaults: &d { owner: me }\n`, state);
    assert.notStrictEqual(entryPair(aliased, 'channels', 'paid'), entryPair(second, 'channels', 'paid'));
  });
});

describe('PairCache', () => {
  it('returns the kept value at the same line and section, and derives again after a move', () => {
    const cache = new PairCache<object, number>();
    const pair = {};
    let derived = 0;
    const derive = () => ++derived;
    assert.equal(cache.get(pair, 3, 'channels', derive), 1);
    assert.equal(cache.get(pair, 3, 'channels', derive), 1, 'same place: kept');
    assert.equal(cache.get(pair, 4, 'channels', derive), 2, 'another line: derived again');
    assert.equal(cache.get(pair, 4, 'kpis', derive), 3, 'another section: derived again');
    assert.equal(cache.get(pair, 4, 'kpis', derive), 3);
    assert.equal(cache.get({}, 4, 'kpis', derive), 4, 'another pair: its own value');
  });

  it('gives the model, the schema problems, the id index and the indent counts of a moved entry its new place', () => {
    const state = createParseState();
    const first = analyzeText(PLAN, {}, state);
    const paidModel = first.model.channels.get('paid')!;
    const seoProblems = validateSchema(first.parsed, first.model.anchorRange);
    assert.equal(detectIndentStep(first.parsed), 2);

    // An edit that keeps every line where it was: every entry is reused as it was.
    const renamed = PLAN.replace('plan: Reuse', 'plan: Reused');
    const sameLines = analyzeText(renamed, {}, state);
    assert.strictEqual(sameLines.model.channels.get('paid'), paidModel, 'model entry kept');
    const problems = validateSchema(sameLines.parsed, sameLines.model.anchorRange);
    assert.deepEqual(problems, seoProblems);
    assert.strictEqual(problems[0], seoProblems[0], 'schema problem kept');
    const occurrence = idIndexOf(sameLines.model).of('channel', 'paid')[0]!;
    assert.strictEqual(occurrence, idIndexOf(first.model).of('channel', 'paid')[0], 'id occurrence kept');

    // A line inserted above: the same pairs, on new lines, so everything is derived again there.
    const pairBefore = entryPair(sameLines.parsed, 'channels', 'paid');
    const moved = analyzeText(renamed.replace('plan: Reused', 'plan: Reused\nowner: Me'), {}, state);
    assert.equal(state.last.mode, 'incremental');
    assert.strictEqual(entryPair(moved.parsed, 'channels', 'paid'), pairBefore, 'pair reused');
    const movedPaid = moved.model.channels.get('paid')!;
    assert.notStrictEqual(movedPaid, paidModel);
    assert.equal(movedPaid.keyRange.start.line, paidModel.keyRange.start.line + 1);
    const movedProblems = validateSchema(moved.parsed, moved.model.anchorRange);
    assert.equal(movedProblems[0]!.range.start.line, seoProblems[0]!.range.start.line + 1);
    assert.equal(idIndexOf(moved.model).of('channel', 'paid')[0]!.range.start.line, occurrence.range.start.line + 1);
    assert.equal(detectIndentStep(moved.parsed), 2);
  });

  it('derives an entry again when an unchanged block ends up in another section on the same line', () => {
    const text = ['plan: Reuse', 'channels:', '  a: { type: paid, budgt: 1 }', 'kpis:', '  b: { traces_to: goal, budgt: 1 }', ''].join('\n');
    const state = createParseState();
    const first = analyzeText(text, {}, state);
    const b = entryPair(first.parsed, 'kpis', 'b');
    assert.ok(first.model.kpis.has('b'));
    assert.ok(validateSchema(first.parsed, first.model.anchorRange).some((problem) => problem.message.includes('`kpis.b`')));
    // Another header on the same line: the unchanged `b` block, on its old line, is now a milestone.
    const second = analyzeText(text.replace('kpis:', 'milestones:'), {}, state);
    assert.equal(state.last.mode, 'incremental');
    assert.strictEqual(entryPair(second.parsed, 'milestones', 'b'), b, 'pair reused');
    assert.ok(second.model.milestones.has('b') && !second.model.kpis.has('b'));
    const messages = validateSchema(second.parsed, second.model.anchorRange).map((problem) => problem.message);
    assert.ok(
      messages.some((message) => message.includes('`milestones.b`')),
      messages.join('\n'),
    );
    assert.ok(!messages.some((message) => message.includes('`kpis.b`')), messages.join('\n'));
  });
});
