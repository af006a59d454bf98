import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { burnCpu, sleepWithoutCpu } from '../../helpers/cpuTime.js';
import { generatePlan } from '../../helpers/generatePlan.js';
import { CORE_CPU_LIMITS_MS, exercise, timeLimitProblems } from '../support/exercise.js';
import { features, type FeatureCall } from '../support/features.js';
import { SEED, seededRandom } from '../support/seed.js';

// The core suites bound the CPU time of each feature call and of each whole exercise, so a
// busy machine cannot fail them; these tests inject a deliberately slow feature and show the
// same checks the suites use still fail it, and that waiting (what load does) is not counted.

const PLAN = generatePlan(5);

function exerciseWith(slow: FeatureCall) {
  const exercised = exercise(PLAN, { random: seededRandom(SEED), features: [...features, slow] });
  assert.deepEqual(exercised.problems, []);
  return exercised;
}

describe('the time checks of the core suites', () => {
  it('fail a feature that uses more CPU time than the limit, naming it and its CPU time', () => {
    const burn = CORE_CPU_LIMITS_MS.feature + 500;
    const exercised = exerciseWith({ name: 'a deliberately slow feature', whole: () => burnCpu(burn) });
    const problems = timeLimitProblems(exercised);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, new RegExp(`^a deliberately slow feature used (\\d+) ms of CPU time \\(limit ${CORE_CPU_LIMITS_MS.feature} ms\\)$`));
    assert.ok(exercised.slowest.cpuMs >= burn - 50, problems[0]);
  });

  it('fail an exercise whose calls together use more CPU time than the whole may (with a lower limit, to keep the test short)', () => {
    const limits = { ...CORE_CPU_LIMITS_MS, exercise: 400 };
    const exercised = exercise(PLAN, {
      random: seededRandom(SEED),
      features: [1, 2, 3].map((i) => ({ name: `slow feature ${i}`, whole: () => burnCpu(150) })),
    });
    assert.ok(exercised.slowest.cpuMs < limits.feature);
    assert.deepEqual(timeLimitProblems(exercised, limits), [
      `the whole exercise used ${(exercised.cpuMs - exercised.formatCpuMs).toFixed(0)} ms of CPU time, formatting not counted (limit 400 ms)`,
    ]);
  });

  it('fail a formatting call over its size-based limit, and count it apart from the other features', () => {
    const limit = CORE_CPU_LIMITS_MS.feature + PLAN.length / 50;
    const exercised = exerciseWith({ name: 'formatDocument (deliberately slow)', whole: () => burnCpu(limit + 300) });
    const problems = timeLimitProblems(exercised);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /^formatDocument \(deliberately slow\) used (\d+) ms of CPU time \(limit \d+ ms\)$/);
    assert.equal(exercised.slowest.label === 'formatDocument (deliberately slow)', false);
  });

  it('pass a feature that waits longer than the limit without using the CPU, as on a busy machine', () => {
    const wait = CORE_CPU_LIMITS_MS.feature + 500;
    const started = performance.now();
    const exercised = exerciseWith({ name: 'a waiting feature', whole: () => sleepWithoutCpu(wait) });
    assert.ok(performance.now() - started >= wait, 'the feature waited');
    assert.deepEqual(timeLimitProblems(exercised), []);
  });
});
