import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// Portfolios over the real protocol: a closed portfolio found by the workspace scan is
// published with its member plans read from disk (globs listed through the host); hover and
// code lens on its entries; a member plan edited in the editor, changed on disk, or a plan
// created where a glob looks re-checks the portfolio.

const member = (title: string, total: number, tracesTo?: string) => `plan: ${title}
period: { start: 2027-01-01, end: 2027-06-30 }
budget: { total: ${total}, currency: EUR }
objective: { id: ${title.toLowerCase()}-growth, statement: Grow ${title}${tracesTo ? `, traces_to: ${tracesTo}` : ''} }
`;
const PORTFOLIO = `portfolio: FY27 growth
budget: { total: 1000000, currency: EUR }
objective: { id: fy27-growth, statement: 10000 new customers }
plans:
  - ./emea.plan.yaml
  - ./regions/*.plan.yaml
`;
const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => String(d.code));

describe('portfolios in the language server', () => {
  let root: string;
  let client: LspClient;
  const uri = (name: string) => pathToFileURL(join(root, name)).href;
  const shown = (name: string) => codes([...client.received].reverse().find((params) => params.uri === uri(name))?.diagnostics ?? []);

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-portfolio-'));
    mkdirSync(join(root, 'regions'));
    writeFileSync(join(root, 'fy27.portfolio.yaml'), PORTFOLIO);
    writeFileSync(join(root, 'emea.plan.yaml'), member('EMEA', 600000, 'fy27-growth'));
    writeFileSync(join(root, 'regions', 'na.plan.yaml'), member('NA', 300000));
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes a closed portfolio found by the workspace scan, its members read from disk, and no plan rule on it', async () => {
    const published = await client.waitForDiagnostics(uri('fy27.portfolio.yaml'), (params) => codes(params.diagnostics).includes('portfolio-untraced'));
    assert.deepEqual(codes(published.diagnostics), ['portfolio-untraced']);
    const untraced = published.diagnostics[0]!;
    assert.equal(untraced.range.start.line, 5);
    assert.match(String(untraced.message), /`na\.plan\.yaml`.*traces_to: fy27-growth/);
    const related = (untraced as { relatedInformation?: { location: { uri: string } }[] }).relatedInformation;
    assert.equal(related?.[0]?.location.uri, uri('regions/na.plan.yaml'));
  });

  it('hovers an entry with its plan’s dates, budget, objective and problem count, and shows a code lens per entry', async () => {
    await client.open(uri('fy27.portfolio.yaml'), PORTFOLIO);
    await client.diagnosticsFor(uri('fy27.portfolio.yaml'), 1);
    const hover = (await client.request('textDocument/hover', {
      textDocument: { uri: uri('fy27.portfolio.yaml') },
      position: { line: 4, character: 8 },
    })) as { contents: { value: string } };
    assert.match(hover.contents.value, /\*\*Plan\*\* EMEA — `emea\.plan\.yaml`/);
    assert.match(hover.contents.value, /2027-01-01 → 2027-06-30/);
    assert.match(hover.contents.value, /budget €600,000 EUR/);
    assert.match(hover.contents.value, /Objective: Grow EMEA/);
    assert.match(hover.contents.value, /\d+ problems?|no problems/);
    const lenses = (await client.request('textDocument/codeLens', { textDocument: { uri: uri('fy27.portfolio.yaml') } })) as {
      range: { start: { line: number } };
      command: { title: string };
    }[];
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command.title]),
      [
        [4, '€600,000 · 60% of the portfolio budget'],
        [5, '1 plan · €300,000 · 30% of the portfolio budget'],
      ],
    );
  });

  it('re-checks the portfolio when a member plan is edited in the editor (unsaved)', async () => {
    const since = client.received.length;
    await client.open(uri('emea.plan.yaml'), member('EMEA', 900000, 'fy27-growth'));
    const over = await client.waitForDiagnostics(
      uri('fy27.portfolio.yaml'),
      (params) => codes(params.diagnostics).includes('portfolio-budget-overallocated'),
      since,
    );
    assert.match(String(over.diagnostics.find((d) => d.code === 'portfolio-budget-overallocated')!.message), /add up to €1,200,000/);
    const back = client.received.length;
    await client.change(uri('emea.plan.yaml'), 2, [{ text: member('EMEA', 600000, 'fy27-growth') }]);
    await client.waitForDiagnostics(uri('fy27.portfolio.yaml'), (params) => !codes(params.diagnostics).includes('portfolio-budget-overallocated'), back);
    await client.close(uri('emea.plan.yaml'));
  });

  it('re-checks a closed portfolio when a member plan changes on disk, and when a plan its glob matches is created', async () => {
    await client.close(uri('fy27.portfolio.yaml'));
    let since = client.received.length;
    writeFileSync(join(root, 'regions', 'na.plan.yaml'), member('NA', 300000, 'fy27-growth'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('regions/na.plan.yaml'), type: 2 }] });
    await client.waitForDiagnostics(uri('fy27.portfolio.yaml'), (params) => params.diagnostics.length === 0, since);
    since = client.received.length;
    writeFileSync(join(root, 'regions', 'apac.plan.yaml'), member('APAC', 400000, 'fy27-growth'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('regions/apac.plan.yaml'), type: 1 }] });
    const over = await client.waitForDiagnostics(
      uri('fy27.portfolio.yaml'),
      (params) => codes(params.diagnostics).includes('portfolio-budget-overallocated'),
      since,
    );
    assert.match(String(over.diagnostics[0]!.message), /add up to €1,300,000/);
    assert.deepEqual(shown('fy27.portfolio.yaml'), ['portfolio-budget-overallocated']);
  });
});
