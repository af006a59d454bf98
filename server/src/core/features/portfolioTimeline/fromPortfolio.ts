import type { PortfolioDate, PortfolioModel } from '../../portfolio/portfolio.js';
import { uriBasename } from '../../workspace/uris.js';
import type { PortfolioTimelineInput } from './types.js';

// The portfolio model (`Analysis.portfolio` of a `*.portfolio.yaml`) as the portfolio
// timeline's input: each member plan's title, period, budget and channels with their dates.

/** A date as the input takes it: only a real one. */
function iso(date: PortfolioDate | undefined): string | undefined {
  return date?.day === undefined ? undefined : date.value;
}

/**
 * The timeline input of a portfolio. `problemsOf` gives a member plan's problem count when the
 * adapter knows it (an analysed plan), undefined otherwise.
 */
export function portfolioTimelineInput(portfolio: PortfolioModel, problemsOf: (uri: string) => number | undefined = () => undefined): PortfolioTimelineInput {
  const objective = portfolio.objective;
  return {
    title: portfolio.title ?? uriBasename(portfolio.uri),
    currency: portfolio.budget?.currency,
    total: portfolio.budget?.total?.value,
    objective: objective && { id: objective.id?.value, statement: objective.statement, deadline: iso(objective.deadline) },
    plans: portfolio.members.map((member) => ({
      uri: member.uri,
      title: member.title ?? uriBasename(member.uri),
      start: iso(member.period.start),
      end: iso(member.period.end),
      budget: { total: member.budget.total, currency: member.budget.currency },
      problems: problemsOf(member.uri),
      channels: member.channels.map((channel) => ({ id: channel.id, name: channel.name, start: iso(channel.start), end: iso(channel.end) })),
    })),
  };
}
