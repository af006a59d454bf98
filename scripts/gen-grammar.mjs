#!/usr/bin/env node
// Generates what the extension restates about the plan language from its single sources of
// truth — the zod schema (keys, enums, id and date formats) and the rule registry — so the
// TextMate grammar and the settings cannot drift from the analysis:
//   - syntaxes/marketing-plan.tmLanguage.json
//   - package.json › contributes.configuration.properties["throughline.rules"]
// Usage: node scripts/gen-grammar.mjs           write both (only what changed)
//        node scripts/gen-grammar.mjs --check   exit 1 when either is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GRAMMAR_PATH = join(root, 'syntaxes', 'marketing-plan.tmLanguage.json');
const MANIFEST_PATH = join(root, 'package.json');
const RULES_SETTING = 'throughline.rules';

const schemaModule = await tsImport('../server/src/core/schema/planSchema.ts', import.meta.url);
const navigation = await tsImport('../server/src/core/schema/schemaNavigation.ts', import.meta.url);
const { rules } = await tsImport('../server/src/core/rules/index.ts', import.meta.url);

/** Every key of the schema, the enum values each key accepts, and the root keys that are id-keyed maps. */
function languageOf() {
  const keys = new Set();
  const enumsByKey = new Map();
  const visit = (path) => {
    for (const info of navigation.keysAt(path)) {
      keys.add(info.key);
      if (info.enumValues.length > 0) {
        const values = enumsByKey.get(info.key) ?? new Set();
        for (const value of info.enumValues) values.add(value);
        enumsByKey.set(info.key, values);
      }
      const childPath = [...path, info.key];
      visit(navigation.isRecordAt(childPath) ? [...childPath, '*'] : childPath);
    }
  };
  visit([]);
  const idMaps = navigation
    .keysAt([])
    .map((info) => info.key)
    .filter((key) => navigation.isRecordAt([key]));
  return { keys: [...keys].sort(), enumsByKey: new Map([...enumsByKey].sort(([a], [b]) => a.localeCompare(b))), idMaps };
}

/** The regex source of a zod string schema's `.regex()` check, without its anchors. */
function patternOf(schema, what) {
  const check = schema._zod.def.checks?.find((candidate) => candidate._zod.def.pattern instanceof RegExp);
  if (!check) throw new Error(`gen-grammar: the schema of ${what} has no regex check any more; update scripts/gen-grammar.mjs`);
  return unanchored(check._zod.def.pattern);
}

function unanchored(regex) {
  return regex.source.replace(/^\^/, '').replace(/\$$/, '');
}

const escape = (word) => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const alternation = (words) =>
  `(?:${[...words]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(escape)
    .join('|')})`;
/** "channels" → "channel": the entity scope of an id in an id-keyed map. */
const singular = (key) => key.replace(/s$/, '');

// A plain scalar starts at the anchor (\G) of the YAML grammar's scalar region; these say where it ends.
const END_OF_KEY = '(?=[\\t ]*+:(?:[\\r\\n\\t ,\\[\\]{}]|$))';
const END_OF_BLOCK_VALUE = '(?=[\\t ]++#|[\\t ]*+$)';
const END_OF_FLOW_VALUE = '(?=[\\t ]*+(?:[,\\]}]|$)|[\\t ]++#)';
/** Not inside a longer scalar (older YAML grammars open a scalar region after its first character). */
const WHOLE_SCALAR = '(?<![^\\t \\[{,])';
const afterKey = (keys) => `(?<=(?:^|[\\s{,])${alternation(keys)}[\\t ]*+:[\\t ]++)`;

/** Values with a meaning in the language, for a plain scalar ending with `end`. */
function valuePatterns(language, end) {
  const declarations = DECLARATIONS.map(({ key, entity }) => ({
    match: `\\G${afterKey([key])}${language.idPattern}${end}`,
    name: `entity.name.type.${entity}.marketing-plan`,
  }));
  const enums = [...language.enumsByKey].map(([key, values]) => ({
    match: `\\G${afterKey([key])}${alternation(values)}${end}`,
    name: `variable.other.enummember.${key}.marketing-plan`,
  }));
  return [
    ...declarations,
    ...enums,
    { match: `\\G${WHOLE_SCALAR}${language.datePattern}${end}`, name: 'constant.numeric.date.marketing-plan' },
    { match: `\\G${WHOLE_SCALAR}${language.durationPattern}${end}`, name: 'constant.numeric.duration.marketing-plan' },
  ];
}

/** Ids declared by a key's value rather than as a map key: the objective's `id`, a journey `stage`. */
const DECLARATIONS = [
  { key: 'id', entity: 'objective' },
  { key: 'stage', entity: 'stage' },
];

function grammarOf(language) {
  for (const { key } of DECLARATIONS) {
    if (!language.keys.includes(key)) throw new Error(`gen-grammar: the schema has no key \`${key}\` any more; update DECLARATIONS`);
  }
  const idMapValues = Object.fromEntries(
    language.idMaps.map((key) => [
      `id-map-${key}`,
      {
        comment: `The value of the root key \`${key}\`: a YAML block node, marked so its map keys are ${singular(key)} ids.`,
        begin: `(?<=^${escape(key)})[\\t ]*+(:)(?=[\\r\\n\\t ])`,
        while: '^(?=[\\t ]|#|$)',
        beginCaptures: { 1: { name: 'punctuation.separator.map.value.yaml' } },
        name: `meta.map.value.${key}.marketing-plan`,
        patterns: [{ include: 'source.yaml.1.2#block-node' }],
      },
    ]),
  );
  const idMapScopes = language.idMaps.map((key) => `meta.map.value.${key}.marketing-plan`);
  const injections = {};
  // Order matters on a tie at the same position: ids before known keys.
  for (const key of language.idMaps) {
    injections[`L:source.marketing-plan meta.map.value.${key}.marketing-plan meta.map.key.yaml - meta.map.value.yaml - string.quoted`] = {
      patterns: [{ match: `\\G${language.idPattern}${END_OF_KEY}`, name: `entity.name.type.${singular(key)}.marketing-plan` }],
    };
  }
  injections[`L:source.marketing-plan meta.mapping.yaml - meta.map.key.yaml - meta.map.value.yaml - meta.flow - ${idMapScopes.join(' - ')}`] = {
    patterns: language.idMaps.map((key) => ({ include: `#id-map-${key}` })),
  };
  injections['L:source.marketing-plan (meta.map.key.yaml, meta.flow.map.key.yaml) - string.quoted'] = {
    patterns: [{ include: '#known-key' }],
  };
  injections['L:source.marketing-plan string.unquoted.plain.out.yaml'] = { patterns: [{ include: '#block-value' }] };
  injections['L:source.marketing-plan string.unquoted.plain.in.yaml - meta.flow.map.key.yaml'] = { patterns: [{ include: '#flow-value' }] };

  return {
    information_for_contributors: [
      'Generated by scripts/gen-grammar.mjs from the zod schema (server/src/core/schema/planSchema.ts); do not edit by hand.',
      "The plan is highlighted by VS Code's YAML grammar (source.yaml); the injections add the plan's own scopes on top:",
      'known keys, channel/KPI/milestone ids, objective and stage ids, enum values, ISO dates and durations.',
    ],
    name: 'Marketing Plan',
    scopeName: 'source.marketing-plan',
    patterns: [{ include: 'source.yaml' }],
    injections,
    repository: {
      ...idMapValues,
      'known-key': {
        match: `\\G${alternation(language.keys)}${END_OF_KEY}`,
        name: 'support.type.property-name.marketing-plan',
      },
      'block-value': { patterns: valuePatterns(language, END_OF_BLOCK_VALUE) },
      'flow-value': { patterns: valuePatterns(language, END_OF_FLOW_VALUE) },
    },
  };
}

function rulesSettingOf() {
  return {
    type: 'object',
    markdownDescription:
      'Severity of each rule (`error`, `warning`, `info`, `hint` or `off`); rules not named keep their default. A `.throughline.yaml` in the workspace and `# throughline-disable` comments in a plan apply too.',
    default: {},
    additionalProperties: false,
    properties: Object.fromEntries(
      rules.map((rule) => [
        rule.name,
        {
          type: 'string',
          enum: ['error', 'warning', 'info', 'hint', 'off'],
          default: rule.defaultSeverity,
          markdownDescription: `${rule.summary} (${rule.area}; default \`${rule.defaultSeverity}\`)`,
        },
      ]),
    ),
  };
}

const language = languageOf();
language.idPattern = unanchored(schemaModule.ID_PATTERN);
language.datePattern = patternOf(schemaModule.isoDate, 'dates');
language.durationPattern = patternOf(schemaModule.duration, 'durations');

const grammarText = JSON.stringify(grammarOf(language), null, 2) + '\n';
const manifestText = readFileSync(MANIFEST_PATH, 'utf8');
const manifest = JSON.parse(manifestText);
const properties = manifest.contributes?.configuration?.properties;
if (!properties) throw new Error('gen-grammar: package.json has no contributes.configuration.properties');
const rulesSetting = rulesSettingOf();
const rulesUpToDate = JSON.stringify(properties[RULES_SETTING]) === JSON.stringify(rulesSetting);
const grammarUpToDate = readIfExists(GRAMMAR_PATH) === grammarText;

if (process.argv.includes('--check')) {
  const stale = [!grammarUpToDate && 'syntaxes/marketing-plan.tmLanguage.json', !rulesUpToDate && `package.json › ${RULES_SETTING}`].filter(Boolean);
  if (stale.length > 0) {
    console.error(`out of date: ${stale.join(', ')} — run \`node scripts/gen-grammar.mjs\``);
    process.exit(1);
  }
  console.log('grammar and rules setting are up to date');
} else {
  if (!grammarUpToDate) writeFileSync(GRAMMAR_PATH, grammarText);
  if (!rulesUpToDate) {
    // Re-read right before writing: package.json is shared, keep everyone else's edits.
    const latest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
    latest.contributes.configuration.properties[RULES_SETTING] = rulesSetting;
    writeFileSync(MANIFEST_PATH, JSON.stringify(latest, null, 2) + '\n');
  }
  console.log(`grammar: ${grammarUpToDate ? 'unchanged' : 'written'}; ${RULES_SETTING}: ${rulesUpToDate ? 'unchanged' : 'written'}`);
}

function readIfExists(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
