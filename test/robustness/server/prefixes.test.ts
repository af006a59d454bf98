import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadCorpus } from '../support/corpus.js';
import { excerpt } from '../support/exercise.js';
import { prefixEnds } from '../support/prefixEnds.js';
import { SCALE, SEED, seededRandom } from '../support/seed.js';
import { ServerUnderTest } from '../support/server.js';

// Typing every example and fixture plan into the real server over stdio, as incremental
// didChange edits to one open document per plan, waiting for the diagnostics of every version.
// The example plans are typed one character per edit; the fixtures in chunks that end at every
// line boundary and at seeded points inside lines. Feature requests are asked along the way.

/** Every `PROBE_EVERY`-th version (and the last) is asked every feature; FC_SCALE asks more often. */
const PROBE_EVERY = Math.max(1, Math.round(60 / SCALE));
/** Extra prefix lengths inside lines per fixture plan, besides every line boundary. */
const EXTRA_PREFIXES = 6 * SCALE;
const MAX_REPORTED = 5;

describe('typing every example and fixture plan into the server', () => {
  const corpus = loadCorpus();
  let server: ServerUnderTest;
  let typed = 0;

  before(async () => {
    server = await ServerUnderTest.start();
  });
  after(async () => {
    console.log(`server prefixes: ${typed} prefixes of ${corpus.length} plans; ${server.summary()}`);
    await server.stop();
  });

  corpus.forEach((plan, index) => {
    it(plan.path, async () => {
      const random = seededRandom(SEED + index);
      const document = await server.open('', plan.path);
      const problems: string[] = [];
      const ends = prefixEnds(plan, random, EXTRA_PREFIXES);
      let done = 0;
      for (const [step, end] of ends.entries()) {
        await document.append(plan.text.slice(done, end));
        done = end;
        await document.diagnostics();
        typed++;
        if (step % PROBE_EVERY === PROBE_EVERY - 1 || end === plan.text.length) {
          const found: string[] = [];
          await document.probe(random, 2, found);
          if (found.length > 0) problems.push(`prefix of ${end} characters ${excerpt(plan.text.slice(Math.max(0, end - 80), end))}:\n  ${found.join('\n  ')}`);
        }
        if (problems.length >= MAX_REPORTED) break;
      }
      assert.equal(document.text, plan.text.slice(0, done), 'the server-side mirror drifted from the typed text');
      await document.close();
      assert.deepEqual([...problems, ...server.health()], [], `FC_SEED=${SEED}`);
    });
  });

  it('typed thousands of prefixes, every character of the example plans', () => {
    const examples = corpus.filter((plan) => plan.path.startsWith('examples/'));
    assert.ok(examples.length >= 2, 'the example plans are missing');
    assert.ok(typed > examples.reduce((sum, plan) => sum + plan.text.length, 0), `only ${typed} prefixes`);
  });
});
