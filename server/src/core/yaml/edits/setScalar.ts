import { isAlias, isScalar } from 'yaml';
import type { TextEdit } from '../../types.js';
import { insertEntries } from './insertBlock.js';
import { replaceScalar } from './replaceScalar.js';
import type { YamlEditContext } from './editContext.js';
import { colonAfter, isEmptyValue, pairAtPath } from './nodes.js';
import { nodeRange } from '../../parse/reuse.js';
import { scalarText } from './value.js';

/**
 * Edits that make the key at `path` hold `value`: a scalar already there is replaced, an
 * empty value (`key:`, `key: ~`) is filled, a missing key is inserted into its mapping.
 * Undefined when the key holds a mapping, a list or an alias.
 */
export function setScalar(context: YamlEditContext, path: string[], value: string): TextEdit[] | undefined {
  const found = context.doc ? pairAtPath(context.doc.contents, path) : undefined;
  if (!found) return insertEntries(context, path.slice(0, -1), [{ key: path[path.length - 1]!, value }]);
  const { pair, map } = found;
  if (isAlias(pair.value)) return undefined;
  const range = nodeRange(pair.value);
  if (isScalar(pair.value) && range && range[1] > range[0]) {
    return [replaceScalar(context, context.lines.range(range[0], range[1]), value)];
  }
  if (!isEmptyValue(pair.value)) return undefined;
  const keyEnd = nodeRange(pair.key)?.[1];
  const colon = keyEnd === undefined ? undefined : colonAfter(context.text, keyEnd);
  if (colon === undefined) return undefined;
  const position = context.lines.positionAt(colon + 1);
  return [{ range: { start: position, end: position }, newText: ` ${scalarText(value, map.flow === true)}` }];
}
