import { pathToFileURL } from 'node:url';
import { rules, severityName, type Diagnostic, type Rule, type RuleDocs, type SeverityName } from '../../core/index.js';
import type { CheckReport } from '../check/report.js';
import { INFORMATION_URI, version } from '../version.js';
import { artifactLocation } from './paths.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF has no info or hint level: both are notes. */
const LEVELS: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A SARIF 2.1.0 log for GitHub code scanning: one run, every rule's metadata, one result per diagnostic. */
export function formatSarif(report: CheckReport): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.name, index]));
  const results = report.files.flatMap((file) =>
    file.diagnostics.map((diagnostic) => sarifResult(diagnostic, artifactLocation(report.cwd, file.path), ruleIndex)),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Throughline',
            informationUri: INFORMATION_URI,
            version,
            semanticVersion: version,
            rules: rules.map((rule) => reportingDescriptor(rule, report.docs)),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(report.cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.notChecked.length === 0,
            toolExecutionNotifications: report.notChecked.map((problem) => ({
              level: 'error',
              message: { text: problem.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(report.cwd, problem.path) } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function reportingDescriptor(rule: Rule, docs: RuleDocs) {
  const helpUri = `${docs.baseUri}${rule.name}.md`;
  const page = docs.page(rule.name);
  return {
    id: rule.name,
    shortDescription: { text: rule.summary },
    helpUri,
    help: { text: `${rule.summary} See ${helpUri}`, ...(page ? { markdown: page } : {}) },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    properties: { tags: ['throughline', rule.area] },
  };
}

function sarifResult(diagnostic: Diagnostic, location: ReturnType<typeof artifactLocation>, ruleIndex: Map<string, number>) {
  const { start, end } = diagnostic.range;
  const index = ruleIndex.get(diagnostic.code);
  return {
    ruleId: diagnostic.code,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVELS[severityName[diagnostic.severity]],
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ],
  };
}
