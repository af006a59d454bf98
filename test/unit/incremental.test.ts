import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText, createParseState, type Analysis } from '../../server/src/core/analyze.js';
import { splitBlocks } from '../../server/src/core/parse/blocks.js';
import { generatePlan } from '../helpers/generatePlan.js';

function comparable(analysis: Analysis): string {
  const { model } = analysis;
  return JSON.stringify(
    {
      diagnostics: analysis.diagnostics,
      channels: [...model.channels.values()],
      kpis: [...model.kpis.values()],
      objectives: model.objectives,
      journey: model.journey,
      rootKeys: model.rootKeys,
      anchor: model.anchorRange,
    },
    (_key, value) => (value instanceof Map ? [...value] : value),
  );
}

/** A tiny deterministic generator so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const plans = {
  clean: readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8'),
  problems: readFileSync('examples/problems/new-user.plan.yaml', 'utf8'),
  generated: generatePlan(15),
};

describe('incremental analysis', () => {
  it('gives the generated plan no diagnostics (it is valid by construction)', () => {
    assert.deepEqual(
      analyzeText(generatePlan(30)).diagnostics.map((d) => `${d.code}: ${d.message}`),
      [],
    );
  });

  it('splits a block-mapping plan into sections and entries', () => {
    const blocks = splitBlocks(plans.clean);
    assert.ok(blocks);
    assert.equal(blocks.filter((block) => block.kind === 'entry' && block.section === 'channels').length, 4);
    assert.equal(blocks.filter((block) => block.kind === 'entry' && block.section === 'kpis').length, 4);
  });

  it('falls back to a whole parse for YAML that ties blocks together', () => {
    for (const text of ['a: &x 1\nb: *x\n', '---\nplan: x\n', '- a\n- b\n', 'plan: x\n? complex\n', 'key: !!str 1\n']) {
      assert.equal(splitBlocks(text), null, text);
    }
  });

  for (const [name, base] of Object.entries(plans)) {
    it(`equals a full analysis after each of 300 random edits (${name})`, () => {
      const next = random(name.length * 7919);
      const state = createParseState();
      let text = base;
      let incremental = 0;
      for (let i = 0; i < 300; i++) {
        const position = Math.floor(next() * text.length);
        const choice = next();
        if (choice < 0.4) text = text.slice(0, position) + 'ab: -\n#'[Math.floor(next() * 7)] + text.slice(position);
        else if (choice < 0.8) text = text.slice(0, position) + text.slice(position + 1);
        else text = base;
        const fast = analyzeText(text, {}, state);
        if (state.last.mode === 'incremental') incremental++;
        assert.equal(comparable(fast), comparable(analyzeText(text)), `edit ${i} at ${position}`);
      }
      assert.ok(incremental > 50, `only ${incremental} of 300 edits took the incremental path`);
    });
  }

  it('re-parses only the edited entry of a large plan', () => {
    const text = generatePlan(200);
    const state = createParseState();
    analyzeText(text, {}, state);
    const at = text.indexOf('Owner 100');
    analyzeText(text.slice(0, at) + 'X' + text.slice(at), {}, state);
    assert.equal(state.last.mode, 'incremental');
    assert.equal(state.last.reparsed, 1);
  });
  it('an entry ending in an empty value with a comment, followed by another entry, ranges as a whole parse does', () => {
    // The empty value reaches the next entry's key in a whole parse; parsed alone it stops at its own line.
    const before =
      'plan: P\nobjective:\n  id: o\n  target: 1\nkpis:\n  a:\n    traces_to:   # which objective?\n    owner: Lead\n  b: { traces_to: ~, owner: Lead }\n';
    const after = before.replace('objective?\n    owner: Lead', 'objective?    owner: Lead');
    const state = createParseState();
    analyzeText(before, {}, state);
    assert.equal(comparable(analyzeText(after, {}, state)), comparable(analyzeText(after)));
  });
});
