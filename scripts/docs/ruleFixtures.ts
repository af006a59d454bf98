import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const CASE_FILE = /^(?:(.+)\.)?(fires|passes)\.plan\.yaml$/;

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
    .map((file) => join(dir, file))
    .filter((path) => !known.has(path));
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
