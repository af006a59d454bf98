import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { loadCorpus } from '../support/corpus.js';
import { excerpt } from '../support/exercise.js';
import { applyMutation, mutationArbitrary } from '../support/mutations.js';
import { ownCpuMs } from '../../helpers/cpuTime.js';
import { assertAsyncProperty, CpuBudget, seededRandom } from '../support/seed.js';
import { ServerUnderTest } from '../support/server.js';

// Random edits of every example and fixture plan sent to the real server: each sequence opens
// one document and applies its mutations as incremental didChange edits, one version each;
// every version must get diagnostics and every feature must answer.

const RUNS = 600;
/**
 * CPU time of this process and the server's main thread together (this process's alone where the
 * server's cannot be read). All 600 sequences take about 31 s of it on this 2-core machine when
 * it is idle and up to 37 s when two other processes keep both cores busy (contention makes the
 * same work cost more CPU time), so all of them run on a busy machine too.
 */
const CPU_BUDGET_MS = 60_000;

describe('random mutations sent to the server', () => {
  const corpus = loadCorpus();
  let server: ServerUnderTest;

  before(async () => {
    server = await ServerUnderTest.start();
  });
  after(async () => {
    console.log(`server mutations: ${server.summary()}`);
    await server.stop();
  });

  it(`diagnoses every version and answers every request (${RUNS} sequences)`, async () => {
    let steps = 0;
    const budget = new CpuBudget(CPU_BUDGET_MS, () => ownCpuMs() + (server.cpuMs() ?? 0));
    await assertAsyncProperty(
      fc.asyncProperty(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        budget.wrapAsync(async (planIndex, mutations, positionSeed) => {
          const random = seededRandom(positionSeed);
          const plan = corpus[planIndex]!;
          const mark = server.mark();
          const document = await server.open(plan.text, plan.path);
          try {
            for (const [step, mutation] of mutations.entries()) {
              await document.replaceWith(applyMutation(document.text, mutation));
              await document.diagnostics();
              steps++;
              const problems: string[] = [];
              await document.probe(random, 2, problems);
              problems.push(...server.health(mark));
              if (problems.length > 0) {
                throw new Error(
                  `${plan.path} after mutation ${step + 1} ${JSON.stringify(mutation)}:\n  ${problems.join('\n  ')}\ntext: ${excerpt(document.text, 2000)}`,
                );
              }
            }
          } finally {
            await document.close();
          }
        }),
      ),
      RUNS,
    );
    console.log(`server mutation sequences: ${budget.describe()}; edits checked: ${steps}`);
    assert.ok(budget.ran >= 150, `only ${budget.ran} sequences ran within the CPU-time budget: ${budget.describe()}`);
  });
});
