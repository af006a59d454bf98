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
  /** Lag in days (working days when `lagUnit` is `bd`). */
  lag: number;
  /** `bd` when the lag counts working days of the plan's calendar; left out for calendar days. */
  lagUnit?: 'bd';
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

/** A channel's bar in an older version of the plan, drawn as a ghost outline (the plan diff). */
export interface TimelineGhost {
  id: string;
  name: string;
  start: TimelineDate;
  end: TimelineDate;
  /** Days the start and the end moved to reach the current bar (0 for a removed channel). */
  startDays: number;
  endDays: number;
}

/** The old version a diff timeline is compared with: ghosts of the old bars. */
export interface TimelineBaseline {
  /** What the old version is, for the header (`origin/main`, a file name). */
  label: string;
  /** Old bars of channels still on the timeline (renamed ones under their new id), moved or not. */
  bars: TimelineGhost[];
  /** Old bars of channels that are gone; their rows are the lane REMOVED_LANE. */
  removed: TimelineGhost[];
}

export interface TimelineBlackout {
  from: TimelineDate;
  to: TimelineDate;
  why: string | undefined;
  /** The media it applies to; undefined: every channel. */
  appliesTo: string[] | undefined;
}

/** The plan's working calendar, for the shading and the webview's business-day arithmetic. */
export interface TimelineCalendar {
  /** Saturdays and Sundays are not working days. */
  weekends: boolean;
  /** The other excluded days (none on an excluded weekend), in order. */
  excluded: TimelineDate[];
  /** In order of `from`. */
  blackouts: TimelineBlackout[];
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
  /** Left out when the plan has no `calendar`. */
  calendar?: TimelineCalendar;
  undated: TimelineUndated[];
  /** The first YAML syntax error, when the document does not parse cleanly. */
  syntaxProblem: TimelineMessage | undefined;
  /** The document's diagnostics (the first MAX_PROBLEMS_LISTED), with the channel each lies in. */
  problems: (TimelineMessage & { channel: string | undefined })[];
  /** How many diagnostics the document has in all. */
  problemCount: number;
  /** Only on a diff timeline: the old version's bars. */
  baseline?: TimelineBaseline;
  /** A plan after launch: the as-of date, burn and pace per bar, spend by month (absent for a plan that records nothing). */
  tracking?: TimelineTracking;
}
