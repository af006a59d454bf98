import type { AnalyzeOptions } from '../analyze.js';
import type { RuleSettings } from '../config.js';
import type { ConfigLookup } from './configLookup.js';
import type { WorkspaceHost } from './host.js';

/**
 * The one place analysis options are assembled: rule severities from the plan's
 * `.throughline.yaml` (or one config file for every plan, as `--config` asks), overridden by
 * the editor's settings, and where the rule pages are.
 */
export class AnalysisOptionsSource {
  constructor(
    private readonly host: WorkspaceHost,
    private readonly config: ConfigLookup | { fixed: RuleSettings },
    private readonly overrides: () => RuleSettings = () => ({}),
  ) {}

  /** Looks up the plan's config file if it is not known yet. */
  async optionsFor(uri: string): Promise<AnalyzeOptions> {
    const fromFile = 'fixed' in this.config ? this.config.fixed : await this.config.rulesFor(uri);
    return this.assemble(fromFile);
  }

  /** The options as far as they are known now: a plan whose config was not looked up yet gets the defaults and the overrides. */
  knownOptionsFor(uri: string): AnalyzeOptions {
    const fromFile = 'fixed' in this.config ? this.config.fixed : (this.config.knownRulesFor(uri) ?? {});
    return this.assemble(fromFile);
  }

  private assemble(fromFile: RuleSettings): AnalyzeOptions {
    return { rules: { ...fromFile, ...this.overrides() }, docsBaseUri: this.host.ruleDocs.baseUri };
  }
}
