import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generatePlan } from '../../helpers/generatePlan.js';
import { hostileCases } from '../support/hostile.js';
import { SEED, seededRandom } from '../support/seed.js';
import { costlier, describeCost } from '../support/requestCost.js';
import { RSS_LIMIT_MB, ServerUnderTest, type SessionStats } from '../support/server.js';

// Every hostile input (alias bombs, 5,000-deep nesting, 200 KB scalars, 20,000 keys, prototype
// names, tags, many documents, 1e999 …) reaches the real server the way a paste does: a normal
// plan is open, the whole text is replaced by the hostile one, then the user types one more
// character. Each version gets diagnostics, every feature answers, the server stays up and small.
// Inputs over 50 KB each get a server of their own (V8 keeps the heap it grew, so one big
// paste would leave the memory of every later case unmeasured) and twice the memory bound:
// 8,000 channels on one line take the server to about 420 MB.

const LARGE_INPUT = 50_000;
const LARGE_RSS_LIMIT_MB = 2 * RSS_LIMIT_MB;

describe('hostile YAML sent to the server', () => {
  let server: ServerUnderTest;
  let largePeakMb = 0;
  let largeSlowest: SessionStats['slowestRequest'] | undefined;

  before(async () => {
    server = await ServerUnderTest.start();
  });
  after(async () => {
    console.log(
      `server hostile inputs: ${Object.keys(hostileCases).length}; small ones: ${server.summary()}; large ones: peak RSS ${largePeakMb.toFixed(0)} MB, slowest ${largeSlowest?.label} ${largeSlowest ? describeCost(largeSlowest.cost) : ''}`,
    );
    await server.stop();
  });

  Object.entries(hostileCases).forEach(([name, make], index) => {
    it(name, async () => {
      const hostile = make();
      if (hostile.length <= LARGE_INPUT) return pasteAndType(server, name, hostile, index, RSS_LIMIT_MB);
      const own = await ServerUnderTest.start();
      try {
        await pasteAndType(own, name, hostile, index, LARGE_RSS_LIMIT_MB);
      } finally {
        largePeakMb = Math.max(largePeakMb, own.stats.peakRssMb);
        if (!largeSlowest || costlier(own.stats.slowestRequest.cost, largeSlowest.cost)) largeSlowest = own.stats.slowestRequest;
        await own.stop();
      }
    });
  });

  it('ids, owners and references shaped like markdown links to command: and javascript: never become links in a hover or completion', async () => {
    const id = JSON.stringify('[x](command:workbench.action.terminal.new) `a`[y](javascript:alert(1)) <a href="command:x">z</a>');
    const text = `plan: x\nchannels:\n  ${id}: { type: paid, owner: ${id}, kpis: [k], depends_on: [b] }\n  b: { type: paid, depends_on: [${id}] }\nkpis:\n  k: { traces_to: ${id}, owner: ${id} }\n`;
    const document = await server.open(text, 'markdown links');
    const problems: string[] = [];
    // Hover and completion at 80 seeded positions of a 400-character text: on every id, key and value.
    await document.probe(seededRandom(SEED), 80, problems);
    await document.close();
    assert.deepEqual([...problems, ...server.health()], []);
  });

  it('also answers a hostile text sent in didOpen', async () => {
    const problems: string[] = [];
    const document = await server.open(hostileCases['alias bomb inside channels']!(), 'opened bomb');
    await document.probe(seededRandom(SEED), 2, problems);
    await document.close();
    assert.deepEqual([...problems, ...server.health()], []);
  });
});

/** A normal plan is open; the hostile text replaces it (a paste), then one more character is typed. */
async function pasteAndType(server: ServerUnderTest, name: string, hostile: string, index: number, rssLimitMb: number): Promise<void> {
  const random = seededRandom(SEED + index);
  const mark = server.mark();
  const problems: string[] = [];
  const document = await server.open(generatePlan(5), name);
  await document.edit({ range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } }, text: hostile });
  assert.equal(document.text, hostile);
  await document.diagnostics();
  await document.probe(random, 3, problems);
  await document.append('\n#');
  await document.diagnostics();
  await document.probe(random, 1, problems, false);
  await document.close();
  assert.deepEqual([...problems, ...server.health(mark, rssLimitMb)], [], `FC_SEED=${SEED}`);
}
