import { isMap, isPair, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import { effectivePairs, hasMergeKey, isMergeKey } from '../parse/merge.js';
import { resolveNode, scalarKey, type ParsedYaml } from '../parse/parseYaml.js';
import { nodeRange, PairCache, textRangeOf } from '../parse/reuse.js';
import { aggregations, channelModes, channelTypes, dependencyKinds, isExtensionKey } from '../schema/planSchema.js';
import { parseDuration, parseDurationDays, parseIsoDate } from '../text/dates.js';
import type { LineIndex } from '../text/lineIndex.js';
import { SectionKeys } from './sectionKeys.js';
import { rangeContains } from '../text/positions.js';
import type { Range } from '../types.js';
import type {
  BlackoutModel,
  CalendarModel,
  ChannelModel,
  DatedValue,
  DependencyKind,
  KpiModel,
  Located,
  LocatedDate,
  MeasureModel,
  MilestoneModel,
  MonthAmount,
  ObjectiveModel,
  PlanModel,
  ReviewModel,
  Section,
  SpendMonthModel,
  StageModel,
} from './planModel.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

// Entries rebuilt only when their YAML pair is new or has moved to another line or section
// (the reuse contract, `parse/reuse.ts`): an unchanged block can move from `kpis` to
// `channels` when the lines around it change.
const entryCache = new PairCache<Pair, ChannelModel | KpiModel | MilestoneModel>();

/** Builds the located plan model from a parsed YAML document, tolerating any shape. */
export function buildModel(parsed: ParsedYaml): PlanModel {
  const builder = new ModelBuilder(parsed.doc, parsed.lineIndex, parsed.reusesPairs === true);
  return builder.build(parsed.text);
}

class ModelBuilder {
  constructor(
    private readonly doc: Document.Parsed | null,
    private readonly lines: LineIndex,
    /** Whether the parse may hand these pairs back: only then are the entries built from them kept with them. */
    private readonly reusesPairs: boolean,
  ) {}

  build(text: string): PlanModel {
    const model: PlanModel = {
      text,
      lineIndex: this.lines,
      anchorRange: this.lines.range(0, 0),
      rootKeys: new Map(),
      rootIndent: 0,
      title: undefined,
      owner: undefined,
      period: undefined,
      objectives: [],
      propositions: [],
      budget: undefined,
      journey: [],
      channels: new Map(),
      kpis: new Map(),
      milestones: new Map(),
      calendar: undefined,
      attribution: undefined,
      compliance: undefined,
      reviews: new Map(),
      reviewsSection: undefined,
      governance: undefined,
      asOf: undefined,
      actualsFile: undefined,
      imports: [],
      owners: [],
      media: [],
      portfolioTitle: undefined,
      planEntries: [],
    };
    const root = this.doc ? this.resolve(this.doc.contents) : null;
    if (!isMap(root)) {
      const range = nodeRange(root);
      if (range) {
        model.anchorRange = this.lines.range(range[0], Math.min(range[1], range[0] + 1));
      }
      return model;
    }
    let first = true;
    let anchored = false;
    // The root's own pairs in order (a repeated `objective` is read every time), then what `<<` merges into it.
    const merged = effectivePairs(root, this.doc).filter((entry) => entry.via);
    for (const pair of [...root.items.filter((item) => !isMergeKey(item.key)), ...merged.map((entry) => entry.pair)]) {
      const key = scalarKey(pair.key);
      if (key === undefined) continue;
      const keyRange = this.keyRange(pair);
      if (first) {
        model.anchorRange = keyRange;
        model.rootIndent = keyRange.start.character;
        first = false;
      }
      // `x-` keys are the plan's extensions: no rule reads them, and plan-wide problems are shown on a key of the plan itself.
      if (isExtensionKey(key)) continue;
      if (!anchored) {
        model.anchorRange = keyRange;
        anchored = true;
      }
      if (key !== 'objective' && model.rootKeys.has(key)) continue;
      model.rootKeys.set(key, keyRange);
      this.readRootEntry(model, key, pair);
    }
    return model;
  }

  private readRootEntry(model: PlanModel, key: string, pair: Pair): void {
    const value = this.resolve(pair.value);
    switch (key) {
      case 'plan':
        model.title = this.string(pair.value);
        break;
      case 'owner':
        model.owner = this.string(pair.value);
        break;
      case 'portfolio':
        model.portfolioTitle = this.string(pair.value);
        break;
      case 'plans':
        model.planEntries = this.stringList(pair.value);
        break;
      case 'period': {
        const section = this.section(pair);
        model.period = { start: this.date(this.get(value, 'start')), end: this.date(this.get(value, 'end')), section };
        break;
      }
      case 'objective':
        if (isSeq(value)) {
          for (const item of value.items) {
            const objective = this.objective(item, this.range(this.resolve(item)) ?? this.keyRange(pair));
            if (objective) model.objectives.push(objective);
          }
        } else {
          const objective = this.objective(pair.value, this.keyRange(pair));
          if (objective) model.objectives.push(objective);
        }
        break;
      case 'proposition':
        model.propositions = isSeq(value) ? this.stringList(value) : [this.string(pair.value)].filter(isDefined);
        break;
      case 'budget': {
        const contingency = this.number(this.get(value, 'contingency'))?.value ?? 0;
        model.budget = {
          total: this.number(this.get(value, 'total')),
          currency: this.string(this.get(value, 'currency'))?.value,
          contingency,
          section: this.section(pair),
        };
        break;
      }
      case 'journey':
        model.journey = isSeq(value) ? value.items.map((item) => this.stage(item)).filter(isDefined) : [];
        break;
      case 'channels':
        this.eachEntry(value, (id, entryPair) => {
          if (!model.channels.has(id))
            model.channels.set(
              id,
              this.cached('channels', entryPair, () => this.channel(id, entryPair)),
            );
        });
        break;
      case 'kpis': {
        const kpis = new Map<string, KpiModel>();
        this.eachEntry(value, (id, entryPair) => {
          if (!kpis.has(id))
            kpis.set(
              id,
              this.cached('kpis', entryPair, () => this.kpi(id, entryPair)),
            );
        });
        model.kpis = kpis;
        break;
      }
      case 'milestones':
        this.eachEntry(value, (id, entryPair) => {
          if (!model.milestones.has(id))
            model.milestones.set(
              id,
              this.cached('milestones', entryPair, () => this.milestone(id, entryPair)),
            );
        });
        break;
      case 'calendar':
        model.calendar = this.calendar(pair);
        break;
      case 'attribution':
        model.attribution = { model: this.string(this.get(value, 'model')), section: this.section(pair) };
        break;
      case 'compliance': {
        const regulations = this.resolve(this.get(value, 'regulations'));
        const section = this.section(pair);
        model.compliance = {
          keyRange: section.keyRange,
          range: section.range,
          bodyIndent: section.bodyIndent,
          keys: section.keys,
          regulations: isSeq(regulations) ? this.stringList(regulations) : [],
        };
        break;
      }
      case 'reviews':
        model.reviewsSection = this.section(pair);
        if (isMap(value)) {
          for (const { key: cadence, pair: reviewPair } of effectivePairs(value, this.doc)) {
            if (!model.reviews.has(cadence)) model.reviews.set(cadence, this.review(cadence, reviewPair));
          }
        }
        break;
      case 'governance':
        model.governance = this.section(pair);
        break;
      case 'as_of':
        model.asOf = this.date(pair.value);
        break;
      case 'actuals_file':
        model.actualsFile = this.string(pair.value);
        break;
      case 'imports':
        model.imports = this.stringList(pair.value);
        break;
      case 'owners':
        model.owners = this.stringList(pair.value);
        break;
      case 'media':
        model.media = this.stringList(pair.value);
        break;
      default:
        break;
    }
  }

  private objective(node: unknown, keyRange: Range): ObjectiveModel | undefined {
    const value = this.resolve(node);
    if (!isMap(value) && value !== null && value !== undefined && !isScalar(value)) return undefined;
    const section = isMap(value)
      ? this.sectionOfMap(value, keyRange, node)
      : {
          keyRange,
          range: { start: keyRange.start, end: this.range(value)?.end ?? keyRange.end },
          bodyIndent: keyRange.start.character + 2,
          keys: SectionKeys.EMPTY,
        };
    return {
      keyRange: section.keyRange,
      range: section.range,
      bodyIndent: section.bodyIndent,
      keys: section.keys,
      id: this.string(this.get(value, 'id')),
      statement: this.string(this.get(value, 'statement')),
      metric: this.string(this.get(value, 'metric')),
      target: this.number(this.get(value, 'target')),
      deadline: this.date(this.get(value, 'deadline')),
      tracesTo: this.string(this.get(value, 'traces_to')),
    };
  }

  private channel(id: string, pair: Pair): ChannelModel {
    const value = this.resolve(pair.value);
    const field = this.fields(value);
    const section = this.section(pair);
    return this.locateMerged(value, {
      keyRange: section.keyRange,
      range: section.range,
      bodyIndent: section.bodyIndent,
      keys: section.keys,
      id,
      name: this.string(field('name')),
      type: this.oneOf(field('type'), channelTypes),
      mode: this.oneOf(field('mode'), channelModes),
      medium: this.string(field('medium')),
      owner: this.string(field('owner')),
      stages: this.stringList(field('stages')),
      start: this.date(field('start')),
      end: this.date(field('end')),
      budget: this.number(field('budget')),
      kpis: this.stringList(field('kpis')),
      dependsOn: this.dependencies(field('depends_on')),
      personalData: this.stringList(field('personal_data')),
      ...this.money(this.pair(value, 'phasing'), this.pair(value, 'spend')),
    });
  }

  /** `phasing` and `spend`: month keys that are `YYYY-MM` with amounts that are numbers. */
  private money(phasingPair: Pair | undefined, spendPair: Pair | undefined) {
    const phasing: MonthAmount[] = [];
    this.eachMonth(phasingPair, (month, keyRange, value) => {
      const amount = this.number(value);
      if (amount) phasing.push({ month, keyRange, amount });
    });
    const spend: SpendMonthModel[] = [];
    this.eachMonth(spendPair, (month, keyRange, value) => {
      const resolved = this.resolve(value);
      spend.push({ month, keyRange, committed: this.number(this.get(resolved, 'committed')), actual: this.number(this.get(resolved, 'actual')) });
    });
    return {
      phasing,
      phasingSection: phasingPair && this.section(phasingPair),
      spend,
      spendSection: spendPair && this.section(spendPair),
    };
  }

  private eachMonth(pair: Pair | undefined, visit: (month: string, keyRange: Range, value: unknown) => void): void {
    const map = pair && this.resolve(pair.value);
    if (!isMap(map)) return;
    const seen = new Set<string>();
    for (const item of map.items) {
      const month = scalarKey(item.key);
      if (month === undefined || !MONTH.test(month) || seen.has(month)) continue;
      seen.add(month);
      visit(month, this.keyRange(item), item.value);
    }
  }

  /** `actuals`: the first value of each real date, in the order written. */
  private datedValues(pair: Pair | undefined): DatedValue[] {
    const map = pair && this.resolve(pair.value);
    if (!isMap(map)) return [];
    const values: DatedValue[] = [];
    const seen = new Set<string>();
    for (const item of map.items) {
      const key = scalarKey(item.key);
      const day = key === undefined ? undefined : parseIsoDate(key);
      const value = this.number(item.value);
      if (key === undefined || day === undefined || !value || seen.has(key)) continue;
      seen.add(key);
      values.push({ date: { value: key, range: this.keyRange(item), day }, value });
    }
    return values;
  }

  private dependencies(node: unknown) {
    const value = this.resolve(node);
    if (!isSeq(value)) return [];
    return value.items.flatMap((item, index) => {
      const resolved = this.resolve(item);
      const range = this.range(resolved);
      if (!range) return [];
      const shorthand = this.string(resolved);
      if (shorthand)
        return [
          { on: shorthand, kind: 'finish-to-start' as DependencyKind, lagDays: 0, lagInBusinessDays: false, lag: undefined, why: undefined, range, index },
        ];
      const on = this.string(this.get(resolved, 'on'));
      if (!on) return [];
      const kind = this.oneOf(this.get(resolved, 'kind'), dependencyKinds)?.value ?? 'finish-to-start';
      const lag = this.string(this.get(resolved, 'lag'));
      const lagDays = lag ? (parseDurationDays(lag.value) ?? 0) : 0;
      const lagInBusinessDays = lag !== undefined && parseDuration(lag.value)?.unit === 'bd';
      return [{ on, kind, lagDays, lagInBusinessDays, lag, why: this.string(this.get(resolved, 'why'))?.value, range, index }];
    });
  }

  private calendar(pair: Pair): CalendarModel {
    const field = this.fields(this.resolve(pair.value));
    const excludes = this.resolve(field('excludes'));
    const excluded: LocatedDate[] = [];
    let weekends = false;
    if (isSeq(excludes)) {
      for (const item of excludes.items) {
        const text = this.string(item);
        if (text?.value === 'weekends') weekends = true;
        else if (text) excluded.push(dated(text));
      }
    }
    const blackouts = this.resolve(field('blackouts'));
    const section = this.section(pair);
    return {
      keyRange: section.keyRange,
      range: section.range,
      bodyIndent: section.bodyIndent,
      keys: section.keys,
      weekends,
      excluded,
      blackouts: isSeq(blackouts) ? blackouts.items.map((item) => this.blackout(item)).filter(isDefined) : [],
    };
  }

  private blackout(node: unknown): BlackoutModel | undefined {
    const value = this.resolve(node);
    const range = this.range(value);
    if (!isMap(value) || !range) return undefined;
    const field = this.fields(value);
    const appliesTo = this.resolve(field('applies_to'));
    const single = this.string(appliesTo);
    const noneNamed = appliesTo === undefined || appliesTo === null || (isScalar(appliesTo) && appliesTo.value === null);
    return {
      from: this.date(field('from')),
      to: this.date(field('to')),
      why: this.string(field('why')),
      // A single medium written without brackets counts as a list of one (the schema still reports it).
      appliesTo: noneNamed ? undefined : single ? [single] : this.stringList(appliesTo),
      range,
    };
  }

  private kpi(id: string, pair: Pair): KpiModel {
    const value = this.resolve(pair.value);
    const measurePair = this.pair(value, 'measure');
    const actualsPair = this.pair(value, 'actuals');
    const section = this.section(pair);
    return this.locateMerged(value, {
      keyRange: section.keyRange,
      range: section.range,
      bodyIndent: section.bodyIndent,
      keys: section.keys,
      id,
      name: this.string(this.get(value, 'name')),
      tracesTo: this.string(this.get(value, 'traces_to')),
      owner: this.string(this.get(value, 'owner')),
      measure: measurePair ? this.measure(measurePair) : undefined,
      actuals: this.datedValues(this.pair(value, 'actuals')),
      actualsSection: actualsPair && this.section(actualsPair),
    });
  }

  private measure(pair: Pair): MeasureModel {
    const value = this.resolve(pair.value);
    const field = this.fields(value);
    const section = this.section(pair);
    return this.locateMerged(value, {
      keyRange: section.keyRange,
      range: section.range,
      bodyIndent: section.bodyIndent,
      keys: section.keys,
      definition: this.string(field('definition')),
      source: this.string(field('source')),
      owner: this.string(field('owner')),
      unit: this.string(field('unit')),
      baseline: this.number(field('baseline')),
      target: this.number(field('target')),
      cadence: this.string(field('cadence')),
      readyBy: this.date(field('ready_by')),
      aggregation: this.oneOf(field('aggregation'), aggregations),
    });
  }

  private milestone(id: string, pair: Pair): MilestoneModel {
    const value = this.resolve(pair.value);
    const section = this.section(pair);
    return this.locateMerged(value, {
      keyRange: section.keyRange,
      range: section.range,
      bodyIndent: section.bodyIndent,
      keys: section.keys,
      id,
      date: this.date(this.get(value, 'date')),
      label: this.string(this.get(value, 'label'))?.value,
    });
  }

  private review(cadence: string, pair: Pair): ReviewModel {
    const value = this.resolve(pair.value);
    const section = this.section(pair);
    return this.locateMerged(value, {
      keyRange: section.keyRange,
      range: section.range,
      bodyIndent: section.bodyIndent,
      keys: section.keys,
      cadence,
      owner: this.string(this.get(value, 'owner')),
      focus: this.string(this.get(value, 'focus')),
      held: this.stringList(this.get(value, 'held')).map(dated),
    });
  }

  /**
   * Values a mapping merges from outside its own `<<` line are located at the `<<` source
   * that brings them in, and keep where their text is as `origin` (see planModel.ts). The
   * model's properties are the keys in camelCase (`depends_on` → `dependsOn`).
   */
  private locateMerged<T extends object>(map: unknown, built: T): T {
    if (!isMap(map) || !hasMergeKey(map)) return built;
    for (const { key, pair, via, source } of effectivePairs(map, this.doc)) {
      if (!via) continue;
      const inline = this.range(via.value);
      const written = this.range(pair.key);
      // A mapping written inside the `<<` line itself (`<<: { type: paid }`) is already in the entry.
      if (!written || (inline && rangeContains(inline, written))) continue;
      const at = this.range(source) ?? this.keyRange(via);
      const property = key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
      if (Object.prototype.hasOwnProperty.call(built, property)) relocate((built as Record<string, unknown>)[property], at);
    }
    return built;
  }

  private stage(node: unknown): StageModel | undefined {
    const value = this.resolve(node);
    const stage = this.string(this.get(value, 'stage'));
    return stage ? { value: stage.value, range: stage.range, need: this.string(this.get(value, 'need'))?.value } : undefined;
  }

  private cached<T extends ChannelModel | KpiModel | MilestoneModel>(section: string, pair: Pair, build: () => T): T {
    if (!this.reusesPairs) return build();
    return entryCache.get(pair, this.keyRange(pair).start.line, section, build) as T;
  }

  private eachEntry(node: unknown, visit: (id: string, pair: Pair) => void): void {
    if (!isMap(node)) return;
    for (const { key: id, pair } of effectivePairs(node, this.doc)) {
      if (id !== '') visit(id, pair);
    }
  }

  // --- located values -------------------------------------------------------------------

  private resolve(node: unknown): unknown {
    return this.doc ? resolveNode(node, this.doc) : node;
  }

  /** The pair of a key in a mapping, merges applied (merge.ts): the first of repeated keys, its own before merged ones. */
  private pair(map: unknown, key: string): Pair | undefined {
    if (!isMap(map)) return undefined;
    for (const pair of (map as YAMLMap).items) {
      if (isPair(pair) && !isMergeKey(pair.key) && scalarKey(pair.key) === key) return pair;
    }
    return effectivePairs(map as YAMLMap, this.doc).find((entry) => entry.key === key)?.pair;
  }

  /** Looks up the values of a mapping's keys (as `get` does) through one pass over its pairs. */
  private fields(map: unknown): (key: string) => unknown {
    const pairs = new Map<string, Pair>();
    if (isMap(map)) for (const { key, pair } of effectivePairs(map as YAMLMap, this.doc)) pairs.set(key, pair);
    return (key) => pairs.get(key)?.value;
  }

  private get(map: unknown, key: string): unknown {
    return this.pair(map, key)?.value;
  }

  private range(node: unknown): Range | undefined {
    return textRangeOf(node, this.lines);
  }

  private keyRange(pair: Pair): Range {
    return this.range(pair.key) ?? this.lines.range(0, 0);
  }

  private string(node: unknown): Located<string> | undefined {
    const value = this.resolve(node);
    if (!isScalar(value) || typeof value.value !== 'string') return undefined;
    const range = this.range(value);
    return range ? { value: value.value, range } : undefined;
  }

  private number(node: unknown): Located<number> | undefined {
    const value = this.resolve(node);
    if (!isScalar(value) || typeof value.value !== 'number' || !Number.isFinite(value.value)) return undefined;
    const range = this.range(value);
    return range ? { value: value.value, range } : undefined;
  }

  private date(node: unknown): LocatedDate | undefined {
    const text = this.string(node);
    return text ? dated(text) : undefined;
  }

  private oneOf<T extends string>(node: unknown, allowed: readonly T[]): Located<T> | undefined {
    const text = this.string(node);
    return text && (allowed as readonly string[]).includes(text.value) ? (text as Located<T>) : undefined;
  }

  private stringList(node: unknown): Located<string>[] {
    const value = this.resolve(node);
    if (!isSeq(value)) return [];
    return value.items.map((item) => this.string(item)).filter(isDefined);
  }

  private section(pair: Pair): Section {
    const keyRange = this.keyRange(pair);
    const value = this.resolve(pair.value);
    if (isMap(value)) return this.sectionOfMap(value, keyRange, pair.value);
    const end = this.range(pair.value)?.end ?? keyRange.end;
    return { keyRange, range: { start: keyRange.start, end }, bodyIndent: keyRange.start.character + 2, keys: SectionKeys.EMPTY };
  }

  /** `written` is the node as written after the key: an alias when the map is an anchor's, which may lie anywhere in the file. */
  private sectionOfMap(map: YAMLMap, keyRange: Range, written: unknown = map): Section {
    let bodyIndent = keyRange.start.character + 2;
    const firstKey = map.items.find((pair) => isPair(pair) && scalarKey(pair.key) !== undefined);
    if (firstKey) bodyIndent = this.keyRange(firstKey).start.character;
    // Merged-in keys count as present, at the range where they are written.
    const keys = SectionKeys.of(effectivePairs(map, this.doc).map(({ key, pair }) => ({ name: key, range: this.keyRange(pair) })));
    const writtenEnd = this.range(written)?.end;
    const afterKey =
      writtenEnd && (writtenEnd.line > keyRange.end.line || (writtenEnd.line === keyRange.end.line && writtenEnd.character > keyRange.end.character));
    const end = afterKey ? writtenEnd : keyRange.end;
    return { keyRange, range: { start: keyRange.start, end }, bodyIndent, keys };
  }
}

/** Moves every range of a model value (and the values inside it) to `at`, keeping the old one as `origin`. */
function relocate(value: unknown, at: Range): void {
  if (Array.isArray(value)) {
    for (const item of value) relocate(item, at);
    return;
  }
  if (!value || typeof value !== 'object' || value instanceof Map) return;
  const located = value as { range?: Range; keyRange?: Range; origin?: Range };
  if (located.range && !located.origin) {
    located.origin = located.range;
    located.range = at;
    if (located.keyRange) located.keyRange = at;
  }
  for (const [key, inner] of Object.entries(value)) if (key !== 'range' && key !== 'keyRange' && key !== 'origin') relocate(inner, at);
}

/**
 * A string's value as a date. Written out, not `{ ...text, day }`: V8 (Node 20) gives every
 * object built by a literal that starts with a spread a hidden class of its own, and the
 * model's values and entries, kept for every plan, are built by the hundred thousand. So are
 * the entries' literals above, which name the section's fields rather than spread it.
 */
function dated(text: Located<string>): LocatedDate {
  return { value: text.value, range: text.range, day: parseIsoDate(text.value) };
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
