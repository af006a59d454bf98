import type { PlanFacts } from '../model/planFacts.js';
import type { PlanModel } from '../model/planModel.js';
import type { ParsedYaml } from '../parse/parseYaml.js';
import type { InvalidValues } from '../schema/invalidValues.js';
import type { Range, SeverityName } from '../types.js';

export interface RuleFinding {
  range: Range;
  message: string;
  /** Facts a quick fix needs (e.g. `{ suggestion: 'seo' }`). */
  data?: Record<string, unknown>;
  /** Overrides the rule's severity for this finding (e.g. YAML warnings vs errors). */
  severity?: SeverityName;
}

export interface RuleContext {
  parsed: ParsedYaml;
  model: PlanModel;
  /** Derived cross-item facts (graph, traces, usage), computed once per model. */
  facts: PlanFacts;
  /** The values the schema rejects: the schema rule reports them, so no other rule reads them as missing or counts them (computed on first use). */
  readonly invalid: InvalidValues;
  report(finding: RuleFinding): void;
}

export interface Rule {
  /** Stable kebab-case name; the diagnostic's code and the docs page's name. */
  name: string;
  area:
    'syntax' | 'schema' | 'objective' | 'trace' | 'measurement' | 'sequencing' | 'journey' | 'ownership' | 'budget' | 'compliance' | 'rhythm' | 'integration';
  defaultSeverity: SeverityName;
  /** One line: what the rule checks. */
  summary: string;
  check(context: RuleContext): void;
}
