import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CSV_NAME, hostileCsvCases, PLAN_WITH_ACTUALS_FILE } from '../support/hostileCsv.js';
import { ServerUnderTest } from '../support/server.js';

// The hostile actuals CSVs on disk, named by a plan opened in the real server over stdio: the
// plan's diagnostics arrive, the CSV's problems are published on the CSV's own URI on exactly
// its bad lines, and the server stays up, quiet and within its CPU-time and memory bounds.
// A CSV with NUL bytes is refused by the host: the plan says the file cannot be read.

/** The server's main-thread CPU time for one case (open, read the CSV, analyze, publish twice): 3 s plus 2 s per MB of CSV. */
const cpuLimitMs = (csv: string) => 3000 + csv.length / 500;

describe('hostile actuals CSVs read by the server', () => {
  let server: ServerUnderTest;
  let root: string;
  let slowest = { name: '', cpuMs: 0 };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'throughline-hostile-csv-'));
    server = await ServerUnderTest.start();
  });
  after(async () => {
    console.log(
      `# server hostile CSVs: the slowest, ${slowest.name}, used ${slowest.cpuMs.toFixed(0)} ms of server CPU time; peak RSS ${server.stats.peakRssMb.toFixed(0)} MB`,
    );
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  Object.entries(hostileCsvCases).forEach(([name, make], index) => {
    it(name, async () => {
      const hostile = make();
      const folder = join(root, `case-${index}`);
      const planUri = pathToFileURL(join(folder, 'hostile.plan.yaml')).href;
      const csvUri = pathToFileURL(join(folder, CSV_NAME)).href;
      mkdirWithFiles(folder, { [CSV_NAME]: hostile.text, 'hostile.plan.yaml': PLAN_WITH_ACTUALS_FILE });
      const mark = server.mark();
      const cpuBefore = server.cpuMs();
      const since = server.client.received.length;
      await server.client.open(planUri, PLAN_WITH_ACTUALS_FILE, 1);
      const plan = await server.client.diagnosticsFor(planUri, 1, since);
      const planMessages = plan.diagnostics.map((diagnostic) => String(diagnostic.message));
      if (hostile.refusedOnDisk) {
        assert.ok(
          planMessages.some((message) => message.includes('cannot be read') && message.includes('NUL')),
          planMessages.join('\n'),
        );
      } else {
        const csv = await server.client.waitForDiagnostics(csvUri, () => true, since);
        const lines = hostile.text.split(/\r\n|\r|\n/);
        const outside = csv.diagnostics.filter(
          ({ range: { start, end } }) => start.line >= lines.length || end.line >= lines.length || end.character > lines[end.line]!.length,
        );
        assert.deepEqual(outside, [], 'every CSV diagnostic lies inside the CSV');
        const diagnosed = [...new Set(csv.diagnostics.map((diagnostic) => diagnostic.range.start.line))].sort((a, b) => a - b);
        assert.deepEqual(
          diagnosed,
          [...hostile.bad].sort((a, b) => a - b),
          'the CSV diagnostics are on exactly its bad lines',
        );
        assert.ok(
          csv.diagnostics.every((diagnostic) => diagnostic.code === 'actuals-file'),
          'every CSV diagnostic is the actuals-file rule',
        );
      }
      await server.client.close(planUri);
      const cpuMs = (server.cpuMs() ?? cpuBefore ?? 0) - (cpuBefore ?? 0);
      if (cpuMs > slowest.cpuMs) slowest = { name, cpuMs };
      const limit = cpuLimitMs(hostile.text);
      assert.ok(cpuMs <= limit, `${name}: the server used ${cpuMs.toFixed(0)} ms of CPU time (limit ${limit.toFixed(0)} ms)`);
      assert.deepEqual(server.health(mark), []);
    });
  });
});

function mkdirWithFiles(folder: string, files: Record<string, string>): void {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
}
