// The core's front door: the language server, the CLI and the extension import the core from
// here, never from deep paths, so the core can be rearranged behind it. Pure analysis only:
// no editor API, no protocol library, no I/O.

// Analysis
export { analyzeText, createParseState, runRules, withLazyDiagnostics, DEFAULT_DOCS_BASE } from './analyze.js';
export type { Analysis, AnalyzeOptions, ParseState } from './analyze.js';
export { parseConfig, readRuleSettings, readFormatSettings, findSuppressions, LINE_WIDTH_LIMITS } from './config.js';
export type { ConfigResult, FormatSettings, RuleSettings } from './config.js';
export { rules, ruleNames, findRule } from './rules/index.js';
export type { Rule, RuleContext, RuleFinding } from './rules/index.js';
export { yamlOptions } from './parse/parseYaml.js';
export type { PlanDocument } from './planDocument.js';

// Plain LSP-shaped data
export { DiagnosticSeverity, severityFromName, severityName } from './types.js';
export type { CodeAction, Diagnostic, Location, Position, Range, SeverityName, SeveritySetting, TextEdit, WorkspaceEdit } from './types.js';

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
export { documentSymbols, workspaceSymbols } from './features/symbols.js';
export { SEMANTIC_TOKENS_LEGEND, semanticTokens, semanticTokensEdits } from './features/semanticTokens.js';
export type { SemanticTokens, SemanticTokensEdit } from './features/semanticTokens.js';
export { documentLinks, resolvePath } from './features/documentLinks.js';
export type { DocumentLink } from './features/documentLinks.js';
export { documentHighlights, DocumentHighlightKind } from './features/documentHighlights.js';
export type { DocumentHighlight } from './features/documentHighlights.js';

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
