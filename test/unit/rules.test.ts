import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  fixtureAnalysis,
  fixtureCases,
  formatGolden,
  goldenOf,
  RULE_FIXTURES,
  strayFixtureFiles,
  type GoldenDiagnostic,
} from '../../scripts/docs/ruleFixtures.js';
import { analyzeText } from '../../server/src/core/analyze.js';
import { rules } from '../../server/src/core/rules/index.js';
import { LineIndex } from '../../server/src/core/text/lineIndex.js';
import { expectGolden } from '../helpers/golden.js';

// Golden fixtures: every rule in the registry has a plan that makes it fire (with the exact
// diagnostics in expected.json) and a plan on which it stays silent. UPDATE_GOLDENS=1
// rewrites the goldens from the current output: read every changed golden before committing.

const SYNTAX_RULES = new Set(['yaml-syntax', 'schema']);

/** The golden must point at a key or value: inside the text, not empty, never the whole file. */
function assertPrecise(diagnostic: GoldenDiagnostic, text: string): void {
  const lines = new LineIndex(text);
  const start = lines.offsetAt(diagnostic.range.start);
  const end = lines.offsetAt(diagnostic.range.end);
  const where = `${diagnostic.rule} at ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
  assert.deepEqual(lines.positionAt(start), diagnostic.range.start, `${where}: start lies outside the text`);
  assert.deepEqual(lines.positionAt(end), diagnostic.range.end, `${where}: end lies outside the text`);
  assert.ok(text.slice(start, end).trim().length > 0, `${where}: the range covers no text`);
  assert.ok(end - start < text.trim().length / 2, `${where}: the range covers most of the file`);
  if (diagnostic.rule !== 'yaml-syntax') {
    assert.equal(diagnostic.range.start.line, diagnostic.range.end.line, `${where}: a key or scalar value lies on one line`);
  }
  assert.match(diagnostic.message, /[.?]$/, `${where}: a message is written as sentences`);
}

describe('rule fixtures', () => {
  it('exist for every rule in the registry, and only for those', () => {
    const folders = readdirSync(RULE_FIXTURES).sort();
    assert.deepEqual(folders, rules.map((rule) => rule.name).sort());
  });

  for (const rule of rules) {
    describe(rule.name, () => {
      const cases = fixtureCases(rule.name);

      it('has fires.plan.yaml with expected.json, passes.plan.yaml, and no stray files', () => {
        const names = cases.map((item) => item.name);
        assert.ok(names.includes('fires'), `test/fixtures/rules/${rule.name}/fires.plan.yaml is missing`);
        assert.ok(names.includes('passes'), `test/fixtures/rules/${rule.name}/passes.plan.yaml is missing`);
        assert.deepEqual(strayFixtureFiles(rule.name), []);
      });

      for (const fixture of cases) {
        const text = readFileSync(fixture.planPath, 'utf8');
        if (fixture.kind === 'passes') {
          it(`reports nothing on ${fixture.name}`, () => {
            assert.deepEqual(goldenOf(fixtureAnalysis(fixture.planPath).diagnostics, rule.name), []);
          });
          continue;
        }
        it(`reports ${fixture.name} exactly as its golden says`, () => {
          const actual = goldenOf(fixtureAnalysis(fixture.planPath).diagnostics, rule.name);
          assert.ok(actual.length > 0, `${fixture.planPath} does not make ${rule.name} fire`);
          expectGolden(fixture.expectedPath!, formatGolden(actual));
          for (const diagnostic of actual) assertPrecise(diagnostic, text);
        });
      }

      if (!SYNTAX_RULES.has(rule.name)) {
        it('is shown on plans that are valid YAML and valid against the schema', () => {
          for (const fixture of cases) {
            const problems = fixtureAnalysis(fixture.planPath).diagnostics.filter((d) => SYNTAX_RULES.has(d.code));
            assert.deepEqual(
              problems.map((d) => `${fixture.name}:${d.range.start.line + 1} ${d.message}`),
              [],
            );
          }
        });
      }
    });
  }
});

describe('yaml-syntax fixture', () => {
  it('keeps checking the parts of the plan that parse', () => {
    const text = readFileSync(`${RULE_FIXTURES}/yaml-syntax/fires.plan.yaml`, 'utf8');
    const { diagnostics } = analyzeText(text);
    const lines = text.split('\n');
    const lastSyntaxError = Math.max(...diagnostics.filter((d) => d.code === 'yaml-syntax').map((d) => d.range.start.line));
    const misspelt = lines.findIndex((line) => line.includes('- socail'));
    assert.ok(misspelt > lastSyntaxError, 'the fixture has its misspelt dependency after the syntax errors');
    const unknown = diagnostics.find((d) => d.code === 'dependency-unknown');
    assert.equal(unknown?.range.start.line, misspelt);
    assert.match(unknown.message, /Did you mean `social`\?/);
  });

  it('does not report the broken text a second time as a schema problem', () => {
    const { diagnostics } = analyzeText(readFileSync(`${RULE_FIXTURES}/yaml-syntax/fires.plan.yaml`, 'utf8'));
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'schema').map((d) => d.message),
      [],
    );
  });
});
