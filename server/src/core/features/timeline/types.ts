import type { ChannelMode, ChannelType, DependencyKind } from '../../model/planModel.js';
import type { Range, SeverityName } from '../../types.js';
import type { TimelineTracking } from './trackingModel.js';

// The timeline as plain JSON-serialisable data: what the renderer draws, what the webview
// needs to map clicks back to the editor, and what the CLI prints. Built by `buildTimeline`.

export interface TimelineDate {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  /** Days since 1970-01-01 (UTC). */
  day: number;
}

export interface TimelineMessage {
  severity: SeverityName;
  code: string;
  message: string;
  /** Zero-based line of the diagnostic. */
  line: number;
}

export interface ChannelDiagnostics {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  messages: TimelineMessage[];
}

export interface TimelineLane {
  /** The journey stage id, or `""` for the lane of channels without a known stage. */
  id: string;
  label: string;
  need: string | undefined;
  /** Dated channels in this lane, in display order (by start, then as written). */
  bars: string[];
}

/** Facts about a channel shared by dated bars and undated entries. */
export interface TimelineChannel {
  id: string;
  /** `name`, or the id when the channel has none. */
  name: string;
  type: ChannelType | undefined;
  mode: ChannelMode | undefined;
  medium: string | undefined;
  owner: string | undefined;
  budget: number | undefined;
  /** Budget as a fraction (0..1+) of `TimelineModel.budgetTotal`; undefined when that is 0 or unknown. */
  budgetShare: number | undefined;
  /** Lane id: the channel's first known stage, or `""`. */
  lane: string;
  stages: string[];
  diagnostics: ChannelDiagnostics;
  /** The channel's key, for reveal-and-select. */
  keyRange: Range;
  /** The channel's whole entry, for cursor-to-bar highlighting. */
  range: Range;
}

export interface TimelineBar extends TimelineChannel {
  start: TimelineDate;
  end: TimelineDate;
  /** Days run, both ends included. */
  days: number;
  critical: boolean;
  slack: number;
  /** The earliest start its dependencies allow, when it has any dated dependency. */
  earliestStart: TimelineDate | undefined;
}

export interface TimelineUndated extends TimelineChannel {
  /** Why the channel is not on the timeline, in words. */
  reason: string;
}

export interface TimelineEdge {
  /** The dependency (upstream channel id). */
  from: string;
  /** The dependant (downstream channel id). */
  to: string;
  kind: DependencyKind;
  /** Lag in days. */
  lag: number;
  why: string | undefined;
  /** The dependant starts (or ends) earlier than this dependency allows. */
  violated: boolean;
  /** By how many days, when violated. */
  violationDays: number;
  /** Both ends are consecutive on the critical path. */
  critical: boolean;
}

export interface TimelineReadyBy {
  kpi: string;
  name: string;
  date: TimelineDate;
  /** Channels reporting against the KPI. */
  channels: string[];
  /** Later than the first start of a channel reporting it. */
  late: boolean;
}

export interface TimelineMilestone {
  id: string;
  label: string;
  date: TimelineDate;
}

export interface TimelineModel {
  title: string;
  currency: string | undefined;
  /** What channel budgets are a share of: the plan's total, or the sum of channel budgets when the plan sets none; undefined when it is 0. */
  budgetTotal: number | undefined;
  /** How `budgetTotal` is named next to a share (`66.7% of the total`). */
  budgetShareOf: 'the total' | 'channel budgets' | undefined;
  period: { start: TimelineDate; end: TimelineDate } | undefined;
  deadline: TimelineDate | undefined;
  today: TimelineDate | undefined;
  /** The last end date of any dated channel. */
  finish: TimelineDate | undefined;
  /** First and last day of everything dated (channels, period, deadline, ready_by, milestones). */
  span: { start: TimelineDate; end: TimelineDate } | undefined;
  lanes: TimelineLane[];
  bars: TimelineBar[];
  edges: TimelineEdge[];
  criticalPath: string[];
  readyBy: TimelineReadyBy[];
  milestones: TimelineMilestone[];
  undated: TimelineUndated[];
  /** The first YAML syntax error, when the document does not parse cleanly. */
  syntaxProblem: TimelineMessage | undefined;
  /** The document's diagnostics (the first MAX_PROBLEMS_LISTED), with the channel each lies in. */
  problems: (TimelineMessage & { channel: string | undefined })[];
  /** How many diagnostics the document has in all. */
  problemCount: number;
  /** A plan after launch: the as-of date, burn and pace per bar, spend by month (absent for a plan that records nothing). */
  tracking?: TimelineTracking;
}
