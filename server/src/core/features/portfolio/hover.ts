import type { Hover } from '../../lspTypes.js';
import type { PlanDocument } from '../../planDocument.js';
import type { PortfolioMember } from '../../portfolio/portfolio.js';
import { plural } from '../../text/dates.js';
import { code, escapeMarkdown, markdownToPlainText } from '../../text/markdown.js';
import { formatMoney } from '../../text/money.js';
import { excerpt } from '../../text/quote.js';
import type { Position } from '../../types.js';
import { uriBasename } from '../../workspace/uris.js';
import { entryAt } from './entries.js';

export interface PortfolioHoverOptions {
  markup?: 'markdown' | 'plaintext';
  /** How many problems a plan has now (the server's latest diagnostics of it, open or read from disk); undefined when unknown. */
  problemCount?: (uri: string) => number | undefined;
}

/** Plans a hover on a glob entry describes at most; the rest are counted. */
const MAX_DESCRIBED = 12;

/** Hover on a portfolio's `plans:` entry: for each plan it names, its title, dates, budget, objective and problem count. */
export function portfolioHover(doc: PlanDocument, position: Position, options: PortfolioHoverOptions = {}): Hover | null {
  const portfolio = doc.analysis.portfolio;
  const found = portfolio && entryAt(portfolio, position);
  if (!found || found.members.length === 0) return null;
  const { entry, members } = found;
  const parts = members.slice(0, MAX_DESCRIBED).map((member) => describeMember(member, options.problemCount?.(member.uri)));
  if (entry.glob) parts.unshift(`${code(excerpt(entry.written.value))} matches ${plural(members.length, 'plan')}.`);
  if (members.length > MAX_DESCRIBED) parts.push(`… and ${plural(members.length - MAX_DESCRIBED, 'more plan')}.`);
  const value = parts.join('\n\n---\n\n');
  return {
    contents: options.markup === 'plaintext' ? { kind: 'plaintext', value: markdownToPlainText(value) } : { kind: 'markdown', value },
    range: entry.written.range,
  };
}

function describeMember(member: PortfolioMember, problems: number | undefined): string {
  const title = member.title ? escapeMarkdown(excerpt(member.title)) : '(no `plan` title)';
  const lines = [`**Plan** ${title} — ${code(excerpt(uriBasename(member.uri)))}`, ''];
  const start = member.period.start?.value;
  const end = member.period.end?.value;
  const facts: string[] = [];
  facts.push(start || end ? `${escapeMarkdown(excerpt(start ?? '?'))} → ${escapeMarkdown(excerpt(end ?? '?'))}` : 'no `period`');
  const { total, currency } = member.budget;
  facts.push(
    total === undefined
      ? 'no budget'
      : `budget ${escapeMarkdown(formatMoney(total, currency && excerpt(currency)))}${currency ? ` ${escapeMarkdown(excerpt(currency))}` : ''}`,
  );
  if (problems !== undefined) facts.push(problems === 0 ? 'no problems' : plural(problems, 'problem'));
  lines.push(facts.join(' · '));
  const objective = member.objective;
  lines.push(
    '',
    objective?.statement
      ? `Objective: ${escapeMarkdown(excerpt(objective.statement))}${objective.tracesTo ? ` (traces to ${code(excerpt(objective.tracesTo))})` : ''}`
      : objective
        ? `Objective ${code(excerpt(objective.id ?? '?'))} has no \`statement\``
        : 'No objective',
  );
  return lines.join('\n');
}
