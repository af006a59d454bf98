import { parseDocument } from 'yaml';
import { isRuleName, ruleNames, type RuleName } from './rules/index.js';
import { didYouMean } from './text/didYouMean.js';
import type { SeveritySetting } from './types.js';

/** Rule name → severity or `off`; rules not named keep their default. */
export type RuleSettings = Partial<Record<RuleName, SeveritySetting>>;

const SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** `format:` in `.throughline.yaml`: how `throughline format` and the editor's Format Document write plans. */
export interface FormatSettings {
  sortKeys?: boolean;
  lineWidth?: number;
}

/** `pacing:` of `.throughline.yaml` (and `throughline.pacing` in the editor). */
export interface PacingSettings {
  /** How far below its pace line (0..1) a KPI may be before `kpi-off-pace` fires; 0.1 by default. */
  tolerance?: number;
}

export interface ConfigResult {
  rules: RuleSettings;
  format: FormatSettings;
  pacing: PacingSettings;
  /** What was wrong with the file; the valid parts still apply, the rest falls back to defaults. */
  problems: string[];
}

/** Reads a `.throughline.yaml` text: `rules: { <rule>: error|warning|info|hint|off }`, `format: { sortKeys, lineWidth }`, `pacing: { tolerance: 0.1 }`. */
export function parseConfig(text: string): ConfigResult {
  const problems: string[] = [];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    return {
      rules: {},
      format: {},
      pacing: {},
      problems: doc.errors.map((error) => `line ${lineOf(text, error.pos[0])}: ${error.message.split('\n')[0]}; using default severities`),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return { rules: {}, format: {}, pacing: {}, problems: [`${(error as Error).message}; using default severities`] };
  }
  if (value === null || value === undefined) return { rules: {}, format: {}, pacing: {}, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { rules: {}, format: {}, pacing: {}, problems: ['expected a mapping with a `rules` key; using default severities'] };
  }
  const { rules: ruleMap, format, pacing, ...others } = value as Record<string, unknown>;
  for (const key of Object.keys(others)) problems.push(`unknown key \`${key}\` (only \`rules\`, \`format\` and \`pacing\` are read)`);
  return {
    rules: readRuleSettings(ruleMap, problems),
    format: readFormatSettings(format, problems),
    pacing: readPacingSettings(pacing, problems, '`pacing`'),
    problems,
  };
}

export const LINE_WIDTH_LIMITS = { min: 20, max: 1000 } as const;

/** Validates `format: { sortKeys: true|false, lineWidth: <characters> }`; what is wrong is left out and named. */
export function readFormatSettings(value: unknown, problems: string[]): FormatSettings {
  const settings: FormatSettings = {};
  if (value === undefined || value === null) return settings;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push('`format` should be a mapping with `sortKeys` (true or false) and `lineWidth` (characters)');
    return settings;
  }
  for (const [key, setting] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'sortKeys') {
      if (typeof setting === 'boolean') settings.sortKeys = setting;
      else problems.push(`format.sortKeys: \`${String(setting)}\` is not true or false; keys keep their order`);
    } else if (key === 'lineWidth') {
      const { min, max } = LINE_WIDTH_LIMITS;
      if (typeof setting === 'number' && Number.isInteger(setting) && setting >= min && setting <= max) settings.lineWidth = setting;
      else problems.push(`format.lineWidth: \`${String(setting)}\` is not a whole number of characters from ${min} to ${max}; using the default`);
    } else {
      problems.push(`format: unknown key \`${key}\`.${didYouMean(key, ['sortKeys', 'lineWidth'])}`);
    }
  }
  return settings;
}

/** Validates `{ tolerance }` from any source (config file or editor settings); `where` names it in problems. */
export function readPacingSettings(value: unknown, problems: string[], where: string): PacingSettings {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where} should be a mapping like \`{ tolerance: 0.1 }\``);
    return {};
  }
  const { tolerance, ...others } = value as Record<string, unknown>;
  for (const key of Object.keys(others)) problems.push(`${where}: unknown key \`${key}\` (only \`tolerance\` is read)`);
  if (tolerance === undefined || tolerance === null) return {};
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0 || tolerance >= 1) {
    problems.push(`${where}: \`tolerance\` is a share between 0 and 1 (0.1 is 10 %), not \`${String(tolerance)}\`; using 0.1`);
    return {};
  }
  return { tolerance };
}

/** Validates a rule → severity map from any source (config file or editor settings). */
export function readRuleSettings(ruleMap: unknown, problems: string[]): RuleSettings {
  const rules: RuleSettings = Object.create(null);
  if (ruleMap === undefined || ruleMap === null) return rules;
  if (typeof ruleMap !== 'object' || Array.isArray(ruleMap)) {
    problems.push('`rules` should map rule names to error, warning, info, hint or off');
    return rules;
  }
  for (const [name, setting] of Object.entries(ruleMap as Record<string, unknown>)) {
    if (!isRuleName(name)) {
      problems.push(`unknown rule \`${name}\`.${didYouMean(name, ruleNames)}`);
      continue;
    }
    const normalized = typeof setting === 'string' ? setting.toLowerCase() : setting === false ? 'off' : setting;
    if (!SETTINGS.includes(normalized as SeveritySetting)) {
      problems.push(`rule \`${name}\`: \`${String(setting)}\` is not one of ${SETTINGS.join(', ')}; keeping its default`);
      continue;
    }
    rules[name] = normalized as SeveritySetting;
  }
  return rules;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export interface Suppressions {
  /** Rules disabled for the whole file ('*' for all). */
  file: Set<string>;
  /** Line (0-based) → rules disabled on it ('*' for all). */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /#\s*throughline-disable(-next-line)?(?:\s+([^#\r\n]*))?/;

/** Finds `# throughline-disable[-next-line] [rule, …]` comments. */
export function findSuppressions(text: string): Suppressions {
  const suppressions: Suppressions = { file: new Set(), lines: new Map() };
  if (!text.includes('throughline-disable')) return suppressions;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const names = (match[2] ?? '').split(/[\s,]+/).filter(Boolean);
    const set = new Set(names.length > 0 ? names : ['*']);
    if (match[1]) suppressions.lines.set(index + 1, set);
    else for (const name of set) suppressions.file.add(name);
  });
  return suppressions;
}

export function isSuppressed(suppressions: Suppressions, rule: string, line: number): boolean {
  if (suppressions.file.has('*') || suppressions.file.has(rule)) return true;
  const set = suppressions.lines.get(line);
  return !!set && (set.has('*') || set.has(rule));
}
