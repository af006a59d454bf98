import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { analyzeText, createParseState } from '../../../server/src/core/analyze.js';
import { generatePlan } from '../../helpers/generatePlan.js';
import { exercise, timeLimitProblems } from '../support/exercise.js';
import { hostileCases } from '../support/hostile.js';
import { builtinChanges, snapshotBuiltins } from '../support/prototypes.js';
import { SEED, seededRandom } from '../support/seed.js';

// Inputs built to hurt: each goes through analysis (full, and incremental after a normal
// plan was open in the same document), every feature, and the quick fixes' edits.

const MAX_MESSAGE = 2001;

describe('hostile YAML', () => {
  const before = snapshotBuiltins();
  let slowestCase = { name: '', cpuMs: 0 };
  after(() => console.log(`# core hostile inputs: the slowest, ${slowestCase.name}, used ${slowestCase.cpuMs.toFixed(0)} ms of CPU time`));

  for (const [name, make] of Object.entries(hostileCases)) {
    it(name, () => {
      const text = make();
      const state = createParseState();
      analyzeText(generatePlan(5), {}, state);
      const exercised = exercise(text, { state, random: seededRandom(SEED), positions: 3, applyFixes: true });
      const { problems, analysis } = exercised;
      assert.deepEqual(problems, []);
      assert.ok(analysis);
      assert.deepEqual(timeLimitProblems(exercised), []);
      if (exercised.cpuMs > slowestCase.cpuMs) slowestCase = { name, cpuMs: exercised.cpuMs };
      // Output grows with the input, never with its square (an empty channel, `c1: {}`, rightly
      // gets six problems of ~380 bytes each); no message echoes a huge value.
      const size = JSON.stringify(analysis.diagnostics).length;
      assert.ok(size < 250 * text.length + 1_000_000, `${analysis.diagnostics.length} diagnostics, ${size} bytes for ${text.length} characters`);
      const longest = analysis.diagnostics.reduce((max, diagnostic) => Math.max(max, diagnostic.message.length), 0);
      assert.ok(longest <= MAX_MESSAGE, `a message of ${longest} characters`);
    });
  }

  it('leaves Object.prototype and the other built-ins untouched', () => {
    assert.deepEqual(builtinChanges(before, snapshotBuiltins()), []);
    assert.equal(({} as Record<string, unknown>).type, undefined);
    assert.equal(({} as Record<string, unknown>).channels, undefined);
  });
});
