import { isMap, isPair, isSeq, type Document, type Pair } from 'yaml';
import type { z } from 'zod';
import { ENTRY_SECTIONS } from '../parse/blocks.js';
import { resolveNode, scalarKey, toPlainData, type ParsedYaml } from '../parse/parseYaml.js';
import { PairCache, textRangeOf } from '../parse/reuse.js';
import { didYouMean } from '../text/didYouMean.js';
import type { LineIndex } from '../text/lineIndex.js';
import type { Range } from '../types.js';
import { channelSchema, ID_PATTERN, kpiSchema, milestoneSchema, planSchema } from './planSchema.js';
import { allowedKeysAt } from './schemaNavigation.js';

/** What the `schema` quick fix reads: the unknown key and the key it was probably meant to be, or the values allowed. */
export type SchemaFixData = { key: string; suggestion: string } | { allowed: string[] };

export interface SchemaProblem {
  range: Range;
  message: string;
  data?: SchemaFixData;
}

type PathKey = string | number;
type Issue = z.core.$ZodIssue;

const entrySchemas: Record<string, z.ZodType> = { channels: channelSchema, kpis: kpiSchema, milestones: milestoneSchema };

// Entries are validated one by one and their problems kept per YAML pair, so an edit to one
// channel re-validates that channel only (the incremental parser reuses unchanged pairs).
const entryProblems = new PairCache<Pair, SchemaProblem[]>();

/** Validates the plan against the zod schema and places every issue on the key or value at fault. */
export function validateSchema(parsed: ParsedYaml, anchorRange: Range): SchemaProblem[] {
  const doc = parsed.doc;
  if (!doc || doc.contents === null) return [];
  const problems: SchemaProblem[] = [];
  const root = resolveNode(doc.contents, doc);
  const { value, aliasLimitHit } = toPlainData(root, doc, (key, depth) => depth === 0 && ENTRY_SECTIONS.has(key));
  if (aliasLimitHit) {
    problems.push({
      range: anchorRange,
      message: 'Too many alias expansions (*alias): the plan was checked without them. Write values out instead of nesting aliases.',
    });
  }
  const locate = new Locator(doc, parsed.lineIndex, root, []);
  const result = planSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      for (const leaf of leafIssues(issue, value)) problems.push(describe(leaf, [], locate, anchorRange));
    }
  }
  problems.push(...duplicateKeys(root, parsed.lineIndex, '', true));
  if (isMap(root)) {
    for (const pair of root.items) {
      const section = scalarKey(pair.key);
      const entries = resolveNode(pair.value, doc);
      if (section === undefined || !ENTRY_SECTIONS.has(section) || !isMap(entries)) continue;
      for (const entry of entries.items) {
        if (isPair(entry)) problems.push(...validateEntry(doc, parsed.lineIndex, section, entry, anchorRange));
      }
    }
  }
  return problems;
}

function validateEntry(doc: Document.Parsed, lines: LineIndex, section: string, pair: Pair, anchorRange: Range): SchemaProblem[] {
  const keyRange = textRangeOf(pair.key, lines);
  // The same unchanged pair can move to another section (its problems name the section).
  return entryProblems.get(pair, keyRange?.start.line ?? -1, section, () => entryIssues(doc, lines, section, pair, keyRange, anchorRange));
}

function entryIssues(doc: Document.Parsed, lines: LineIndex, section: string, pair: Pair, keyRange: Range | undefined, anchorRange: Range): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const id = scalarKey(pair.key);
  if (id === undefined || !ID_PATTERN.test(id)) {
    problems.push({
      range: keyRange ?? anchorRange,
      message: `\`${id ?? String(pair.key)}\` is not a valid id in \`${section}\`: use letters, digits, \`-\`, \`_\` or \`.\`, starting with a letter or digit.`,
    });
  }
  if (id !== undefined) {
    const value = resolveNode(pair.value, doc);
    const { value: plain } = toPlainData(value, doc);
    const prefix = [section, id];
    const locate = new Locator(doc, lines, value, prefix, pair);
    const result = entrySchemas[section]!.safeParse(plain, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        for (const leaf of leafIssues(issue, plain)) problems.push(describe(leaf, prefix, locate, keyRange ?? anchorRange));
      }
    }
    problems.push(...duplicateKeys(value, lines, `${section}.${id}`, false));
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

function describe(issue: Issue, prefix: PathKey[], locate: Locator, fallback: Range): SchemaProblem {
  const local = issue.path as PathKey[];
  const path = [...prefix, ...local];
  const where = path.length > 0 ? `\`${dotted(path)}\`` : 'The plan';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      const allowed = allowedKeysAt(path);
      const suggestion = didYouMean(key, allowed);
      return {
        range: locate.key([...local, key]) ?? locate.value(local) ?? fallback,
        message: `Unknown key \`${key}\`${path.length ? ` in \`${dotted(path)}\`` : ''}.${suggestion || ` Allowed here: ${allowed.join(', ')}.`}`,
        ...(suggestion ? { data: { key, suggestion: suggestion.slice(' Did you mean `'.length, -2) } } : {}),
      };
    }
    case 'invalid_type':
      if (issue.input === undefined)
        return missingKey(path, local, locate, fallback, `\`${String(path[path.length - 1])}: ${placeholder(issue.expected, String(path[path.length - 1]))}\``);
      return { range: locate.value(local) ?? fallback, message: `${where} should be ${article(issue.expected)}, not ${describeInput(issue.input)}.` };
    case 'invalid_value':
      if (issue.input === undefined) {
        const key = String(path[path.length - 1]);
        return missingKey(path, local, locate, fallback, issue.values.map((value) => `\`${key}: ${String(value)}\``).join(' or '));
      }
      return {
        range: locate.value(local) ?? fallback,
        message: `${where} must be one of: ${issue.values.map(String).join(', ')}.${typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : ''}`,
        data: { allowed: issue.values.map(String) },
      };
    case 'too_small':
      return { range: locate.value(local) ?? fallback, message: `${where} must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}.` };
    default:
      return { range: locate.value(local) ?? fallback, message: `${where}: ${issue.message}.` };
  }
}

/** A required key that is not there: shown on the key of the mapping that lacks it. */
function missingKey(path: PathKey[], local: PathKey[], locate: Locator, fallback: Range, example: string): SchemaProblem {
  const key = path[path.length - 1];
  const parent = path.slice(0, -1);
  return {
    range: locate.key(local.slice(0, -1)) ?? fallback,
    message: `${parent.length ? `\`${dotted(parent)}\`` : 'The plan'} needs \`${String(key)}\`: add ${example}.`,
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
  if (typeof input === 'string') return `text "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  return `${typeof input} ${String(input)}`;
}

function dotted(path: PathKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : key))
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

  private pairAt(path: PathKey[]): { pair?: Pair; node: unknown } | undefined {
    let node: unknown = this.start;
    let pair: Pair | undefined = this.startPair;
    for (const key of path) {
      if (typeof key === 'number' && isSeq(node)) {
        pair = undefined;
        node = resolveNode(node.items[key], this.doc);
      } else if (isMap(node)) {
        pair = node.items.find((item): item is Pair => isPair(item) && scalarKey(item.key) === String(key));
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

  /** The value at the path; for an empty value, its key. */
  value(path: PathKey[]): Range | undefined {
    const found = this.pairAt(path);
    if (!found) return undefined;
    return textRangeOf(found.node, this.lines) ?? (found.pair ? textRangeOf(found.pair.key, this.lines) : undefined);
  }
}

/**
 * Repeated keys: the first wins everywhere, the later ones are reported. At the root, the
 * entry sections are checked for repeated ids but not descended into (entries check themselves);
 * a repeated `objective` has its own rule.
 */
function duplicateKeys(start: unknown, lines: LineIndex, basePath: string, atRoot: boolean): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const visit = (node: unknown, depth: number, path: string, descend: boolean) => {
    if (depth > 64) return;
    if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1, path, true);
      return;
    }
    if (!isMap(node)) return;
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = scalarKey(pair.key);
      if (key === undefined) continue;
      if (seen.has(key)) {
        const range = textRangeOf(pair.key, lines);
        if (range && !(atRoot && depth === 0 && key === 'objective')) {
          problems.push({ range, message: `\`${key}\` appears twice${path ? ` in \`${path}\`` : ''}: the first one counts. Merge them or rename this one.` });
        }
        continue;
      }
      seen.add(key);
      const isSection = atRoot && depth === 0 && ENTRY_SECTIONS.has(key);
      if (descend) visit(pair.value, depth + 1, path ? `${path}.${key}` : key, !isSection);
    }
  };
  visit(start, 0, basePath, true);
  return problems;
}
