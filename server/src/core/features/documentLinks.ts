import { isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import { scalarKey } from '../parse/parseYaml.js';
import type { PlanDocument } from '../planDocument.js';
import type { Range } from '../types.js';
import { isPortfolioFileName } from '../workspace/files.js';

// Document links: the files a plan names open with a click — its `imports` (libraries),
// its `actuals_file` (a CSV), and in a portfolio (`*.portfolio.yaml`) its `plans`. Read from
// the YAML itself, so they work on a half-typed file. Paths are relative
// to the plan; a glob (`regions/*.plan.yaml`) names no one file and gets no link, and
// neither does anything with a scheme (`https:`, `command:`): only files beside the plan open.

export interface DocumentLink {
  range: Range;
  target: string;
  tooltip: string;
}

const LIST_KEYS = new Set(['imports']);
const PORTFOLIO_LIST_KEYS = new Set(['imports', 'plans']);
const SCALAR_KEYS = new Set(['actuals_file']);
const GLOB = /[*?[\]{}]/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** A base URI relative paths resolve against: `scheme://authority/path` (not `untitled:Untitled-1`). */
const HIERARCHICAL = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const MAX_LINKS = 1000;

export function documentLinks(doc: PlanDocument): DocumentLink[] {
  const { parsed } = doc.analysis;
  const root = parsed.doc?.contents;
  if (!isMap(root) || !HIERARCHICAL.test(doc.uri)) return [];
  const lists = isPortfolioFileName(doc.uri) ? PORTFOLIO_LIST_KEYS : LIST_KEYS;
  const links: DocumentLink[] = [];
  const link = (node: unknown) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range || links.length >= MAX_LINKS) return;
    const target = resolvePath(doc.uri, node.value);
    if (!target) return;
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
    const range = parsed.lineIndex.range(node.range[0] + quoted, node.range[1] - quoted);
    if (range.start.line !== range.end.line) return;
    links.push({ range, target, tooltip: `Open ${node.value}` });
  };
  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const key = scalarKey(pair.key);
    if (key === undefined) continue;
    if (SCALAR_KEYS.has(key)) link(pair.value);
    else if (lists.has(key) && isSeq(pair.value)) for (const item of pair.value.items) link(item);
  }
  return links;
}

/** The URI of a path written in a plan, relative to the plan; undefined when it names no single file beside it. */
export function resolvePath(baseUri: string, written: string): string | undefined {
  const path = written.trim().replace(/\\/g, '/');
  // eslint-disable-next-line no-control-regex
  if (path === '' || GLOB.test(path) || SCHEME.test(path) || /[\u0000-\u001f]/.test(path) || path.length > 4096) return undefined;
  const encoded = path
    .split('/')
    .map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/');
  try {
    const base = new URL(baseUri);
    const target = new URL(encoded, base);
    if (target.protocol !== base.protocol || target.pathname.endsWith('/')) return undefined;
    return target.href;
  } catch {
    return undefined;
  }
}
