/**
 * Totals in the user's unit (the setting `okxEarn.valuationUnit`): USD, USDT, USDC or BTC. Every figure is
 * valued in USD at OKX's index prices first (the `prices` area: `GET /api/v5/market/index-tickers?quoteCcy=USD`);
 * a figure in another unit is that USD value divided by the unit's own USD index (`USDT-USD`, `USDC-USD`,
 * `BTC-USD`), in decimal text. Without that index there is no figure in the unit: callers say so, never a USD
 * figure labelled as another unit. One conversion for the Overview, the Portfolio panel, the idle-money rows
 * and the chat tools. No `vscode` import.
 */
import * as D from '../decimal';
import { formatFixed, type NumberSymbols } from './format';

export type ValuationUnit = 'USD' | 'USDT' | 'USDC' | 'BTC';
export const VALUATION_UNITS: readonly ValuationUnit[] = ['USD', 'USDT', 'USDC', 'BTC'];
export const DEFAULT_VALUATION_UNIT: ValuationUnit = 'USD';

/** Places a figure in each unit is shown to (rounded down, as USD is to the cent): a satoshi for BTC. */
export const UNIT_PLACES: Readonly<Record<ValuationUnit, number>> = { USD: 2, USDT: 2, USDC: 2, BTC: 8 };

/** Places kept in the division, well below what is shown: the rounding happens once, where it is shown. */
const DIVISION_PLACES = 18;

export function isValuationUnit(value: unknown): value is ValuationUnit {
  return typeof value === 'string' && (VALUATION_UNITS as readonly string[]).includes(value);
}

/** The USD index prices as the `prices` area holds them (`at`: each index's time, when OKX gave one). */
export interface IndexPrices {
  readonly usd: ReadonlyMap<string, string>;
  readonly at?: ReadonlyMap<string, number>;
}

/** How a USD value becomes a value in the unit: USD as it is, or divided by the unit's USD index price. */
export type UnitRate =
  | { readonly unit: 'USD' }
  | { readonly unit: Exclude<ValuationUnit, 'USD'>; readonly instId: string; readonly price: string; readonly at: number | undefined };

/** The rate for `unit`, or undefined when OKX's index gives no (positive) USD price for it. */
export function unitRate(unit: ValuationUnit, prices: IndexPrices | undefined): UnitRate | undefined {
  if (unit === 'USD') return { unit };
  const price = prices?.usd.get(unit);
  if (price === undefined || !D.isPlainDecimal(price) || !D.isPositive(price)) return undefined;
  return { unit, instId: `${unit}-USD`, price, at: prices?.at?.get(unit) };
}

/** `usd` in the rate's unit, exact to 18 places (USD: unchanged). */
export function fromUsd(usd: string, rate: UnitRate): string {
  return rate.unit === 'USD' ? usd : D.div(usd, rate.price, DIVISION_PLACES);
}

/** A value in `unit` as shown: "1,234.56 USDT", "0.01352904 BTC" (rounded down to the unit's places). */
export function formatInUnit(value: string, unit: ValuationUnit, symbols?: NumberSymbols): string {
  const negative = value.startsWith('-');
  const digits = negative ? value.slice(1) : value;
  const shown = formatFixed(digits, UNIT_PLACES[unit], symbols);
  return `${negative && /[1-9]/.test(shown) ? '-' : ''}${shown} ${unit}`;
}

/**
 * A USD value in the user's unit, ready to show, or why it cannot be: `{ missing: 'BTC' }` when OKX's index has
 * no BTC price (the caller says so instead of a figure).
 */
export function valueIn(usd: string, unit: ValuationUnit, prices: IndexPrices | undefined, symbols?: NumberSymbols): { readonly value: string; readonly text: string } | { readonly missing: ValuationUnit } {
  const rate = unitRate(unit, prices);
  if (rate === undefined) return { missing: unit };
  const value = fromUsd(usd, rate);
  return { value, text: formatInUnit(value, unit, symbols) };
}
