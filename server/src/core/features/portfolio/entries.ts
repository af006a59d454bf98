import type { PortfolioEntry, PortfolioMember, PortfolioModel } from '../../portfolio/portfolio.js';
import { rangeContains } from '../../text/positions.js';
import type { Position } from '../../types.js';

/** The `plans:` entry under the cursor, with the member plans it names (in the order resolved). */
export function entryAt(portfolio: PortfolioModel, position: Position): { entry: PortfolioEntry; members: PortfolioMember[] } | undefined {
  const entry = portfolio.entries.find((candidate) => rangeContains(candidate.written.range, { start: position, end: position }));
  return entry && { entry, members: membersOf(portfolio, entry) };
}

export function membersOf(portfolio: PortfolioModel, entry: PortfolioEntry): PortfolioMember[] {
  const index = portfolio.entries.indexOf(entry);
  return portfolio.members.filter((member) => member.entryIndex === index);
}

/** True when a member's budget counts toward the portfolio's (same currency, or either has none). */
export function countsToward(portfolio: PortfolioModel, member: PortfolioMember): boolean {
  const currency = portfolio.budget?.currency?.trim().toUpperCase();
  const own = member.budget.currency?.trim().toUpperCase();
  return member.budget.total !== undefined && (!currency || !own || currency === own);
}
