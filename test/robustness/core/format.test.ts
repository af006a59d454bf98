import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { formatText } from '../../../server/src/core/features/format/index.js';
import { formattingProblems } from '../../helpers/formatChecks.js';
import { loadCorpus } from '../support/corpus.js';
import { excerpt } from '../support/exercise.js';
import { hostileCases } from '../support/hostile.js';
import { messyPlan } from '../support/messyPlans.js';
import { applyMutation, mutationArbitrary } from '../support/mutations.js';
import { ownCpuMs } from '../../helpers/cpuTime.js';
import { assertProperty, CpuBudget } from '../support/seed.js';

// Format Document's promises, over every example and fixture plan, every hostile input,
// random edits of the plans and randomly messy plans: it never throws, a plan that does not
// parse is refused (not changed), the analysed plan (diagnostics and model, positions aside)
// stays the same, and formatting the result again changes nothing. With and without sorted keys.

const SORTINGS = [false, true] as const;
/** Hostile inputs over this size are formatted without sorting only: each costs seconds of analysis. */
const LARGE_INPUT = 50_000;
/** Formatting parses the syntax tree again (and the result, when it changes): 1 s plus 1 s per 50 KB of CPU time. */
const formatLimitMs = (length: number) => 1000 + length / 50;

describe('formatting', () => {
  const corpus = loadCorpus();

  for (const sortKeys of SORTINGS) {
    it(`keeps every example and fixture plan's meaning and is idempotent${sortKeys ? ', keys sorted' : ''} (${corpus.length} plans)`, () => {
      const failures = corpus.flatMap(({ path, text }) => formattingProblems(text, { sortKeys }).map((problem) => `${path}: ${problem}`));
      assert.deepEqual(failures, []);
    });
  }

  it(`handles every hostile input (${Object.keys(hostileCases).length})`, () => {
    const failures: string[] = [];
    for (const [name, make] of Object.entries(hostileCases)) {
      const text = make();
      const started = ownCpuMs();
      formatText(text, {});
      const ms = ownCpuMs() - started;
      if (ms > formatLimitMs(text.length))
        failures.push(`${name}: formatting used ${ms.toFixed(0)} ms of CPU time (limit ${formatLimitMs(text.length).toFixed(0)} ms)`);
      for (const sortKeys of SORTINGS) {
        if (sortKeys && text.length > LARGE_INPUT) continue;
        failures.push(...formattingProblems(text, { sortKeys }).map((problem) => `${name}${sortKeys ? ' (sorted)' : ''}: ${problem.slice(0, 2000)}`));
      }
    }
    assert.deepEqual(failures, []);
  });

  it('keeps the meaning of randomly edited plans, or refuses them when they stop parsing', () => {
    let formatted = 0;
    const budget = new CpuBudget(40_000, ownCpuMs);
    assertProperty(
      fc.property(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        budget.wrap((index, mutations, sortKeys) => {
          const text = mutations.reduce(applyMutation, corpus[index]!.text);
          const problems = formattingProblems(text, { sortKeys, tabSize: 4 });
          formatted++;
          if (problems.length > 0)
            throw new Error(
              `${corpus[index]!.path} after ${JSON.stringify(mutations)}${sortKeys ? ', sorted' : ''}:\n${problems.join('\n')}\ntext: ${excerpt(text, 2000)}`,
            );
        }),
      ),
      300,
    );
    console.log(`# edited plans formatted: ${formatted}; ${budget.describe()}`);
    assert.ok(budget.ran >= 50, `only ${budget.ran} runs within the CPU-time budget: ${budget.describe()}`);
  });

  it('keeps the meaning of messy plans (mixed indentation, flow and block, comments, CRLF, BOM) and is idempotent', () => {
    let formatted = 0;
    const budget = new CpuBudget(40_000, ownCpuMs);
    assertProperty(
      fc.property(
        messyPlan,
        fc.boolean(),
        fc.integer({ min: 30, max: 140 }),
        budget.wrap(({ text, seed }: { text: string; seed: number }, sortKeys: boolean, lineWidth: number) => {
          const syntax = analyzeText(text).parsed.problems.filter((problem) => problem.severity === 'error');
          if (syntax.length > 0) throw new Error(`the generator wrote YAML that does not parse (${syntax[0]!.message}): ${excerpt(text, 3000)}`);
          const problems = formattingProblems(text, { sortKeys, lineWidth });
          formatted++;
          if (problems.length > 0)
            throw new Error(`layout seed ${seed}, lineWidth ${lineWidth}${sortKeys ? ', sorted' : ''}:\n${problems.join('\n')}\ntext: ${excerpt(text, 3000)}`);
        }),
      ),
      400,
    );
    console.log(`# messy plans formatted: ${formatted}; ${budget.describe()}`);
    assert.ok(budget.ran >= 50, `only ${budget.ran} runs within the CPU-time budget: ${budget.describe()}`);
  });
});
