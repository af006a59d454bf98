// Numbers and money as a planner reads them on a chart.

const SYMBOLS: Record<string, string> = { GBP: '£', EUR: '€', USD: '$', JPY: '¥', INR: '₹' };

function currencyPrefix(currency: string | undefined): string {
  if (!currency) return '';
  return SYMBOLS[currency.toUpperCase()] ?? `${currency} `;
}

/** `£180k`, `€1.2M`, `950`. */
export function compactMoney(amount: number, currency: string | undefined): string {
  if (!Number.isFinite(amount)) return String(amount);
  const prefix = currencyPrefix(currency);
  const abs = Math.abs(amount);
  const sign = amount < 0 ? '-' : '';
  const [value, suffix] = abs >= 1e9 ? [abs / 1e9, 'bn'] : abs >= 1e6 ? [abs / 1e6, 'M'] : abs >= 1e3 ? [abs / 1e3, 'k'] : [abs, ''];
  const digits = value >= 100 || suffix === '' ? 0 : 1;
  const text = value.toFixed(digits).replace(/\.0$/, '');
  return `${sign}${prefix}${text}${suffix}`;
}

/** `£180,000`. */
export function fullMoney(amount: number, currency: string | undefined): string {
  if (!Number.isFinite(amount) || Math.abs(amount) >= 1e15) return compactMoney(amount, currency);
  const [whole, fraction] = Math.abs(amount).toFixed(2).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}${currencyPrefix(currency)}${grouped}${fraction === '00' ? '' : `.${fraction}`}`;
}

/** `67%`, `0.4%`. */
export function percent(share: number): string {
  const value = share * 100;
  return `${value >= 10 || value === 0 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')}%`;
}
