import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnalysisOptionsSource, ConfigLookup, type AnalyzeOptions, type FormatSettings, type WorkspaceHost } from '../core/index.js';
import { createNodeHost } from '../node/nodeHost.js';
import { loadConfigFile } from './check/configFile.js';
import type { CliIo } from './command.js';
import { displayPath } from './formatters/paths.js';
import { fileURLToPath } from 'node:url';

/** What every command that analyzes plans needs: the Node host and the analysis options of each plan. */
export interface CliWorkspace {
  host: WorkspaceHost;
  optionsFor(planPath: string): Promise<AnalyzeOptions>;
  /** The `format:` settings of the plan's config file (or of `--config`'s). */
  formatFor(planPath: string): Promise<FormatSettings>;
}

/**
 * The CLI's workspace: rule severities from the nearest `.throughline.yaml` of each plan, or
 * from the one file `--config` names. Config problems are warnings on stderr, once each; an
 * unreadable `--config` is a usage error (undefined, after saying why).
 */
export async function cliWorkspace(io: CliIo, configOption: string | undefined): Promise<CliWorkspace | undefined> {
  const host = createNodeHost();
  const warn = (path: string, problem: string) => io.stderr(`throughline: warning: ${displayPath(io.cwd, path)}: ${problem}\n`);
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
    source = new AnalysisOptionsSource(host, { fixed: loaded.rules });
    formatFor = () => Promise.resolve(loaded.format);
  } else {
    const lookup = new ConfigLookup(host, ({ configUri, problem }) => warn(fileURLToPath(configUri), problem));
    source = new AnalysisOptionsSource(host, lookup);
    formatFor = (planPath) => lookup.formatFor(pathToFileURL(planPath).href);
  }
  return { host, optionsFor: (planPath) => source.optionsFor(pathToFileURL(planPath).href), formatFor };
}
