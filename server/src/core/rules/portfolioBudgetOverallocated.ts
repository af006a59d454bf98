import type { PortfolioMember } from '../portfolio/portfolio.js';
import { formatMoney } from '../text/money.js';
import { quote, quoteList } from '../text/quote.js';
import { uriBasename } from '../workspace/uris.js';
import { defineRule } from './rule.js';

/** How many of the largest plans the message names. */
const LARGEST_NAMED = 3;

export const portfolioBudgetOverallocated = defineRule({
  name: 'portfolio-budget-overallocated',
  area: 'portfolio',
  defaultSeverity: 'error',
  appliesTo: ['portfolio'],
  summary: "The member plans' budget totals exceed the portfolio's budget, or a plan budgets in another currency.",
  check({ portfolio, report }) {
    if (!portfolio?.budget) return;
    const currency = portfolio.budget.currency?.trim();
    const counted: PortfolioMember[] = [];
    for (const member of portfolio.members) {
      const total = member.budget.total;
      if (total === undefined) continue;
      const own = member.budget.currency?.trim();
      if (currency && own && own.toUpperCase() !== currency.toUpperCase()) {
        report({
          range: member.entry.range,
          message: `${quote(planName(member))} budgets in ${quote(own)}, the portfolio in ${quote(currency)}: its ${formatMoney(total, own)} is left out of the portfolio's sum. Write its budget in ${quote(currency)}.`,
        });
        continue;
      }
      counted.push(member);
    }
    const total = portfolio.budget.total;
    if (total === undefined) return;
    const sum = counted.reduce((acc, member) => acc + member.budget.total!, 0);
    if (sum <= total.value) return;
    const largest = [...counted].sort((a, b) => b.budget.total! - a.budget.total!).slice(0, LARGEST_NAMED);
    const named = quoteList(
      largest.map((member) => `${planName(member)}\u0000${formatMoney(member.budget.total!, currency)}`),
      (value) => {
        const [name, money] = value.split('\u0000');
        return `${quote(name!)} (${money})`;
      },
    );
    const leftOut = portfolio.members.filter((member) => member.budget.total !== undefined).length - counted.length;
    const outOfSum =
      leftOut === 0
        ? ''
        : ` ${leftOut === 1 ? 'One plan that budgets' : `${leftOut} plans that budget`} in another currency ${leftOut === 1 ? 'is' : 'are'} left out of the sum.`;
    report({
      range: total.range,
      message: `The member plans' budgets add up to ${formatMoney(sum, currency)}, over the portfolio's total of ${formatMoney(total.value, currency)} by ${formatMoney(sum - total.value, currency)}. The largest: ${named}. Cut plan budgets or raise \`total\`.${outOfSum}`,
    });
  },
});

/** How a message names a member plan: its title, else its file name. */
export function planName(member: PortfolioMember): string {
  return member.title?.trim() || uriBasename(member.uri);
}
