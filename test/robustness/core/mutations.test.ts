import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText, createParseState } from '../../../server/src/core/analyze.js';
import { loadCorpus } from '../support/corpus.js';
import { excerpt, exercise } from '../support/exercise.js';
import { applyMutation, mutationArbitrary } from '../support/mutations.js';
import { ownCpuMs } from '../../helpers/cpuTime.js';
import { assertProperty, CpuBudget, seededRandom } from '../support/seed.js';

// Random edits of every example and fixture plan, applied one after another to the same
// open document (one incremental parse state), each step checked like a keystroke.

const RUNS = 600;
/** CPU time of this process's main thread; all 600 sequences take 12-15 s of it on this 2-core machine, idle or busy. */
const CPU_BUDGET_MS = 45_000;

describe('random mutations of example and fixture plans', () => {
  const corpus = loadCorpus();

  it(`never throws, keeps ranges in the document and incremental = full (${RUNS} sequences)`, () => {
    let steps = 0;
    const budget = new CpuBudget(CPU_BUDGET_MS, ownCpuMs);
    assertProperty(
      fc.property(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        budget.wrap((planIndex, mutations, positionSeed) => {
          const random = seededRandom(positionSeed);
          const state = createParseState();
          let text = corpus[planIndex]!.text;
          analyzeText(text, {}, state);
          for (const [step, mutation] of mutations.entries()) {
            text = applyMutation(text, mutation);
            const { problems } = exercise(text, { state, random, applyFixes: true });
            steps++;
            if (problems.length > 0) {
              throw new Error(
                `${corpus[planIndex]!.path} after mutation ${step + 1} ${JSON.stringify(mutation)}:\n  ${problems.join('\n  ')}\ntext: ${excerpt(text, 2000)}`,
              );
            }
          }
        }),
      ),
      RUNS,
    );
    console.log(`# mutation sequences: ${budget.describe()}; edits checked: ${steps}`);
    assert.ok(budget.ran >= 100, `only ${budget.ran} sequences ran within the CPU-time budget: ${budget.describe()}`);
  });
});
