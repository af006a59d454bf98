import { z } from 'zod';
import { planJsonSchema } from '../../server/src/core/schema/jsonSchema.js';
import { calendarExcludeSchema, duration, id, isoDate } from '../../server/src/core/schema/planSchema.js';
import { codeBlock, GENERATED_NOTICE, inlineCode, page, table, type GeneratedDoc } from './markdown.js';
import { exampleSections, PLAN_AT_A_GLANCE } from './languageExamples.js';

// docs/plan-language.md, generated from the JSON Schema that the zod schema (the single
// source of truth) produces, with its `.describe()` texts, so the reference cannot drift.

export const LANGUAGE_DOC_PATH = 'docs/plan-language.md';

interface JsonSchema {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  propertyNames?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
}

const patternOf = (schema: z.ZodType) => (z.toJSONSchema(schema) as JsonSchema).pattern;
const FORMATS: ReadonlyArray<{ pattern: string | undefined; type: string; values: string }> = [
  { pattern: patternOf(isoDate), type: 'date', values: 'YYYY-MM-DD' },
  { pattern: patternOf(duration), type: 'duration', values: 'Nd, Nw, Nh or Nbd (e.g. 3d, 8w, 48h, 5bd)' },
  { pattern: patternOf(calendarExcludeSchema), type: 'day', values: '`weekends` or YYYY-MM-DD' },
  { pattern: patternOf(id), type: 'id', values: 'letters, digits, `-`, `_`, `.`' },
];

function isRecord(schema: JsonSchema): boolean {
  return schema.type === 'object' && schema.propertyNames !== undefined && typeof schema.additionalProperties === 'object';
}

function typeOf(schema: JsonSchema, plural = false): string {
  const noun = (singular: string) => (plural ? `${singular}s` : singular);
  if (schema.anyOf) return schema.anyOf.map((option) => typeOf(option, plural)).join(' or ');
  if (schema.enum) return plural ? 'values from the list' : 'one of the values';
  if (schema.type === 'string') return noun(FORMATS.find((format) => format.pattern === schema.pattern)?.type ?? 'text');
  if (schema.type === 'number') return `${noun('number')}${schema.minimum === 0 ? ' ≥ 0' : ''}`;
  if (schema.type === 'array' && schema.items) return `list of ${typeOf(schema.items, true)}`;
  if (isRecord(schema)) return `map of id → ${typeOf(schema.additionalProperties as JsonSchema)}`;
  if (schema.type === 'object') return noun('mapping');
  return schema.type ?? 'any';
}

function valuesOf(schema: JsonSchema): string[] {
  if (schema.anyOf) return [...new Set(schema.anyOf.flatMap(valuesOf))];
  if (schema.enum) return schema.enum.map((value) => inlineCode(String(value)));
  if (schema.type === 'array' && schema.items) return valuesOf(schema.items);
  if (schema.type === 'string') {
    const format = FORMATS.find((item) => item.pattern === schema.pattern);
    return format ? [format.values] : [];
  }
  return [];
}

interface KeyTable {
  paths: string[];
  schema: JsonSchema;
}

/** Every mapping inside a top-level key, with the path that leads to it (`channels.<id>.depends_on[]` …). */
function mappingsIn(path: string, schema: JsonSchema, found: KeyTable[]): void {
  if (schema.anyOf) {
    for (const option of schema.anyOf) mappingsIn(path, option, found);
    return;
  }
  if (schema.type === 'array' && schema.items) {
    mappingsIn(`${path}[]`, schema.items, found);
    return;
  }
  if (isRecord(schema)) {
    mappingsIn(`${path}.<id>`, schema.additionalProperties as JsonSchema, found);
    return;
  }
  if (schema.type !== 'object' || !schema.properties) return;
  const same = found.find((item) => JSON.stringify(item.schema.properties) === JSON.stringify(schema.properties));
  // The list form of a mapping (`objective` may be a list, for objective-multiple to report) adds nothing to document.
  const unlisted = path.replace(/\[\]/g, '');
  if (same && same.paths.some((known) => known.replace(/\[\]/g, '') === unlisted)) return;
  if (same) same.paths.push(path);
  else found.push({ paths: [path], schema });
  for (const [key, child] of Object.entries(schema.properties)) mappingsIn(`${path}.${key}`, child, found);
}

function keyTable(schema: JsonSchema): string {
  const required = new Set(schema.required ?? []);
  return table(
    ['key', 'type', 'required', 'values', 'meaning'],
    Object.entries(schema.properties ?? {}).map(([key, child]) => [
      inlineCode(key),
      typeOf(child),
      required.has(key) ? 'required' : 'optional',
      valuesOf(child).join(', '),
      child.description ?? '',
    ]),
  );
}

function section(key: string, schema: JsonSchema, required: boolean, example: string | undefined): string {
  const mappings: KeyTable[] = [];
  mappingsIn(key, schema, mappings);
  const values = valuesOf(schema);
  return [
    `## ${inlineCode(key)}`,
    schema.description ?? '',
    `${required ? 'Required' : 'Optional'}; ${typeOf(schema)}${values.length > 0 ? ` (${values.join(', ')})` : ''}.`,
    example ? codeBlock('yaml', example) : '',
    ...mappings.map((mapping) =>
      mapping.paths[0] === key ? keyTable(mapping.schema) : `### ${mapping.paths.map(inlineCode).join(', ')}\n\n${keyTable(mapping.schema)}`,
    ),
  ]
    .filter((block) => block.length > 0)
    .join('\n\n');
}

export interface TopLevelKey {
  key: string;
  type: string;
  required: boolean;
  meaning: string;
}

export function topLevelKeys(): TopLevelKey[] {
  const root = planJsonSchema() as JsonSchema;
  const required = new Set(root.required ?? []);
  return Object.entries(root.properties ?? {}).map(([key, schema]) => ({
    key,
    type: typeOf(schema),
    required: required.has(key),
    meaning: schema.description ?? '',
  }));
}

const INTRO = `A plan is one YAML file named \`*.plan.yaml\` or \`*.plan.yml\`. It is ordinary YAML (block or flow style, comments anywhere); Throughline reads the keys below and reports every other key as an unknown key, with a did-you-mean (top-level \`x-\` keys excepted, see below). Each section says what a key holds; the [rules](rules/README.md) say what a good plan does with it.

- **Ids** (the objective's \`id\`, the keys under \`channels\`, \`kpis\` and \`milestones\`, journey \`stage\`s) are letters, digits, \`-\`, \`_\` and \`.\`, starting with a letter or digit. Other keys name them: a channel's \`kpis\`, \`stages\` and \`depends_on\`, a KPI's \`traces_to\`.
- **Dates** are ISO \`YYYY-MM-DD\` and must exist on the calendar. A channel runs from its \`start\` through its \`end\`, both days included.
- **Durations** are a whole number followed by \`d\` (days), \`w\` (weeks), \`h\` (hours) or \`bd\` (business days): \`3d\`, \`8w\`, \`48h\`, \`5bd\`. The schedule counts whole days, so hours round up to days (\`1h\` and \`24h\` are a day, \`25h\` and \`48h\` two). Business days skip the days the [\`calendar\`](#calendar) excludes (weekends, holidays); without a \`calendar\` every day is a business day. The messages, the hover and the quick fixes all use the rounded days.
- **Dependencies** (\`depends_on\`) have a kind and a lag L (default 0): \`finish-to-start\` (the default): start ≥ the dependency's end + 1 day + L; \`start-to-start\`: start ≥ the dependency's start + L; \`finish-to-finish\`: end ≥ the dependency's end + L. A plain channel id is finish-to-start with no lag. A lag in \`bd\` counts working days instead, so the bound falls on a working day: finish-to-start with \`2bd\` is the third working day after the dependency's end (a Friday end with \`0bd\` allows the Monday), start-to-start with \`5bd\` the fifth working day after its start.
- **Shared values** are written once and merged with YAML's merge key: \`<<: *defaults\`, or \`<<: [*a, *b]\` for several, in block or flow style. Merges resolve as YAML tools resolve them (only the merge key is taken from YAML 1.1, so \`on:\` and \`yes\` stay text): a key the mapping writes itself wins wherever it is written, and an earlier merged mapping wins over a later one. Merging something that is not a mapping is a \`schema\` error. A problem with a channel's merged value is shown on that channel's \`<<\` line (on the \`*defaults\` that brings the value in); hover on a \`<<\` line lists what it merges and from where, and hover on merged text lists the mappings that merge it. A quick fix that moves a merged date gives the channel its own date rather than changing the shared one; one that corrects a misspelt id corrects it where it is written.
- **Extension keys** are top-level keys that start with \`x-\` (as in Docker Compose): they are the plan's own, for shared values to merge or for other tools. The schema check and the rules ignore them (they must still be valid YAML), completion does not offer them and hover says so. Anywhere else an \`x-\` key is an unknown key, and so is any other unknown top-level key.
- **Required** below means the schema requires the key. Many optional keys are still expected by a rule, which says so with a clearer message (a KPI's \`measure\`, an \`owner\`, the objective's \`target\` …).

The example under each key is taken from [\`examples/clean/q3-acquisition.plan.yaml\`](../examples/clean/q3-acquisition.plan.yaml), a complete plan with no problems.`;

export const SHARED_VALUES_EXAMPLE = `x-paid: &paid { type: paid, mode: outbound, owner: Paid media lead }
x-summer: &summer { start: 2026-07-01, end: 2026-09-30 }

channels:
  paid-search:
    <<: [*paid, *summer]
    budget: 180000
    kpis: [paid-conversions]
  paid-social:
    <<: [*paid, *summer]
    owner: Social lead          # written here: wins over the merged owner
    start: 2026-07-08
    budget: 15000
    kpis: [paid-conversions]`;

const SHARED_VALUES = `## Shared values: \`x-\` keys and \`<<\` merges

Values several channels or KPIs share are written once under an \`x-\` key with an anchor, and merged where they apply (see the introduction for the rules). [\`test/fixtures/merges/shared-defaults.plan.yaml\`](../test/fixtures/merges/shared-defaults.plan.yaml) is a complete plan written this way, with no problems.

${codeBlock('yaml', SHARED_VALUES_EXAMPLE)}`;

export function languagePage(): string {
  const root = planJsonSchema() as JsonSchema;
  const required = new Set(root.required ?? []);
  const examples = exampleSections();
  return page([
    GENERATED_NOTICE,
    '# The plan language',
    INTRO,
    '## A plan at a glance',
    'That plan, shortened and still without problems: one objective, two journey stages, two channels sequenced by a dependency, two KPIs that trace to the objective with their measures agreed, an attribution model and the review rhythm.',
    codeBlock('yaml', PLAN_AT_A_GLANCE),
    '## Top-level keys',
    table(
      ['key', 'type', 'required', 'meaning'],
      topLevelKeys().map((item) => [`[${inlineCode(item.key)}](#${item.key})`, item.type, item.required ? 'required' : 'optional', item.meaning]),
    ),
    ...Object.entries(root.properties ?? {}).map(([key, schema]) => section(key, schema, required.has(key), examples.get(key))),
    SHARED_VALUES,
  ]);
}

export function languageDocs(): GeneratedDoc[] {
  return [{ path: LANGUAGE_DOC_PATH, content: languagePage() }];
}
