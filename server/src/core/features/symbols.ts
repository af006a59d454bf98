import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import type { PlanModel } from '../model/planModel.js';
import type { LineIndex } from '../text/lineIndex.js';
import { idIndexOf, type IdKind } from '../model/idIndex.js';
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from '../lspTypes.js';
import type { PlanDocument } from '../planDocument.js';
import { itemsOf, nodeSpan, pairsOf, pairSpan } from '../yaml/ranges.js';

/** The outline: every top-level section; channels, KPIs, journey stages, reviews and milestones as children. */
export function documentSymbols(doc: PlanDocument): DocumentSymbol[] {
  const { parsed, model } = doc.analysis;
  const outline = new Outline(parsed.text, parsed.lineIndex, model);
  return pairsOf(parsed.doc?.contents).flatMap((pair) => outline.section(pair) ?? []);
}

class Outline {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly model: PlanModel,
  ) {}

  section(pair: Pair): DocumentSymbol | undefined {
    const key = pairSpan(this.text, pair)?.key;
    switch (key) {
      case 'channels':
        return this.symbol(
          pair,
          SymbolKind.Module,
          undefined,
          pairsOf(pair.value).flatMap((entry) => this.channel(entry) ?? []),
        );
      case 'kpis':
        return this.symbol(
          pair,
          SymbolKind.Module,
          undefined,
          pairsOf(pair.value).flatMap((entry) => this.kpi(entry) ?? []),
        );
      case 'milestones':
        return this.symbol(
          pair,
          SymbolKind.Module,
          undefined,
          pairsOf(pair.value).flatMap((entry) => this.symbol(entry, SymbolKind.Event, scalarOf(entry.value, 'date')) ?? []),
        );
      case 'reviews':
        return this.symbol(
          pair,
          SymbolKind.Object,
          undefined,
          pairsOf(pair.value).flatMap((entry) => this.symbol(entry, SymbolKind.Event, scalarOf(entry.value, 'owner')) ?? []),
        );
      case 'journey':
        return this.symbol(
          pair,
          SymbolKind.Array,
          `${this.model.journey.length} stages`,
          itemsOf(pair.value).flatMap((item) => this.stage(item) ?? []),
        );
      case 'objective':
        return this.symbol(
          pair,
          SymbolKind.Constant,
          this.objectiveDetail(pair),
          isSeq(pair.value) ? itemsOf(pair.value).flatMap((item) => this.objectiveItem(item) ?? []) : [],
        );
      default:
        return this.symbol(
          pair,
          kindOf(pair.value),
          detailOf(pair.value),
          pairsOf(pair.value).flatMap((child) => this.symbol(child, kindOf(child.value), detailOf(child.value)) ?? []),
        );
    }
  }

  private channel(entry: Pair): DocumentSymbol | undefined {
    const id = pairSpan(this.text, entry)?.key;
    const channel = id === undefined ? undefined : this.model.channels.get(id);
    const detail = channel
      ? [channel.type?.value, channel.start && channel.end ? `${channel.start.value} → ${channel.end.value}` : undefined].filter(Boolean).join(' · ')
      : undefined;
    return this.symbol(entry, SymbolKind.Function, detail || undefined);
  }

  private kpi(entry: Pair): DocumentSymbol | undefined {
    const id = pairSpan(this.text, entry)?.key;
    const tracesTo = id === undefined ? undefined : this.model.kpis.get(id)?.tracesTo?.value;
    return this.symbol(entry, SymbolKind.Field, tracesTo ? `→ ${tracesTo}` : undefined);
  }

  private stage(item: unknown): DocumentSymbol | undefined {
    const stagePair = pairsOf(item).find((pair) => pairSpan(this.text, pair)?.key === 'stage');
    const span = nodeSpan(this.text, item);
    const name = scalarOf(item, 'stage');
    const selection = nodeSpan(this.text, stagePair?.value);
    if (!span || !name || !selection) return undefined;
    const need = scalarOf(item, 'need');
    return {
      name,
      kind: SymbolKind.EnumMember,
      ...(need ? { detail: need } : {}),
      range: this.lines.range(span.start, span.end),
      selectionRange: this.lines.range(selection.start, selection.end),
    };
  }

  private objectiveItem(item: unknown): DocumentSymbol | undefined {
    const span = nodeSpan(this.text, item);
    const idNode = pairsOf(item).find((pair) => pairSpan(this.text, pair)?.key === 'id')?.value;
    const selection = nodeSpan(this.text, idNode) ?? span;
    if (!span || !selection) return undefined;
    return {
      name: scalarOf(item, 'id') ?? 'objective',
      kind: SymbolKind.Constant,
      range: this.lines.range(span.start, span.end),
      selectionRange: this.lines.range(selection.start, selection.end),
    };
  }

  private objectiveDetail(pair: Pair): string | undefined {
    return isMap(pair.value) ? scalarOf(pair.value, 'id') : undefined;
  }

  private symbol(pair: Pair, kind: SymbolKind, detail: string | undefined, children: DocumentSymbol[] = []): DocumentSymbol | undefined {
    const span = pairSpan(this.text, pair);
    if (!span) return undefined;
    return {
      name: span.key || '""',
      kind,
      ...(detail ? { detail } : {}),
      range: this.lines.range(span.keyStart, span.end),
      selectionRange: this.lines.range(span.keyStart, span.keyEnd),
      ...(children.length > 0 ? { children } : {}),
    };
  }
}

function scalarOf(node: unknown, key: string): string | undefined {
  const pair = pairsOf(node).find((candidate) => isScalar(candidate.key) && candidate.key.value === key);
  return pair && isScalar(pair.value) && pair.value.value !== null ? String(pair.value.value) : undefined;
}

function kindOf(node: unknown): SymbolKind {
  if (isMap(node)) return SymbolKind.Object;
  if (isSeq(node)) return SymbolKind.Array;
  if (isScalar(node) && typeof node.value === 'number') return SymbolKind.Number;
  return SymbolKind.String;
}

function detailOf(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const text = String(node.value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const SYMBOL_KINDS: Record<IdKind, SymbolKind> = {
  channel: SymbolKind.Function,
  kpi: SymbolKind.Field,
  objective: SymbolKind.Constant,
  stage: SymbolKind.EnumMember,
};
const CONTAINERS: Record<IdKind, string> = { channel: 'channels', kpi: 'kpis', objective: 'objective', stage: 'journey' };

/** Channels, KPIs, objectives and stages of every given plan whose id matches the query (letters in order, any case). */
export function workspaceSymbols(docs: Iterable<PlanDocument>, query: string, limit = 1000): SymbolInformation[] {
  const needle = query.toLowerCase();
  const found: SymbolInformation[] = [];
  for (const doc of docs) {
    for (const occurrence of idIndexOf(doc.analysis.model).occurrences) {
      if (!occurrence.definition || !matches(occurrence.id.toLowerCase(), needle)) continue;
      found.push({
        name: occurrence.id,
        kind: SYMBOL_KINDS[occurrence.kind],
        location: { uri: doc.uri, range: occurrence.range },
        containerName: CONTAINERS[occurrence.kind],
      });
      if (found.length >= limit) return found;
    }
  }
  return found;
}

function matches(id: string, needle: string): boolean {
  let at = 0;
  for (const ch of needle) {
    at = id.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
