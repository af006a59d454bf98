import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseConfig, type FormatSettings, type RuleSettings } from '../../core/index.js';
import { describeFsError } from './fsErrors.js';

export const CONFIG_FILE_NAME = '.throughline.yaml';

export type ConfigFile = { rules: RuleSettings; format: FormatSettings; problems: string[] } | { unreadable: string };

/** Reads a config file: its rule settings and what was wrong with it (each a warning). */
export function loadConfigFile(path: string): ConfigFile {
  try {
    return parseConfig(readFileSync(path, 'utf8'));
  } catch (error) {
    return { unreadable: describeFsError(error) };
  }
}

/**
 * Finds the `.throughline.yaml` that applies to a plan: next to it or in the nearest folder
 * above it. Each folder is looked at once and each config file parsed once per run.
 */
export class ConfigLookup {
  private readonly nearestByFolder = new Map<string, string | null>();
  private readonly settingsByFile = new Map<string, { rules: RuleSettings; format: FormatSettings }>();

  constructor(private readonly warn: (configPath: string, problem: string) => void) {}

  rulesFor(planPath: string): RuleSettings {
    const configPath = this.nearestConfig(dirname(planPath));
    return configPath ? this.settingsOf(configPath).rules : {};
  }

  /** The `format:` settings that apply to a plan. */
  formatFor(planPath: string): FormatSettings {
    const configPath = this.nearestConfig(dirname(planPath));
    return configPath ? this.settingsOf(configPath).format : {};
  }

  private nearestConfig(start: string): string | null {
    const visited: string[] = [];
    let folder = start;
    let found: string | null = null;
    for (;;) {
      const known = this.nearestByFolder.get(folder);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(folder);
      const candidate = join(folder, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    for (const seen of visited) this.nearestByFolder.set(seen, found);
    return found;
  }

  private settingsOf(configPath: string): { rules: RuleSettings; format: FormatSettings } {
    let settings = this.settingsByFile.get(configPath);
    if (!settings) {
      const loaded = loadConfigFile(configPath);
      if ('unreadable' in loaded) {
        this.warn(configPath, `cannot read (${loaded.unreadable}); using default severities`);
        settings = { rules: {}, format: {} };
      } else {
        for (const problem of loaded.problems) this.warn(configPath, problem);
        settings = { rules: loaded.rules, format: loaded.format };
      }
      this.settingsByFile.set(configPath, settings);
    }
    return settings;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
