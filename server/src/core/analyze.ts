import { findSuppressions, isSuppressed, type RuleSettings } from './config.js';
import { buildModel } from './model/buildModel.js';
import { factsOf } from './model/planFacts.js';
import type { PlanModel } from './model/planModel.js';
import { parseYamlIncremental, type ParseState } from './parse/incremental.js';
import { parseYaml, type ParsedYaml } from './parse/parseYaml.js';
import { rules } from './rules/index.js';
import { severityFromName, type Diagnostic } from './types.js';

export interface AnalyzeOptions {
  /** Severity overrides from `.throughline.yaml` or editor settings. */
  rules?: RuleSettings;
  /** Base URI of the rule docs; the page is `<base><rule>.md`. */
  docsBaseUri?: string;
  /** Link each diagnostic to its rule's page (`codeDescription`); off for clients without `codeDescriptionSupport`. */
  ruleLinks?: boolean;
}

export interface Analysis {
  parsed: ParsedYaml;
  model: PlanModel;
  diagnostics: Diagnostic[];
}

export { createParseState, type ParseState } from './parse/incremental.js';

export const DEFAULT_DOCS_BASE = 'https://github.com/throughline-plans/throughline/blob/main/docs/rules/';

/**
 * Parses the text and builds the model; the rules run when `diagnostics` is first read, so
 * a completion or hover right after a keystroke does not wait for them.
 * With a `state` (one per open document, from `createParseState()`), only the blocks that
 * changed since the previous call are parsed again.
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}, state?: ParseState): Analysis {
  const parsed = state ? parseYamlIncremental(text, state) : parseYaml(text);
  const model = buildModel(parsed);
  // Blocks this version shares with the state's cache move when the next version is parsed.
  const sharesNodes = state !== undefined && state.text === text;
  const revision = state?.revision;
  return withLazyDiagnostics(parsed, model, () =>
    sharesNodes && state.revision !== revision ? analyzeText(text, options).diagnostics : runRules(parsed, model, options),
  );
}

/** An analysis whose diagnostics are computed once, when first read. */
export function withLazyDiagnostics(parsed: ParsedYaml, model: PlanModel, compute: () => Diagnostic[]): Analysis {
  let diagnostics: Diagnostic[] | undefined;
  return {
    parsed,
    model,
    get diagnostics() {
      return (diagnostics ??= compute());
    },
  };
}

export function runRules(parsed: ParsedYaml, model: PlanModel, options: AnalyzeOptions = {}): Diagnostic[] {
  const facts = factsOf(model);
  const suppressions = findSuppressions(parsed.text);
  const docsBase = options.docsBaseUri ?? DEFAULT_DOCS_BASE;
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = options.rules?.[rule.name] ?? rule.defaultSeverity;
    if (setting === 'off' || suppressions.file.has(rule.name)) continue;
    const severity = severityFromName[setting];
    rule.check({
      parsed,
      model,
      facts,
      report(finding) {
        if (isSuppressed(suppressions, rule.name, finding.range.start.line)) return;
        const findingSeverity = finding.severity && setting === rule.defaultSeverity ? severityFromName[finding.severity] : severity;
        diagnostics.push({
          range: finding.range,
          severity: findingSeverity,
          code: rule.name,
          ...(options.ruleLinks === false ? {} : { codeDescription: { href: `${docsBase}${rule.name}.md` } }),
          source: 'throughline',
          message: boundMessage(finding.message),
          ...(finding.data ? { data: { rule: rule.name, ...stripUndefined(finding.data) } } : {}),
        });
      },
    });
  }
  return diagnostics.sort(compareDiagnostics);
}

/** Ids and values quoted in a message are cut to this many characters. */
const MAX_QUOTED = 80;
const MAX_MESSAGE = 2000;

/** A 200 KB id must not make a 200 KB message (the editor shows it, the CLI prints it). */
function boundMessage(message: string): string {
  const quoted = message.replace(/`([^`]{81,})`/g, (_match, code: string) => `\`${code.slice(0, MAX_QUOTED)}…\``);
  return quoted.length > MAX_MESSAGE ? `${quoted.slice(0, MAX_MESSAGE)}…` : quoted;
}

function stripUndefined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
