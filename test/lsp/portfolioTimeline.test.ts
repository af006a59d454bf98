import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PortfolioTimelineResult } from '../../server/src/protocol.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// throughline/portfolioTimeline over the real protocol, on a copy of examples/portfolio: the
// member plans (a path and a glob) are read from disk, one lane each; an edit of a member plan
// open in the editor shows in the next answer; a file that is not an open portfolio gets null.

describe('the portfolio timeline request', () => {
  let root: string;
  let client: LspClient;
  const uri = (name: string) => pathToFileURL(join(root, name)).href;
  const ask = (name: string, render?: 'panel' | 'standalone') =>
    client.request('throughline/portfolioTimeline', { uri: uri(name), ...(render ? { render } : {}) }) as Promise<PortfolioTimelineResult | null>;

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-portfolio-timeline-'));
    cpSync(join(__dirname, '..', '..', 'examples', 'portfolio'), root, { recursive: true });
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('returns the lanes of an open portfolio, in its order, with dates, budgets, shares and the deadline; and the SVG when asked', async () => {
    await client.open(uri('q4-growth.portfolio.yaml'), readFileSync(join(root, 'q4-growth.portfolio.yaml'), 'utf8'));
    const result = await ask('q4-growth.portfolio.yaml', 'panel');
    assert.ok(result);
    const { timeline } = result;
    assert.equal(timeline.title, 'Q4 2026 new-customer growth');
    assert.deepEqual(
      timeline.lanes.map((lane) => lane.uri),
      [uri('uk.plan.yaml'), uri('regions/ireland.plan.yaml')],
    );
    const [uk] = timeline.lanes;
    assert.equal(uk!.title, 'UK Q4 new-customer acquisition');
    assert.deepEqual([uk!.span?.start.date, uk!.span?.end.date, uk!.span?.from], ['2026-10-01', '2026-12-31', 'period']);
    assert.equal(uk!.budget, 160000);
    assert.equal(uk!.share, 160000 / 250000);
    assert.ok(uk!.channels.length > 0);
    assert.equal(timeline.objective?.deadline?.date, '2026-12-31');
    assert.equal(result.svg!.match(/<g class="plan-lane"/g)?.length, 2);
    assert.doesNotMatch(result.svg!, /<style>/);
    assert.match((await ask('q4-growth.portfolio.yaml', 'standalone'))!.svg!, /<style>/);
    assert.equal((await ask('q4-growth.portfolio.yaml'))!.svg, undefined);
  });

  it('an edit of a member plan open in the editor is in the next answer', async () => {
    const path = join(root, 'regions', 'ireland.plan.yaml');
    const text = readFileSync(path, 'utf8');
    await client.open(uri('regions/ireland.plan.yaml'), text);
    await client.diagnosticsFor(uri('regions/ireland.plan.yaml'), 1);
    const renamed = text.replace(/^plan: .*$/m, 'plan: Ireland, renamed');
    await client.change(uri('regions/ireland.plan.yaml'), 2, [{ text: renamed }]);
    await client.diagnosticsFor(uri('regions/ireland.plan.yaml'), 2);
    let title: string | undefined;
    // The server re-analyzes the portfolio when a member changes; ask until it has (bounded).
    for (let attempt = 0; attempt < 50 && title !== 'Ireland, renamed'; attempt++) {
      title = (await ask('q4-growth.portfolio.yaml'))?.timeline.lanes[1]?.title;
      if (title !== 'Ireland, renamed') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(title, 'Ireland, renamed');
    // The member plan's problem count is known once the server has analyzed it.
    assert.equal(typeof (await ask('q4-growth.portfolio.yaml'))?.timeline.lanes[1]?.problems, 'number');
  });

  it('null for a plan, a closed portfolio, an unknown file; hostile params are not a crash', async () => {
    assert.equal(await ask('uk.plan.yaml'), null);
    writeFileSync(join(root, 'other.portfolio.yaml'), 'portfolio: Other\nplans: []\n');
    assert.equal(await ask('other.portfolio.yaml'), null);
    assert.equal(await ask('nowhere.portfolio.yaml'), null);
    // Garbage params get null or an error, and the server goes on answering.
    for (const params of [null, {}, { uri: 42 }, { uri: uri('q4-growth.portfolio.yaml'), render: { a: 1 } }])
      await client.request('throughline/portfolioTimeline', params).catch(() => undefined);
    const still = await ask('q4-growth.portfolio.yaml');
    assert.equal(still?.timeline.lanes.length, 2);
  });
});
