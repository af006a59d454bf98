import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type ParsedNode } from 'yaml';
import { LineIndex } from '../text/lineIndex.js';
import type { Range } from '../types.js';
import { effectivePairs, isMergeKey } from './merge.js';
import { cutDeepNesting, MAX_NESTING } from './nesting.js';
import type { SchemaProblem } from '../schema/validate.js';
import { describeYamlError, errorOffsets, type YamlError } from './yamlErrors.js';
import { parseSimpleYaml } from './simpleYaml.js';

export interface SyntaxProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

export interface ParsedYaml {
  text: string;
  lineIndex: LineIndex;
  /** The first YAML document; null when the file holds no document at all. */
  doc: Document.Parsed | null;
  problems: SyntaxProblem[];
  /**
   * Set on a lean parse (`leanParse` in schema/validate.ts): the tree was dropped and this is
   * what the schema check found in it. The rules read it instead of validating `doc`.
   */
  retainedSchemaProblems?: readonly SchemaProblem[];
  /**
   * Set by a parse through a `ParseState`: its pairs may be handed back by the next parse
   * (reuse.ts), so what is derived from them is worth keeping with them. A parse of its own
   * (a file read from disk, the CLI) makes pairs nothing will see again.
   */
  reusesPairs?: boolean;
}

/** Alias expansions allowed while turning the tree into plain data (defuses "billion laughs"). */
const MAX_ALIAS_EXPANSIONS = 1000;

export const yamlOptions = {
  // Duplicate keys are reported by the schema check with a precise range; the first one wins.
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
  strict: false,
  // `<<` merge keys, as YAML tools users know resolve them (see merge.ts). Only this: the rest
  // of YAML 1.1 would also read `on:` (of `depends_on`), `yes` and `no` as booleans.
  merge: true,
} as const;

export function parseYaml(text: string): ParsedYaml {
  const lineIndex = new LineIndex(text);
  const problems: SyntaxProblem[] = [];
  const cut = cutDeepNesting(text);
  if (cut) {
    problems.push({
      message: `This value is nested more than ${MAX_NESTING} levels deep, and Throughline does not read past that depth. A plan needs only a few levels: flatten it.`,
      range: lineIndex.range(cut.offset, Math.min(cut.offset + 1, text.length)),
      severity: 'error',
    });
  }
  const parsed = parseAllDocuments(cut?.text ?? text, yamlOptions);
  const docs = Array.isArray(parsed) ? parsed : [];
  const doc = docs[0] ?? null;
  // One mistake often trips the parser twice at the same place; say it once.
  const reportedAt = new Set<number>();
  const report = (error: YamlError, document: Document.Parsed, severity: SyntaxProblem['severity']) => {
    const [start, end] = errorOffsets(error, document, text);
    if (reportedAt.has(start)) return;
    reportedAt.add(start);
    problems.push({ message: describeYamlError(error), range: lineIndex.range(start, end), severity });
  };
  for (const [index, document] of docs.entries()) {
    for (const error of document.errors) report(error, document, 'error');
    for (const warning of document.warnings) report(warning, document, 'warning');
    if (index > 0 && document.contents !== null) {
      const start = document.range[0];
      problems.push({
        message: 'A plan file holds one plan: this second YAML document is ignored. Move it to its own *.plan.yaml file.',
        range: lineIndex.range(start, Math.min(start + 3, text.length)),
        severity: 'error',
      });
    }
  }
  return { text, lineIndex, doc, problems };
}

/**
 * As `parseYaml`, reading the common shape of a plan straight into yaml's nodes
 * (simpleYaml.ts) and anything else with yaml itself. The tree has no comments: for a plan
 * checked without its tree (`analyzeLean`), not for one an editor feature edits or prints.
 */
export function parseYamlFast(text: string): ParsedYaml {
  const doc = parseSimpleYaml(text, yamlOptions);
  return doc ? { text, lineIndex: new LineIndex(text), doc, problems: [] } : parseYaml(text);
}

export type YamlNode = ParsedNode | Node;

/** Follows aliases to the node they name. */
export function resolveNode(node: unknown, doc: Document.Parsed): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 16; hops++) current = current.resolve(doc);
  return isAlias(current) ? null : current;
}

/**
 * Plain data for schema validation: null-prototype objects (ids never reach Object.prototype),
 * the first of duplicate keys wins (as in the model), merge keys are applied (merge.ts), and
 * alias expansion is bounded (a mapping merged through an alias counts as one expansion).
 * `skip(path)` replaces the value at a path by an empty mapping (entries validated on their own).
 */
export function toPlainData(node: unknown, doc: Document.Parsed, skip?: (key: string, depth: number) => boolean): { value: unknown; aliasLimitHit: boolean } {
  let expansions = 0;
  let aliasLimitHit = false;
  const expand = (): boolean => {
    if (++expansions <= MAX_ALIAS_EXPANSIONS) return true;
    aliasLimitHit = true;
    return false;
  };
  const visit = (current: unknown, depth: number): unknown => {
    if (depth > 200) return null;
    if (isAlias(current)) return expand() ? visit(resolveNode(current, doc), depth + 1) : null;
    if (isScalar(current)) return current.value;
    if (isSeq(current)) return current.items.map((item) => visit(item, depth + 1));
    if (isMap(current)) {
      const result: Record<string, unknown> = Object.create(null);
      let mergedFrom: Pair | undefined;
      for (const { key, pair, via } of effectivePairs(current, doc)) {
        if (via && via !== mergedFrom) {
          mergedFrom = via;
          if (!expand()) break;
        }
        result[key] = skip?.(key, depth) && isMap(resolveNode(pair.value, doc)) ? Object.create(null) : visit(pair.value, depth + 1);
      }
      return result;
    }
    return null;
  };
  return { value: visit(node, 0), aliasLimitHit };
}

/** The text of a key when it is a plain scalar; undefined for complex or missing keys. */
export function scalarKey(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (value === null || value === undefined) return undefined;
  // A merge key reads as `<<`, as before merges were resolved: readers that apply merges ask `isMergeKey`.
  if (isMergeKey(key)) return '<<';
  return typeof value === 'string' ? value : String(value);
}
