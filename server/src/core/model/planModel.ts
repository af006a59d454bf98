import type { aggregations, channelModes, channelTypes, dependencyKinds } from '../schema/planSchema.js';
import type { Day } from '../text/dates.js';
import type { LineIndex } from '../text/lineIndex.js';
import type { SectionKeys } from './sectionKeys.js';
import type { Range } from '../types.js';

// The plan as the rules and editor features see it: plain values with the source range of
// every key and value. Built from whatever parsed; wrong-typed values are left out (the
// schema check reports them), so every consumer can trust the types here.
//
// A value merged in with `<<: *defaults` is located where the entry takes it in: `range` is
// the `*defaults` of that `<<` line (so what a rule says about this channel's value is shown
// in this channel), and `origin` is where the text is written (what a rename or an edit of
// the text changes, for every mapping that merges it).

export interface Located<T> {
  value: T;
  range: Range;
  /** Where the text is, when it is merged in from outside the entry (`range` is then the `<<` source). */
  origin?: Range;
}

export interface LocatedDate extends Located<string> {
  /** Undefined when the text is not a real calendar date. */
  day: Day | undefined;
}

/** A mapping that appears in the plan under some key. */
export interface Section {
  /** Range of the key (e.g. `compliance`). */
  keyRange: Range;
  /** Range of the key and its value together. */
  range: Range;
  /** Column at which the section's own keys are (or would be) written. */
  bodyIndent: number;
  /** Keys present in the section, with their ranges (merged-in keys where they are written). */
  keys: SectionKeys;
  /** Where the section is written, when it is merged in from outside its entry (see `Located`). */
  origin?: Range;
}

/** An entry of an id-keyed map (`channels`, `kpis`). */
export interface Entry extends Section {
  id: string;
}

export type ChannelType = (typeof channelTypes)[number];
export type ChannelMode = (typeof channelModes)[number];
export type DependencyKind = (typeof dependencyKinds)[number];
export type Aggregation = (typeof aggregations)[number];

/** One month of `phasing`: `2026-07: 60000`. Months that are not `YYYY-MM` are left out (the schema reports them). */
export interface MonthAmount {
  /** `YYYY-MM`. */
  month: string;
  keyRange: Range;
  amount: Located<number>;
}

/** One month of `spend`: `2026-07: { committed: 58000, actual: 55000 }`. */
export interface SpendMonthModel {
  month: string;
  keyRange: Range;
  committed: Located<number> | undefined;
  actual: Located<number> | undefined;
}

/** A dated measured value of `actuals`: `2026-07-07: 120`; the date is the key. */
export interface DatedValue {
  date: LocatedDate;
  value: Located<number>;
}

export interface DependencyModel {
  on: Located<string>;
  kind: DependencyKind;
  /** The lag's amount: calendar days (`d`, `w`, `h` converted), or working days when `lagInBusinessDays`. */
  lagDays: number;
  /** The lag is written in `bd`: counted on the plan's working calendar. */
  lagInBusinessDays: boolean;
  lag: Located<string> | undefined;
  why: string | undefined;
  /** Range of the whole list item. */
  range: Range;
  /** Position in the `depends_on` list. */
  index: number;
  /** Where the list item is written, when the list is merged in (see `Located`). */
  origin?: Range;
}

export interface ChannelModel extends Entry {
  name: Located<string> | undefined;
  type: Located<ChannelType> | undefined;
  mode: Located<ChannelMode> | undefined;
  medium: Located<string> | undefined;
  owner: Located<string> | undefined;
  stages: Located<string>[];
  start: LocatedDate | undefined;
  end: LocatedDate | undefined;
  budget: Located<number> | undefined;
  kpis: Located<string>[];
  dependsOn: DependencyModel[];
  personalData: Located<string>[];
  /** Planned spend per month, in the order written. */
  phasing: MonthAmount[];
  phasingSection: Section | undefined;
  /** Committed and actual money per month, in the order written (the CSV's rows are merged in `trackingOf`). */
  spend: SpendMonthModel[];
  spendSection: Section | undefined;
}

export interface MeasureModel extends Section {
  definition: Located<string> | undefined;
  source: Located<string> | undefined;
  owner: Located<string> | undefined;
  unit: Located<string> | undefined;
  baseline: Located<number> | undefined;
  target: Located<number> | undefined;
  cadence: Located<string> | undefined;
  readyBy: LocatedDate | undefined;
  aggregation: Located<Aggregation> | undefined;
}

export interface KpiModel extends Entry {
  name: Located<string> | undefined;
  tracesTo: Located<string> | undefined;
  owner: Located<string> | undefined;
  measure: MeasureModel | undefined;
  /** Measured values written in the plan, in the order written. */
  actuals: DatedValue[];
  actualsSection: Section | undefined;
  /** The URI of the library that defines the KPI, when it is imported (a plan's refinement keeps it too). */
  library?: string;
}

export interface ObjectiveModel extends Section {
  id: Located<string> | undefined;
  statement: Located<string> | undefined;
  metric: Located<string> | undefined;
  target: Located<number> | undefined;
  deadline: LocatedDate | undefined;
  /** `traces_to`: the id of the objective of the portfolio the plan belongs to. */
  tracesTo: Located<string> | undefined;
}

export interface ReviewModel extends Section {
  cadence: string;
  owner: Located<string> | undefined;
  focus: Located<string> | undefined;
  /** `held`: the dates the review took place. */
  held: LocatedDate[];
}

export interface StageModel extends Located<string> {
  need: string | undefined;
  /** The URI of the library that defines the stage, when it is imported. */
  library?: string;
}

export interface BlackoutModel {
  from: LocatedDate | undefined;
  to: LocatedDate | undefined;
  why: Located<string> | undefined;
  /** The media it applies to; undefined when it names none, so it applies to every channel. */
  appliesTo: Located<string>[] | undefined;
  /** Range of the whole list item. */
  range: Range;
}

/** `calendar`: the days nobody works (`excludes`) and the launch freezes (`blackouts`). */
export interface CalendarModel extends Section {
  /** `weekends` is among `excludes`. */
  weekends: boolean;
  /** The dates among `excludes`. */
  excluded: LocatedDate[];
  blackouts: BlackoutModel[];
}

export interface MilestoneModel extends Entry {
  date: LocatedDate | undefined;
  label: string | undefined;
}

export interface PlanModel {
  text: string;
  lineIndex: LineIndex;
  /** Where a problem about the plan as a whole is shown: the first key, or the file's start. */
  anchorRange: Range;
  /** Top-level keys present, with their ranges. */
  rootKeys: Map<string, Range>;
  /** Column of the top-level keys (normally 0). */
  rootIndent: number;
  title: Located<string> | undefined;
  owner: Located<string> | undefined;
  period: { start: LocatedDate | undefined; end: LocatedDate | undefined; section: Section } | undefined;
  /** Every objective written (a list, or a repeated `objective` key); rules want exactly one. */
  objectives: ObjectiveModel[];
  propositions: Located<string>[];
  budget: { total: Located<number> | undefined; currency: string | undefined; contingency: number; section: Section } | undefined;
  journey: StageModel[];
  channels: Map<string, ChannelModel>;
  kpis: ReadonlyMap<string, KpiModel>;
  milestones: Map<string, MilestoneModel>;
  calendar: CalendarModel | undefined;
  attribution: { model: Located<string> | undefined; section: Section } | undefined;
  compliance: (Section & { regulations: Located<string>[] }) | undefined;
  reviews: Map<string, ReviewModel>;
  reviewsSection: Section | undefined;
  governance: Section | undefined;
  /** `as_of`: the date actuals are read against. */
  asOf: LocatedDate | undefined;
  /** `actuals_file`: a CSV of actuals, relative to the plan. */
  actualsFile: Located<string> | undefined;
  /** `imports`: the libraries this file uses, as written. */
  imports: Located<string>[];
  /** A library's `owners` and `media` (empty in a plan). */
  owners: Located<string>[];
  media: Located<string>[];
  /** A portfolio's `portfolio` title (undefined in a plan). */
  portfolioTitle: Located<string> | undefined;
  /** A portfolio's `plans` entries as written: paths and globs (empty in a plan). */
  planEntries: Located<string>[];
  /** What the imports brought in (set by `withImports`); `kpis` and `journey` then hold the merged view. */
  imported?: ImportedFacts;
}

/** One problem with an `imports` entry of this file. */
export interface ImportProblem {
  kind: 'unresolved' | 'cycle';
  /** The import entry as written. */
  range: Range;
  message: string;
}

export interface ImportedFacts {
  /** The model as written, before the imports were merged in. */
  local: PlanModel;
  /** Every library reached, directly or through other libraries, by URI, in the order first reached. */
  libraries: Map<string, PlanModel>;
  /** Libraries named (directly or transitively) that the snapshot does not hold yet. */
  notLoaded: string[];
  /** Every library URI looked up, read or not: a change to any of them changes this analysis. */
  named: Set<string>;
  /** What each library reached defines (its KPIs' and stages' objects): findings there are the library's. */
  positions: WeakSet<object>[];
  problems: ImportProblem[];
  /** KPIs and stages the libraries define, by id (the first library to define an id wins), with `library` set; shared with the library's other importers, so read only. */
  kpis: ReadonlyMap<string, KpiModel>;
  stages: ReadonlyMap<string, StageModel>;
  /** Owners the libraries allow; empty when none lists any. */
  owners: Set<string>;
  /** Extra `medium` values the libraries allow. */
  media: Set<string>;
}
