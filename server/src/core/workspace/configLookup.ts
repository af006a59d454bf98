import { parseConfig, type FormatSettings, type PacingSettings, type RuleSettings } from '../config.js';
import { CONFIG_FILE_NAME } from './files.js';
import type { WorkspaceHost } from './host.js';
import { childUri, parentUri } from './uris.js';

/** What a `.throughline.yaml` sets for the plans below it. */
export interface ConfigSettings {
  rules: RuleSettings;
  format: FormatSettings;
  pacing: PacingSettings;
}

const DEFAULTS: ConfigSettings = { rules: {}, format: {}, pacing: {} };

export interface ConfigProblem {
  configUri: string;
  problem: string;
}

/**
 * Finds the `.throughline.yaml` that applies to a plan — next to it or in the nearest folder
 * above it — through the host. Each folder is looked at once and each config file read once,
 * until `forget()` (a config file changed). Problems with a config file are reported once each.
 */
export class ConfigLookup {
  private readonly nearestByFolder = new Map<string, Promise<string | null>>();
  private readonly settingsByFile = new Map<string, Promise<ConfigSettings>>();
  private readonly known = new Map<string, ConfigSettings>();

  constructor(
    private readonly host: WorkspaceHost,
    private readonly warn: (problem: ConfigProblem) => void,
  ) {}

  /** The rule settings for a plan (empty: every rule at its default). */
  async rulesFor(planUri: string): Promise<RuleSettings> {
    return (await this.settingsFor(planUri)).rules;
  }

  /** The `format:` settings for a plan (empty: the formatter's defaults). */
  async formatFor(planUri: string): Promise<FormatSettings> {
    return (await this.settingsFor(planUri)).format;
  }

  /** The rule, format and pacing settings for a plan. */
  async settingsFor(planUri: string): Promise<ConfigSettings> {
    const configUri = await this.nearestConfig(parentUri(planUri));
    const settings = configUri ? await this.settingsOf(configUri) : DEFAULTS;
    this.known.set(planUri, settings);
    return settings;
  }

  /** What `rulesFor` last answered for this plan, without waiting (undefined: not looked up yet). */
  knownRulesFor(planUri: string): RuleSettings | undefined {
    return this.known.get(planUri)?.rules;
  }

  knownSettingsFor(planUri: string): ConfigSettings | undefined {
    return this.known.get(planUri);
  }

  /** A config file was created, changed or deleted: look everything up again. */
  forget(): void {
    this.nearestByFolder.clear();
    this.settingsByFile.clear();
    this.known.clear();
  }

  private nearestConfig(folder: string): Promise<string | null> {
    let found = this.nearestByFolder.get(folder);
    if (!found) {
      found = this.search(folder);
      this.nearestByFolder.set(folder, found);
    }
    return found;
  }

  private async search(folder: string): Promise<string | null> {
    const candidate = childUri(folder, CONFIG_FILE_NAME);
    if (await this.host.isFile(candidate)) return candidate;
    const parent = parentUri(folder);
    return parent === folder ? null : this.nearestConfig(parent);
  }

  private settingsOf(configUri: string): Promise<ConfigSettings> {
    let settings = this.settingsByFile.get(configUri);
    if (!settings) {
      settings = this.read(configUri);
      this.settingsByFile.set(configUri, settings);
    }
    return settings;
  }

  private async read(configUri: string): Promise<ConfigSettings> {
    const file = await this.host.readTextFile(configUri);
    if ('problem' in file) {
      this.warn({ configUri, problem: `cannot read (${file.problem}); using default severities` });
      return DEFAULTS;
    }
    const { rules, format, pacing, problems } = parseConfig(file.text);
    for (const problem of problems) this.warn({ configUri, problem });
    return { rules, format, pacing };
  }
}
