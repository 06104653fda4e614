/**
 * Amounts, rates and times as people read them, computed on decimal text: never through a float, so what is
 * shown is exactly what OKX sent (trimmed and grouped).
 */
import { add, gte, isPlainDecimal, isZero, mul, roundDown, toFixedDown, trim } from '../decimal';
import { decimalsFor } from '../ccyDecimals';

export interface NumberSymbols {
  readonly group: string;
  readonly decimal: string;
}

/** The grouping and decimal characters of a locale (the numbers themselves never pass through Intl). */
export function numberSymbols(locale: string | undefined): NumberSymbols {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

const EN: NumberSymbols = { group: ',', decimal: '.' };

/** "12004.21873311000" → "12,004.21873311". Text that is not a decimal is shown as it came. */
export function formatAmount(value: string, symbols: NumberSymbols = EN): string {
  const negative = value.startsWith('-');
  const digits = negative ? value.slice(1) : value;
  if (!isPlainDecimal(digits)) return value;
  const [whole = '0', fraction] = trim(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, symbols.group);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `${symbols.decimal}${fraction}`}`;
}

/** Exactly `dp` places (rounded down), grouped: "66619.10543064" → "66,619.10" for dp = 2. */
export function formatFixed(value: string, dp: number, symbols: NumberSymbols = EN): string {
  if (!isPlainDecimal(value)) return value;
  const [whole = '0', fraction = ''] = toFixedDown(value, dp).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, symbols.group);
  return dp === 0 ? grouped : `${grouped}${symbols.decimal}${fraction}`;
}

/**
 * An amount at a precision that fits a sidebar row (the exact figure belongs in the tooltip): from 1 up, four
 * places for units, three for tens, two from hundreds on; under 1, four significant digits (at most eight
 * places), so a small amount never reads as 0. Rounded down, trailing zeros removed, grouped:
 * "12004.21873311" → "12,004.21", "1.23456789" → "1.2345", "0.00031551" → "0.0003155".
 */
export function formatDisplayAmount(value: string, symbols: NumberSymbols = EN): string {
  const negative = value.startsWith('-');
  const digits = negative ? value.slice(1) : value;
  if (!isPlainDecimal(digits)) return value;
  const [whole = '0', fraction = ''] = digits.split('.');
  let dp: number;
  if (whole !== '0') {
    dp = Math.max(2, 5 - whole.length);
  } else {
    const leadingZeros = /^0*/.exec(fraction)?.[0].length ?? 0;
    dp = Math.min(8, leadingZeros + 4);
  }
  return `${negative ? '-' : ''}${formatAmount(roundDown(digits, dp), symbols)}`;
}

/** Fiat currencies and the stablecoins pegged one to one to a fiat currency: amounts in them are shown to the cent. */
const CENT_CURRENCIES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'USDT', 'USDC', 'USDG', 'OKUSD', 'DAI', 'PYUSD', 'FDUSD', 'TUSD', 'USDE', 'USDD', 'RLUSD', 'BUSD', 'EURC', 'EURT',
]);

/**
 * The places an amount of `ccy` is shown with: 2 for fiat and stablecoins (cents), else the coin's own precision
 * on OKX (8 places for BTC, ETH and the rest; see ../validation).
 */
export function displayDecimals(ccy: string): number {
  return CENT_CURRENCIES.has(ccy) ? 2 : decimalsFor(ccy);
}

/**
 * An amount of `ccy` as the panels show it (the exact figure belongs in the tooltip), rounded down to
 * `displayDecimals(ccy)` and grouped: cents always with two places ("12,004.21873311" USDT → "12,004.21",
 * "5" USDT → "5.00"), a coin's amount without trailing zeros ("0.50000000" BTC → "0.5"). A non-zero amount
 * too small for those places reads "< 0.01", never as a zero. Text that is not a decimal is shown as it came.
 */
export function formatCcyAmount(value: string, ccy: string, symbols: NumberSymbols = EN): string {
  const negative = value.startsWith('-');
  const digits = negative ? value.slice(1) : value;
  if (!isPlainDecimal(digits)) return value;
  const dp = displayDecimals(ccy);
  const cut = roundDown(digits, dp);
  if (isZero(cut) && !isZero(digits)) {
    const unit = dp === 0 ? '1' : `0${symbols.decimal}${'0'.repeat(dp - 1)}1`;
    return negative ? `> -${unit}` : `< ${unit}`;
  }
  const sign = negative && !isZero(cut) ? '-' : '';
  return `${sign}${CENT_CURRENCIES.has(ccy) ? formatFixed(cut, dp, symbols) : formatAmount(cut, symbols)}`;
}

/** Places to show a price with: 2 from 100, 4 from 1, 8 below. */
export function priceDecimals(price: string): number {
  if (!isPlainDecimal(price)) return 8;
  return gte(price, '100') ? 2 : gte(price, '1') ? 4 : 8;
}

/**
 * A price (an index price, a strike, a settlement price) rounded down to `priceDecimals` and grouped:
 * "91154.2220784" → "91,154.22", "5.123456" → "5.1234", "0.25" → "0.25" (below 1, trailing zeros dropped).
 */
export function formatPrice(value: string, symbols: NumberSymbols = EN): string {
  if (!isPlainDecimal(value)) return value;
  const dp = priceDecimals(value);
  return dp === 8 ? formatAmount(roundDown(value, dp), symbols) : formatFixed(value, dp, symbols);
}

/**
 * A loan-to-value ratio, everywhere it is shown (trees, tooltips, the status bar, the LTV panel): one decimal,
 * rounded down, so 79.99 % reads 79.9 % and "80.0 %" only ever means at or over 80 %.
 */
export function formatLtv(fraction: string, symbols: NumberSymbols = EN): string {
  return formatPercentFixed(fraction, 1, symbols);
}

/**
 * A fraction as a percentage with at most `dp` places, rounded half up (a rate or a share, never an LTV: see
 * formatLtv): "0.0323" → "3.23%", "0.123456" → "12.35%", "0.07" → "7%".
 */
export function formatPercent(fraction: string, dp = 2, symbols: NumberSymbols = EN): string {
  const negative = fraction.startsWith('-');
  const digits = negative ? fraction.slice(1) : fraction;
  if (!isPlainDecimal(digits)) return fraction;
  const rounded = roundHalfUp(mul(digits, '100'), dp);
  return `${negative && rounded !== '0' ? '-' : ''}${formatAmount(rounded, symbols)}%`;
}

/** A fraction as a percentage with exactly `dp` places: "0.66" → "66.0%" for dp = 1. */
export function formatPercentFixed(fraction: string, dp: number, symbols: NumberSymbols = EN): string {
  if (!isPlainDecimal(fraction)) return fraction;
  return `${formatFixed(mul(fraction, '100'), dp, symbols)}%`;
}

/** A millisecond timestamp string as a local date and time, '' for ''. */
export function formatTime(ms: string, locale?: string): string {
  if (!/^\d+$/.test(ms)) return '';
  return new Date(Number(ms)).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A non-negative decimal rounded half up to `dp` places (trailing zeros removed): "7.05" → "7.1" for dp = 1. */
function roundHalfUp(value: string, dp: number): string {
  return roundDown(add(value, `0.${'0'.repeat(dp)}5`), dp);
}

/**
 * A share of a whole (a product's part of the holdings), everywhere one is shown: one decimal, rounded half up,
 * always with its decimal so a column of shares lines up ("7.1%", "0.9%", "100.0%"); a share too small to show
 * reads "< 0.1%", never "0.0%".
 */
export function formatShare(fraction: string, symbols: NumberSymbols = EN): string {
  if (!isPlainDecimal(fraction)) return fraction;
  const rounded = roundHalfUp(mul(fraction, '100'), 1);
  if (rounded === '0' && !isZeroText(fraction)) return `< ${formatFixed('0.1', 1, symbols)}%`;
  return `${formatFixed(rounded, 1, symbols)}%`;
}

const isZeroText = (value: string): boolean => /^0(\.0*)?$/.test(value);

/** A fee rate as OKX states it, every digit kept (a fee is never rounded): "0.00025" → "0.025%", "0.001" → "0.1%". */
export function formatFeeRate(fraction: string, symbols: NumberSymbols = EN): string {
  if (!isPlainDecimal(fraction)) return fraction;
  return `${formatAmount(mul(fraction, '100'), symbols)}%`;
}
