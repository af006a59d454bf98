import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, createParseState } from '../../../server/src/core/analyze.js';
import { generatePlan } from '../../helpers/generatePlan.js';
import { exercise } from '../support/exercise.js';
import { hostileCases } from '../support/hostile.js';
import { builtinChanges, snapshotBuiltins } from '../support/prototypes.js';
import { SEED, seededRandom } from '../support/seed.js';

// Inputs built to hurt: each goes through analysis (full, and incremental after a normal
// plan was open in the same document), every feature, and the quick fixes' edits.

/** Generous for a 2-core CI machine; the biggest cases take about 2 s on it. */
const ANALYSIS_LIMIT_MS = 8000;
const FEATURE_LIMIT_MS = 1000;
/** Formatting parses the plan's syntax tree again (and the result, when it changes): 1 s plus 1 s per 50 KB, a hang detector. */
const formatLimitMs = (length: number) => FEATURE_LIMIT_MS + length / 50;
/** Quick fixes for every diagnostic at once (tens of thousands on some of these plans), as "fix all" asks. */
const ALL_FIXES_LIMIT_MS = 3000;
const MAX_MESSAGE = 2001;

describe('hostile YAML', () => {
  const before = snapshotBuiltins();

  for (const [name, make] of Object.entries(hostileCases)) {
    it(name, () => {
      const text = make();
      const state = createParseState();
      analyzeText(generatePlan(5), {}, state);
      const started = performance.now();
      const { problems, analysis, slowest, slowestFormat, formatMs } = exercise(text, { state, random: seededRandom(SEED), positions: 3, applyFixes: true });
      const elapsed = performance.now() - started;
      assert.deepEqual(problems, []);
      assert.ok(analysis);
      // The whole exercise includes two analyzes (full and incremental) and every feature; formatting has its own bound.
      assert.ok(elapsed - formatMs < ANALYSIS_LIMIT_MS * 2, `took ${elapsed.toFixed(0)} ms (${formatMs.toFixed(0)} ms of it formatting)`);
      const limit = slowest.label.includes('every diagnostic') ? ALL_FIXES_LIMIT_MS : FEATURE_LIMIT_MS;
      assert.ok(slowest.ms < limit, `${slowest.label} took ${slowest.ms.toFixed(0)} ms`);
      assert.ok(slowestFormat.ms < formatLimitMs(text.length), `${slowestFormat.label} took ${slowestFormat.ms.toFixed(0)} ms`);
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
