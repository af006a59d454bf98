import { isMap, isSeq } from 'yaml';
import type { LineIndex } from '../text/lineIndex.js';
import type { FoldingRange } from '../lspTypes.js';
import type { PlanDocument } from '../planDocument.js';
import { itemsOf, nodeSpan, pairsOf, pairSpan } from '../yaml/ranges.js';

/** Folds every section, channel, KPI and nested block or list over several lines, and runs of comment lines. */
export function foldingRanges(doc: PlanDocument): FoldingRange[] {
  const { parsed } = doc.analysis;
  const ranges: FoldingRange[] = [];
  const lines = parsed.lineIndex;
  const add = (start: number, end: number) => {
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    for (const pair of pairsOf(node)) {
      const span = pairSpan(parsed.text, pair);
      if (span && (isMap(pair.value) || isSeq(pair.value))) add(span.keyStart, span.end);
      visit(pair.value, depth + 1);
    }
    for (const item of itemsOf(node)) {
      const span = nodeSpan(parsed.text, item);
      if (span && (isMap(item) || isSeq(item))) add(span.start, span.end);
      visit(item, depth + 1);
    }
  };
  visit(parsed.doc?.contents, 0);
  ranges.push(...commentRuns(lines));
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function commentRuns(lines: LineIndex): FoldingRange[] {
  const runs: FoldingRange[] = [];
  let start = -1;
  for (let line = 0; line <= lines.lineCount; line++) {
    const comment = line < lines.lineCount && /^\s*#/.test(lines.lineText(line));
    if (comment && start < 0) start = line;
    if (!comment && start >= 0) {
      if (line - 1 > start) runs.push({ startLine: start, endLine: line - 1, kind: 'comment' });
      start = -1;
    }
  }
  return runs;
}
