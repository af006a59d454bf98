import type { Range, TextEdit } from '../../types.js';
import type { YamlEditContext } from './editContext.js';
import { scalarText } from './value.js';

/**
 * Replaces the scalar (a value or a key) at `range` by `value`, keeping its quoting style:
 * a double- or single-quoted scalar stays quoted, a plain one stays plain when it can.
 */
export function replaceScalar(context: YamlEditContext, range: Range, value: string): TextEdit {
  const source = context.text.slice(context.lines.offsetAt(range.start), context.lines.offsetAt(range.end));
  let newText: string;
  if (source.startsWith('"')) newText = JSON.stringify(value);
  else if (source.startsWith("'")) newText = `'${value.replace(/'/g, "''")}'`;
  // Ids and dates sit in flow lists as often as in blocks: write what is safe in both.
  else newText = scalarText(value, true);
  return { range, newText };
}
