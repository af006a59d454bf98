import { unreadableReason } from '../actuals/describe.js';
import type { LinkedFiles } from '../actuals/linkedFiles.js';
import { resolveRelativePath } from '../actuals/references.js';
import { buildModel } from '../model/buildModel.js';
import { parseYamlFast } from '../parse/parseYaml.js';
import type { Located, PlanModel } from '../model/planModel.js';
import { quote } from '../text/quote.js';
import type { Range } from '../types.js';
import { isLibraryFileName, isPlanOnlyFileName, isPortfolioFileName, type ReadProblemKind } from '../workspace/files.js';
import { isInsideFolder, parentUri, uriBasename } from '../workspace/uris.js';
import { isGlob, matchGlob, splitGlob } from './glob.js';

// A portfolio (`*.portfolio.yaml`): plans gathered under one budget and one objective. Its
// `plans:` entries are resolved like imports (paths relative to the portfolio) or matched as
// globs against the plan URIs the adapter listed; member plans are read through the same
// snapshot as libraries (`AnalyzeOptions.files`); what a portfolio reads of them is written in
// the plan itself, so their imports are not read. The core reads nothing: what the snapshot
// lacks is listed in `notLoaded` / `foldersNotListed`, and the adapter loads it and analyzes again.

/** A date as written in a member plan (`YYYY-MM-DD`), with its day number when it is a real date. */
export interface PortfolioDate {
  value: string;
  day: number | undefined;
}

/** One member plan of a portfolio: what the hover, the lens, the rules and the portfolio timeline read. */
export interface PortfolioMember {
  /** The plan's URI. */
  uri: string;
  /** The `plans:` entry that named it (the first one, when several do), in the portfolio. */
  entry: Located<string>;
  /** Index of that entry in `PortfolioModel.entries`. */
  entryIndex: number;
  /** The plan's `plan:` title. */
  title: string | undefined;
  period: { start: PortfolioDate | undefined; end: PortfolioDate | undefined };
  budget: { total: number | undefined; currency: string | undefined };
  /** The plan's (first) objective; `range` is in the plan's file. */
  objective:
    { id: string | undefined; statement: string | undefined; deadline: PortfolioDate | undefined; tracesTo: string | undefined; range: Range } | undefined;
  /** Every channel, in the order written, with its `start` and `end` as written (undefined when not written). */
  channels: { id: string; name: string | undefined; start: PortfolioDate | undefined; end: PortfolioDate | undefined }[];
}

/** One `plans:` entry and what it resolved to. */
export interface PortfolioEntry {
  written: Located<string>;
  glob: boolean;
  /** Member plan URIs it names (a glob's matches, sorted; for a path, its one plan once read). */
  uris: string[];
}

/** A problem with a `plans:` entry (reported by `portfolio-plan-unresolved`). */
export interface PortfolioEntryProblem {
  range: Range;
  message: string;
}

export interface PortfolioModel {
  uri: string;
  title: string | undefined;
  owner: string | undefined;
  budget: { total: Located<number> | undefined; currency: string | undefined } | undefined;
  objective: { id: Located<string> | undefined; statement: string | undefined; deadline: PortfolioDate | undefined; range: Range } | undefined;
  entries: PortfolioEntry[];
  /** Each member plan once, in the order the entries name them. */
  members: PortfolioMember[];
  problems: PortfolioEntryProblem[];
  /** Member plans the snapshot does not hold yet. */
  notLoaded: string[];
  /** Folders a glob searches that the snapshot has no listing of yet. */
  foldersNotListed: string[];
  /** Every file and folder looked up: a change to any of them changes this portfolio. */
  named: Set<string>;
}

/** Entries read at most: a huge list is cut, and the cut is reported on the first entry left out. */
export const MAX_PORTFOLIO_ENTRIES = 1000;
/** Member plans at most. */
export const MAX_PORTFOLIO_MEMBERS = 5000;

const PLAN_EXAMPLE = './emea.plan.yaml';

/**
 * The portfolio of a `*.portfolio.yaml` file's model (from `buildModel`), its member plans read
 * from `files` (each with its imports). Never throws on a half-typed file: what cannot be
 * resolved is a positioned problem.
 */
export function portfolioOf(model: PlanModel, uri: string, files: LinkedFiles | undefined): PortfolioModel {
  const objective = model.objectives[0];
  const portfolio: PortfolioModel = {
    uri,
    title: model.portfolioTitle?.value,
    owner: model.owner?.value,
    budget: model.budget && { total: model.budget.total, currency: model.budget.currency },
    objective: objective && { id: objective.id, statement: objective.statement?.value, deadline: dateOf(objective.deadline), range: objective.keyRange },
    entries: [],
    members: [],
    problems: [],
    notLoaded: [],
    foldersNotListed: [],
    named: new Set(),
  };
  const byUri = new Map<string, PortfolioMember>();
  const firstEntry = new Map<string, number>();
  const entries = model.planEntries.slice(0, MAX_PORTFOLIO_ENTRIES);
  const cut = model.planEntries[MAX_PORTFOLIO_ENTRIES];
  if (cut)
    portfolio.problems.push({
      range: cut.range,
      message: `A portfolio lists at most ${MAX_PORTFOLIO_ENTRIES} entries: this one and the ones after it are not read. Use a glob (e.g. \`./regions/*.plan.yaml\`).`,
    });
  entries.forEach((written, index) => {
    const entry: PortfolioEntry = { written, glob: isGlob(written.value), uris: [] };
    portfolio.entries.push(entry);
    const problem = (message: string) => portfolio.problems.push({ range: written.range, message });
    const candidates = entry.glob ? globMatches(written.value, uri, files, portfolio, problem) : pathTarget(written.value, uri, problem);
    if (candidates === undefined) return;
    let added = 0;
    for (const target of candidates) {
      const earlier = firstEntry.get(target);
      if (earlier !== undefined) {
        if (!entry.glob)
          problem(
            `${quote(written.value)} is already listed (${quote(portfolio.entries[earlier]!.written.value)}, line ${portfolio.entries[earlier]!.written.range.start.line + 1}): a plan counts once. Remove this entry.`,
          );
        continue;
      }
      if (byUri.size >= MAX_PORTFOLIO_MEMBERS) {
        problem(`A portfolio holds at most ${MAX_PORTFOLIO_MEMBERS} plans: the plans after that are left out.`);
        break;
      }
      portfolio.named.add(target);
      const file = files?.get(target);
      if (file === undefined) {
        if (!portfolio.notLoaded.includes(target)) portfolio.notLoaded.push(target);
        continue;
      }
      if ('problem' in file) {
        problem(`${quote(entry.glob ? uriBasename(target) : written.value)} cannot be read: ${unreadablePlan(file.kind, file.problem)}.`);
        continue;
      }
      const member = memberOf(target, file.text, written, index, files);
      firstEntry.set(target, index);
      byUri.set(target, member);
      entry.uris.push(target);
      portfolio.members.push(member);
      added++;
    }
    if (entry.glob && candidates.length > 0 && added === 0 && candidates.every((target) => firstEntry.has(target)))
      problem(`${quote(written.value)} adds no plan: every plan it matches is already listed above. Remove this entry.`);
  });
  return portfolio;
}

/** The one URI a plain path names, or undefined after saying why it names no plan. */
function pathTarget(written: string, fromUri: string, problem: (message: string) => void): string[] | undefined {
  const path = written.trim();
  if (path === '') {
    problem(`The entry is empty: name a plan relative to the portfolio, e.g. \`${PLAN_EXAMPLE}\`.`);
    return undefined;
  }
  const resolved = resolveRelativePath(path, fromUri, 'portfolio', PLAN_EXAMPLE);
  if ('problem' in resolved) {
    problem(`${quote(path)}: ${resolved.problem}`);
    return undefined;
  }
  const notAPlan = notAPlanReason(path);
  if (notAPlan) {
    problem(notAPlan);
    return undefined;
  }
  return [resolved.uri];
}

function notAPlanReason(path: string): string | undefined {
  if (isLibraryFileName(path)) return `${quote(path)} is a library, not a plan: a plan imports a library (\`imports:\`); a portfolio lists plans.`;
  if (isPortfolioFileName(path)) return `${quote(path)} is a portfolio, not a plan: a portfolio lists plans, not other portfolios.`;
  if (!isPlanOnlyFileName(path)) return `${quote(path)} is not a plan: a plan's name ends in \`.plan.yaml\` (e.g. \`${PLAN_EXAMPLE}\`).`;
  return undefined;
}

/** The plans a glob matches in the listing of its folder, sorted; undefined when it cannot match (said why) or the listing is not read yet. */
function globMatches(
  written: string,
  fromUri: string,
  files: LinkedFiles | undefined,
  portfolio: PortfolioModel,
  problem: (message: string) => void,
): string[] | undefined {
  const glob = written.trim();
  const { base, pattern } = splitGlob(glob);
  const resolved = resolveRelativePath(base, fromUri, 'portfolio', './regions/*.plan.yaml');
  if ('problem' in resolved) {
    problem(`${quote(glob)}: ${resolved.problem}`);
    return undefined;
  }
  const folder = base === '.' ? parentUri(fromUri) : resolved.uri;
  const last = pattern[pattern.length - 1] ?? '';
  if (!/\.plan\.ya?ml$|\*$|\}$/i.test(last)) {
    problem(`${quote(glob)} cannot match a plan: a plan's name ends in \`.plan.yaml\` (e.g. \`./regions/*.plan.yaml\`).`);
    return undefined;
  }
  portfolio.named.add(folder);
  const listing = files?.list?.(folder);
  if (listing === undefined) {
    if (!portfolio.foldersNotListed.includes(folder)) portfolio.foldersNotListed.push(folder);
    return undefined;
  }
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  const matches = listing
    .filter((candidate) => isPlanOnlyFileName(candidate) && isInsideFolder(candidate, folder) && candidate !== fromUri)
    .filter((candidate) => matchGlob(pattern, decodePath(candidate.slice(prefix.length))))
    .sort();
  if (matches.length === 0) problem(`${quote(glob)} matches no plan (no \`*.plan.yaml\` file there). Check the pattern, or remove the entry.`);
  return matches;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function unreadablePlan(kind: ReadProblemKind, problem: string): string {
  if (kind === 'binary') return 'it is a binary file (it contains NUL bytes), not a plan';
  if (kind === 'not-utf8') return 'it is not UTF-8 text';
  return unreadableReason(kind, problem);
}

/** What a portfolio reads of a member plan: all written in the plan itself (a library defines none of it). */
export type PortfolioMemberFacts = Omit<PortfolioMember, 'uri' | 'entry' | 'entryIndex'>;

/** The key of a member plan's facts among the values the snapshot derives from a file's text. */
export const PORTFOLIO_MEMBER_FACTS = 'portfolio-member';

function memberOf(uri: string, text: string, entry: Located<string>, entryIndex: number, files: LinkedFiles | undefined): PortfolioMember {
  // Kept by the snapshot while the plan's text is the same; the server hands over the facts of
  // the plans it has analyzed, so a portfolio over the workspace does not parse them again.
  const facts =
    files?.derived?.(uri, PORTFOLIO_MEMBER_FACTS, (source) => portfolioMemberFacts(buildModel(parseYamlFast(source)))) ??
    portfolioMemberFacts(buildModel(parseYamlFast(text)));
  return { uri, entry, entryIndex, ...facts };
}

/** A plan's title, period, budget, objective and channels, as a portfolio shows them. */
export function portfolioMemberFacts(model: PlanModel): PortfolioMemberFacts {
  const objective = model.objectives[0];
  return {
    title: model.title?.value,
    period: { start: dateOf(model.period?.start), end: dateOf(model.period?.end) },
    budget: { total: model.budget?.total?.value, currency: model.budget?.currency },
    objective: objective && {
      id: objective.id?.value,
      statement: objective.statement?.value,
      deadline: dateOf(objective.deadline),
      tracesTo: objective.tracesTo?.value,
      range: objective.tracesTo?.range ?? objective.keyRange,
    },
    channels: [...model.channels.values()].map((channel) => ({
      id: channel.id,
      name: channel.name?.value,
      start: dateOf(channel.start),
      end: dateOf(channel.end),
    })),
  };
}

function dateOf(date: { value: string; day: number | undefined } | undefined): PortfolioDate | undefined {
  return date && { value: date.value, day: date.day };
}

/** The URI of a plan a portfolio entry would name, for definition and links: a plain path only. */
export function entryTargetUri(written: string, portfolioUri: string): string | undefined {
  if (isGlob(written)) return undefined;
  const resolved = resolveRelativePath(written.trim(), portfolioUri, 'portfolio', PLAN_EXAMPLE);
  return 'uri' in resolved && isPlanOnlyFileName(resolved.uri) ? resolved.uri : undefined;
}
