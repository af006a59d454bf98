// `npm run bench`: the built language server beside the YAML parse floor and yaml-language-server,
// on generated plans of 100, 1,000 and 5,000 channels. Prints one table and writes it as JSON
// (bench/results/latest.json for a full run). Then the after-launch scenarios (bench/actuals.ts):
// 1,000 channels with phasing and weekly actuals, and a 100,000-row actuals CSV.
// Then the Scale scenarios of the portfolio issue (bench/portfolio.ts): 500 plans importing one
// library, none open.
// Options: --sizes=100,1000  --no-peer  --quick  --no-actuals  --actuals-only  --no-portfolio  --portfolio-only
// `npm run bench -- --markdown[=file.json]` runs nothing: it prints the figures of
// docs/performance.md (machine, table, targets) from bench/results/latest.json or the file
// named; `npm run docs` writes them into that page.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, type LspClient } from '../test/helpers/lspClient.js';
import { generatePlan } from '../test/helpers/generatePlan.js';
import { measureActualsEdits, measureCsvChanges, type ActualsCounts, type ActualsSamples } from './actuals.js';
import { measureFloor } from './floor.js';
import { formatPortfolioTable, measurePortfolio, type PortfolioCounts } from './portfolio.js';
import { buildReport, formatMarkdown, machineInfo, type Report, type SizeResult } from './report.js';
import { checkSchemaErrorShows, EDITOR_DEBOUNCE_MS, measureServer, type Counts } from './scenarios.js';
import { PEER_VALIDATION_DELAY_MS, startPeer, startThroughline } from './servers.js';

const DEFAULT_SIZES = [100, 1000, 5000];
const LATEST = 'bench/results/latest.json';
const SCHEMA = 'schema/plan.schema.json';

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const actualsOnly = args.includes('--actuals-only');
const portfolioOnly = args.includes('--portfolio-only');
const sizes = actualsOnly || portfolioOnly ? [] : (option('sizes')?.split(',').map(Number) ?? DEFAULT_SIZES);
const withPeer = !args.includes('--no-peer');
const quick = args.includes('--quick');
const withActuals = !args.includes('--no-actuals') && !portfolioOnly;
const withPortfolio = !args.includes('--no-portfolio') && !actualsOnly;
const full = sizes.join() === DEFAULT_SIZES.join() && withPeer && !quick && withActuals && withPortfolio;
const portfolioCounts: PortfolioCounts = quick ? { starts: 1, edits: 2, requests: 5, floorRuns: 2 } : { starts: 2, edits: 4, requests: 20, floorRuns: 3 };
const PORTFOLIO_LATEST = 'bench/results/portfolio.json';
const actualsCounts: ActualsCounts = quick ? { edits: 5, csvChanges: 3, csvParses: 3 } : { edits: 15, csvChanges: 5, csvParses: 5 };

/** Fewer repetitions where one costs seconds (the peer, the largest plan). */
function countsFor(size: number, flavour: 'throughline' | 'peer'): Counts {
  const large = size >= 5000;
  if (flavour === 'peer') return { opens: large || quick ? 2 : 3, edits: large || quick ? 3 : 5, requests: 0, timelines: 0 };
  if (quick) return { opens: 2, edits: 3, requests: 4, timelines: 2 };
  return { opens: large ? 3 : 5, edits: large ? 8 : 15, requests: large ? 20 : 40, timelines: large ? 3 : 5 };
}

async function withServer<T>(start: () => Promise<LspClient>, use: (client: LspClient) => Promise<T>): Promise<T> {
  const client = await start();
  try {
    return await use(client);
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const markdown = args.find((arg) => arg === '--markdown' || arg.startsWith('--markdown='));
  if (markdown) {
    const report = JSON.parse(readFileSync(option('markdown') ?? LATEST, 'utf8')) as Report;
    console.log(formatMarkdown(report));
    return;
  }
  await buildServer();
  const machine = machineInfo();
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
  const results: SizeResult[] = [];
  let actuals: ActualsSamples | undefined;
  try {
    for (const size of sizes) {
      const text = generatePlan(size);
      writeFileSync(join(dir, `plan-${size}.plan.yaml`), text);
      process.stderr.write(`${size} channels: parse floor … `);
      const floor = measureFloor(text, size >= 5000 ? 3 : 5);
      process.stderr.write('throughline … ');
      const throughline = await withServer(startThroughline, async (client) => {
        await checkSchemaErrorShows(client, dir, 'throughline');
        return measureServer(client, 'throughline', dir, size, countsFor(size, 'throughline'));
      });
      let peer;
      if (withPeer) {
        process.stderr.write('yaml-language-server … ');
        peer = await withServer(
          () => startPeer(SCHEMA),
          async (client) => {
            await checkSchemaErrorShows(client, dir, 'peer');
            return measureServer(client, 'peer', dir, size, countsFor(size, 'peer'));
          },
        );
      }
      process.stderr.write('done\n');
      results.push({ channels: size, kilobytes: Buffer.byteLength(text) / 1024, floor, throughline, peer });
    }
    if (withActuals) {
      process.stderr.write('after launch: edits with and without actuals … ');
      const edits = await withServer(startThroughline, (client) => measureActualsEdits(client, dir, actualsCounts.edits));
      process.stderr.write('100,000-row CSV … ');
      const csv = await withServer(startThroughline, (client) => measureCsvChanges(client, dir, actualsCounts));
      process.stderr.write('done\n');
      actuals = { ...edits, ...csv };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const portfolio = withPortfolio ? await measurePortfolio(portfolioCounts, (message) => process.stderr.write(message)) : undefined;
  if (portfolio) process.stderr.write('done\n');

  const settings = {
    throughlineDebounceMs: 0,
    completionHoverDebounceMs: EDITOR_DEBOUNCE_MS,
    peerValidationDelayMs: PEER_VALIDATION_DELAY_MS,
    counts: Object.fromEntries(sizes.map((size) => [size, { throughline: countsFor(size, 'throughline'), peer: countsFor(size, 'peer') }])),
    ...(withActuals ? { actualsCounts } : {}),
  };
  const report = buildReport(results, machine, settings, PEER_VALIDATION_DELAY_MS, actuals);
  if (sizes.length > 0 || actuals) console.log(`\n${formatMarkdown(report)}\n`);
  if (portfolio) {
    console.log(`\n${formatPortfolioTable(portfolio, machine)}\n`);
    const out = full || (portfolioOnly && !quick) ? PORTFOLIO_LATEST : join(tmpdir(), 'throughline-bench-portfolio.json');
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(out, JSON.stringify({ machine, counts: portfolioCounts, samples: portfolio }, null, 2) + '\n');
    console.log(`portfolio figures written to ${out}`);
    if (portfolioOnly) return;
  }
  const out = full ? LATEST : join(tmpdir(), 'throughline-bench-partial.json');
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log(`written to ${out}${full ? '; run `npm run docs` to update docs/performance.md' : ` (a partial run does not replace ${LATEST})`}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
