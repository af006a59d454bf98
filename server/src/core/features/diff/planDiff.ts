import type { Analysis } from '../../analyze.js';
import { canonicalText, entriesData, phasingOf, type PlainData } from '../../model/entryData.js';
import { factsOf } from '../../model/planFacts.js';
import type { ChannelModel, DependencyModel, KpiModel, Located, PlanModel } from '../../model/planModel.js';
import { datesOf } from '../../model/schedule.js';
import { formatDay } from '../../text/dates.js';
import { severityName, type Diagnostic } from '../../types.js';
import { channelOfEachDiagnostic } from '../timeline/channelDiagnostics.js';
import type {
  ChannelChange,
  ChannelSnapshot,
  DiffProblem,
  DiffValue,
  FieldChange,
  KpiChange,
  KpiSnapshot,
  OwnerChange,
  PhasingChange,
  PlanDiff,
  PlanSideInfo,
  Rename,
  SeverityCounts,
  TypeShare,
} from './types.js';

/** One version of a plan: where it is and its analysis. */
export interface PlanSide {
  info: PlanSideInfo;
  analysis: Analysis;
}

/** What changed from `before` to `after`; either may be missing (a plan added or removed). */
export function diffPlans(before: PlanSide | undefined, after: PlanSide | undefined): PlanDiff {
  const old = sideFacts(before);
  const now = sideFacts(after);
  const parseProblems = [...syntaxProblems(before, 'before'), ...syntaxProblems(after, 'after')];
  const status = !before
    ? 'added'
    : !after
      ? 'removed'
      : before.analysis.parsed.text === after.analysis.parsed.text
        ? 'unchanged'
        : parseProblems.length > 0
          ? 'unparsable'
          : 'changed';
  const diff = emptyDiff(before?.info ?? null, after?.info ?? null, status, parseProblems);
  diff.problems = diffProblems(old, now);
  if (status === 'unparsable' || status === 'unchanged') return diff;

  const kpiRenames = findRenames(old.kpis, now.kpis, old.kpiData, now.kpiData, (data) => data);
  const channelRenames = findRenames(old.channels, now.channels, old.channelData, now.channelData, (data) => withKpiIds(data, kpiRenames));
  const rename = { kpi: (id: string) => kpiRenames.get(id) ?? id, channel: (id: string) => channelRenames.get(id) ?? id };

  diff.plan = planFields(old.model, now.model);
  diff.channels = diffChannels(old, now, channelRenames, rename);
  diff.kpis = diffKpis(old, now, kpiRenames, rename);
  diff.schedule = {
    end: change(finish(old.model), finish(now.model)),
    criticalPath: change(criticalPath(old.model), criticalPath(now.model)),
  };
  diff.money = diffMoney(old, now, channelRenames);
  diff.owners = diffOwners(old.model, now.model, channelRenames, kpiRenames);
  return diff;
}

interface SideFacts {
  model: PlanModel | undefined;
  diagnostics: Diagnostic[];
  channels: Map<string, ChannelModel>;
  kpis: ReadonlyMap<string, KpiModel>;
  channelData: Map<string, PlainData>;
  kpiData: Map<string, PlainData>;
}

function sideFacts(side: PlanSide | undefined): SideFacts {
  if (!side) return { model: undefined, diagnostics: [], channels: new Map(), kpis: new Map(), channelData: new Map(), kpiData: new Map() };
  const { model, parsed } = side.analysis;
  return {
    model,
    diagnostics: side.analysis.diagnostics,
    channels: model.channels,
    kpis: model.kpis,
    channelData: entriesData(parsed, 'channels'),
    kpiData: entriesData(parsed, 'kpis'),
  };
}

function syntaxProblems(side: PlanSide | undefined, which: 'before' | 'after') {
  const error = side?.analysis.parsed.problems.find((problem) => problem.severity === 'error');
  return error ? [{ side: which, line: error.range.start.line + 1, message: error.message }] : [];
}

function emptyDiff(before: PlanSideInfo | null, after: PlanSideInfo | null, status: PlanDiff['status'], parseProblems: PlanDiff['parseProblems']): PlanDiff {
  const none = { before: null, after: null };
  return {
    before,
    after,
    status,
    parseProblems,
    plan: [],
    channels: { added: [], removed: [], renamed: [], changed: [] },
    schedule: { end: none, criticalPath: none },
    money: { currency: null, total: none, allocated: none, byType: [], channels: [], phasing: [] },
    kpis: { added: [], removed: [], renamed: [], changed: [] },
    owners: [],
    problems: { introduced: [], fixed: [], before: counts([]), after: counts([]) },
  };
}

function change<T>(before: T | null | undefined, after: T | null | undefined) {
  return { before: before ?? null, after: after ?? null };
}

const same = (a: unknown, b: unknown) => canonicalText(a) === canonicalText(b);
const value = <T>(located: Located<T> | undefined): T | null => located?.value ?? null;
const values = (items: Located<string>[]) => items.map((item) => item.value);

function field(fields: FieldChange[], name: string, before: DiffValue | undefined, after: DiffValue | undefined): void {
  const b = before ?? null;
  const a = after ?? null;
  if (!same(b, a)) fields.push({ field: name, before: b, after: a });
}

/**
 * Entries that left under one id and arrived under another with the same content: renames.
 * `normalise` rewrites references that other renames explain (a channel naming a renamed KPI).
 */
function findRenames<T>(
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  beforeData: Map<string, PlainData>,
  afterData: Map<string, PlainData>,
  normalise: (data: PlainData) => unknown,
): Map<string, string> {
  const arrivals = new Map<string, string[]>();
  for (const id of after.keys()) {
    if (before.has(id)) continue;
    const key = canonicalText(afterData.get(id) ?? null);
    arrivals.set(key, [...(arrivals.get(key) ?? []), id]);
  }
  const renames = new Map<string, string>();
  for (const id of before.keys()) {
    if (after.has(id)) continue;
    const candidates = arrivals.get(canonicalText(normalise(beforeData.get(id) ?? Object.create(null))));
    const to = candidates?.shift();
    if (to !== undefined) renames.set(id, to);
  }
  return renames;
}

function withKpiIds(data: PlainData, renames: Map<string, string>): PlainData {
  if (!Array.isArray(data.kpis) || renames.size === 0) return data;
  return { ...data, kpis: data.kpis.map((kpi: unknown) => (typeof kpi === 'string' ? (renames.get(kpi) ?? kpi) : kpi)) };
}

function finish(model: PlanModel | undefined): string | null {
  const day = model && factsOf(model).schedule.finish;
  return day === undefined || day === null ? null : formatDay(day);
}

function criticalPath(model: PlanModel | undefined): string[] | null {
  return model ? factsOf(model).schedule.criticalPath : null;
}

function planFields(before: PlanModel | undefined, after: PlanModel | undefined): FieldChange[] {
  const fields: FieldChange[] = [];
  const objective = (model: PlanModel | undefined) => (model?.objectives.length === 1 ? model.objectives[0] : undefined);
  const [ob, oa] = [objective(before), objective(after)];
  field(fields, 'plan', value(before?.title), value(after?.title));
  field(fields, 'period.start', value(before?.period?.start), value(after?.period?.start));
  field(fields, 'period.end', value(before?.period?.end), value(after?.period?.end));
  field(fields, 'objective.id', value(ob?.id), value(oa?.id));
  field(fields, 'objective.statement', value(ob?.statement), value(oa?.statement));
  field(fields, 'objective.target', value(ob?.target), value(oa?.target));
  field(fields, 'objective.deadline', value(ob?.deadline), value(oa?.deadline));
  const proposition = (model: PlanModel | undefined) => (model && model.propositions.length > 0 ? values(model.propositions).join(' / ') : null);
  field(fields, 'proposition', proposition(before), proposition(after));
  field(fields, 'attribution.model', value(before?.attribution?.model), value(after?.attribution?.model));
  return fields;
}

function channelSnapshot(channel: ChannelModel): ChannelSnapshot {
  return {
    id: channel.id,
    name: channel.name?.value || channel.id,
    type: value(channel.type),
    mode: value(channel.mode),
    owner: value(channel.owner),
    start: value(channel.start),
    end: value(channel.end),
    budget: value(channel.budget),
  };
}

function dependencyText(dependency: DependencyModel, channel: (id: string) => string): string {
  const kind = dependency.kind === 'finish-to-start' ? '' : ` ${dependency.kind}`;
  const lag = dependency.lag ? ` +${dependency.lag.value}` : '';
  return `${channel(dependency.on.value)}${kind}${lag}`;
}

/** Keys compared through the model (or reported elsewhere); every other key is compared as written. */
const CHANNEL_KEYS_HANDLED = new Set([
  'name',
  'type',
  'mode',
  'medium',
  'owner',
  'stages',
  'start',
  'end',
  'budget',
  'kpis',
  'depends_on',
  'personal_data',
  'phasing',
]);

function channelFields(
  before: ChannelModel,
  after: ChannelModel,
  beforeData: PlainData | undefined,
  afterData: PlainData | undefined,
  rename: Renamers,
): FieldChange[] {
  const fields: FieldChange[] = [];
  field(fields, 'name', value(before.name), value(after.name));
  field(fields, 'type', value(before.type), value(after.type));
  field(fields, 'mode', value(before.mode), value(after.mode));
  field(fields, 'medium', value(before.medium), value(after.medium));
  field(fields, 'stages', values(before.stages), values(after.stages));
  field(fields, 'kpis', values(before.kpis).map(rename.kpi), values(after.kpis));
  const dependencies = (channel: ChannelModel, map: (id: string) => string) => channel.dependsOn.map((dependency) => dependencyText(dependency, map));
  field(
    fields,
    'depends_on',
    dependencies(before, rename.channel),
    dependencies(after, (id) => id),
  );
  field(fields, 'personal_data', values(before.personalData), values(after.personalData));
  const moved = !datesOf(before) || !datesOf(after);
  if (moved) {
    field(fields, 'start', value(before.start), value(after.start));
    field(fields, 'end', value(before.end), value(after.end));
  }
  const otherKeys = new Set([...Object.keys(beforeData ?? {}), ...Object.keys(afterData ?? {})].filter((key) => !CHANNEL_KEYS_HANDLED.has(key)));
  for (const key of [...otherKeys].sort()) {
    const text = (data: PlainData | undefined) =>
      data?.[key] === undefined ? null : typeof data[key] === 'string' ? (data[key] as string) : canonicalText(data[key]);
    field(fields, key, text(beforeData), text(afterData));
  }
  return fields;
}

interface Renamers {
  kpi: (id: string) => string;
  channel: (id: string) => string;
}

function diffChannels(old: SideFacts, now: SideFacts, renames: Map<string, string>, rename: Renamers): PlanDiff['channels'] {
  const renamedTo = new Set(renames.values());
  const added = [...now.channels.values()].filter((channel) => !old.channels.has(channel.id) && !renamedTo.has(channel.id)).map(channelSnapshot);
  const removed = [...old.channels.values()].filter((channel) => !now.channels.has(channel.id) && !renames.has(channel.id)).map(channelSnapshot);
  const renamed: Rename[] = [...renames].map(([from, to]) => ({ from, to }));
  const changed: ChannelChange[] = [];
  for (const before of old.channels.values()) {
    const id = rename.channel(before.id);
    const after = now.channels.get(id);
    if (!after) continue;
    const fields = channelFields(before, after, old.channelData.get(before.id), now.channelData.get(id), rename);
    const [b, a] = [datesOf(before), datesOf(after)];
    const moved =
      b && a && (b.start !== a.start || b.end !== a.end)
        ? { startDays: a.start - b.start, endDays: a.end - b.end, days: { before: b.end - b.start + 1, after: a.end - a.start + 1 } }
        : undefined;
    if (fields.length === 0 && !moved) continue;
    changed.push({
      id,
      ...(id === before.id ? {} : { was: before.id }),
      before: channelSnapshot(before),
      after: channelSnapshot(after),
      ...(moved ? { moved } : {}),
      fields,
    });
  }
  return { added, removed, renamed, changed };
}

function kpiSnapshot(kpi: KpiModel): KpiSnapshot {
  return {
    id: kpi.id,
    name: kpi.name?.value || kpi.id,
    tracesTo: value(kpi.tracesTo),
    target: value(kpi.measure?.target),
    readyBy: value(kpi.measure?.readyBy),
  };
}

function diffKpis(old: SideFacts, now: SideFacts, renames: Map<string, string>, rename: Renamers): PlanDiff['kpis'] {
  const renamedTo = new Set(renames.values());
  const changed: KpiChange[] = [];
  for (const before of old.kpis.values()) {
    const id = rename.kpi(before.id);
    const after = now.kpis.get(id);
    if (!after) continue;
    const fields: FieldChange[] = [];
    const traces = value(before.tracesTo);
    field(fields, 'name', value(before.name), value(after.name));
    field(fields, 'traces_to', traces === null ? null : rename.kpi(traces), value(after.tracesTo));
    const [mb, ma] = [before.measure, after.measure];
    field(fields, 'measure.definition', value(mb?.definition), value(ma?.definition));
    field(fields, 'measure.source', value(mb?.source), value(ma?.source));
    field(fields, 'measure.unit', value(mb?.unit), value(ma?.unit));
    field(fields, 'measure.baseline', value(mb?.baseline), value(ma?.baseline));
    field(fields, 'measure.target', value(mb?.target), value(ma?.target));
    field(fields, 'measure.cadence', value(mb?.cadence), value(ma?.cadence));
    field(fields, 'measure.ready_by', value(mb?.readyBy), value(ma?.readyBy));
    if (fields.length > 0) changed.push({ id, ...(id === before.id ? {} : { was: before.id }), fields });
  }
  return {
    added: [...now.kpis.values()].filter((kpi) => !old.kpis.has(kpi.id) && !renamedTo.has(kpi.id)).map(kpiSnapshot),
    removed: [...old.kpis.values()].filter((kpi) => !now.kpis.has(kpi.id) && !renames.has(kpi.id)).map(kpiSnapshot),
    renamed: [...renames].map(([from, to]) => ({ from, to })),
    changed,
  };
}

const TYPES = ['paid', 'owned', 'earned', 'untyped'] as const;

function byType(model: PlanModel | undefined): Map<string, { amount: number; share: number | null }> {
  const sums = new Map<string, { amount: number; share: number | null }>();
  if (!model) return sums;
  const base = factsOf(model).budget.base;
  for (const channel of model.channels.values()) {
    const type = channel.type?.value ?? 'untyped';
    const entry = sums.get(type) ?? { amount: 0, share: null };
    entry.amount += channel.budget?.value ?? 0;
    sums.set(type, entry);
  }
  for (const entry of sums.values()) entry.share = base > 0 ? Math.round((entry.amount / base) * 10_000) / 10_000 : null;
  return sums;
}

function allocated(model: PlanModel | undefined): number | null {
  if (!model) return null;
  let sum = 0;
  for (const channel of model.channels.values()) sum += channel.budget?.value ?? 0;
  return sum;
}

function diffMoney(old: SideFacts, now: SideFacts, renames: Map<string, string>): PlanDiff['money'] {
  const [tb, ta] = [byType(old.model), byType(now.model)];
  const empty = { amount: 0, share: null };
  const types: TypeShare[] = TYPES.filter((type) => tb.has(type) || ta.has(type))
    .map((type) => ({ type, before: tb.get(type) ?? empty, after: ta.get(type) ?? empty }))
    .filter((entry) => !same(entry.before, entry.after));
  const channels: PlanDiff['money']['channels'] = [];
  const phasing: PhasingChange[] = [];
  const ids = new Set([...[...old.channels.keys()].map((id) => renames.get(id) ?? id), ...now.channels.keys()]);
  const oldIdOf = new Map([...renames].map(([from, to]) => [to, from]));
  for (const id of ids) {
    const oldId = oldIdOf.get(id) ?? id;
    const before = old.channels.get(oldId)?.budget?.value ?? null;
    const after = now.channels.get(id)?.budget?.value ?? null;
    if (before !== after) channels.push({ id, before, after });
    const [pb, pa] = [new Map(phasingOf(old.channelData.get(oldId))), new Map(phasingOf(now.channelData.get(id)))];
    for (const month of [...new Set([...pb.keys(), ...pa.keys()])].sort()) {
      if (pb.get(month) !== pa.get(month)) phasing.push({ channel: id, month, before: pb.get(month) ?? null, after: pa.get(month) ?? null });
    }
  }
  return {
    currency: now.model?.budget?.currency ?? old.model?.budget?.currency ?? null,
    total: change(value(old.model?.budget?.total), value(now.model?.budget?.total)),
    allocated: change(allocated(old.model), allocated(now.model)),
    byType: types,
    channels,
    phasing,
  };
}

function diffOwners(
  before: PlanModel | undefined,
  after: PlanModel | undefined,
  channelRenames: Map<string, string>,
  kpiRenames: Map<string, string>,
): OwnerChange[] {
  const owners: OwnerChange[] = [];
  const add = (what: OwnerChange['what'], id: string, b: string | null | undefined, a: string | null | undefined) => {
    if ((b ?? null) !== (a ?? null)) owners.push({ what, id, before: b ?? null, after: a ?? null });
  };
  if (before && after) add('plan', after.title?.value ?? before.title?.value ?? 'plan', value(before.owner), value(after.owner));
  for (const channel of before?.channels.values() ?? []) {
    const now = after?.channels.get(channelRenames.get(channel.id) ?? channel.id);
    if (now) add('channel', now.id, value(channel.owner), value(now.owner));
  }
  for (const kpi of before?.kpis.values() ?? []) {
    const now = after?.kpis.get(kpiRenames.get(kpi.id) ?? kpi.id);
    if (!now) continue;
    add('kpi', now.id, value(kpi.owner), value(now.owner));
    add('measure', now.id, value(kpi.measure?.owner), value(now.measure?.owner));
  }
  for (const [cadence, review] of before?.reviews ?? []) {
    const now = after?.reviews.get(cadence);
    if (now) add('review', cadence, value(review.owner), value(now.owner));
  }
  return owners;
}

function counts(diagnostics: Diagnostic[]): SeverityCounts {
  const result: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const diagnostic of diagnostics) result[severityName[diagnostic.severity]]++;
  return result;
}

function problemsOf(side: SideFacts): { key: string; problem: DiffProblem }[] {
  const channels = channelOfEachDiagnostic(side.channels.values(), side.diagnostics);
  const kpis = channelOfEachDiagnostic(side.kpis.values(), side.diagnostics);
  return side.diagnostics.map((diagnostic, index) => {
    const channel = channels[index];
    const kpi = kpis[index];
    const problem: DiffProblem = {
      rule: diagnostic.code,
      severity: severityName[diagnostic.severity],
      message: diagnostic.message,
      ...(channel === undefined ? {} : { channel }),
      ...(kpi === undefined ? {} : { kpi }),
      line: diagnostic.range.start.line + 1,
    };
    // Lines move with every edit above; what a problem is about does not.
    return { key: `${problem.rule}\u0000${problem.severity}\u0000${channel ?? ''}\u0000${kpi ?? ''}\u0000${problem.message}`, problem };
  });
}

/** Problems compared as multisets of (rule, severity, channel or KPI, message). */
function diffProblems(old: SideFacts, now: SideFacts): PlanDiff['problems'] {
  const remaining = new Map<string, number>();
  const before = problemsOf(old);
  for (const { key } of before) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  const introduced: DiffProblem[] = [];
  for (const { key, problem } of problemsOf(now)) {
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else introduced.push(problem);
  }
  const fixed: DiffProblem[] = [];
  for (const { key, problem } of before.reverse()) {
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      fixed.push(problem);
    }
  }
  return { introduced, fixed: fixed.reverse(), before: counts(old.diagnostics), after: counts(now.diagnostics) };
}
