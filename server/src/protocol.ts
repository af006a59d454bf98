// The custom protocol between the Throughline extension and its language server, as typed
// request and notification objects (like rust-analyzer's lsp_ext.ts): the client sends
// `client.sendRequest(TimelineRequest, params)`, the server answers
// `connection.onRequest(TimelineRequest, handler)`, and the compiler checks both sides'
// params and results. The types come from the core; nothing here imports vscode.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type {
  ExportParams,
  ExportResult,
  PortfolioTimelineParams,
  PortfolioTimelineResult,
  RescheduleParams,
  RescheduleResult,
  TimelineParams,
  TimelineResult,
} from './core/index.js';

export type {
  ExportFormat,
  ExportParams,
  ExportResult,
  PortfolioLane,
  PortfolioTimelineModel,
  PortfolioTimelineParams,
  PortfolioTimelineResult,
  RescheduleParams,
  RescheduleResult,
  TimelineBar,
  TimelineModel,
  TimelineParams,
  TimelineResult,
  TimelineUndated,
} from './core/index.js';

/** The timeline of an open plan; null when the server has no such open document. */
export const TimelineRequest = new RequestType<TimelineParams, TimelineResult | null, void>('throughline/timeline');

/** The timeline of a portfolio (`*.portfolio.yaml`): one lane per plan; null when the server cannot read it as a portfolio. */
export const PortfolioTimelineRequest = new RequestType<PortfolioTimelineParams, PortfolioTimelineResult | null, void>('throughline/portfolioTimeline');

/** The plan as iCalendar, CSV, SVG or HTML; null when the server has no such open document. */
export const ExportRequest = new RequestType<ExportParams, ExportResult | null, void>('throughline/export');

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

// Server → client, sent only by the web extension's server (server/src/browser/webHost.ts):
// in a browser worker there is no file system, so the server asks the extension, which
// answers with `vscode.workspace.fs` and `findFiles` — and so works on virtual file systems
// (github.dev's `vscode-vfs:`, code-server's `vscode-remote:`) as well as on disk.

export interface ReadFileParams {
  uri: string;
  /** A file larger than this is not read: its size comes back instead. */
  maxBytes: number;
}

/**
 * A file's bytes in base64 (the protocol stays JSON; the server decodes and checks them with
 * the core's `decodeTextFile`, as the Node host does), or why they were not read.
 */
export type ReadFileResult =
  { kind: 'file'; base64: string } | { kind: 'too-large'; size: number } | { kind: 'missing' | 'not-a-file' | 'unreadable'; problem: string };

export const ReadFileRequest = new RequestType<ReadFileParams, ReadFileResult, void>('throughline/readFile');

export interface IsFileParams {
  uri: string;
}

/** Whether the URI names a file (a symbolic link to one counts). */
export const IsFileRequest = new RequestType<IsFileParams, boolean, void>('throughline/isFile');

export interface FindFilesParams {
  folderUri: string;
  /** Glob of the files wanted, relative to the folder. */
  include: string;
  /** Glob of what is never searched (the editor's own `files.exclude` does not apply, as on disk). */
  exclude: string;
  maxResults: number;
}

export interface FindFilesResult {
  /** Sorted. */
  uris: string[];
  /** More files matched than `maxResults`. */
  truncated: boolean;
  /** The folder could not be searched (its file system has no search), in a few words. */
  problem?: string;
}

export const FindFilesRequest = new RequestType<FindFilesParams, FindFilesResult, void>('throughline/findFiles');

/** Every custom method, for tests that check each is handled and documented. */
export const CUSTOM_METHODS: readonly string[] = [
  TimelineRequest.method,
  PortfolioTimelineRequest.method,
  ExportRequest.method,
  RescheduleRequest.method,
  AnalysisChangedNotification.method,
  ReadFileRequest.method,
  IsFileRequest.method,
  FindFilesRequest.method,
];
