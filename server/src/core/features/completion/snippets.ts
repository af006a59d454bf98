import { factsOf } from '../../model/planFacts.js';
import type { PlanModel } from '../../model/planModel.js';
import { enumValuesOf, schemaAt } from '../../schema/schemaNavigation.js';
import { formatDay } from '../../text/dates.js';
import type { PathKey } from '../../yaml/path.js';

// Snippets for a new channel, a new KPI and a `measure` block, indented like the file and
// pre-filled from the plan (its period, its objective, the KPI's first reporting channel).

export interface SnippetProposal {
  label: string;
  detail: string;
  documentation: string;
  /** Snippet text; lines after the first carry their full indentation. */
  text: string;
}

export interface SnippetLayout {
  /** Column of the entry's key (where the snippet starts). */
  column: number;
  /** What has been typed already: it becomes the new entry's id. */
  word: string;
  eol: string;
  step: number;
}

type Line = [depth: number, text: string];

export function entrySnippets(model: PlanModel, path: readonly PathKey[], present: Set<string>, layout: SnippetLayout): SnippetProposal[] {
  if (path.length === 1 && path[0] === 'channels') return [channelSnippet(model, layout)];
  if (path.length === 1 && path[0] === 'kpis') return [kpiSnippet(model, layout)];
  if (path.length === 2 && path[0] === 'kpis' && typeof path[1] === 'string' && !present.has('measure')) {
    return [
      {
        label: 'measure',
        detail: 'measure block',
        documentation: 'Insert the measurement definition: what is counted, where from, baseline, target, cadence and when it is ready.',
        text: render(layout, measureLines(model, path[1], 0, 1)),
      },
    ];
  }
  return [];
}

function channelSnippet(model: PlanModel, layout: SnippetLayout): SnippetProposal {
  const field = (key: string) => enumValuesOf(schemaAt(['channels', '_', key]));
  const id = layout.word || freshId('new-channel', model.channels);
  const lines: Line[] = [
    [0, `\${1:${escapeSnippet(id)}}:`],
    [1, `type: \${2|${field('type').map(escapeChoice).join(',')}|}`],
    [1, `mode: \${3|${field('mode').map(escapeChoice).join(',')}|}`],
    [1, 'owner: ${4:Owner}'],
    [1, `stages: [\${5:${escapeSnippet(model.journey[0]?.value ?? '')}}]`],
    [1, `start: \${6:${escapeSnippet(model.period?.start?.value ?? 'YYYY-MM-DD')}}`],
    [1, `end: \${7:${escapeSnippet(model.period?.end?.value ?? 'YYYY-MM-DD')}}`],
    [1, 'budget: ${8:0}'],
    [1, 'kpis: [${9}]$0'],
  ];
  return {
    label: 'new channel',
    detail: 'channel entry',
    documentation: 'Insert a channel with type, mode, owner, stages, dates, budget and KPIs.',
    text: render(layout, lines),
  };
}

function kpiSnippet(model: PlanModel, layout: SnippetLayout): SnippetProposal {
  const id = layout.word || freshId('new-kpi', model.kpis);
  const targets = [...model.objectives.flatMap((objective) => (objective.id ? [objective.id.value] : [])), ...model.kpis.keys()];
  const tracesTo = targets.length > 0 ? `\${2|${targets.map(escapeChoice).join(',')}|}` : '${2:objective-id}';
  const lines: Line[] = [[0, `\${1:${escapeSnippet(id)}}:`], [1, `traces_to: ${tracesTo}`], [1, 'owner: ${3:Owner}'], ...measureLines(model, id, 1, 4)];
  return {
    label: 'new KPI',
    detail: 'KPI entry',
    documentation: 'Insert a KPI that traces to the objective, with its owner and measurement definition.',
    text: render(layout, lines),
  };
}

function measureLines(model: PlanModel, kpiId: string, depth: number, firstTab: number): Line[] {
  const cadences = enumValuesOf(schemaAt(['kpis', '_', 'measure', 'cadence']));
  const tab = (offset: number) => firstTab + offset;
  return [
    [depth, 'measure:'],
    [depth + 1, `definition: \${${tab(0)}:What exactly is counted}`],
    [depth + 1, `source: \${${tab(1)}:Where the number comes from}`],
    [depth + 1, `unit: \${${tab(2)}:unit}`],
    [depth + 1, `baseline: \${${tab(3)}:0}`],
    [depth + 1, `target: \${${tab(4)}:0}`],
    [depth + 1, `cadence: \${${tab(5)}|${cadences.map(escapeChoice).join(',')}|}`],
    [depth + 1, `ready_by: \${${tab(6)}:${escapeSnippet(readyByDefault(model, kpiId))}}$0`],
  ];
}

/** The day before the first channel reporting the KPI starts: measurement is agreed before launch. */
function readyByDefault(model: PlanModel, kpiId: string): string {
  let first: number | undefined;
  for (const channel of factsOf(model).kpiUsers.get(kpiId) ?? []) {
    const start = channel.start?.day;
    if (start !== undefined && (first === undefined || start < first)) first = start;
  }
  return first === undefined ? 'YYYY-MM-DD' : formatDay(first - 1);
}

function render(layout: SnippetLayout, lines: Line[]): string {
  return lines.map(([depth, text], index) => (index === 0 ? text : ' '.repeat(layout.column + depth * layout.step) + text)).join(layout.eol);
}

function freshId(base: string, taken: ReadonlyMap<string, unknown>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

export function escapeChoice(value: string): string {
  return value.replace(/[\\,|$}]/g, '\\$&');
}
