import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText, createParseState } from '../../../server/src/core/analyze.js';
import { repoPath } from '../support/corpus.js';
import { exercise } from '../support/exercise.js';
import { SEED, seededRandom } from '../support/seed.js';

// Every input the fuzzers once broke, kept as a fixture (test/fixtures/regressions/): each
// `<name>.plan.yaml` is checked like a keystroke; when `<name>.before.plan.yaml` exists, the
// same incremental state sees that text first (the bug needed an edit to show).

const DIR = repoPath('test', 'fixtures', 'regressions');

describe('regression fixtures', () => {
  const names = readdirSync(DIR)
    .filter((name) => name.endsWith('.plan.yaml') && !name.endsWith('.before.plan.yaml'))
    .sort();

  it('has fixtures', () => assert.ok(names.length > 0));

  for (const name of names) {
    it(name, () => {
      const text = readFileSync(`${DIR}/${name}`, 'utf8');
      const before = `${DIR}/${name.replace(/\.plan\.yaml$/, '.before.plan.yaml')}`;
      const state = createParseState();
      if (existsSync(before)) analyzeText(readFileSync(before, 'utf8'), {}, state);
      const { problems } = exercise(text, { state, random: seededRandom(SEED), positions: 20, applyFixes: true });
      assert.deepEqual(problems, []);
    });
  }
});
