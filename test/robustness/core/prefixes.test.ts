import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createParseState } from '../../../server/src/core/analyze.js';
import { loadCorpus } from '../support/corpus.js';
import { excerpt, exercise } from '../support/exercise.js';
import { prefixEnds } from '../support/prefixEnds.js';
import { SCALE, SEED, seededRandom } from '../support/seed.js';

// Typing a plan from scratch through one incremental parse state (as an open editor keeps):
// every prefix of every example plan, one character at a time, and of every fixture plan at
// each line boundary and at seeded points inside lines (FC_SCALE asks more of them).

const MAX_REPORTED = 5;
/** Seeded prefix ends inside lines per fixture plan, besides every line boundary. */
const INSIDE_LINES = 40 * SCALE;

/** Length of the common prefix of two texts. */
function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

describe('prefixes of every example and fixture plan', () => {
  const corpus = loadCorpus();
  let checked = 0;

  it('finds the plans', () => {
    assert.ok(
      corpus.some((plan) => plan.path.startsWith('examples/')),
      'no example plans found',
    );
    assert.ok(corpus.length >= 10, `only ${corpus.length} plans found`);
  });

  it('includes a plan with every after-launch key, so prefixes and mutations cover them', () => {
    const keys = {
      as_of: /^as_of:/m,
      actuals_file: /^actuals_file:/m,
      'channel phasing': /^ {4}phasing:/m,
      'spend, committed': /^ {4}spend:[^]*?committed:/m,
      'spend, actual': /^ {4}spend:[^]*?actual:/m,
      'KPI actuals': /^ {4}actuals:/m,
      'measure.aggregation': /^ {6}aggregation:|measure: \{[^}\n]*aggregation:/m,
      'reviews.<cadence>.held': /^reviews:[^]*\bheld:/m,
    };
    const missing = Object.entries(keys).filter(([, pattern]) => !corpus.some((plan) => plan.path.startsWith('examples/') && pattern.test(plan.text)));
    assert.deepEqual(
      missing.map(([key]) => key),
      [],
    );
    assert.ok(
      corpus.some((plan) => Object.values(keys).every((pattern) => pattern.test(plan.text))),
      'no single plan has them all',
    );
  });

  corpus.forEach((plan, index) => {
    it(plan.path, () => {
      const random = seededRandom(SEED + index);
      // Prefixes this plan shares with an earlier one were checked already (fixture pairs).
      const from = Math.max(0, ...corpus.slice(0, index).map((other) => sharedPrefix(other.text, plan.text)));
      const state = createParseState();
      const failures: string[] = [];
      for (const end of [from, ...prefixEnds(plan, random, INSIDE_LINES).filter((end) => end > from)]) {
        if (failures.length >= MAX_REPORTED) break;
        const prefix = plan.text.slice(0, end);
        const { problems } = exercise(prefix, { state, random, applyFixes: end === plan.text.length });
        checked++;
        if (problems.length > 0) failures.push(`prefix of ${end} characters ${excerpt(prefix.slice(-80))}:\n  ${problems.join('\n  ')}`);
      }
      assert.deepEqual(failures, [], `FC_SEED=${SEED}\n${failures.join('\n')}`);
    });
  });

  it('checked thousands of prefixes', () => {
    console.log(`# prefixes checked: ${checked}`);
    assert.ok(checked > 1000, `only ${checked} prefixes`);
  });
});
