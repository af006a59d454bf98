import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { linkedFilesOf } from '../../server/src/core/actuals/linkedFiles.js';
import { analyzeText, type Analysis } from '../../server/src/core/analyze.js';
import { isLibraryFileName, isPlanFileName, isPortfolioFileName, type TextFile } from '../../server/src/core/workspace/files.js';
import type { Diagnostic, Range, SeverityName } from '../../server/src/core/types.js';
import { severityName } from '../../server/src/core/types.js';

// The golden fixtures of the rules, read the same way by the fixture test and the docs
// generator, so the examples in the docs are exactly what the tests check.
//
// test/fixtures/rules/<rule>/
//   fires.plan.yaml         the rule must report exactly what expected.json says
//   expected.json
//   passes.plan.yaml        the rule must report nothing
//   <case>.fires.plan.yaml  more cases, with <case>.expected.json
//   <case>.passes.plan.yaml
//   fires.plan-library.yaml  (and the other names with -library) a case that is a library
//   *.csv                   actuals files the plans name in `actuals_file`
//   *.plan-library.yaml     libraries the plans name in `imports` (checked as files of their own too)
//   fires.portfolio.yaml    (and the other names with .portfolio) a case that is a portfolio
//   plans/*.plan.yaml       the member plans a portfolio case lists (paths or globs)

export const RULE_FIXTURES = join('test', 'fixtures', 'rules');

export interface GoldenDiagnostic {
  rule: string;
  severity: SeverityName;
  range: Range;
  message: string;
}

export interface FixtureCase {
  /** `fires`, `passes`, or `<case>.fires` / `<case>.passes`. */
  name: string;
  kind: 'fires' | 'passes';
  planPath: string;
  /** For `fires` cases: where the golden diagnostics are kept. */
  expectedPath: string | undefined;
}

// A case may be a library (`fires.plan-library.yaml`) or a portfolio (`fires.portfolio.yaml`) for the rules that check them.
const CASE_FILE = /^(?:(.+)\.)?(fires|passes)\.(?:plan|plan-library|portfolio)\.yaml$/;

/** The folder of a fixture that holds the member plans its portfolio cases list. */
const MEMBER_PLANS = 'plans';

export function fixtureCases(rule: string, root = RULE_FIXTURES): FixtureCase[] {
  const dir = join(root, rule);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((file) => {
      const match = CASE_FILE.exec(file);
      if (!match) return [];
      const prefix = match[1];
      const kind = match[2] as 'fires' | 'passes';
      return [
        {
          name: prefix ? `${prefix}.${kind}` : kind,
          kind,
          planPath: join(dir, file),
          expectedPath: kind === 'fires' ? join(dir, prefix ? `${prefix}.expected.json` : 'expected.json') : undefined,
        },
      ];
    });
}

/** Files in a rule's fixture folder that belong to no case (a misnamed fixture would otherwise be skipped silently). */
export function strayFixtureFiles(rule: string, root = RULE_FIXTURES): string[] {
  const dir = join(root, rule);
  if (!existsSync(dir)) return [];
  const known = new Set(fixtureCases(rule, root).flatMap((item) => [item.planPath, item.expectedPath].filter((path): path is string => !!path)));
  return readdirSync(dir)
    .filter((file) => !isLinkedFixture(file))
    .map((file) => join(dir, file))
    .filter((path) => !known.has(path));
}

/** A file a fixture plan may name: an actuals CSV, a library, or the folder of a portfolio's member plans. */
function isLinkedFixture(file: string): boolean {
  return file.endsWith('.csv') || isLibraryFileName(file) || file === MEMBER_PLANS;
}

/** The member plans of a fixture folder (`plans/*.plan.yaml`), by path. */
function memberPlanPaths(dir: string): string[] {
  const folder = join(dir, MEMBER_PLANS);
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((file) => isPlanFileName(file))
        .sort()
        .map((file) => join(folder, file))
    : [];
}

/**
 * A fixture's analysis, as the CLI makes it: the CSVs and libraries beside the plan are the
 * files it may reference, the plans under `plans/` the ones a portfolio may list (and its globs' listings).
 */
export function fixtureAnalysis(planPath: string): Analysis {
  const dir = dirname(planPath);
  const files = new Map<string, TextFile>();
  const uriOf = (path: string) => pathToFileURL(resolve(path)).href;
  for (const file of readdirSync(dir))
    if (isLinkedFixture(file) && file !== MEMBER_PLANS) files.set(uriOf(join(dir, file)), { text: readFileSync(join(dir, file), 'utf8') });
  const members = memberPlanPaths(dir);
  for (const path of members) files.set(uriOf(path), { text: readFileSync(path, 'utf8') });
  const listed = members.map(uriOf);
  const listings = new Map([
    [uriOf(dir), listed],
    [uriOf(join(dir, MEMBER_PLANS)), listed],
  ]);
  const snapshot = linkedFilesOf(files, undefined, listings);
  const missing: TextFile = { problem: 'cannot read: no such file or directory', kind: 'missing' };
  return analyzeText(readFileSync(planPath, 'utf8'), {
    planUri: uriOf(planPath),
    files: { key: snapshot.key, get: (uri) => files.get(uri) ?? missing, list: (folder) => listings.get(folder) ?? [] },
  });
}

/**
 * The CSV files and libraries of a rule's fixture folder a plan names, and a portfolio's member
 * plans, with their text (shown beside the plan in the docs).
 */
export function fixtureCsvFiles(planPath: string): { name: string; text: string }[] {
  const plan = readFileSync(planPath, 'utf8');
  const dir = dirname(planPath);
  const members = isPortfolioFileName(planPath) ? memberPlanPaths(dir).map((path) => `${MEMBER_PLANS}/${basename(path)}`) : [];
  return [
    ...readdirSync(dir)
      .filter((file) => isLinkedFixture(file) && file !== MEMBER_PLANS && plan.includes(file))
      .sort(),
    ...members,
  ].map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The diagnostics of one rule, in the golden form (severity by name, no docs link or quick-fix data). */
export function goldenOf(diagnostics: readonly Diagnostic[], rule: string): GoldenDiagnostic[] {
  return diagnostics
    .filter((diagnostic) => diagnostic.code === rule)
    .map((diagnostic) => ({ rule: diagnostic.code, severity: severityName[diagnostic.severity], range: diagnostic.range, message: diagnostic.message }));
}

export function readGolden(path: string): GoldenDiagnostic[] {
  return JSON.parse(readFileSync(path, 'utf8')) as GoldenDiagnostic[];
}

/** JSON with one line per field, so a golden's diff shows what moved. */
export function formatGolden(golden: readonly GoldenDiagnostic[]): string {
  const position = ({ line, character }: { line: number; character: number }) => `{ "line": ${line}, "character": ${character} }`;
  const items = golden.map((item) =>
    [
      '  {',
      `    "rule": ${JSON.stringify(item.rule)},`,
      `    "severity": ${JSON.stringify(item.severity)},`,
      `    "range": { "start": ${position(item.range.start)}, "end": ${position(item.range.end)} },`,
      `    "message": ${JSON.stringify(item.message)}`,
      '  }',
    ].join('\n'),
  );
  return items.length === 0 ? '[]\n' : `[\n${items.join(',\n')}\n]\n`;
}
