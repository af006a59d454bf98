import { readFileSync } from 'node:fs';
import { codeActions } from '../../server/src/core/features/codeActions.js';
import { quickFixes } from '../../server/src/core/features/quickFixes/index.js';
import { rules, type Rule } from '../../server/src/core/rules/index.js';
import { isLibraryFileName } from '../../server/src/core/workspace/files.js';
import { LineIndex } from '../../server/src/core/text/lineIndex.js';
import type { Range } from '../../server/src/core/types.js';
import { cell, codeBlock, GENERATED_NOTICE, inlineCode, page, table, type GeneratedDoc } from './markdown.js';
import { ruleRationale } from './ruleRationale.js';
import { fixtureAnalysis, fixtureCases, fixtureCsvFiles, readGolden, type FixtureCase, type GoldenDiagnostic } from './ruleFixtures.js';

// The rule pages (docs/rules/<rule>.md) and their index, generated from each rule's metadata,
// its golden fixtures and the hand-written rationale, so the examples are exactly what the
// fixture tests check.

export const RULE_DOCS_DIR = 'docs/rules';
export const FAILING_HEADING = '## Failing example';
export const PASSING_HEADING = '## Passing example';

export function ruleDocPath(rule: string): string {
  return `${RULE_DOCS_DIR}/${rule}.md`;
}

/** Every rule page and the index page. */
export function ruleDocs(): GeneratedDoc[] {
  return [
    ...rules.map((rule) => ({ path: ruleDocPath(rule.name), content: rulePage(rule) })),
    { path: `${RULE_DOCS_DIR}/README.md`, content: ruleIndexPage() },
  ];
}

export function rulePage(rule: Rule): string {
  const rationale = ruleRationale[rule.name];
  if (!rationale) throw new Error(`scripts/docs/ruleRationale.ts has no entry for ${rule.name}`);
  const cases = fixtureCases(rule.name);
  const primaryFires = cases.find((item) => item.name === 'fires');
  const primaryPasses = cases.find((item) => item.name === 'passes');
  if (!primaryFires || !primaryPasses) throw new Error(`test/fixtures/rules/${rule.name} needs fires.plan.yaml and passes.plan.yaml`);
  const extraCases = cases.filter((item) => item !== primaryFires && item !== primaryPasses);
  return page([
    GENERATED_NOTICE,
    `# ${rule.name}`,
    rule.summary,
    table(['area', 'default severity', 'quick fix'], [[rule.area, `\`${rule.defaultSeverity}\``, Object.hasOwn(quickFixes, rule.name) ? 'yes' : 'no']]),
    '## Why it matters',
    rationale.why,
    '## How to fix it',
    rationale.fix,
    '## Quick fix',
    quickFixText(rule.name, cases),
    FAILING_HEADING,
    exampleBlocks(rule.name, primaryFires),
    PASSING_HEADING,
    exampleBlocks(rule.name, primaryPasses),
    extraCases.length > 0 ? '## More examples' : undefined,
    ...extraCases.map(
      (item) =>
        `### ${inlineCode(item.name.replace(/\.(fires|passes)$/, ''))} — ${item.kind === 'fires' ? 'fails' : 'passes'}\n\n${exampleBlocks(rule.name, item)}`,
    ),
    '## Severity and suppression',
    severityText(rule),
  ]);
}

function exampleBlocks(rule: string, fixture: FixtureCase): string {
  const text = readFileSync(fixture.planPath, 'utf8');
  const blocks = [leadingComment(text), `From ${inlineCode(fixture.planPath)}:`, codeBlock('yaml', text)];
  for (const file of fixtureCsvFiles(fixture.planPath)) {
    if (file.name.endsWith('.csv')) blocks.push(`The actuals file it names, ${inlineCode(file.name)}:`, codeBlock('csv', file.text));
    else if (isLibraryFileName(file.name)) blocks.push(`The library it imports, ${inlineCode(file.name)}:`, codeBlock('yaml', file.text));
    else blocks.push(`A plan it lists, ${inlineCode(file.name)}:`, codeBlock('yaml', file.text));
  }
  if (fixture.kind === 'passes') {
    blocks.push(`${inlineCode(rule)} reports nothing on this ${fixture.planPath.endsWith('.portfolio.yaml') ? 'portfolio' : 'plan'}.`);
  } else {
    const golden = readGolden(fixture.expectedPath!);
    blocks.push(`${inlineCode(rule)} reports (line:column, as the editor and \`throughline check\` show them):`, diagnosticTable(text, golden));
  }
  return blocks.filter((block) => block.length > 0).join('\n\n');
}

/** The fixture's opening comment, which says what the example shows. */
function leadingComment(text: string): string {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^#\s?(.*)$/.exec(line);
    if (!match) break;
    lines.push(match[1]!);
  }
  return lines.join(' ').trim();
}

function diagnosticTable(text: string, golden: readonly GoldenDiagnostic[]): string {
  const lines = new LineIndex(text);
  return table(
    ['at', 'severity', 'on', 'message'],
    golden.map((item) => [
      `${item.range.start.line + 1}:${item.range.start.character + 1}`,
      item.severity,
      inlineCode(rangeText(text, lines, item.range)),
      item.message,
    ]),
  );
}

const MAX_QUOTED = 40;

/** The first line of the text a diagnostic points at, shortened for a table. */
function rangeText(text: string, lines: LineIndex, range: Range): string {
  const covered = text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)).split(/\r?\n/)[0]!.trim();
  return covered.length > MAX_QUOTED ? `${covered.slice(0, MAX_QUOTED - 1)}…` : covered;
}

/** The fixes the editor offers on the failing examples, found by asking the code actions. */
function quickFixText(rule: string, cases: readonly FixtureCase[]): string {
  if (!Object.hasOwn(quickFixes, rule)) {
    return "None: what to change is a decision for the plan's owner, so the editor only reports it.";
  }
  const titles = new Set<string>();
  for (const fixture of cases.filter((item) => item.kind === 'fires')) {
    const analysis = fixtureAnalysis(fixture.planPath);
    const document = { uri: 'file:///example.plan.yaml', version: 1, analysis };
    for (const diagnostic of analysis.diagnostics.filter((item) => item.code === rule)) {
      for (const action of codeActions(document, diagnostic.range, [diagnostic])) titles.add(action.title);
    }
  }
  const intro = 'In VS Code, put the cursor on the diagnostic and press Ctrl+. (Cmd+. on macOS), or use the light bulb.';
  if (titles.size === 0) return `${intro} The fix depends on the problem; none applies to the examples on this page.`;
  return `${intro} On the examples on this page the editor offers:\n\n${[...titles].map((title) => `- ${cell(title)}`).join('\n')}`;
}

function severityText(rule: Rule): string {
  const ways = [
    `- for every plan in a folder and below, in a \`.throughline.yaml\` next to the plans or in a folder above them (the nearest one applies; the editor and \`throughline check\` both read it):\n\n${indent(codeBlock('yaml', `rules:\n  ${rule.name}: ${rule.defaultSeverity === 'error' ? 'warning' : 'error'}`))}`,
    `- in VS Code, in the \`throughline.rules\` setting (it wins over \`.throughline.yaml\`):\n\n${indent(codeBlock('json', `"throughline.rules": { "${rule.name}": "off" }`))}`,
    `- for one line of a plan, with a comment on the line above it: \`# throughline-disable-next-line ${rule.name}\``,
    `- for a whole plan, with a comment anywhere in it: \`# throughline-disable ${rule.name}\``,
  ];
  return [
    `The default severity is \`${rule.defaultSeverity}\`. Set it to \`error\`, \`warning\`, \`info\`, \`hint\` or \`off\`:`,
    ways.join('\n'),
    'Several rules can be named in one comment, separated by spaces or commas; a comment with no rule names switches every rule off.',
  ].join('\n\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** docs/rules/README.md: every rule with its area, default severity and summary. */
export function ruleIndexPage(): string {
  return page([
    GENERATED_NOTICE,
    '# Rules',
    "Every diagnostic Throughline reports comes from one of these rules. The rule's name is the diagnostic's code; each page says why the rule exists, how to fix what it reports, and shows a plan that fails and one that passes. Severities can be changed per folder in `.throughline.yaml`, in the `throughline.rules` setting, or per line and per file with `# throughline-disable-next-line <rule>` and `# throughline-disable <rule>` comments.",
    table(
      ['rule', 'area', 'default severity', 'summary'],
      rules.map((rule) => [`[${rule.name}](${rule.name}.md)`, rule.area, `\`${rule.defaultSeverity}\``, rule.summary]),
    ),
  ]);
}
