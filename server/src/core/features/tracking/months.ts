import type { ChannelModel } from '../../model/planModel.js';
import { formatDay, type Day } from '../../text/dates.js';

/** The calendar months (`YYYY-MM`) a channel runs in, first to last, with the days it runs in each. */
export function channelMonths(channel: ChannelModel): { month: string; days: number }[] {
  const start = channel.start?.day;
  const end = channel.end?.day;
  if (start === undefined || end === undefined || end < start || end - start > 366 * 20) return [];
  const months: { month: string; days: number }[] = [];
  for (let day: Day = start; day <= end; day++) {
    const month = formatDay(day).slice(0, 7);
    const last = months[months.length - 1];
    if (last?.month === month) last.days++;
    else months.push({ month, days: 1 });
  }
  return months;
}
