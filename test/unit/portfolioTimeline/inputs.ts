import type { PortfolioTimelineInput, PortfolioTimelinePlan } from '../../../server/src/core/index.js';

// Hand-built portfolio timeline inputs shared by the unit and render tests.

export const threePlans: PortfolioTimelineInput = {
  title: 'FY26 growth portfolio',
  currency: 'GBP',
  total: 500000,
  objective: { id: 'fy26-growth', statement: 'Grow new customers 30% year on year', deadline: '2026-12-31' },
  plans: [
    {
      uri: 'file:///work/portfolio/q3-acquisition.plan.yaml',
      title: 'Q3 new-customer acquisition',
      start: '2026-07-01',
      end: '2026-09-30',
      budget: { total: 180000, currency: 'GBP' },
      problems: 0,
      channels: [
        { id: 'search', name: 'Paid search', start: '2026-07-01', end: '2026-08-15' },
        { id: 'social', name: 'Paid social', start: '2026-07-10', end: '2026-09-30' },
        { id: 'email', start: '2026-08-20', end: '2026-09-20' },
      ],
    },
    {
      uri: 'file:///work/portfolio/q4-retention.plan.yaml',
      title: 'Q4 retention',
      start: '2026-10-01',
      end: '2026-12-15',
      budget: { total: 120000, currency: 'GBP' },
      problems: 3,
      channels: [{ id: 'crm', name: 'CRM journeys', start: '2026-10-01', end: '2026-12-15' }, { id: 'undated' }],
    },
    {
      uri: 'file:///work/portfolio/brand.plan.yaml',
      title: 'Brand always-on',
      budget: { total: 100000 },
      channels: [{ id: 'video', start: '2026-05-01', end: '2026-11-30' }],
    },
  ],
};

/** `count` plans of `channels` channels each, one a week apart. */
export function manyPlans(count: number, channels: number): PortfolioTimelineInput {
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
  const plans: PortfolioTimelinePlan[] = Array.from({ length: count }, (_, index) => ({
    uri: `file:///work/many/plan-${index}.plan.yaml`,
    title: `Plan ${index}`,
    start: day((index % 52) * 7),
    end: day((index % 52) * 7 + 90),
    budget: { total: 1000, currency: 'EUR' },
    problems: index % 3,
    channels: Array.from({ length: channels }, (_, c) => ({ id: `c${c}`, start: day((index % 52) * 7 + c), end: day((index % 52) * 7 + c + 20) })),
  }));
  return { title: `${count} plans`, currency: 'EUR', total: count * 2000, plans };
}
