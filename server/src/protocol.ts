// Custom requests and notifications between the Throughline extension and its language
// server: method names and payload types only (no vscode or protocol-library imports), so the
// client, the server and tests share one definition.
export type { TimelineParams, TimelineResult } from './core/features/timeline/request.js';
export type { TimelineModel, TimelineBar, TimelineUndated } from './core/features/timeline/types.js';

/** `TimelineParams` → `TimelineResult | null` (null: the server has no such open document). */
export const TimelineRequest = { method: 'throughline/timeline' } as const;

export type { ExportParams, ExportResult } from './core/features/export/request.js';
export type { ExportFormat } from './core/features/export/exportPlan.js';

/** `ExportParams` → `ExportResult | null` (null: the server has no such open document): the plan as iCalendar, CSV, SVG or HTML. */
export const ExportRequest = { method: 'throughline/export' } as const;

/**
 * Server → client, optional: a plan's analysis changed (`{ uri, version }`). The preview
 * refreshes on it; without it, the preview refreshes on the client's own edit events.
 */
export const AnalysisChangedNotification = { method: 'throughline/analysisChanged' } as const;

export interface AnalysisChangedParams {
  uri: string;
  version: number;
}
