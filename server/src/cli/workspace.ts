import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  analysisOf,
  analyzeLean,
  analyzeText,
  AnalysisOptionsSource,
  ConfigLookup,
  LinkedFileStore,
  type Analysis,
  type AnalyzeOptions,
  type Diagnostic,
  type FormatSettings,
  type WorkspaceHost,
} from '../core/index.js';
import { createNodeHost } from '../node/nodeHost.js';
import { loadConfigFile } from './check/configFile.js';
import type { CliIo } from './command.js';
import { displayPath } from './formatters/paths.js';

/** What every command that analyzes plans needs: the Node host and the analysis options of each plan. */
export interface CliWorkspace {
  host: WorkspaceHost;
  optionsFor(planPath: string): Promise<AnalyzeOptions>;
  /** The `format:` settings of the plan's config file (or of `--config`'s). */
  formatFor(planPath: string): Promise<FormatSettings>;
  /**
   * Analyzes a plan with the files it references (read once per run, whichever plans read them); `asOf` is `--as-of`.
   * `lean`: for a caller that reads the diagnostics and the model only (`analyzeLean`: no YAML tree kept, and the fast parse).
   */
  analyze(planPath: string, text: string, asOf?: string, lean?: boolean): Promise<Analysis>;
  /** The diagnostics of every referenced file read so far, by absolute path, in the order first read. */
  linkedReports(): { path: string; diagnostics: Diagnostic[] }[];
}

/**
 * The CLI's workspace: rule severities from the nearest `.throughline.yaml` of each plan, or
 * from the one file `--config` names. Config problems are warnings on stderr, once each; an
 * unreadable `--config` is a usage error (undefined, after saying why).
 */
export async function cliWorkspace(io: CliIo, configOption: string | undefined): Promise<CliWorkspace | undefined> {
  const host = createNodeHost();
  const linked = new LinkedFileStore(host);
  const warn = (path: string, problem: string) => io.stderr(`throughline: warning: ${displayPath(io.cwd, path)}: ${problem}\n`);
  const extra = () => ({ files: linked.snapshot() });
  let source: AnalysisOptionsSource;
  let formatFor: CliWorkspace['formatFor'];
  if (configOption !== undefined) {
    const configPath = resolve(io.cwd, configOption);
    const loaded = await loadConfigFile(configPath);
    if ('unreadable' in loaded) {
      io.stderr(`throughline: ${configOption}: cannot read the config file: ${loaded.unreadable}\n`);
      return undefined;
    }
    for (const problem of loaded.problems) warn(configPath, problem);
    source = new AnalysisOptionsSource(host, { fixed: loaded.rules, pacing: loaded.pacing }, undefined, extra);
    formatFor = () => Promise.resolve(loaded.format);
  } else {
    const lookup = new ConfigLookup(host, ({ configUri, problem }) => warn(fileURLToPath(configUri), problem));
    source = new AnalysisOptionsSource(host, lookup, undefined, extra);
    formatFor = (planPath) => lookup.formatFor(pathToFileURL(planPath).href);
  }
  const optionsFor = (planPath: string) => source.optionsFor(pathToFileURL(planPath).href);
  const read: string[] = [];
  return {
    host,
    optionsFor,
    formatFor,
    async analyze(planPath, text, asOf, lean = false) {
      const planUri = pathToFileURL(planPath).href;
      const options = { ...(await optionsFor(planPath)), ...(asOf === undefined ? {} : { asOf }) };
      const first = lean ? analyzeLean(text, options) : analyzeText(text, options);
      // Libraries its libraries import are read too, each once per run.
      const analysis = await linked.loadAll(first, () => analysisOf(first.parsed, first.model, { ...options, files: linked.snapshot() }));
      for (const uri of linked.record(planUri, analysis)) if (!read.includes(uri)) read.push(uri);
      // What a portfolio reads of this plan, so that a portfolio checked later does not parse it again.
      linked.rememberPortfolioMember(planUri, analysis);
      return analysis;
    },
    linkedReports: () => read.map((uri) => ({ path: fileURLToPath(uri), diagnostics: linked.diagnosticsOf(uri) })),
  };
}
