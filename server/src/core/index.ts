// The core's front door: the language server, the CLI and the extension import the core from
// here, never from deep paths, so the core can be rearranged behind it. Pure analysis only:
// no editor API, no protocol library, no I/O.

// Analysis
export { analysisOf, analyzeLean, analyzeText, compacted, createParseState, runRules, withLazyDiagnostics, DEFAULT_DOCS_BASE } from './analyze.js';
export type { Analysis, AnalyzeOptions, ParseState } from './analyze.js';
export { parseConfig, readRuleSettings, readFormatSettings, readPacingSettings, findSuppressions, LINE_WIDTH_LIMITS } from './config.js';
export type { ConfigResult, FormatSettings, PacingSettings, RuleSettings } from './config.js';
export { rules, ruleNames, findRule, isRuleName } from './rules/index.js';
export type { Rule, RuleContext, RuleFinding, RuleName } from './rules/index.js';
export { yamlOptions } from './parse/parseYaml.js';
export type { PlanDocument } from './planDocument.js';

// Plain LSP-shaped data
export { DiagnosticSeverity, severityFromName, severityName } from './types.js';
export type {
  ChangeAnnotation,
  CodeAction,
  Diagnostic,
  DiagnosticCode,
  DocumentChangesEdit,
  Location,
  Position,
  Range,
  RefactorAction,
  SeverityName,
  SeveritySetting,
  TextEdit,
  WorkspaceEdit,
} from './types.js';

// Editor features: one free function each
export { codeActions } from './features/codeActions.js';
export { codeLenses, CLIENT_COMMANDS } from './features/codeLens.js';
export type { CodeLensOptions } from './features/codeLens.js';
export { completion, COMPLETION_TRIGGER_CHARACTERS } from './features/completion.js';
export { definition } from './features/definition.js';
export { DEFAULT_LINE_WIDTH, formatDocument, formatDocumentRange, formatText } from './features/format/index.js';
export type { FormatOptions, FormatResult } from './features/format/index.js';
export { foldingRanges } from './features/folding.js';
export { hover } from './features/hover.js';
export { inlayHints } from './features/inlayHints.js';
export { references } from './features/references.js';
export { prepareRename, rename } from './features/rename.js';
export { librarySymbolAt, workspaceReferences, workspaceRename, type LibrarySymbol, type WorkspaceDocuments } from './features/workspaceReferences.js';
export { documentSymbols, workspaceSymbols } from './features/symbols.js';
export { SEMANTIC_TOKENS_LEGEND, semanticTokens, semanticTokensEdits } from './features/semanticTokens.js';
export type { SemanticTokens, SemanticTokensEdit } from './features/semanticTokens.js';
export { documentLinks, resolvePath } from './features/documentLinks.js';
export type { DocumentLink } from './features/documentLinks.js';
export { documentHighlights, DocumentHighlightKind } from './features/documentHighlights.js';
export type { DocumentHighlight } from './features/documentHighlights.js';

// Scheduling: rescheduling actions and the reschedule request
export { rescheduleActions, rescheduleData, resolveRescheduleAction, RESCHEDULE_DEPENDANTS_KIND, RESCHEDULE_PLAN_KIND } from './features/reschedule/actions.js';
export type { RescheduleActionOptions } from './features/reschedule/actions.js';
export { rescheduleResult } from './features/reschedule/request.js';
export type { RescheduledChannel, RescheduleParams, RescheduleResult } from './features/reschedule/request.js';
export { parseShift } from './features/reschedule/shift.js';

// Timeline
export { buildTimeline } from './features/timeline/model.js';
export { renderHtml } from './features/timeline/renderHtml.js';
export { renderSvg } from './features/timeline/renderSvg.js';
export { timelineResult } from './features/timeline/request.js';
export { timelineCss } from './features/timeline/style.js';
export { calendarCss } from './features/timeline/calendarShading.js';
// What a portfolio reads of each plan (the server hands it over from the plans it analyzed)
export { portfolioMemberFacts, PORTFOLIO_MEMBER_FACTS } from './portfolio/portfolio.js';
// The portfolio timeline: one lane per plan of a *.portfolio.yaml
export { buildPortfolioTimeline } from './features/portfolioTimeline/model.js';
export { renderPortfolioSvg, layoutPortfolio } from './features/portfolioTimeline/renderSvg.js';
export { renderPortfolioHtml } from './features/portfolioTimeline/renderHtml.js';
export { portfolioTimelineResult } from './features/portfolioTimeline/request.js';
export { portfolioTimelineInput } from './features/portfolioTimeline/fromPortfolio.js';
export { portfolioCss } from './features/portfolioTimeline/style.js';
export type { PortfolioChannelBar, PortfolioLane, PortfolioTimelineModel } from './features/portfolioTimeline/model.js';
export type { PortfolioTimelineParams, PortfolioTimelineResult } from './features/portfolioTimeline/request.js';
export type { PortfolioTimelineChannel, PortfolioTimelineInput, PortfolioTimelinePlan } from './features/portfolioTimeline/types.js';
export type { TimelineGeometry, TimelineParams, TimelineResult } from './features/timeline/request.js';
export type { TimelineBar, TimelineCalendar, TimelineChannel, TimelineEdge, TimelineModel, TimelineUndated } from './features/timeline/types.js';

// Exports for people outside the editor: iCalendar, CSV (and the timeline as SVG / HTML)
export { exportPlan, EXPORT_FORMATS, isExportFormat } from './features/export/exportPlan.js';
export type { ExportFormat, ExportOptions, PlanExport } from './features/export/exportPlan.js';
export { exportResult } from './features/export/request.js';
export type { ExportParams, ExportResult } from './features/export/request.js';
export { planCalendar } from './features/export/planCalendar.js';
export { planCsv, CSV_COLUMNS, PHASING_COLUMN_PREFIX } from './features/export/planCsv.js';

// Plan diff: what changed between two versions, as data, Markdown, and a timeline with the old bars as outlines
export { diffPlans } from './features/diff/planDiff.js';
export type { PlanSide } from './features/diff/planDiff.js';
export { diffMarkdown } from './features/diff/diffMarkdown.js';
export { diffTimeline, renderDiffHtml, renderDiffSvg } from './features/diff/diffPage.js';
export type { DiffPictureInput } from './features/diff/diffPage.js';
export { hasChanges } from './features/diff/types.js';
export type { PlanDiff, PlanSideInfo } from './features/diff/types.js';

// Schema and text helpers the adapters need
export { libraryJsonSchema, planJsonSchema } from './schema/jsonSchema.js';
export { importedUris, withImports } from './library/imports.js';
export { base64ToBytes, bytesToBase64 } from './text/base64.js';
export { formatDay, isIsoDate, localToday, parseIsoDate } from './text/dates.js';
export { didYouMean } from './text/didYouMean.js';
export { codeSpan, escapeMarkdown } from './text/markdown.js';
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
