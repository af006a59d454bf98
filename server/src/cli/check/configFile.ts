import { parseConfig, type FormatSettings, type PacingSettings, type RuleSettings } from '../../core/index.js';
import { readTextFileAt } from '../../node/nodeHost.js';

export type ConfigFile = { rules: RuleSettings; format: FormatSettings; pacing: PacingSettings; problems: string[] } | { unreadable: string };

/** Reads the config file `--config` names: its rule and format settings and what was wrong with it (each a warning). */
export async function loadConfigFile(path: string): Promise<ConfigFile> {
  const read = await readTextFileAt(path);
  return 'problem' in read ? { unreadable: read.problem.replace(/^cannot read: /, '') } : parseConfig(read.text);
}
