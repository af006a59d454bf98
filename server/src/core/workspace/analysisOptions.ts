import type { AnalyzeOptions } from '../analyze.js';
import type { PacingSettings, RuleSettings } from '../config.js';
import type { ConfigLookup, ConfigSettings } from './configLookup.js';
import type { WorkspaceHost } from './host.js';

/**
 * The one place analysis options are assembled: rule severities from the plan's
 * `.throughline.yaml` (or one config file for every plan, as `--config` asks), overridden by
 * the editor's settings, and where the rule pages are.
 */
export class AnalysisOptionsSource {
  constructor(
    private readonly host: WorkspaceHost,
    private readonly config: ConfigLookup | { fixed: RuleSettings; pacing?: PacingSettings },
    private readonly overrides: () => RuleSettings = () => ({}),
    /**
     * The rest, per plan: the plan's URI, the snapshot of the files it references, `--as-of`,
     * the editor's pacing settings (over the config file's). Today comes from the host.
     */
    private readonly extra: (uri: string) => Omit<AnalyzeOptions, 'rules' | 'docsBaseUri'> = () => ({}),
  ) {}

  /** Looks up the plan's config file if it is not known yet. */
  async optionsFor(uri: string): Promise<AnalyzeOptions> {
    const fromFile = 'fixed' in this.config ? this.fixed() : await this.config.settingsFor(uri);
    return this.assemble(uri, fromFile);
  }

  /** The options as far as they are known now: a plan whose config was not looked up yet gets the defaults and the overrides. */
  knownOptionsFor(uri: string): AnalyzeOptions {
    const fromFile = 'fixed' in this.config ? this.fixed() : (this.config.knownSettingsFor(uri) ?? { rules: {}, format: {}, pacing: {} });
    return this.assemble(uri, fromFile);
  }

  private fixed(): ConfigSettings {
    const fixed = this.config as { fixed: RuleSettings; pacing?: PacingSettings };
    return { rules: fixed.fixed, format: {}, pacing: fixed.pacing ?? {} };
  }

  private assemble(uri: string, fromFile: ConfigSettings): AnalyzeOptions {
    const extra = this.extra(uri);
    return {
      rules: { ...fromFile.rules, ...this.overrides() },
      docsBaseUri: this.host.ruleDocs.baseUri,
      planUri: uri,
      today: this.host.today(),
      ...extra,
      pacing: { ...fromFile.pacing, ...extra.pacing },
    };
  }
}
