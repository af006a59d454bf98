import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { languageDocs, topLevelKeys } from '../../scripts/docs/languageDocs.js';
import { generatedSections, sectionText, startMarker, yamlBlocks } from '../../scripts/docs/generatedSections.js';
import { extraExamples, PLAN_AT_A_GLANCE } from '../../scripts/docs/languageExamples.js';
import { FAILING_HEADING, PASSING_HEADING, ruleDocPath, ruleDocs } from '../../scripts/docs/ruleDocs.js';
import { ruleRationale } from '../../scripts/docs/ruleRationale.js';
import { currentText } from '../../scripts/docs/writeDocs.js';
import { analyzeText } from '../../server/src/core/analyze.js';
import { rules } from '../../server/src/core/rules/index.js';

// The docs are generated; these tests fail when a page is missing or differs from what the
// generator writes now (run `npm run docs`), and when the hand-written parts are incomplete.

const STALE = 'is missing or stale: run `npm run docs` and commit the result';

/** The body of a `## heading` section: up to the next heading of the same level. */
/** The page's example as a reader would check it: the plan beside the CSV files the page shows (any other file it names is missing). */
/** An example as the fixture test analyzes it: under its fixture's file name, with the actuals files and libraries the page shows beside it. */
function analyzeExample(section: string, plan: string) {
  const files = new Map<string, { text: string }>();
  for (const match of section.matchAll(/(?:The actuals file it names|The library it imports|A plan it lists), `([^`]+)`:\n\n```(?:csv|yaml)\n([\s\S]*?)```/g))
    files.set(`file:///docs/example/${match[1]}`, { text: match[2]! });
  // A portfolio's globs are matched against the plans the example lists.
  const listed = [...files.keys()].filter((uri) => uri.endsWith('.plan.yaml'));
  const listings = new Map([
    ['file:///docs/example', listed],
    ['file:///docs/example/plans', listed.filter((uri) => uri.startsWith('file:///docs/example/plans/'))],
  ]);
  const name = /From `(?:[^`]*\/)?([^`/]+)`:/.exec(section)?.[1] ?? 'example.plan.yaml';
  const missing = { problem: 'no such file', kind: 'missing' as const };
  const planUri = `file:///docs/example/${name}`;
  files.set(planUri, { text: plan });
  return analyzeText(plan, { planUri, files: { key: '', get: (uri) => files.get(uri) ?? missing, list: (folder) => listings.get(folder) ?? [] } });
}

function sectionOf(markdown: string, heading: string): string | undefined {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) return undefined;
  const rest = markdown.slice(start + heading.length + 2);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('rule docs', () => {
  it('every rule has a hand-written rationale and fix, and no rationale names an unknown rule', () => {
    for (const rule of rules) {
      const rationale = ruleRationale[rule.name];
      assert.ok(rationale, `scripts/docs/ruleRationale.ts has no entry for ${rule.name}`);
      assert.ok(rationale.why.trim().length > 40, `${rule.name}: say why the rule matters`);
      assert.ok(rationale.fix.trim().length > 20, `${rule.name}: say how to fix what it reports`);
    }
    assert.deepEqual(Object.keys(ruleRationale).sort(), rules.map((rule) => rule.name).sort());
  });

  for (const doc of ruleDocs()) {
    it(`${doc.path} is up to date`, () => {
      assert.ok(currentText(doc.path) === doc.content, `${doc.path} ${STALE}`);
    });
  }

  for (const rule of rules) {
    it(`${ruleDocPath(rule.name)} has a failing example with its diagnostics and a passing example`, () => {
      const text = readFileSync(ruleDocPath(rule.name), 'utf8');
      assert.ok(text.startsWith(`<!--`) && text.includes(`\n# ${rule.name}\n`), 'the title is the rule name');
      const failing = sectionOf(text, FAILING_HEADING);
      const passing = sectionOf(text, PASSING_HEADING);
      assert.ok(failing && passing, 'both examples are present');
      const [failingPlan] = yamlBlocks(failing);
      const [passingPlan] = yamlBlocks(passing);
      assert.ok(failingPlan && passingPlan, 'each example shows its plan');
      const reported = analyzeExample(failing, failingPlan).diagnostics.filter((diagnostic) => diagnostic.code === rule.name);
      assert.ok(reported.length > 0, 'the failing example makes the rule fire');
      for (const diagnostic of reported) {
        const at = `| ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} |`;
        assert.ok(failing.includes(at), `the failing example lists the diagnostic at ${at}`);
      }
      assert.deepEqual(
        analyzeExample(passing, passingPlan).diagnostics.filter((diagnostic) => diagnostic.code === rule.name),
        [],
        'the passing example passes',
      );
    });
  }
});

describe('language reference', () => {
  for (const doc of languageDocs()) {
    it(`${doc.path} is up to date`, () => {
      assert.ok(currentText(doc.path) === doc.content, `${doc.path} ${STALE}`);
    });

    it(`${doc.path} documents every top-level key with an example`, () => {
      for (const { key } of topLevelKeys()) {
        const section = sectionOf(doc.content, `## \`${key}\``);
        assert.ok(section, `no section for ${key}`);
        assert.equal(yamlBlocks(section).length, 1, `${key} has one example`);
      }
    });
  }

  it('the examples that are not cut from the example plan are valid plan YAML', () => {
    for (const [key, example] of Object.entries(extraExamples)) {
      const problems = analyzeText(`plan: Example\n${example}\n`).diagnostics.filter(
        (diagnostic) => diagnostic.code === 'yaml-syntax' || diagnostic.code === 'schema',
      );
      assert.deepEqual(
        problems.map((problem) => problem.message),
        [],
        `the ${key} example`,
      );
    }
  });
});

describe('generated sections of hand-written pages', () => {
  for (const section of generatedSections) {
    it(`${section.file}: the generated ${section.name} section is up to date`, () => {
      const page = readFileSync(section.file, 'utf8');
      assert.equal(sectionText(page, section.name)?.trim(), section.content(page).trim(), `${section.file} ${section.name} ${STALE}`);
    });
  }

  it("the README's first plan is valid plan YAML, so what it reports is about planning", () => {
    const readme = readFileSync('README.md', 'utf8');
    const plan = yamlBlocks(readme.slice(0, readme.indexOf(startMarker('first-plan-findings')))).at(-1);
    assert.ok(plan, 'the README shows a first plan');
    assert.ok(plan.trim().split('\n').length <= 16, 'the first plan stays short');
    const codes = analyzeText(plan).diagnostics.map((diagnostic) => diagnostic.code);
    assert.deepEqual(
      codes.filter((code) => code === 'yaml-syntax' || code === 'schema'),
      [],
    );
    assert.ok(codes.length > 0 && codes.length <= 8, `a handful of findings to read (${codes.length})`);
  });

  it('the plan at a glance in the language reference has no problems', () => {
    assert.deepEqual(
      analyzeText(PLAN_AT_A_GLANCE).diagnostics.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`),
      [],
    );
  });
});
