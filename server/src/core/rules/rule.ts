import type { Tracking } from '../actuals/tracking.js';
import type { PlanFacts } from '../model/planFacts.js';
import type { PlanModel } from '../model/planModel.js';
import type { ParsedYaml } from '../parse/parseYaml.js';
import type { InvalidValues } from '../schema/invalidValues.js';
import type { SchemaFixData } from '../schema/validate.js';
import type { PortfolioModel } from '../portfolio/portfolio.js';
import type { DiagnosticRelatedInformation, Range, SeverityName } from '../types.js';

/**
 * The `data` a rule's findings carry, by rule name: only what a quick fix reads. A rule
 * missing here reports no `data` (its fix, if any, re-derives everything from the model).
 */
export interface RuleDataMap {
  schema: SchemaFixData;
}

/** The `data` type of one rule's findings (`never` for a rule that reports none). */
export type RuleData<Name extends string> = Name extends keyof RuleDataMap ? RuleDataMap[Name] : never;

import type { FileKind } from '../workspace/files.js';

export type { FileKind };

export interface RuleFinding<Data = never> {
  range: Range;
  message: string;
  /** Facts the rule's quick fix reads (see `RuleDataMap`). */
  data?: Data;
  /** Overrides the rule's severity for this finding (e.g. YAML warnings vs errors). */
  severity?: SeverityName;
  /** Places in other files the finding is about (e.g. a member plan's objective). */
  relatedInformation?: DiagnosticRelatedInformation[];
}

export interface RuleContext<Data = never> {
  parsed: ParsedYaml;
  model: PlanModel;
  /** Derived cross-item facts (graph, traces, usage, budget), computed once per model. */
  facts: PlanFacts;
  /** The values the schema rejects: the schema rule reports them, so no other rule reads them as missing or counts them (computed on first use). */
  readonly invalid: InvalidValues;
  /** Money and pace as of the as-of date, the referenced files merged in (computed on first read). */
  tracking: Tracking;
  /** A portfolio's member plans and entries (undefined unless `fileKind` is `portfolio`; computed on first read). */
  readonly portfolio: PortfolioModel | undefined;
  /** What kind of file is checked: a plan, a library (`*.plan-library.yaml`) or a portfolio (`*.portfolio.yaml`). */
  fileKind: FileKind;
  report(finding: RuleFinding<Data>): void;
}

export interface Rule<Name extends string = string> {
  /** Stable kebab-case name; the diagnostic's code and the docs page's name. */
  name: Name;
  area:
    | 'syntax'
    | 'schema'
    | 'objective'
    | 'trace'
    | 'measurement'
    | 'sequencing'
    | 'journey'
    | 'ownership'
    | 'budget'
    | 'compliance'
    | 'rhythm'
    | 'integration'
    | 'library'
    | 'portfolio'
    | 'tracking';
  defaultSeverity: SeverityName;
  /** The kinds of file the rule checks; plans only when not given. */
  appliesTo?: readonly FileKind[];
  /**
   * What the rule finds depends on what imported libraries define (KPIs, stages, owners): it
   * waits while an import is not read yet, rather than report what the library will define.
   */
  waitsForImports?: boolean;
  /** One line: what the rule checks. */
  summary: string;
  check(context: RuleContext<RuleData<Name>>): void;
}

/** A rule whose name keeps its literal type, so the registry can derive `RuleName` from it. */
export function defineRule<Name extends string>(rule: Rule<Name>): Rule<Name> {
  return rule;
}
