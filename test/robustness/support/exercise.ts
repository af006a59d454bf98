import { analyzeText, type Analysis, type ParseState } from '../../../server/src/core/analyze.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import type { CodeAction } from '../../../server/src/core/types.js';
import { applyEdits } from '../../helpers/applyEdits.js';
import { ownCpuMs } from '../../helpers/cpuTime.js';
import { features, type FeatureCall } from './features.js';
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
  /** The features asked (every one by default; a test adds a deliberately slow one). */
  features?: FeatureCall[];
}

export interface Exercised {
  problems: string[];
  analysis: Analysis | undefined;
  /** Feature calls made. */
  calls: number;
  /** The feature call that used the most CPU time (analysis and formatting not included), in ms. */
  slowest: { label: string; cpuMs: number };
  /** The formatting call that used the most CPU time: it reads the plan's whole syntax tree again, so it is bounded by size. */
  slowestFormat: { label: string; cpuMs: number };
  /** CPU time of the whole exercise, analyses and fixes included, in ms. */
  cpuMs: number;
  /** CPU time spent formatting, all calls together (part of `cpuMs`). */
  formatCpuMs: number;
  /** Length of the text exercised. */
  length: number;
}

/**
 * Runs the whole core on one text the way an editor would: analysis (full, and incremental
 * when a state is given), then every feature at a few positions. Collects what went wrong
 * instead of stopping at the first problem, so one report says everything about a case.
 */
export function exercise(text: string, options: ExerciseOptions): Exercised {
  const started = ownCpuMs();
  const problems: string[] = [];
  const checker = new RangeChecker(text);
  let calls = 0;
  const slowest = { label: '', cpuMs: 0 };
  const slowestFormat = { label: '', cpuMs: 0 };
  let formatCpuMs = 0;
  const attempt = <T>(label: string, run: () => T): T | undefined => {
    const before = ownCpuMs();
    try {
      return run();
    } catch (error) {
      problems.push(`${label} threw: ${describeError(error)}`);
      return undefined;
    } finally {
      const cpuMs = ownCpuMs() - before;
      const formatting = label.startsWith('format');
      if (formatting) formatCpuMs += cpuMs;
      const kept = formatting ? slowestFormat : slowest;
      if (cpuMs > kept.cpuMs && !label.startsWith('analyzeText')) Object.assign(kept, { label, cpuMs });
    }
  };
  const done = (analysis: Analysis | undefined): Exercised => ({
    problems,
    analysis,
    calls,
    slowest,
    slowestFormat,
    cpuMs: ownCpuMs() - started,
    formatCpuMs,
    length: text.length,
  });

  const analysis = attempt('analyzeText', () => analyzeText(text));
  if (!analysis) return done(analysis);
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
  for (const feature of options.features ?? features) {
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
  return done(analysis);
}

/**
 * CPU-time limits of the core, in ms: CPU time, so a busy machine (which stretches wall-clock
 * time) does not decide them. Speed targets are `npm run bench`'s; these catch what is
 * pathologically slow, generous for a 2-core CI machine.
 */
export const CORE_CPU_LIMITS_MS = {
  /** A whole exercise: two analyses (full and incremental), every feature, the quick fixes' edits analyzed. */
  exercise: 16_000,
  /** One feature call. */
  feature: 1000,
  /** Quick fixes for every diagnostic at once (tens of thousands on some hostile plans), as "fix all" asks. */
  allFixes: 3000,
};

/** Which CPU-time limit an exercise broke, worded for a failure message. */
export function timeLimitProblems({ slowest, slowestFormat, cpuMs, formatCpuMs, length }: Exercised, limits = CORE_CPU_LIMITS_MS): string[] {
  const problems: string[] = [];
  if (cpuMs - formatCpuMs > limits.exercise)
    problems.push(`the whole exercise used ${(cpuMs - formatCpuMs).toFixed(0)} ms of CPU time, formatting not counted (limit ${limits.exercise} ms)`);
  const limit = slowest.label.includes('every diagnostic') ? limits.allFixes : limits.feature;
  if (slowest.cpuMs > limit) problems.push(`${slowest.label} used ${slowest.cpuMs.toFixed(0)} ms of CPU time (limit ${limit} ms)`);
  // Formatting parses the syntax tree again (and the result, when it changes): 1 s plus 1 s per 50 KB.
  const formatLimit = limits.feature + length / 50;
  if (slowestFormat.cpuMs > formatLimit)
    problems.push(`${slowestFormat.label} used ${slowestFormat.cpuMs.toFixed(0)} ms of CPU time (limit ${formatLimit.toFixed(0)} ms)`);
  return problems;
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
