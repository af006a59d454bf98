// The core's front door: the language server, the CLI and the extension import the core from
// here, never from deep paths, so the core can be rearranged behind it. Pure analysis only:
// no editor API, no protocol library, no I/O.

// Analysis
export { analysisOf, analyzeText, createParseState, runRules, withLazyDiagnostics, DEFAULT_DOCS_BASE } from './analyze.js';
export type { Analysis, AnalyzeOptions, ParseState } from './analyze.js';
export { parseConfig, readRuleSettings, readPacingSettings, findSuppressions, type PacingSettings } from './config.js';
export type { ConfigResult, RuleSettings } from './config.js';
export { rules, ruleNames, findRule, isRuleName } from './rules/index.js';
export type { Rule, RuleContext, RuleFinding, RuleName } from './rules/index.js';
export { yamlOptions } from './parse/parseYaml.js';
export type { PlanDocument } from './planDocument.js';

// Plain LSP-shaped data
export { DiagnosticSeverity, severityFromName, severityName } from './types.js';
export type { CodeAction, Diagnostic, DiagnosticCode, Location, Position, Range, SeverityName, SeveritySetting, TextEdit, WorkspaceEdit } from './types.js';

// Editor features: one free function each
export { codeActions } from './features/codeActions.js';
export { codeLenses } from './features/codeLens.js';
export { completion, COMPLETION_TRIGGER_CHARACTERS } from './features/completion.js';
export { definition } from './features/definition.js';
export { foldingRanges } from './features/folding.js';
export { hover } from './features/hover.js';
export { inlayHints } from './features/inlayHints.js';
export { references } from './features/references.js';
export { prepareRename, rename } from './features/rename.js';
export { documentSymbols, workspaceSymbols } from './features/symbols.js';

// Timeline
export { buildTimeline } from './features/timeline/model.js';
export { renderHtml } from './features/timeline/renderHtml.js';
export { renderSvg } from './features/timeline/renderSvg.js';
export { timelineResult } from './features/timeline/request.js';
export { timelineCss } from './features/timeline/style.js';
export type { TimelineParams, TimelineResult } from './features/timeline/request.js';
export type { TimelineBar, TimelineChannel, TimelineModel, TimelineUndated } from './features/timeline/types.js';

// Schema and text helpers the adapters need
export { planJsonSchema } from './schema/jsonSchema.js';
export { isIsoDate } from './text/dates.js';
export { didYouMean } from './text/didYouMean.js';
export { LineIndex } from './text/lineIndex.js';

// The workspace seam: file names, limits, the host interface, config lookup, analysis options
export * from './workspace/index.js';

// Actuals: the files a plan references, the actuals CSV, money and pace as of a date
export { referencedFiles, resolveReference, isLinkedFileUri, LINKED_FILE_GLOB, ACTUALS_FILE_SUFFIX, type FileReference } from './actuals/references.js';
export { linkedFilesOf, parsedCsv, type LinkedFiles } from './actuals/linkedFiles.js';
export { parseActualsCsv, ACTUALS_COLUMNS, type ParsedActualsCsv, type CsvActualRow, type CsvProblem } from './actuals/csv.js';
export {
  trackingOf,
  paceAt,
  CADENCE_DAYS,
  DEFAULT_TOLERANCE,
  FORECAST_POINTS,
  type Tracking,
  type KpiPace,
  type ChannelMoney,
  type MonthMoney,
  type PaceLine,
} from './actuals/tracking.js';
export { buildReviewPack, REVIEW_CADENCES, BLOCKER_WINDOW_DAYS, type ReviewPack, type ReviewCadence } from './features/review/reviewPack.js';
export { renderReviewMarkdown } from './features/review/renderMarkdown.js';
export { renderReviewHtml } from './features/review/renderHtml.js';
