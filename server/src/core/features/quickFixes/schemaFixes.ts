import { parse } from 'yaml';
import { scalarKey } from '../../parse/parseYaml.js';
import { closestMatch } from '../../text/didYouMean.js';
import { replaceScalar } from '../../yaml/edits/replaceScalar.js';
import { findPair, pairWithKeyAt } from '../../yaml/edits/nodes.js';
import { nodeRange } from '../../parse/reuse.js';
import type { Position, Range } from '../../types.js';
import { proposal, type FixContext, type FixProposal, type QuickFix } from './quickFix.js';

const SCHEMA_KEY = /^[a-z][a-z_]*$/;

/**
 * `schema`: rename an unknown key to the key it was meant to be (did-you-mean), unless the
 * mapping already has that key; change a wrong enum value to the nearest allowed one.
 */
export const fixSchemaProblem: QuickFix<'schema'> = (context, diagnostic) => {
  const data = diagnostic.data;
  if (!data) return [];
  if ('suggestion' in data) return renameKey(context, diagnostic.range.start, data.key, data.suggestion);
  return nearestAllowed(context, diagnostic.range, data.allowed);
};

function renameKey({ yaml }: FixContext, start: Position, key: string, suggestion: string): FixProposal[] {
  if (!SCHEMA_KEY.test(suggestion)) return [];
  const found = yaml.doc && pairWithKeyAt(yaml.doc.contents, yaml.lines.offsetAt(start));
  const keyRange = nodeRange(found?.pair.key);
  if (!found || !keyRange || scalarKey(found.pair.key) !== key || findPair(found.map, suggestion)) return [];
  return proposal(`Rename \`${key}\` to \`${suggestion}\``, [replaceScalar(yaml, yaml.lines.range(keyRange[0], keyRange[1]), suggestion)], true);
}

function nearestAllowed({ yaml }: FixContext, range: Range, allowed: string[]): FixProposal[] {
  const source = yaml.text.slice(yaml.lines.offsetAt(range.start), yaml.lines.offsetAt(range.end));
  const value = readScalar(source);
  if (value === undefined || allowed.includes(value)) return [];
  const near = closestMatch(value, allowed);
  return near ? proposal(`Change to \`${near}\``, [replaceScalar(yaml, range, near)], true) : [];
}

/** The string a scalar's source text holds, or undefined when it is not a single string scalar. */
function readScalar(source: string): string | undefined {
  if (source === '' || /[\r\n]/.test(source)) return undefined;
  try {
    const value: unknown = parse(source);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
