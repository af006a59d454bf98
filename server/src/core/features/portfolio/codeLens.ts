import type { CodeLens } from '../../lspTypes.js';
import type { PlanDocument } from '../../planDocument.js';
import { plural } from '../../text/dates.js';
import { formatMoney, formatPercent } from '../../text/money.js';
import { countsToward, membersOf } from './entries.js';

/**
 * Above each `plans:` entry of a portfolio: the budget of the plan it names and its share of
 * the portfolio's budget ("€180,000 · 18% of the portfolio budget"); a glob sums its plans.
 */
export function portfolioCodeLenses(doc: PlanDocument): CodeLens[] {
  const portfolio = doc.analysis.portfolio;
  if (!portfolio) return [];
  const total = portfolio.budget?.total?.value;
  const currency = portfolio.budget?.currency;
  const lenses: CodeLens[] = [];
  for (const entry of portfolio.entries) {
    const members = membersOf(portfolio, entry);
    if (members.length === 0) continue;
    const counted = members.filter((member) => countsToward(portfolio, member));
    const sum = counted.reduce((acc, member) => acc + member.budget.total!, 0);
    const parts: string[] = [];
    if (entry.glob) parts.push(plural(members.length, 'plan'));
    if (counted.length === 0) parts.push(members.some((member) => member.budget.total !== undefined) ? 'budget in another currency' : 'no budget');
    else {
      parts.push(formatMoney(sum, currency ?? counted[0]!.budget.currency));
      if (total !== undefined && total > 0) parts.push(`${formatPercent(sum, total)} of the portfolio budget`);
      const left = members.length - counted.length;
      if (left > 0) parts.push(`${plural(left, 'plan')} not counted`);
    }
    lenses.push({ range: entry.written.range, command: { title: parts.join(' · '), command: '' } });
  }
  return lenses;
}
