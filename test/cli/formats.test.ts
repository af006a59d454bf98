import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixtureAnalysis } from '../../scripts/docs/ruleFixtures.js';
import { isRuleName, ruleNames } from '../../server/src/core/rules/index.js';
import { severityName } from '../../server/src/core/types.js';
import { sarifSchemaErrors } from './sarifSchema.js';
import { assertNoStackTrace, buildCli, diagnosticLines, repoRoot, runCli, summaryLine } from './support.js';

const problemsFile = 'examples/problems/new-user.plan.yaml';
const cleanFile = 'examples/clean/q3-acquisition.plan.yaml';
const midflightFile = 'examples/midflight/q3-midflight.plan.yaml';

/** What the core says about a file (with the CSV it names read), in the CLI's JSON shape: the expectation for every format. */
function coreFindings(file: string) {
  const { diagnostics } = fixtureAnalysis(join(repoRoot, file));
  return diagnostics.map((d) => ({ file, rule: d.code, severity: severityName[d.severity], message: d.message, range: d.range }));
}

before(buildCli);

describe('throughline check examples/', () => {
  // The walker's order; the mid-flight plan's CSV and the library example (a plan and its library) are checked too, and have no problems.
  const expected = [...coreFindings(cleanFile), ...coreFindings(midflightFile), ...coreFindings(problemsFile)];

  it('the problem plan has errors and warnings to report (a premise of these tests)', () => {
    assert.ok(expected.some((finding) => finding.severity === 'error'));
    assert.ok(expected.some((finding) => finding.severity === 'warning'));
    assert.deepEqual(coreFindings(cleanFile), []);
  });

  describe('--format text', () => {
    const run = () => runCli(['check', 'examples/'], repoRoot);

    it('prints `file:line:col  severity  message  rule` for every diagnostic, 1-based, then a summary, and exits 1', () => {
      const { code, stdout, stderr } = run();
      assert.equal(code, 1);
      assert.equal(stderr, '');
      const lines = diagnosticLines(stdout);
      assert.deepEqual(
        lines,
        expected.map(({ file, rule, severity, message, range }) => ({
          file,
          line: range.start.line + 1,
          column: range.start.character + 1,
          severity,
          message,
          rule,
        })),
      );
      assert.equal(stdout.split('\n').filter((line) => line.includes('  ')).length, lines.length, 'no other two-space lines');
      const errors = expected.filter((f) => f.severity === 'error').length;
      const warnings = expected.filter((f) => f.severity === 'warning').length;
      assert.equal(summaryLine(stdout), `✖ ${errors} errors, ${warnings} warnings in 2 files of 10 checked`);
    });

    it('on the clean plan prints only `✔ no problems in 1 file` and exits 0', () => {
      const { code, stdout, stderr } = runCli(['check', cleanFile], repoRoot);
      assert.equal(code, 0);
      assert.equal(stderr, '');
      assert.equal(stdout, '✔ no problems in 1 file\n');
    });

    it('is the default format, and -f is --format', () => {
      assert.equal(runCli(['check', '-f', 'text', 'examples'], repoRoot).stdout, run().stdout);
      assert.equal(runCli(['check', '--format=json', 'examples'], repoRoot).stdout, runCli(['check', '-f', 'json', 'examples'], repoRoot).stdout);
    });
  });

  describe('--format json', () => {
    it('prints an array of { file, rule, severity, message, range } with 0-based LSP ranges, exits 1', () => {
      const { code, stdout, stderr } = runCli(['check', '--format', 'json', 'examples'], repoRoot);
      assert.equal(code, 1);
      assert.equal(stderr, '');
      const findings = JSON.parse(stdout) as Record<string, unknown>[];
      assert.ok(Array.isArray(findings));
      for (const finding of findings) {
        assert.deepEqual(Object.keys(finding), ['file', 'rule', 'severity', 'message', 'range']);
        assert.deepEqual(Object.keys(finding.range as object), ['start', 'end']);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity as string));
        assert.ok(isRuleName(finding.rule as string));
      }
      assert.deepEqual(findings, expected);
    });

    it('prints [] for a clean plan and exits 0', () => {
      const { code, stdout } = runCli(['check', '-f', 'json', cleanFile], repoRoot);
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(stdout), []);
    });
  });

  describe('--format sarif', () => {
    const run = () => runCli(['check', '--format', 'sarif', 'examples'], repoRoot);

    it('is valid against the official SARIF 2.1.0 JSON Schema, exits 1', () => {
      const { code, stdout, stderr } = run();
      assert.equal(code, 1);
      assert.equal(stderr, '');
      assert.deepEqual(sarifSchemaErrors(JSON.parse(stdout)), []);
    });

    it('the schema validator does reject a broken log (so the check above means something)', () => {
      const log = JSON.parse(run().stdout);
      log.runs[0].results[0].level = 'fatal';
      delete log.runs[0].tool.driver.name;
      assert.equal(sarifSchemaErrors(log).length >= 2, true);
    });

    it('has what GitHub code scanning reads: driver with rule metadata, results with rule ids, levels, messages and regions', () => {
      const log = parseSarif(run().stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const sarifRun = log.runs[0]!;
      const { driver } = sarifRun.tool;
      assert.equal(driver.name, 'Throughline');
      assert.match(driver.informationUri, /^https:\/\//);
      assert.deepEqual(
        driver.rules.map((rule: { id: string }) => rule.id),
        ruleNames,
      );
      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text.length > 0 && rule.shortDescription.text.length <= 1024, rule.id);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
        assert.ok(rule.helpUri.endsWith(`/${rule.id}.md`), rule.id);
        if (rule.helpUri.startsWith('file:')) assert.ok(existsSync(fileURLToPath(rule.helpUri)), `${rule.helpUri} exists`);
        assert.ok(rule.help.text.length > 0, rule.id);
      }
      assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
      assert.equal(sarifRun.invocations[0]?.executionSuccessful, true);
      assert.equal(sarifRun.results.length, expected.length);
      sarifRun.results.forEach((result, index) => {
        const finding = expected[index]!;
        assert.equal(result.ruleId, finding.rule);
        assert.equal(driver.rules[result.ruleIndex]?.id, result.ruleId);
        assert.equal(result.level, finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'note');
        assert.equal(result.message.text, finding.message);
        const { artifactLocation, region } = result.locations[0]!.physicalLocation;
        assert.deepEqual(artifactLocation, { uri: finding.file, uriBaseId: '%SRCROOT%' });
        assert.deepEqual(region, {
          startLine: finding.range.start.line + 1,
          startColumn: finding.range.start.character + 1,
          endLine: finding.range.end.line + 1,
          endColumn: finding.range.end.character + 1,
        });
      });
    });

    it('resolves every artifact against %SRCROOT% (the working directory) to the checked file', () => {
      const sarifRun = parseSarif(run().stdout).runs[0]!;
      const base = sarifRun.originalUriBaseIds['%SRCROOT%']!.uri;
      assert.equal(fileURLToPath(base).replace(/\/$/, ''), repoRoot.replace(/\/$/, ''));
      for (let i = 0; i < sarifRun.results.length; i++) assert.ok(existsSync(fileURLToPath(new URL(artifactUriOf(sarifRun, i), base))));
    });

    it('is a valid log with no results for the clean plan, exits 0', () => {
      const { code, stdout } = runCli(['check', '-f', 'sarif', cleanFile], repoRoot);
      assert.equal(code, 0);
      const log = JSON.parse(stdout);
      assert.deepEqual(sarifSchemaErrors(log), []);
      assert.deepEqual(log.runs[0].results, []);
    });
  });

  it('never prints a stack trace', () => {
    for (const format of ['text', 'json', 'sarif']) assertNoStackTrace(runCli(['check', '-f', format, 'examples'], repoRoot).stderr);
  });
});

/** The parts of the log these tests read (the schema test covers the rest). */
interface SarifRun {
  tool: {
    driver: {
      name: string;
      informationUri: string;
      rules: { id: string; shortDescription: { text: string }; helpUri: string; help: { text: string }; defaultConfiguration: { level: string } }[];
    };
  };
  columnKind: string;
  originalUriBaseIds: Record<string, { uri: string }>;
  invocations: { executionSuccessful: boolean }[];
  results: {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
  }[];
}

function parseSarif(stdout: string): { version: string; $schema: string; runs: SarifRun[] } {
  return JSON.parse(stdout);
}

function artifactUriOf(sarifRun: SarifRun, index: number): string {
  return sarifRun.results[index]!.locations[0]!.physicalLocation.artifactLocation.uri;
}
