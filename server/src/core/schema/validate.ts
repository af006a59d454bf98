import { isMap, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { ENTRY_SECTIONS } from '../parse/blocks.js';
import { badMerges, effectivePairs, isMergeKey } from '../parse/merge.js';
import { resolveNode, scalarKey, toPlainData, type ParsedYaml } from '../parse/parseYaml.js';
import { PairCache, textRangeOf } from '../parse/reuse.js';
import { didYouMean } from '../text/didYouMean.js';
import type { LineIndex } from '../text/lineIndex.js';
import { excerpt, quote } from '../text/quote.js';
import type { Range } from '../types.js';
import type { FileKind } from '../workspace/files.js';
import { channelSchema, ID_PATTERN, isExtensionKey, kpiSchema, librarySchema, milestoneSchema, planSchema, portfolioSchema } from './planSchema.js';
import { allowedKeysAt, keysAt, type AnySchema } from './schemaNavigation.js';

export type PathKey = string | number;

/**
 * `invalid`: a value the schema rejects (wrong type, bad date, enum value or id, a merge of
 * something that is not a mapping); `missing`: a required key is absent; `key`: an unknown
 * or repeated key, or an invalid entry id; `limit`: the plan was checked without some aliases.
 */
export type SchemaProblemKind = 'invalid' | 'missing' | 'key' | 'limit';

/** What the `schema` quick fix reads: the unknown key and the key it was probably meant to be, or the values allowed. */
export type SchemaFixData = { key: string; suggestion: string } | { allowed: string[] };

export interface SchemaProblem {
  range: Range;
  message: string;
  data?: SchemaFixData;
  kind: SchemaProblemKind;
  /** Plan path of the value at fault (for `missing`, of the absent key), merges applied. */
  path: PathKey[];
}
type Issue = z.core.$ZodIssue;

const entrySchemas: Record<string, z.ZodType> = { channels: channelSchema, kpis: kpiSchema, milestones: milestoneSchema };

// Entries are validated one by one and their problems kept per YAML pair, so an edit to one
// channel re-validates that channel only (the incremental parser reuses unchanged pairs).
const entryProblems = new PairCache<Pair, SchemaProblem[]>();

const problemsOf = new WeakMap<ParsedYaml, SchemaProblem[]>();

/** `validateSchema`, once per parse: the schema rule reports the problems, and the other rules ask which values were rejected. */
export function schemaProblems(parsed: ParsedYaml, anchorRange: Range, kind: FileKind = 'plan'): readonly SchemaProblem[] {
  if (parsed.retainedSchemaProblems) return parsed.retainedSchemaProblems;
  let problems = problemsOf.get(parsed);
  if (!problems) {
    problems = validateSchema(parsed, anchorRange, kind);
    problemsOf.set(parsed, problems);
  }
  return problems;
}

/**
 * The parse without its YAML tree, for a plan kept but not open: the text (disable comments),
 * the line index, the syntax problems and the schema's verdict on the tree, which is all the
 * rules read of a parse. Re-running the rules on it (a library changed) gives what they give
 * on the full parse; the editor features that walk the tree get an empty document, so the
 * adapter parses a plan again when it is opened.
 */
export function leanParse(parsed: ParsedYaml, anchorRange: Range, kind: FileKind = 'plan'): ParsedYaml {
  if (parsed.retainedSchemaProblems) return parsed;
  const retainedSchemaProblems = schemaProblems(parsed, anchorRange, kind);
  return { text: parsed.text, lineIndex: parsed.lineIndex, doc: null, problems: parsed.problems, retainedSchemaProblems };
}

/** Validates the plan (or a library or portfolio, against its own schema) and places every issue on the key or value at fault. */
export function validateSchema(parsed: ParsedYaml, anchorRange: Range, kind: FileKind = 'plan'): SchemaProblem[] {
  const doc = parsed.doc;
  if (!doc || doc.contents === null) return [];
  const problems: SchemaProblem[] = [];
  const root = resolveNode(doc.contents, doc);
  const { value, aliasLimitHit } = toPlainData(root, doc, (key, depth) => depth === 0 && ENTRY_SECTIONS.has(key));
  if (aliasLimitHit) {
    problems.push({
      range: anchorRange,
      message: 'Too many alias expansions (*alias): the plan was checked without them. Write values out instead of nesting aliases.',
      kind: 'limit',
      path: [],
    });
  }
  // Top-level `x-` keys are the plan's own extensions (shared values for `<<` merges, notes for other tools): never checked.
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of Object.keys(value)) if (isExtensionKey(key)) delete (value as Record<string, unknown>)[key];
  }
  const locate = new Locator(doc, parsed.lineIndex, root, []);
  const rootSchema = kind === 'library' ? librarySchema : kind === 'portfolio' ? portfolioSchema : planSchema;
  const result = rootSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      for (const leaf of leafIssues(issue, value)) problems.push(...describe(leaf, [], locate, anchorRange, rootSchema));
    }
  }
  problems.push(...keyProblems(doc, root, parsed.lineIndex, [], true));
  // A portfolio has no entry sections: a `channels:` there is an unknown key, reported once.
  if (isMap(root) && kind !== 'portfolio') {
    for (const { key: section, pair } of effectivePairs(root, doc)) {
      const entries = resolveNode(pair.value, doc);
      if (!ENTRY_SECTIONS.has(section) || !isMap(entries)) continue;
      for (const { pair: entry } of effectivePairs(entries, doc))
        problems.push(...validateEntry(doc, parsed.lineIndex, section, entry, anchorRange, parsed.reusesPairs === true));
    }
  }
  return problems;
}

function validateEntry(doc: Document.Parsed, lines: LineIndex, section: string, pair: Pair, anchorRange: Range, reusesPairs: boolean): SchemaProblem[] {
  const keyRange = textRangeOf(pair.key, lines);
  if (!reusesPairs) return entryIssues(doc, lines, section, pair, keyRange, anchorRange);
  // The same unchanged pair can move to another section (its problems name the section).
  return entryProblems.get(pair, keyRange?.start.line ?? -1, section, () => entryIssues(doc, lines, section, pair, keyRange, anchorRange));
}

function entryIssues(doc: Document.Parsed, lines: LineIndex, section: string, pair: Pair, keyRange: Range | undefined, anchorRange: Range): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const id = scalarKey(pair.key);
  if (id === undefined || !ID_PATTERN.test(id)) {
    problems.push({
      range: keyRange ?? anchorRange,
      message: `${quote(id ?? String(pair.key))} is not a valid id in \`${section}\`: use letters, digits, \`-\`, \`_\` or \`.\`, starting with a letter or digit.`,
      kind: 'key',
      path: [section, id ?? String(pair.key)],
    });
  }
  if (id !== undefined) {
    const value = resolveNode(pair.value, doc);
    // An entry written with nothing (`paid-signups:`) is an entry with no keys yet: its required keys are what is missing.
    const written = toPlainData(value, doc).value;
    const plain = written === null ? Object.create(null) : written;
    const prefix = [section, id];
    const locate = new Locator(doc, lines, value, prefix, pair);
    const result = entrySchemas[section]!.safeParse(plain, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        for (const leaf of leafIssues(issue, plain)) problems.push(...describe(leaf, prefix, locate, keyRange ?? anchorRange));
      }
    }
    problems.push(...keyProblems(doc, value, lines, prefix, false));
  }
  return problems;
}

/** Unions report one list of issues per branch; keep the branch that matches the input's shape. */
function leafIssues(issue: Issue, root: unknown): Issue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const input = valueAt(root, issue.path as PathKey[]);
  const wantsObject = input !== null && typeof input === 'object' && !Array.isArray(input);
  const wantsArray = Array.isArray(input);
  const branch =
    issue.errors.find((errors) => errors.every((e) => !(e.code === 'invalid_type' && e.path.length === 0))) ??
    issue.errors.find((errors) =>
      errors.some((e) => e.code === 'invalid_type' && (e.expected === 'object') === wantsObject && (e.expected === 'array') === wantsArray),
    );
  if (!branch) return [issue];
  return branch.flatMap((inner) => leafIssues({ ...inner, path: [...issue.path, ...inner.path] } as Issue, root));
}

function valueAt(root: unknown, path: PathKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

function describe(issue: Issue, prefix: PathKey[], locate: Locator, fallback: Range, root: AnySchema = planSchema): SchemaProblem[] {
  const local = issue.path as PathKey[];
  const path = [...prefix, ...local];
  const where = path.length > 0 ? `\`${dotted(path)}\`` : rootName(root);
  const invalid = (message: string, data?: SchemaFixData): SchemaProblem[] => [
    { range: locate.value(local) ?? fallback, message, kind: 'invalid', path, ...(data ? { data } : {}) },
  ];
  // A key written with nothing after it (`owner:`, `notes: ~`) is not written yet: where the key
  // is optional that is allowed, and a rule that needs the value says it is missing (with a fix).
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === null && isOptionalKey(path, root)) return [];
  switch (issue.code) {
    case 'unrecognized_keys': {
      // Every unknown key of the mapping, each on its own key.
      const allowed = allowedKeysAt(path, root);
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, allowed);
        return {
          range: locate.key([...local, key]) ?? locate.value(local) ?? fallback,
          message: `Unknown key ${quote(key)}${path.length ? ` in \`${dotted(path)}\`` : ''}.${suggestion || ` Allowed here: ${allowed.join(', ')}.`}`,
          ...(suggestion ? { data: { key, suggestion: suggestion.slice(' Did you mean `'.length, -2) } } : {}),
          kind: 'key' as const,
          path: [...path, key],
        };
      });
    }
    case 'invalid_type':
      if (issue.input === undefined)
        return [
          missingKey(
            path,
            local,
            locate,
            fallback,
            `\`${String(path[path.length - 1])}: ${placeholder(issue.expected, String(path[path.length - 1]))}\``,
            rootName(root),
          ),
        ];
      return invalid(`${where} should be ${article(issue.expected)}, not ${describeInput(issue.input)}.`);
    case 'invalid_value':
      if (issue.input === undefined) {
        const key = String(path[path.length - 1]);
        return [missingKey(path, local, locate, fallback, issue.values.map((value) => `\`${key}: ${String(value)}\``).join(' or '), rootName(root))];
      }
      return invalid(
        `${where} must be one of: ${issue.values.map(String).join(', ')}.${typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : ''}`,
        { allowed: issue.values.map(String) },
      );
    case 'too_small':
      return invalid(`${where} must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}.`);
    default:
      return invalid(`${where}: ${issue.message}.`);
  }
}

function isOptionalKey(path: PathKey[], root: AnySchema): boolean {
  const key = path[path.length - 1];
  return typeof key === 'string' && keysAt(path.slice(0, -1), root).some((info) => info.key === key && !info.required);
}

/** A required key that is not there: shown on the key of the mapping that lacks it. */
function rootName(root: AnySchema): string {
  return root === planSchema ? 'The plan' : root === portfolioSchema ? 'The portfolio' : 'The library';
}

function missingKey(path: PathKey[], local: PathKey[], locate: Locator, fallback: Range, example: string, owner = 'The plan'): SchemaProblem {
  const key = path[path.length - 1];
  const parent = path.slice(0, -1);
  return {
    range: locate.key(local.slice(0, -1)) ?? fallback,
    message: `${parent.length ? `\`${dotted(parent)}\`` : owner} needs \`${String(key)}\`: add ${example}.`,
    kind: 'missing',
    path,
  };
}

function placeholder(expected: string, key: string): string {
  if (key === 'start' || key === 'end' || key === 'date' || key === 'deadline') return 'YYYY-MM-DD';
  if (expected === 'number') return '0';
  return '…';
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping (key: value lines)',
    array: 'a list',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
  };
  return names[expected] ?? expected;
}

function describeInput(input: unknown): string {
  if (input === null) return 'empty';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  if (typeof input === 'string') return `text "${excerpt(input, 40)}"`;
  return `${typeof input} ${String(input)}`;
}

/** The path as written in messages (`channels.seo.kpis[1]`), each id in it cut like any quoted plan text. */
function dotted(path: PathKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : excerpt(key)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Finds the YAML node at a path below a start node (first of duplicate keys, as the model does). */
class Locator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineIndex,
    private readonly start: unknown,
    private readonly prefix: PathKey[],
    private readonly startPair?: Pair,
  ) {}

  /** Each mapping's pairs by key, merges applied (a merged-in value is found where it is written); built once per mapping, as one mapping may hold thousands of problems. */
  private readonly pairsByMap = new Map<YAMLMap, Map<string, Pair>>();

  private pairsOf(map: YAMLMap): Map<string, Pair> {
    let pairs = this.pairsByMap.get(map);
    if (!pairs) {
      pairs = new Map(effectivePairs(map, this.doc).map((entry) => [entry.key, entry.pair]));
      this.pairsByMap.set(map, pairs);
    }
    return pairs;
  }

  private pairAt(path: PathKey[]): { pair?: Pair; node: unknown } | undefined {
    let node: unknown = this.start;
    let pair: Pair | undefined = this.startPair;
    for (const key of path) {
      if (typeof key === 'number' && isSeq(node)) {
        pair = undefined;
        node = resolveNode(node.items[key], this.doc);
      } else if (isMap(node)) {
        pair = this.pairsOf(node).get(String(key));
        if (!pair) return undefined;
        node = resolveNode(pair.value, this.doc);
      } else {
        return undefined;
      }
    }
    return { pair, node };
  }

  key(path: PathKey[]): Range | undefined {
    if (path.length === 0 && !this.startPair) return undefined; // the root has no key: callers fall back to the plan's anchor
    const found = this.pairAt(path);
    if (!found) return undefined;
    return found.pair ? textRangeOf(found.pair.key, this.lines) : textRangeOf(found.node, this.lines);
  }

  /** The value at the path; for an empty value (no text), its key. */
  value(path: PathKey[]): Range | undefined {
    const found = this.pairAt(path);
    if (!found) return undefined;
    const range = textRangeOf(found.node, this.lines);
    const key = found.pair ? textRangeOf(found.pair.key, this.lines) : undefined;
    return range && (!isEmpty(range) || !key) ? range : key;
  }
}

/**
 * Problems of the mappings as written, each reported once where it is written (aliases are
 * not followed): repeated keys (the first wins everywhere, the later ones are reported) and
 * merge keys that merge no mapping. At the root, the entry sections are checked for repeated
 * ids but not descended into (entries check themselves); a repeated `objective` has its own rule.
 */
function keyProblems(doc: Document.Parsed, start: unknown, lines: LineIndex, basePath: PathKey[], atRoot: boolean): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const visit = (node: unknown, depth: number, path: PathKey[], descend: boolean) => {
    if (depth > 64) return;
    if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, depth + 1, [...path, index], true));
      return;
    }
    if (!isMap(node)) return;
    for (const bad of badMerges(node, doc)) {
      const written = textRangeOf(bad.node, lines);
      problems.push({
        range: written && !isEmpty(written) ? written : textRangeOf(bad.pair.key, lines)!,
        message: `\`<<\` merges mappings into this one (\`<<: *defaults\` or \`<<: [*a, *b]\`), not ${describeNode(bad.resolved)}. Point it at an anchored mapping (\`&defaults { … }\`).`,
        kind: 'invalid',
        path,
      });
    }
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) continue;
      const key = scalarKey(pair.key);
      if (key === undefined) continue;
      if (seen.has(key)) {
        const range = textRangeOf(pair.key, lines);
        if (range && !(atRoot && depth === 0 && key === 'objective')) {
          const named = path.filter((step) => typeof step === 'string');
          const where = named.length > 0 ? ` in \`${dotted(named)}\`` : '';
          problems.push({
            range,
            message: `${quote(key)} appears twice${where}: the first one counts. Merge them or rename this one.`,
            kind: 'key',
            path: [...path, key],
          });
        }
        continue;
      }
      seen.add(key);
      const isSection = atRoot && depth === 0 && ENTRY_SECTIONS.has(key);
      if (descend) visit(pair.value, depth + 1, [...path, key], !isSection);
    }
  };
  visit(start, 0, basePath, true);
  return problems;
}

function isEmpty(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}

/** What a merge key was given instead of a mapping. */
function describeNode(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'an empty value' : describeInput(node.value);
  return 'an alias that names nothing';
}
