/**
 * A valid plan with `channels` channels, each with one KPI (with a full measure) and up to
 * two start-to-start dependencies on earlier channels. Deterministic, so benchmarks and
 * tests see the same text every time.
 */
export function generatePlan(channels: number): string {
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const stages = ['aware', 'consider', 'convert'];
  const lines = [
    `plan: Generated plan with ${channels} channels`,
    'owner: Head of Growth',
    'period: { start: 2026-01-01, end: 2027-12-31 }',
    '',
    'objective:',
    '  id: growth',
    '  statement: Acquire 10,000 customers by the end of 2027',
    '  metric: new_customers',
    '  target: 10000',
    '  deadline: 2027-12-31',
    '',
    'proposition: One promise everywhere',
    `budget: { total: ${channels * 1000}, currency: GBP }`,
    '',
    'journey:',
    ...stages.map((stage) => `  - { stage: ${stage}, need: Something at ${stage} }`),
    '',
    'channels:',
  ];
  for (let i = 0; i < channels; i++) {
    const start = 10 + Math.floor((i * 300) / channels);
    lines.push(
      `  ch-${i}:`,
      `    type: ${i % 3 === 0 ? 'paid' : 'owned'}`,
      `    mode: ${i % 2 ? 'inbound' : 'outbound'}`,
      `    owner: Owner ${i}`,
      `    stages: [${stages[i % 3]}]`,
      `    start: ${day(start)}`,
      `    end: ${day(start + 30)}`,
      '    budget: 1000',
      `    kpis: [kpi-${i}]`,
    );
    const parents = [...new Set([Math.floor(i / 2), i - 1])].filter((parent) => parent >= 0 && parent < i);
    if (parents.length > 0) {
      lines.push('    depends_on:', ...parents.map((parent) => `      - { on: ch-${parent}, kind: start-to-start }`));
    }
  }
  lines.push('', 'kpis:');
  for (let i = 0; i < channels; i++) {
    lines.push(
      `  kpi-${i}:`,
      '    traces_to: growth',
      `    owner: Owner ${i}`,
      '    measure:',
      `      definition: Conversions attributed to channel ${i}`,
      '      source: GA4',
      '      baseline: 10',
      '      target: 20',
      '      ready_by: 2026-01-01',
    );
  }
  lines.push(
    '',
    'attribution: { model: data-driven, lookback: 30d }',
    '',
    'reviews:',
    '  weekly: { owner: Channel leads, focus: Blockers }',
    '  monthly: { owner: Head of Growth, focus: Tracking }',
    '  quarterly: { owner: CMO, focus: Budget }',
    '',
  );
  return lines.join('\n');
}
