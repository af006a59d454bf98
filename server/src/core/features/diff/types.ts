// What changed between two versions of a plan, in the terms its owners use, as plain
// JSON-serialisable data (`throughline diff --format json` prints it; docs/cli.md documents
// it). Dates are ISO `YYYY-MM-DD`; amounts are plain numbers in the plan's currency; a value
// that is not set on one side is null.

export type DiffValue = string | number | string[] | null;

export interface FieldChange {
  /** The key as written in the plan, dotted below the entry: `type`, `measure.target`, `period.end`. */
  field: string;
  before: DiffValue;
  after: DiffValue;
}

export interface Change<T> {
  before: T | null;
  after: T | null;
}

export interface ChannelSnapshot {
  id: string;
  name: string;
  type: string | null;
  mode: string | null;
  owner: string | null;
  start: string | null;
  end: string | null;
  budget: number | null;
}

export interface ChannelMove {
  /** Days the start moved (later is positive). */
  startDays: number;
  /** Days the end moved (later is positive). */
  endDays: number;
  /** Days the channel runs, both ends included, before and after. */
  days: Change<number>;
}

export interface ChannelChange {
  id: string;
  /** Its id in the old version, when it was renamed and changed. */
  was?: string;
  before: ChannelSnapshot;
  after: ChannelSnapshot;
  /** Present when both versions have usable dates and either moved. */
  moved?: ChannelMove;
  /** Everything else that changed, except owner (in `owners`) and budget (in `money`). */
  fields: FieldChange[];
}

export interface Rename {
  from: string;
  to: string;
}

export interface KpiSnapshot {
  id: string;
  name: string;
  tracesTo: string | null;
  target: number | null;
  readyBy: string | null;
}

export interface KpiChange {
  id: string;
  was?: string;
  fields: FieldChange[];
}

export interface TypeShare {
  /** `paid`, `owned`, `earned`, or `untyped`. */
  type: string;
  before: { amount: number; share: number | null };
  after: { amount: number; share: number | null };
}

export interface PhasingChange {
  channel: string;
  /** `YYYY-MM`. */
  month: string;
  before: number | null;
  after: number | null;
}

export interface OwnerChange {
  what: 'plan' | 'channel' | 'kpi' | 'measure' | 'review';
  /** The channel or KPI id, or the review cadence; the plan's title for `plan`. */
  id: string;
  before: string | null;
  after: string | null;
}

export interface DiffProblem {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  /** The channel or KPI the problem lies in, when it lies in one. */
  channel?: string;
  kpi?: string;
  /** 1-based line in the version it belongs to (the old one for fixed problems). */
  line: number;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export interface PlanSideInfo {
  /** The path as the user reads it (relative to the working directory when inside it). */
  path: string;
  title: string | null;
}

export interface ParseProblem {
  side: 'before' | 'after';
  line: number;
  message: string;
}

export interface PlanDiff {
  /** Null for a plan the base does not have. */
  before: PlanSideInfo | null;
  /** Null for a plan that was deleted. */
  after: PlanSideInfo | null;
  /**
   * `added` / `removed`: the plan exists on one side only; `unparsable`: a side has YAML syntax
   * errors, so only the problems are compared; `unchanged`: the same text.
   */
  status: 'added' | 'removed' | 'changed' | 'unchanged' | 'unparsable';
  parseProblems: ParseProblem[];
  plan: FieldChange[];
  channels: { added: ChannelSnapshot[]; removed: ChannelSnapshot[]; renamed: Rename[]; changed: ChannelChange[] };
  schedule: { end: Change<string>; criticalPath: Change<string[]> };
  money: {
    currency: string | null;
    /** The budget total as written. */
    total: Change<number>;
    /** The sum of channel budgets. */
    allocated: Change<number>;
    /** Budget by channel type with its share of the total (of the channel sum when no total is set); only types that changed. */
    byType: TypeShare[];
    channels: { id: string; before: number | null; after: number | null }[];
    phasing: PhasingChange[];
  };
  kpis: { added: KpiSnapshot[]; removed: KpiSnapshot[]; renamed: Rename[]; changed: KpiChange[] };
  owners: OwnerChange[];
  problems: { introduced: DiffProblem[]; fixed: DiffProblem[]; before: SeverityCounts; after: SeverityCounts };
}

/** How many of each kind of change, for one-line summaries. */
export function hasChanges(diff: PlanDiff): boolean {
  const { channels, kpis, money } = diff;
  return (
    diff.status === 'added' ||
    diff.status === 'removed' ||
    diff.plan.length > 0 ||
    channels.added.length + channels.removed.length + channels.renamed.length + channels.changed.length > 0 ||
    kpis.added.length + kpis.removed.length + kpis.renamed.length + kpis.changed.length > 0 ||
    money.total.before !== money.total.after ||
    money.channels.length + money.phasing.length > 0 ||
    diff.owners.length > 0 ||
    diff.problems.introduced.length + diff.problems.fixed.length > 0 ||
    diff.schedule.end.before !== diff.schedule.end.after
  );
}
