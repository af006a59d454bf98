import { factsOf } from '../model/planFacts.js';
import { plural } from '../text/dates.js';
import { budgetBase } from '../model/budgetBase.js';
import type { CodeLens } from '../lspTypes.js';
import { formatNumber, percent } from '../text/markdown.js';
import type { PlanDocument } from '../planDocument.js';

/** Above each channel: its budget share and dependants; above each KPI: how many channels report it. Labels only. */
export function codeLenses(doc: PlanDocument): CodeLens[] {
  const { model } = doc.analysis;
  const facts = factsOf(model);
  const base = budgetBase(model);
  const lenses: CodeLens[] = [];
  const label = (title: string) => ({ title, command: '' });
  for (const channel of model.channels.values()) {
    const parts: string[] = [];
    if (channel.budget && base.amount > 0) parts.push(`${percent(channel.budget.value, base.amount)} of budget (${formatNumber(channel.budget.value)})`);
    parts.push(plural(facts.graph.downstream.get(channel.id)?.length ?? 0, 'dependant'));
    if (facts.schedule.criticalPath.includes(channel.id)) parts.push('critical path');
    lenses.push({ range: channel.keyRange, command: label(parts.join(' · ')) });
  }
  for (const kpi of model.kpis.values()) {
    const users = facts.kpiUsers.get(kpi.id)?.length ?? 0;
    lenses.push({ range: kpi.keyRange, command: label(`reported by ${plural(users, 'channel')}`) });
  }
  return lenses;
}
