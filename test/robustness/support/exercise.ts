import { analyzeText, type Analysis, type ParseState } from '../../../server/src/core/analyze.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import type { CodeAction } from '../../../server/src/core/types.js';
import { applyEdits } from '../../helpers/applyEdits.js';
import { features } from './features.js';
import { RangeChecker } from './ranges.js';

export interface ExerciseOptions {
  /** The document's incremental parse state; its result must equal a full analysis. */
  state?: ParseState;
  /** Chooses the cursor positions besides the start and the end. */
  random: () => number;
  /** How many random cursor positions each positional feature is asked about. */
  positions?: number;
  /** Apply every quick fix offered and analyze the result (slower; off for prefixes). */
  applyFixes?: boolean;
}

export interface Exercised {
  problems: string[];
  analysis: Analysis | undefined;
  /** Feature calls made. */
  calls: number;
  /** The slowest feature call (analysis and formatting not included). */
  slowest: { label: string; ms: number };
  /** The slowest formatting call: it reads the plan's whole syntax tree again, so it is bounded like an analysis (by size). */
  slowestFormat: { label: string; ms: number };
  /** Time spent formatting, all calls together. */
  formatMs: number;
}

/**
 * Runs the whole core on one text the way an editor would: analysis (full, and incremental
 * when a state is given), then every feature at a few positions. Collects what went wrong
 * instead of stopping at the first problem, so one report says everything about a case.
 */
export function exercise(text: string, options: ExerciseOptions): Exercised {
  const problems: string[] = [];
  const checker = new RangeChecker(text);
  let calls = 0;
  const slowest = { label: '', ms: 0 };
  const slowestFormat = { label: '', ms: 0 };
  let formatMs = 0;
  const attempt = <T>(label: string, run: () => T): T | undefined => {
    const started = performance.now();
    try {
      return run();
    } catch (error) {
      problems.push(`${label} threw: ${describeError(error)}`);
      return undefined;
    } finally {
      const ms = performance.now() - started;
      const formatting = label.startsWith('format');
      if (formatting) formatMs += ms;
      const kept = formatting ? slowestFormat : slowest;
      if (ms > kept.ms && !label.startsWith('analyzeText')) Object.assign(kept, { label, ms });
    }
  };

  const analysis = attempt('analyzeText', () => analyzeText(text));
  if (!analysis) return { problems, analysis, calls, slowest, slowestFormat, formatMs };
  problems.push(...checker.problemsIn(analysis.diagnostics, 'diagnostics'));
  problems.push(...checker.problemsIn(analysis.model, 'model'));
  if (options.state) {
    const state = options.state;
    const incremental = attempt('analyzeText (incremental)', () => analyzeText(text, {}, state));
    if (incremental && comparable(incremental) !== comparable(analysis)) {
      problems.push(
        `incremental analysis (${state.last.mode}) differs from a full analysis: ${firstDifference(comparable(incremental), comparable(analysis))}`,
      );
    }
  }

  const doc: PlanDocument = { uri: 'file:///robustness/test.plan.yaml', version: 1, analysis };
  const positions = checker.samplePositions(options.random, options.positions ?? 2);
  for (const feature of features) {
    if (feature.maxLength !== undefined && text.length > feature.maxLength) continue;
    if (feature.whole) {
      calls++;
      const result = attempt(feature.name, () => feature.whole!(doc));
      problems.push(...checker.problemsIn(result, feature.name));
      if (options.applyFixes && feature.name.startsWith('codeActions')) problems.push(...applyEachFix(text, result as CodeAction[] | undefined));
    }
    if (feature.at) {
      for (const position of positions) {
        calls++;
        const label = `${feature.name} at ${position.line}:${position.character}`;
        problems.push(
          ...checker.problemsIn(
            attempt(label, () => feature.at!(doc, position)),
            label,
          ),
        );
      }
    }
  }
  return { problems, analysis, calls, slowest, slowestFormat, formatMs };
}

/** Re-analyzing the text once per fix would be quadratic on plans with thousands of problems. */
const MAX_FIXES_APPLIED = 25;
const MAX_FIXES_APPLIED_TO_BIG_TEXTS = 3;
const BIG_TEXT = 50_000;

/** The first quick fixes' edits apply without overlapping and the fixed text analyzes without throwing. */
function applyEachFix(text: string, actions: CodeAction[] | undefined): string[] {
  const problems: string[] = [];
  const limit = text.length > BIG_TEXT ? MAX_FIXES_APPLIED_TO_BIG_TEXTS : MAX_FIXES_APPLIED;
  for (const action of (actions ?? []).slice(0, limit)) {
    for (const edits of Object.values(action.edit.changes)) {
      try {
        analyzeText(applyEdits(text, edits));
      } catch (error) {
        problems.push(`quick fix "${action.title}": ${describeError(error)}`);
      }
    }
  }
  return problems;
}

/** Everything an analysis gives a feature, as text: Maps as entry lists, without the source text. */
export function comparable(analysis: Analysis): string {
  return JSON.stringify({ diagnostics: analysis.diagnostics, problems: analysis.parsed.problems, model: analysis.model }, (key, value: unknown) => {
    if (key === 'lineIndex' || key === 'text') return undefined;
    return value instanceof Map ? [...value] : value;
  });
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}: incremental …${a.slice(Math.max(0, i - 80), i + 80)}… vs full …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

export function describeError(error: unknown): string {
  if (error instanceof Error)
    return `${error.message} ${(error.stack ?? '')
      .split('\n')
      .slice(1, 4)
      .map((line) => line.trim())
      .join(' | ')}`;
  return String(error);
}

/** A short, printable excerpt of a failing input (control characters escaped). */
export function excerpt(text: string, max = 400): string {
  const shown = text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
  return JSON.stringify(shown);
}
