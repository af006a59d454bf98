// What every way of running the end-to-end suite shares: its defaults, its command-line
// options, and the settings of a quiet, deterministic workbench.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The run's overall deadline. */
export function suiteTimeoutMs() {
  return Number(process.env.THROUGHLINE_E2E_TIMEOUT_MS ?? 8 * 60 * 1000);
}

export function suiteDefaults() {
  return {
    workspace: join(repoRoot, 'test', 'e2e', 'workspace'),
    tests: join(repoRoot, 'out', 'e2e', 'index.js'),
    extension: repoRoot,
    timeoutMs: suiteTimeoutMs(),
  };
}

const OPTION_SPECS = {
  workspace: { type: 'string' },
  tests: { type: 'string' },
  extension: { type: 'string' },
  'timeout-ms': { type: 'string' },
  screenshot: { type: 'string' },
  results: { type: 'string' },
  keep: { type: 'boolean' },
  verbose: { type: 'boolean' },
};

/**
 * Reads `--name value` (or `--name=value`) for the named options only, and throws on any
 * other argument. Paths come back resolved, `--timeout-ms` as `timeoutMs`, `--results` as
 * `resultsDir`; options not given are left out, so they can be spread over defaults.
 */
export function parseSuiteArgs(argv, names) {
  const options = Object.fromEntries(names.map((name) => [name, OPTION_SPECS[name]]));
  const { values } = parseArgs({ args: argv, options, strict: true });
  const parsed = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'timeout-ms') parsed.timeoutMs = Number(value);
    else if (name === 'results') parsed.resultsDir = resolve(value);
    else parsed[name] = typeof value === 'string' ? resolve(value) : value;
  }
  return parsed;
}

/** No welcome page, tips, update or gallery checks, trust prompt, git or AI features. */
export const QUIET_WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  // The web workbench saves after a second by default: a test's edit could reach the disk
  // before the test reverts it, and the next test would see the edited plan.
  'files.autoSave': 'off',
};
