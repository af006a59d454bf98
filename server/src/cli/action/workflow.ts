import { appendFileSync, readFileSync } from 'node:fs';

// The parts of the GitHub Actions runner protocol the action uses, without the toolkit: inputs
// from INPUT_* variables, outputs and the job summary appended to the files the runner names,
// and workflow commands (annotations) on stdout with their escaping.

export type Env = Record<string, string | undefined>;

/** An input as the runner passes it (`INPUT_MAX-WARNINGS` for `max-warnings`), trimmed; undefined when empty. */
export function input(env: Env, name: string): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A list input: one item per line (or separated by spaces when written on one line). */
export function listInput(env: Env, name: string): string[] {
  const value = input(env, name);
  if (value === undefined) return [];
  const lines = value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length === 1 ? lines[0]!.split(/\s+/) : lines;
}

export function booleanInput(env: Env, name: string, fallback: boolean): boolean {
  const value = input(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new Error(`input \`${name}\` must be true or false, not \`${value}\``);
}

/** `name=value` lines in $GITHUB_OUTPUT (a heredoc for values with line breaks). */
export function setOutputs(env: Env, outputs: Record<string, string | number>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const lines = Object.entries(outputs).map(([name, value]) => {
    const text = String(value);
    if (!/[\r\n]/.test(text)) return `${name}=${text}\n`;
    const delimiter = `throughline_${Math.random().toString(36).slice(2)}`;
    return `${name}<<${delimiter}\n${text}\n${delimiter}\n`;
  });
  appendFileSync(file, lines.join(''));
}

export function appendSummary(env: Env, markdown: string): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return true;
}

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
  title?: string;
}

/** `::error file=…,line=…::message`, escaped so a message cannot start another command. */
export function annotation({ level, message, ...properties }: Annotation): string {
  const fields = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${level}${fields.length > 0 ? ` ${fields.join(',')}` : ''}::${escapeData(message)}\n`;
}

/** The pull request's base commit and branch from the event payload, when the run is for one. */
export function pullRequestBase(env: Env): { sha: string | undefined; ref: string | undefined } | undefined {
  if (!/^pull_request/.test(env.GITHUB_EVENT_NAME ?? '')) return undefined;
  let sha: string | undefined;
  let ref: string | undefined;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as { pull_request?: { base?: { sha?: unknown; ref?: unknown } } };
    const base = event.pull_request?.base;
    if (typeof base?.sha === 'string' && /^[0-9a-f]{40,64}$/i.test(base.sha)) sha = base.sha;
    if (typeof base?.ref === 'string') ref = base.ref;
  } catch {
    // No payload (or not JSON): fall back to GITHUB_BASE_REF.
  }
  ref ??= env.GITHUB_BASE_REF || undefined;
  return sha || ref ? { sha, ref } : undefined;
}
