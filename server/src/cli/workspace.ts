import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnalysisOptionsSource, ConfigLookup, type AnalyzeOptions, type WorkspaceHost } from '../core/index.js';
import { createNodeHost } from '../node/nodeHost.js';
import { loadConfigFile } from './check/configFile.js';
import type { CliIo } from './command.js';
import { displayPath } from './formatters/paths.js';
import { fileURLToPath } from 'node:url';

/** What every command that analyzes plans needs: the Node host and the analysis options of each plan. */
export interface CliWorkspace {
  host: WorkspaceHost;
  optionsFor(planPath: string): Promise<AnalyzeOptions>;
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
  if (configOption !== undefined) {
    const configPath = resolve(io.cwd, configOption);
    const loaded = await loadConfigFile(configPath);
    if ('unreadable' in loaded) {
      io.stderr(`throughline: ${configOption}: cannot read the config file: ${loaded.unreadable}\n`);
      return undefined;
    }
    for (const problem of loaded.problems) warn(configPath, problem);
    source = new AnalysisOptionsSource(host, { fixed: loaded.rules });
  } else {
    source = new AnalysisOptionsSource(host, new ConfigLookup(host, ({ configUri, problem }) => warn(fileURLToPath(configUri), problem)));
  }
  return { host, optionsFor: (planPath) => source.optionsFor(pathToFileURL(planPath).href) };
}
