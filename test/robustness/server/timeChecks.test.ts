import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSlowdown, SLOW_REQUEST_VARIABLE } from '../../../server/src/node/testSlowdown.js';
import { generatePlan } from '../../helpers/generatePlan.js';
import { SEED, seededRandom } from '../support/seed.js';
import { ANSWER_CPU_LIMIT_MS, ServerUnderTest, type ServerOptions } from '../support/server.js';

// The robustness suites measure each request by the server's own CPU time, so a busy machine
// cannot fail them; these tests show the checks still fail when the server itself is slow. A
// test-only switch (server/src/testSlowdown.ts) makes one handler burn CPU, or wait without
// using it, before answering.

const PLAN = generatePlan(5);

/** Starts a server with the switch set, opens a plan and sends the requests asked at a cursor (twice each, at the start and the end). */
async function probeWith(slowdown: string, options: ServerOptions = {}): Promise<{ problems: string[]; server: ServerUnderTest }> {
  const server = await ServerUnderTest.start({ ...options, recordCosts: true, env: { [SLOW_REQUEST_VARIABLE]: slowdown } });
  try {
    const document = await server.open(PLAN, 'slow');
    const problems: string[] = [];
    await document.probe(seededRandom(SEED), 0, problems, false);
    await document.close();
    problems.push(...server.health());
    return { problems, server };
  } finally {
    await server.stop();
  }
}

describe('the time checks of the server suites', () => {
  it('fail a handler that uses more CPU time than the limit, naming the request and its CPU time', async () => {
    const { problems, server } = await probeWith(`textDocument/hover:${ANSWER_CPU_LIMIT_MS + 500}`);
    assert.equal(problems.length, 2, problems.join('\n'));
    for (const [index, problem] of problems.entries()) {
      assert.match(
        problem,
        new RegExp(
          `^textDocument/hover at ${index === 0 ? '0:0' : '\\d+:0'} of version 1: used (\\d+) ms of server CPU time \\(limit ${ANSWER_CPU_LIMIT_MS} ms; answered after \\d+ ms\\)$`,
        ),
      );
      const used = Number(/used (\d+) ms/.exec(problem)![1]);
      assert.ok(used >= ANSWER_CPU_LIMIT_MS + 500 - 50, problem);
    }
    assert.match(server.client.logs.join('\n'), /THROUGHLINE_TEST_SLOW_REQUEST \(a test-only switch\) is set: every textDocument\/hover uses 1500 ms of CPU/);
  });

  it('pass a handler that waits longer than the limit without using the CPU, as on a busy machine', async () => {
    const wait = ANSWER_CPU_LIMIT_MS + 500;
    const { problems, server } = await probeWith(`textDocument/hover:${wait}:sleep`);
    assert.deepEqual(problems, []);
    const hovers = server.costs!.filter(({ label }) => label.startsWith('textDocument/hover'));
    assert.equal(hovers.length, 2);
    for (const { cost } of hovers) {
      assert.ok(cost.wallMs >= wait, `the hover waited: ${JSON.stringify(cost)}`);
      assert.ok(cost.cpuMs! < ANSWER_CPU_LIMIT_MS / 2, `and used little CPU time: ${JSON.stringify(cost)}`);
    }
  });

  it('leave a handler that never answers in time to the wall-clock hang detector alone', async () => {
    const { problems } = await probeWith('textDocument/hover:3000:sleep', { hangMs: 1000 });
    assert.equal(problems.length, 2, problems.join('\n'));
    for (const problem of problems) assert.match(problem, /^textDocument\/hover at \d+:0 of version 1: no answer after 1000 ms$/);
  });

  it('fail a CPU-burning handler on the wall-clock fallback too, saying it is wall-clock time', async () => {
    const server = await ServerUnderTest.start({ clock: 'wall', env: { [SLOW_REQUEST_VARIABLE]: `textDocument/hover:${2.5 * ANSWER_CPU_LIMIT_MS}` } });
    try {
      const document = await server.open(PLAN, 'slow wall-clock');
      const problems: string[] = [];
      await server.ask('textDocument/hover', { textDocument: { uri: document.uri }, position: { line: 0, character: 0 } }, 'hover', problems);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(
        problems[0]!,
        /^hover: answered after \d+ ms \(limit \d+ ms: 1000 ms × the load factor \d+\.\d\d measured now; wall-clock time, as the server's CPU time cannot be read here from \/proc\/\d+\/schedstat\)$/,
      );
    } finally {
      await server.stop();
    }
  });

  it('read the switch as <method>:<ms>[:sleep] and nothing else', () => {
    assert.equal(parseSlowdown(undefined), undefined);
    assert.equal(parseSlowdown(''), undefined);
    assert.deepEqual(parseSlowdown('textDocument/hover:1500'), { method: 'textDocument/hover', ms: 1500, mode: 'burn' });
    assert.deepEqual(parseSlowdown('throughline/timeline:20:sleep'), { method: 'throughline/timeline', ms: 20, mode: 'sleep' });
    for (const bad of ['textDocument/hover', 'hover:soon', 'hover:-5', 'hover:1500:nap', 'hover:99999999'])
      assert.match(String(parseSlowdown(bad)), /THROUGHLINE_TEST_SLOW_REQUEST should be <method>:<ms> or <method>:<ms>:sleep, got .*; ignored/);
  });
});
