import type { ChannelModel, PlanModel } from '../../model/planModel.js';
import { formatMoney } from '../../text/money.js';
import type { TextEdit } from '../../types.js';
import type { YamlEditContext } from '../../yaml/edits/editContext.js';
import { insertEntries } from '../../yaml/edits/insertBlock.js';
import { contentEnd, pairAtPath } from '../../yaml/edits/nodes.js';
import { flowMapping } from '../../yaml/edits/value.js';
import { channelMonths } from '../tracking/months.js';
import type { FixProposal, QuickFix } from './quickFix.js';
import { sameRange } from './quickFix.js';

/** Amounts in whole units when the budget is whole, else in pence; what rounding leaves goes to the last month. */
function shares(total: number, weights: number[]): number[] {
  const unit = Number.isInteger(total) ? 1 : 0.01;
  const sum = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.map((weight) => Math.round((total * weight) / sum / unit) * unit);
  const rest = total - amounts.reduce((a, b) => a + b, 0);
  amounts[amounts.length - 1] = Math.round((amounts[amounts.length - 1]! + rest) / unit) * unit;
  return amounts.map((amount) => Number(amount.toFixed(2)));
}

/** The channel's budget over the days it runs, as `phasing` months: full months get equal shares. */
export function evenPhasing(channel: ChannelModel): { month: string; amount: number }[] {
  const months = channelMonths(channel);
  const budget = channel.budget?.value;
  if (months.length === 0 || budget === undefined) return [];
  const amounts = shares(
    budget,
    months.map((month) => month.days),
  );
  return months.map((month, index) => ({ month: month.month, amount: amounts[index]! }));
}

/** Replaces the whole `phasing` value of a channel with a flow mapping (its comments inside go). */
function replacePhasing(model: PlanModel, yaml: YamlEditContext, channel: ChannelModel, phasing: { month: string; amount: number }[]): TextEdit[] | undefined {
  const found = pairAtPath(yaml.doc?.contents, ['channels', channel.id, 'phasing']);
  if (!found || !channel.phasingSection) return undefined;
  const keyEnd = model.lineIndex.offsetAt(channel.phasingSection.keyRange.end);
  const end = contentEnd(found.pair.value, keyEnd);
  const text = `: { ${phasing.map(({ month, amount }) => `${month}: ${amount}`).join(', ')} }`;
  return [{ range: model.lineIndex.range(keyEnd, Math.max(end, keyEnd)), newText: text }];
}

/** `phasing-mismatch`: scale the months to the budget (keeping their shape), or spread the budget evenly over the channel's days. */
export const fixPhasing: QuickFix<'phasing-mismatch'> = ({ model, facts, yaml }, diagnostic) => {
  const channel = [...model.channels.values()].find((item) => sameRange(item.phasingSection?.keyRange, diagnostic.range));
  if (!channel?.budget || channel.phasing.length === 0) return [];
  const budget = channel.budget.value;
  const money = formatMoney(budget, facts.budget.currency);
  const fixes: FixProposal[] = [];
  const phased = channel.phasing.reduce((sum, month) => sum + month.amount.value, 0);
  if (phased > 0) {
    const scaled = shares(
      budget,
      channel.phasing.map((month) => month.amount.value),
    );
    fixes.push({
      title: `Scale the phasing of ${channel.id} to its budget of ${money}`,
      // The amounts are plain numbers: written as they are, never quoted.
      edits: channel.phasing.map((month, index) => ({ range: month.amount.range, newText: String(scaled[index]) })),
      isPreferred: true,
    });
  }
  const even = evenPhasing(channel);
  const edits = even.length > 0 ? replacePhasing(model, yaml, channel, even) : undefined;
  if (edits) fixes.push({ title: `Spread ${money} evenly over ${channel.id}'s months (${even[0]!.month} to ${even[even.length - 1]!.month})`, edits });
  return fixes;
};

/** A channel with a budget and dates but no `phasing`: write one, the budget spread evenly over its days. */
export function addEvenPhasing(yaml: YamlEditContext, channel: ChannelModel, currency: string | undefined): FixProposal | undefined {
  if (channel.phasingSection || !channel.budget) return undefined;
  const even = evenPhasing(channel);
  if (even.length === 0) return undefined;
  const edits = insertEntries(
    yaml,
    ['channels', channel.id],
    [{ key: 'phasing', value: flowMapping(even.map(({ month, amount }) => ({ key: month, value: amount }))) }],
    {
      after: ['budget'],
    },
  );
  return edits ? { title: `Phase ${formatMoney(channel.budget.value, currency)} evenly over ${channel.id}'s months`, edits } : undefined;
}
