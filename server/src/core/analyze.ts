import { findSuppressions, isSuppressed, type RuleSettings } from './config.js';
import { buildModel } from './model/buildModel.js';
import { factsOf } from './model/planFacts.js';
import type { PlanModel } from './model/planModel.js';
import { parseYamlIncremental, type ParseState } from './parse/incremental.js';
import { parseYaml, type ParsedYaml } from './parse/parseYaml.js';
import { rules, type RegisteredRule } from './rules/index.js';
import { invalidValues, type InvalidValues } from './schema/invalidValues.js';
import { schemaProblems } from './schema/validate.js';
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
  let invalid: InvalidValues | undefined;
  const verdict = () => (invalid ??= invalidValues(schemaProblems(parsed, model.anchorRange)));
  for (const rule of rules as readonly RegisteredRule[]) {
    const setting = options.rules?.[rule.name] ?? rule.defaultSeverity;
    if (setting === 'off' || suppressions.file.has(rule.name)) continue;
    const severity = severityFromName[setting];
    rule.check({
      parsed,
      model,
      facts,
      get invalid() {
        return verdict();
      },
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
          ...(finding.data ? { data: finding.data } : {}),
        });
      },
    });
  }
  return diagnostics.sort(compareDiagnostics);
}

/** No message is longer: the rules quote plan text through `text/quote.ts`, which keeps them well below it. */
export const MAX_MESSAGE = 2000;

/**
 * A last resort that never cuts a sentence: a message over the bound (a rule that quoted plan
 * text without `quote`) keeps its whole sentences up to the bound. Tests hold every rule below it.
 */
function boundMessage(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  const cut = message.lastIndexOf('. ', MAX_MESSAGE - 1);
  return cut > 0 ? message.slice(0, cut + 1) : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
