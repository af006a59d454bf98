// Money and percentages, written one way wherever an amount is shown: diagnostics, hover,
// code lens, the timeline. `£180,000`, `CHF 180,000`, `180,000` (no currency), `£180,000.50`;
// on the chart's bar labels, where room is short, `£180k`. Shares: `66.7%`.
// Plain text: a caller writing Markdown or XML escapes the result (or the currency).

import { excerpt } from './quote.js';

const SYMBOLS: Record<string, string> = { GBP: '£', EUR: '€', USD: '$', JPY: '¥', INR: '₹' };

/** Amounts this large are shown compact even in full (their digits would be noise). */
const FULL_LIMIT = 1e15;

/** How a currency is written before an amount: its symbol, or the code and a space. */
function currencyPrefix(currency: string | undefined): string {
  if (!currency) return '';
  return SYMBOLS[currency.toUpperCase()] ?? `${excerpt(currency)} `;
}

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `£180,000`: every digit, grouped by thousands, pence only when there are any. */
export function formatMoney(amount: number, currency?: string): string {
  if (!Number.isFinite(amount) || Math.abs(amount) >= FULL_LIMIT) return formatMoneyCompact(amount, currency);
  const [whole, fraction] = Math.abs(amount).toFixed(2).split('.') as [string, string];
  return `${amount < 0 ? '-' : ''}${currencyPrefix(currency)}${grouped(whole)}${fraction === '00' ? '' : `.${fraction}`}`;
}

/** `£180k`, `€1.2M`, `950`: for labels on a chart. */
export function formatMoneyCompact(amount: number, currency?: string): string {
  if (!Number.isFinite(amount)) return String(amount);
  const abs = Math.abs(amount);
  const [value, suffix] = abs >= 1e9 ? [abs / 1e9, 'bn'] : abs >= 1e6 ? [abs / 1e6, 'M'] : abs >= 1e3 ? [abs / 1e3, 'k'] : [abs, ''];
  const digits = value >= 100 || suffix === '' ? 0 : 1;
  return `${amount < 0 ? '-' : ''}${currencyPrefix(currency)}${value.toFixed(digits).replace(/\.0$/, '')}${suffix}`;
}

/** `66.7%`: `part` as a share of `whole`, to a tenth of a percent; `—` when there is no whole to share. */
export function formatPercent(part: number, whole: number): string {
  const share = (part / whole) * 100;
  if (!(whole > 0) || !Number.isFinite(share)) return '—';
  const tenths = Math.round(Math.abs(share) * 10);
  const text = `${grouped(String(Math.floor(tenths / 10)))}${tenths % 10 === 0 ? '' : `.${tenths % 10}`}`;
  return `${share < 0 && tenths > 0 ? '-' : ''}${text}%`;
}
