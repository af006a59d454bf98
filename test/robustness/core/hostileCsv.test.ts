import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { parseActualsCsv } from '../../../server/src/core/actuals/csv.js';
import { analyzeText, buildReviewPack, linkedFilesOf, renderReviewHtml, renderReviewMarkdown } from '../../../server/src/core/index.js';
import { LineIndex } from '../../../server/src/core/text/lineIndex.js';
import type { Range } from '../../../server/src/core/types.js';
import { withCpuTime } from '../../helpers/cpuTime.js';
import { describeError } from '../support/exercise.js';
import { CSV_NAME, hostileCsvCases, MUST_STAY_TEXT, PLAN_WITH_ACTUALS_FILE, type HostileCsv } from '../support/hostileCsv.js';

// Hostile actuals CSVs, read alone and with the plan that names them (AnalyzeOptions.files, as
// the server and the CLI hand them over): nothing throws, every bad row gets a problem on its
// own line, no good row gets one, a formula stays text, and the review pack built from the
// result holds none of the hostile text.

const PLAN_URI = 'file:///robustness/csv/hostile.plan.yaml';
const CSV_URI = `file:///robustness/csv/${CSV_NAME}`;
/** CPU time for the whole of one case (the CSV parsed, the plan analyzed, the review pack in three formats): 2 s plus 2 s per MB. */
const cpuLimitMs = (text: string) => 2000 + text.length / 500;

/** Why a range is not inside the text: a line past the last, or a column past its line's end. */
function outside(range: Range, lines: LineIndex): string | undefined {
  for (const { line, character } of [range.start, range.end]) {
    if (line < 0 || line >= lines.lineCount) return `line ${line} of ${lines.lineCount}`;
    if (character < 0 || character > lines.lineText(line).length) return `column ${character} of line ${line} (${lines.lineText(line).length} long)`;
  }
  return undefined;
}

function check(name: string, hostile: HostileCsv): { problems: string[]; cpuMs: number } {
  const problems: string[] = [];
  const { cpuMs } = withCpuTime(() => {
    try {
      checkParse(hostile, problems);
      checkAnalysis(hostile, problems);
    } catch (error) {
      problems.push(`threw: ${describeError(error)}`);
    }
  });
  const limit = cpuLimitMs(hostile.text);
  if (cpuMs > limit) problems.push(`${name} used ${cpuMs.toFixed(0)} ms of CPU time (limit ${limit.toFixed(0)} ms)`);
  return { problems, cpuMs };
}

/** The CSV alone: its own problems (header, rows, dates, numbers) inside it and only on bad lines (unknown ids are the plan's to say), its good lines read as rows. */
function checkParse({ text, bad, good }: HostileCsv, problems: string[]): void {
  const csv = parseActualsCsv(text);
  const lines = new LineIndex(text);
  for (const problem of csv.problems) {
    const where = outside(problem.range, lines);
    if (where) problems.push(`problem outside the CSV (${where}): ${problem.message.slice(0, 200)}`);
  }
  const problemLines = new Set(csv.problems.map((problem) => problem.range.start.line));
  const rowLines = new Set(csv.rows.map((row) => row.line));
  const badLines = new Set(bad);
  for (const line of problemLines) if (!badLines.has(line)) problems.push(`line ${line + 1}, not a bad one, has a problem`);
  for (const line of good) {
    if (problemLines.has(line))
      problems.push(`good line ${line + 1} has a problem: ${csv.problems.find((p) => p.range.start.line === line)!.message.slice(0, 200)}`);
    if (!rowLines.has(line)) problems.push(`good line ${line + 1} was not read as a row`);
  }
  for (const row of csv.rows) if (!Number.isFinite(row.value)) problems.push(`line ${row.line + 1} was read as ${row.value}`);
}

/**
 * The plan with the CSV: the CSV's diagnostics (its own and those that depend on the plan) are
 * exactly on the bad lines, the plan's own diagnostics arrive, and the numbers and the review
 * pack hold only numbers read from good rows, never a formula or markup.
 */
function checkAnalysis({ text, bad }: HostileCsv, problems: string[]): void {
  const analysis = analyzeText(PLAN_WITH_ACTUALS_FILE, { planUri: PLAN_URI, files: linkedFilesOf(new Map([[CSV_URI, { text }]])) });
  const planDiagnostics = analysis.diagnostics;
  const planLines = new LineIndex(PLAN_WITH_ACTUALS_FILE);
  for (const diagnostic of planDiagnostics) {
    const where = outside(diagnostic.range, planLines);
    if (where) problems.push(`plan diagnostic outside the plan (${where}): ${diagnostic.message.slice(0, 200)}`);
  }
  const csvDiagnostics = analysis.linkedDiagnostics.get(CSV_URI);
  if (!csvDiagnostics) {
    problems.push('no diagnostics list for the CSV');
    return;
  }
  const lines = new LineIndex(text);
  for (const diagnostic of csvDiagnostics) {
    const where = outside(diagnostic.range, lines);
    if (where) problems.push(`CSV diagnostic outside the CSV (${where}): ${diagnostic.message.slice(0, 200)}`);
  }
  const diagnosed = [...new Set(csvDiagnostics.map((diagnostic) => diagnostic.range.start.line))].sort((a, b) => a - b);
  const expected = [...bad].sort((a, b) => a - b);
  if (diagnosed.join() !== expected.join())
    problems.push(`the CSV diagnostics are on lines ${diagnosed.map((l) => l + 1).join(', ')}, not on the bad lines ${expected.map((l) => l + 1).join(', ')}`);

  const pack = buildReviewPack(analysis);
  const outputs = {
    tracking: JSON.stringify({
      channels: [...analysis.tracking.channels.values()].map((c) => c.months),
      kpis: [...analysis.tracking.kpis.values()].map((k) => k.points),
    }),
    'review JSON': JSON.stringify(pack),
    'review Markdown': renderReviewMarkdown(pack),
    'review HTML': renderReviewHtml(pack),
  };
  for (const [output, written] of Object.entries(outputs)) {
    const leaked = MUST_STAY_TEXT.filter((fragment) => written.includes(fragment));
    if (leaked.length > 0) problems.push(`the ${output} holds CSV text: ${leaked.join(', ')}`);
  }
}

describe('hostile actuals CSVs', () => {
  let slowest = { name: '', cpuMs: 0 };
  after(() => console.log(`# hostile CSVs: the slowest, ${slowest.name}, used ${slowest.cpuMs.toFixed(0)} ms of CPU time`));

  for (const [name, make] of Object.entries(hostileCsvCases)) {
    it(name, () => {
      const hostile = make();
      const { problems, cpuMs } = check(name, hostile);
      if (cpuMs > slowest.cpuMs) slowest = { name, cpuMs };
      assert.deepEqual(problems, []);
    });
  }

  it('keeps each formula as the text of its problem, quoted, and reads the value of no formula row', () => {
    const { text } = hostileCsvCases['spreadsheet formulas']!();
    const csv = parseActualsCsv(text);
    const messages = csv.problems.map((problem) => problem.message);
    assert.ok(
      messages.some((message) => message.startsWith('`=HYPERLINK("http://x","y")` is not a number')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((message) => message.startsWith("`+cmd|' /C calc'!A0` is not a number")),
      messages.join('\n'),
    );
    // `@SUM(A1:A9)` is read as an id, text, and the plan says no KPI or channel has it.
    assert.deepEqual(
      csv.rows.map((row) => [row.line, row.id, row.value]),
      [
        [1, 'paid-conversions', 100],
        [5, '@SUM(A1:A9)', 1],
        [9, 'paid-search', 250],
      ],
    );
  });
});
