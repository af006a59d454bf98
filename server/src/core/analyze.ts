import type { LinkedFiles } from './actuals/linkedFiles.js';
import { trackingOf, type Tracking } from './actuals/tracking.js';
import { findSuppressions, isSuppressed, type PacingSettings, type RuleSettings } from './config.js';
import { libraryPositions, withImports } from './library/imports.js';
import { buildModel } from './model/buildModel.js';
import { factsOf } from './model/planFacts.js';
import type { PlanModel } from './model/planModel.js';
import { parseYamlIncremental, type ParseState } from './parse/incremental.js';
import { parseYaml, parseYamlFast, type ParsedYaml } from './parse/parseYaml.js';
import { rules, type RegisteredRule } from './rules/index.js';
import { invalidValues, type InvalidValues } from './schema/invalidValues.js';
import { leanParse, schemaProblems } from './schema/validate.js';
import { severityFromName, type Diagnostic, type SeverityName } from './types.js';
import { portfolioOf, type PortfolioModel } from './portfolio/portfolio.js';
import { fileKindOf } from './workspace/files.js';
import { PositionPool } from './text/lineIndex.js';

export interface AnalyzeOptions {
  /** Severity overrides from `.throughline.yaml` or editor settings. */
  rules?: RuleSettings;
  /** Base URI of the rule docs; the page is `<base><rule>.md`. */
  docsBaseUri?: string;
  /** Link each diagnostic to its rule's page (`codeDescription`); off for clients without `codeDescriptionSupport`. */
  ruleLinks?: boolean;
  /** The plan's URI: the files it references (`actuals_file`) are resolved against it. */
  planUri?: string;
  /** A snapshot of the files the plan references, read by the adapter; without it the plan is analyzed without them. */
  files?: LinkedFiles;
  /** `throughline check --as-of`: wins over the plan's `as_of`. */
  asOf?: string;
  /** Today where the user is (`host.today()`), when the plan sets no `as_of`. */
  today?: string;
  /** `pacing` of `.throughline.yaml`, overridden by the editor's `throughline.pacing`. */
  pacing?: PacingSettings;
}

export interface Analysis {
  parsed: ParsedYaml;
  model: PlanModel;
  diagnostics: Diagnostic[];
  /** Money and pace as of the as-of date, with the referenced files merged in (computed when first read). */
  readonly tracking: Tracking;
  /** The diagnostics of each file the plan references, by URI: shown in that file, not in the plan. */
  readonly linkedDiagnostics: Map<string, Diagnostic[]>;
  /** A portfolio's member plans and entries (`*.portfolio.yaml` only; computed when first read). */
  readonly portfolio: PortfolioModel | undefined;
}

/** One portfolio per (model, snapshot): the analysis and its rules share it. */
const portfolios = new WeakMap<PlanModel, { key: string | undefined; portfolio: PortfolioModel }>();

/** The portfolio of a `*.portfolio.yaml` file's model with these options; undefined for any other file. */
export function portfolioFor(model: PlanModel, options: AnalyzeOptions): PortfolioModel | undefined {
  if (options.planUri === undefined || fileKindOf(options.planUri) !== 'portfolio') return undefined;
  const known = portfolios.get(model);
  if (known && known.key === options.files?.key) return known.portfolio;
  const portfolio = portfolioOf(model, options.planUri, options.files);
  portfolios.set(model, { key: options.files?.key, portfolio });
  return portfolio;
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
  return analysisOf(parsed, model, options, (tracking, merged) =>
    sharesNodes && state.revision !== revision ? analyzeText(text, options).diagnostics : runRules(parsed, merged, options, tracking),
  );
}

/** The positions of the lean models (plans kept but not open): a few tens of thousands, shared by all of them. */
const leanPositions = new PositionPool();

/**
 * As `analyzeText`, keeping no YAML tree: the model, and of the parse only what the rules read
 * (`leanParse`). For files kept but not open (a workspace plan on disk): a library change
 * re-runs their rules from this, and opening the file parses it again in full.
 */
export function analyzeLean(text: string, options: AnalyzeOptions = {}): Analysis {
  const parsed = parseYamlFast(text);
  parsed.lineIndex.sharePositions(leanPositions);
  const model = buildModel(parsed);
  return analysisOf(leanParse(parsed, model.anchorRange, fileKindOf(options.planUri)), model, options);
}

/**
 * The analysis of a parsed plan with these options: tracking, diagnostics and the linked files' diagnostics are computed once, when first read.
 * The model gets what its imports define from `options.files` (again, when it is one merged with an older snapshot).
 */
export function analysisOf(
  parsed: ParsedYaml,
  written: PlanModel,
  options: AnalyzeOptions = {},
  compute: (tracking: Tracking, model: PlanModel) => Diagnostic[] = (tracking, model) => runRules(parsed, model, options, tracking),
): Analysis {
  const model = withImports(written, options.planUri, options.files);
  let diagnostics: Diagnostic[] | undefined;
  let tracking: Tracking | undefined;
  let linked: Map<string, Diagnostic[]> | undefined;
  const trackingNow = () => (tracking ??= trackingOf(model, trackingOptions(options)));
  return {
    parsed,
    model,
    get diagnostics() {
      return (diagnostics ??= compute(trackingNow(), model));
    },
    get tracking() {
      return trackingNow();
    },
    get linkedDiagnostics() {
      return (linked ??= linkedFileDiagnostics(trackingNow(), options));
    },
    get portfolio() {
      return portfolioFor(model, options);
    },
  };
}

/**
 * The analysis as a file kept but not open holds it once its diagnostics are published: the
 * model (a shallow copy, so the facts and indexes derived from the original are dropped with
 * it), the diagnostics and the linked files' diagnostics as computed, and the tracking derived
 * again only if something reads it. About a quarter less memory per plan kept.
 */
export function compacted(analysis: Analysis, options: AnalyzeOptions = {}): Analysis {
  const { parsed } = analysis;
  const diagnostics = analysis.diagnostics;
  const linkedDiagnostics = analysis.linkedDiagnostics;
  const model = { ...analysis.model };
  let tracking: Tracking | undefined;
  return {
    parsed,
    model,
    diagnostics,
    linkedDiagnostics,
    get tracking() {
      return (tracking ??= trackingOf(model, trackingOptions(options)));
    },
    get portfolio() {
      return portfolioFor(model, options);
    },
  };
}

/** An analysis whose diagnostics are computed once, when first read. */
export function withLazyDiagnostics(parsed: ParsedYaml, model: PlanModel, compute: () => Diagnostic[], options: AnalyzeOptions = {}): Analysis {
  return analysisOf(parsed, model, options, (tracking, merged) => (merged === model ? compute() : runRules(parsed, merged, options, tracking)));
}

function trackingOptions(options: AnalyzeOptions) {
  return { asOf: options.asOf, today: options.today, tolerance: options.pacing?.tolerance, planUri: options.planUri, files: options.files };
}

/**
 * The problems of each referenced CSV: its own (header, rows, dates, numbers) and those that
 * depend on this plan (unknown ids …), under the `actuals-file` rule and its severity.
 */
function linkedFileDiagnostics(tracking: Tracking, options: AnalyzeOptions): Map<string, Diagnostic[]> {
  const result = new Map<string, Diagnostic[]>();
  const setting = options.rules?.['actuals-file'];
  if (setting === 'off') return result;
  const href = `${options.docsBaseUri ?? DEFAULT_DOCS_BASE}actuals-file.md`;
  for (const file of tracking.files) {
    const uri = file.reference.uri;
    if (!uri || file.state.status !== 'read') continue;
    const problems = [...file.state.csv.problems, ...(tracking.csvProblems.get(uri) ?? [])];
    const severity = (own: SeverityName) => severityFromName[setting && setting !== 'error' ? setting : own];
    result.set(
      uri,
      problems
        .map((problem): Diagnostic => ({
          range: problem.range,
          severity: severity(problem.severity),
          code: 'actuals-file',
          codeDescription: { href },
          source: 'throughline',
          message: boundMessage(problem.message),
        }))
        .sort(compareDiagnostics),
    );
  }
  return result;
}

export function runRules(parsed: ParsedYaml, model: PlanModel, options: AnalyzeOptions = {}, tracking?: Tracking): Diagnostic[] {
  const facts = factsOf(model);
  let live = tracking;
  const trackingNow = () => (live ??= trackingOf(model, trackingOptions(options)));
  const suppressions = findSuppressions(parsed.text);
  const docsBase = options.docsBaseUri ?? DEFAULT_DOCS_BASE;
  const diagnostics: Diagnostic[] = [];
  const fileKind = fileKindOf(options.planUri);
  let invalid: InvalidValues | undefined;
  const verdict = () => (invalid ??= invalidValues(schemaProblems(parsed, model.anchorRange, fileKind)));
  const fromLibraries = libraryPositions(model);
  // The adapter reads the libraries not read yet and analyzes again (the first diagnostics of a newly typed import).
  const importsPending = (model.imported?.notLoaded.length ?? 0) > 0;
  for (const rule of rules as readonly RegisteredRule[]) {
    if (!(rule.appliesTo ?? ['plan']).includes(fileKind)) continue;
    if (rule.waitsForImports && importsPending) continue;
    const setting = options.rules?.[rule.name] ?? rule.defaultSeverity;
    if (setting === 'off' || suppressions.file.has(rule.name)) continue;
    const severity = severityFromName[setting];
    rule.check({
      parsed,
      model,
      facts,
      fileKind,
      get invalid() {
        return verdict();
      },
      get tracking() {
        return trackingNow();
      },
      get portfolio() {
        return portfolioFor(model, options);
      },
      report(finding) {
        // What a library defines is reported in the library, not in every plan that imports it.
        if (fromLibraries.has(finding.range) || fromLibraries.has(finding.range.start)) return;
        if (isSuppressed(suppressions, rule.name, finding.range.start.line)) return;
        const findingSeverity = finding.severity && setting === rule.defaultSeverity ? severityFromName[finding.severity] : severity;
        diagnostics.push({
          range: finding.range,
          severity: findingSeverity,
          code: rule.name,
          ...(options.ruleLinks === false ? {} : { codeDescription: { href: `${docsBase}${rule.name}.md` } }),
          source: 'throughline',
          message: boundMessage(finding.message),
          ...(finding.relatedInformation ? { relatedInformation: finding.relatedInformation } : {}),
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
