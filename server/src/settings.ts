import { readPacingSettings, readRuleSettings, type PacingSettings, type RuleSettings } from './core/index.js';

export type TraceLevel = 'off' | 'messages' | 'verbose';

/** The `throughline` section of the editor's settings, validated. */
export interface EditorSettings {
  rules: RuleSettings;
  trace: TraceLevel;
  /** Milliseconds to wait after a change before diagnostics are computed and sent. */
  diagnosticsDelay: number;
  /** `throughline.format.sortKeys`: Format Document puts keys in the schema's order. */
  sortKeys: boolean;
  /** `throughline.pacing`: over the `pacing` of `.throughline.yaml`. */
  pacing: PacingSettings;
  /** What was wrong with the settings (unknown rules, bad severities …). */
  problems: string[];
}

export const DEFAULT_DIAGNOSTICS_DELAY = 150;

export function defaultSettings(diagnosticsDelay = DEFAULT_DIAGNOSTICS_DELAY): EditorSettings {
  return { rules: {}, trace: 'off', diagnosticsDelay, sortKeys: false, pacing: {}, problems: [] };
}

/**
 * Reads `{ rules, trace: { server }, diagnostics: { debounceMs }, format: { sortKeys }, pacing: { tolerance } }` (VS Code nests dotted settings)
 * or the flat `{ "trace.server": … }` other clients may send. Anything invalid falls back to
 * the default and is named in `problems`.
 */
export function readEditorSettings(value: unknown, fallback: EditorSettings): EditorSettings {
  const settings = isObject(value) ? value : {};
  const ruleProblems: string[] = [];
  const rules = readRuleSettings(settings.rules, ruleProblems);
  const problems = ruleProblems.map((problem) => `throughline.rules: ${problem}`);
  const traceValue = isObject(settings.trace) ? settings.trace.server : settings['trace.server'];
  const trace = traceValue === 'messages' || traceValue === 'verbose' || traceValue === 'off' ? traceValue : fallback.trace;
  const delayValue = isObject(settings.diagnostics) ? settings.diagnostics.debounceMs : settings['diagnostics.debounceMs'];
  let diagnosticsDelay = fallback.diagnosticsDelay;
  if (delayValue !== undefined && delayValue !== null) {
    if (typeof delayValue === 'number' && Number.isFinite(delayValue) && delayValue >= 0 && delayValue <= 5_000) diagnosticsDelay = Math.round(delayValue);
    else problems.push(`\`throughline.diagnostics.debounceMs\` should be a number of milliseconds between 0 and 5000; using ${fallback.diagnosticsDelay}`);
  }
  const sortKeysValue = isObject(settings.format) ? settings.format.sortKeys : settings['format.sortKeys'];
  // Off unless the client says so (an absent setting is the default, as for `rules`).
  let sortKeys = false;
  if (typeof sortKeysValue === 'boolean') sortKeys = sortKeysValue;
  else if (sortKeysValue !== undefined && sortKeysValue !== null)
    problems.push('`throughline.format.sortKeys` should be true or false; keeping keys in their order');
  const pacingValue = isObject(settings.pacing)
    ? settings.pacing
    : settings['pacing.tolerance'] !== undefined
      ? { tolerance: settings['pacing.tolerance'] }
      : undefined;
  const pacing = readPacingSettings(pacingValue, problems, '`throughline.pacing`');
  return { rules, trace, diagnosticsDelay, sortKeys, pacing, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
