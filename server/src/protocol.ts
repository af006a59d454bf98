// The custom protocol between the Throughline extension and its language server, as typed
// request and notification objects (like rust-analyzer's lsp_ext.ts): the client sends
// `client.sendRequest(TimelineRequest, params)`, the server answers
// `connection.onRequest(TimelineRequest, handler)`, and the compiler checks both sides'
// params and results. The types come from the core; nothing here imports vscode.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { RescheduleParams, RescheduleResult, TimelineParams, TimelineResult } from './core/index.js';

export type { RescheduleParams, RescheduleResult, TimelineBar, TimelineModel, TimelineParams, TimelineResult, TimelineUndated } from './core/index.js';

/** The timeline of an open plan; null when the server has no such open document. */
export const TimelineRequest = new RequestType<TimelineParams, TimelineResult | null, void>('throughline/timeline');

/**
 * The edit that moves a channel (new dates or a shift), and with `cascade` its dependants:
 * only their date scalars, for the version the client names (another version is refused as
 * stale). Null when the server has no such open document.
 */
export const RescheduleRequest = new RequestType<RescheduleParams, RescheduleResult | null, void>('throughline/reschedule');

export interface AnalysisChangedParams {
  uri: string;
  version: number;
}

/**
 * Server → client, optional: a plan's analysis changed. The preview refreshes on it; without
 * it, the preview refreshes on the client's own edit events.
 */
export const AnalysisChangedNotification = new NotificationType<AnalysisChangedParams>('throughline/analysisChanged');

/** Every custom method, for tests that check each is handled and documented. */
export const CUSTOM_METHODS: readonly string[] = [TimelineRequest.method, RescheduleRequest.method, AnalysisChangedNotification.method];
