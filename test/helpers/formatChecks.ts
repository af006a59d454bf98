import { analyzeText } from '../../server/src/core/analyze.js';
import { formatText, type FormatOptions } from '../../server/src/core/features/format/index.js';

// What formatting must never change, shared by the unit and robustness suites: the plan the
// rules see (diagnostics and model, positions aside), and formatting twice changes nothing.

/** Position- and layout-free keys of the model: where things are, not what they are. */
const POSITIONAL = new Set(['range', 'keyRange', 'anchorRange', 'bodyIndent', 'rootIndent', 'lineIndex', 'text', 'origin']);

/** The analysis as text without positions; with `unordered`, the keys of each mapping in any order. */
export function analysedPlan(text: string, unordered: boolean): string {
  const analysis = analyzeText(text);
  const diagnostics = analysis.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity} ${diagnostic.message}`);
  if (unordered) diagnostics.sort();
  const model = JSON.stringify(analysis.model, (key, value: unknown) => {
    if (POSITIONAL.has(key)) return undefined;
    if (value instanceof Map) {
      const entries = [...value].map(([entryKey, entryValue]) => [
        entryKey,
        entryValue && typeof entryValue === 'object' && 'start' in entryValue ? null : entryValue,
      ]);
      // Sorting keys reorders mappings (`reviews` too); id-keyed maps keep their order, which sorting here would hide, and that is fine.
      return unordered ? entries.sort((a, b) => String(a[0]).localeCompare(String(b[0]))) : entries;
    }
    return value;
  });
  return `${diagnostics.join('\n')}\n${model}`;
}

/** What is wrong with formatting this text (empty: nothing). A text that does not parse must be refused, not changed. */
export function formattingProblems(text: string, options: FormatOptions): string[] {
  const problems: string[] = [];
  let once: ReturnType<typeof formatText>;
  try {
    once = formatText(text, options);
  } catch (error) {
    return [`formatting threw: ${(error as Error).stack ?? String(error)}`];
  }
  const parsesCleanly = !analyzeText(text).parsed.problems.some((problem) => problem.severity === 'error');
  if ('error' in once) {
    if (parsesCleanly) problems.push(`refused a plan that parses: ${once.error}`);
    return problems;
  }
  if (!parsesCleanly) problems.push('formatted a plan that does not parse');
  const twice = formatText(once.text, options);
  if ('error' in twice) problems.push(`formatting the formatted text was refused: ${twice.error}`);
  else if (twice.text !== once.text) problems.push(`not idempotent:\n--- once\n${once.text.slice(0, 3000)}\n--- twice\n${twice.text.slice(0, 3000)}`);
  const unordered = options.sortKeys === true;
  if (analysedPlan(once.text, unordered) !== analysedPlan(text, unordered)) problems.push('the analysed plan changed');
  return problems;
}
