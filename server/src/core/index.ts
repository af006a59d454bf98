// The core's front door: the language server, the CLI and the extension import the core from
// here, never from deep paths, so the core can be rearranged behind it. Pure analysis only:
// no editor API, no protocol library, no I/O.

// Analysis
export { analyzeText, createParseState, runRules, withLazyDiagnostics, DEFAULT_DOCS_BASE } from './analyze.js';
export type { Analysis, AnalyzeOptions, ParseState } from './analyze.js';
export { parseConfig, readRuleSettings, findSuppressions } from './config.js';
export type { ConfigResult, RuleSettings } from './config.js';
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
export { codeLenses } from './features/codeLens.js';
export { completion, COMPLETION_TRIGGER_CHARACTERS } from './features/completion.js';
export { definition } from './features/definition.js';
export { foldingRanges } from './features/folding.js';
export { hover } from './features/hover.js';
export { inlayHints } from './features/inlayHints.js';
export { references } from './features/references.js';
export { prepareRename, rename } from './features/rename.js';
export { documentSymbols, workspaceSymbols } from './features/symbols.js';

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
export type { TimelineGeometry, TimelineParams, TimelineResult } from './features/timeline/request.js';
export type { TimelineBar, TimelineCalendar, TimelineChannel, TimelineEdge, TimelineModel, TimelineUndated } from './features/timeline/types.js';

// Schema and text helpers the adapters need
export { planJsonSchema } from './schema/jsonSchema.js';
export { formatDay, isIsoDate, parseIsoDate } from './text/dates.js';
export { didYouMean } from './text/didYouMean.js';
export { LineIndex } from './text/lineIndex.js';

// The workspace seam: file names, limits, the host interface, config lookup, analysis options
export * from './workspace/index.js';
