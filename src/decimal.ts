/**
 * Money is text. Amounts, rates and prices stay decimal strings; arithmetic and comparison go through big.js,
 * which works in base 10 with no binary rounding. No `vscode` import: shared by the client, the simulator and
 * the portfolio.
 */
import BigConstructor, { type Big } from 'big.js';

/** A constructor of our own, so nothing else's big.js settings affect ours. */
const Dec = BigConstructor();
Dec.DP = 30;
Dec.RM = Dec.roundDown;
// Never exponential notation in toString(): "0.00000001", not "1e-8".
Dec.NE = -60;
Dec.PE = 60;

export type DecimalString = string;

/** A non-negative decimal written plainly: digits, an optional fraction; no sign, exponent, spaces or separators. */
const PLAIN_DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;

export function isPlainDecimal(text: string): boolean {
  return PLAIN_DECIMAL.test(text);
}

function big(value: DecimalString, make: typeof Dec = Dec): Big {
  if (!isPlainDecimal(value) && !/^-(0|[1-9]\d*)(\.\d+)?$/.test(value)) {
    throw new Error(`Not a decimal: "${value}"`);
  }
  return new make(value);
}

/** Decimal places written in `value` ("1.230" has 3). */
export function decimalPlaces(value: DecimalString): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

export const add = (a: DecimalString, b: DecimalString): DecimalString => big(a).plus(big(b)).toString();
export const sub = (a: DecimalString, b: DecimalString): DecimalString => big(a).minus(big(b)).toString();
export const mul = (a: DecimalString, b: DecimalString): DecimalString => big(a).times(big(b)).toString();

/**
 * Constructors that divide to `dp` places (at most Dec.DP), by dp: big.js divides to its constructor's DP, and
 * working out 30 digits to keep 8 was most of the cost of a division. Rounding down to 30 places and then to
 * `dp` gives what rounding down to `dp` at once gives.
 */
const dividers = new Map<number, typeof Dec>();

function divider(dp: number): typeof Dec {
  let made = dividers.get(dp);
  if (made === undefined) {
    made = BigConstructor();
    made.DP = dp;
    made.RM = Dec.roundDown;
    made.NE = Dec.NE;
    made.PE = Dec.PE;
    dividers.set(dp, made);
  }
  return made;
}

/** a / b, rounded down to `dp` places. */
export function div(a: DecimalString, b: DecimalString, dp = 18): DecimalString {
  const make = divider(Math.min(Math.max(0, Math.trunc(dp)), Dec.DP));
  return big(a, make).div(big(b, make)).toString();
}

export function cmp(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  return big(a).cmp(big(b));
}

export const lt = (a: DecimalString, b: DecimalString): boolean => cmp(a, b) < 0;
export const lte = (a: DecimalString, b: DecimalString): boolean => cmp(a, b) <= 0;
export const gt = (a: DecimalString, b: DecimalString): boolean => cmp(a, b) > 0;
export const gte = (a: DecimalString, b: DecimalString): boolean => cmp(a, b) >= 0;
export const isZero = (a: DecimalString): boolean => cmp(a, '0') === 0;
export const isPositive = (a: DecimalString): boolean => cmp(a, '0') > 0;

export const min = (a: DecimalString, b: DecimalString): DecimalString => (lte(a, b) ? a : b);
export const max = (a: DecimalString, b: DecimalString): DecimalString => (gte(a, b) ? a : b);

export function sum(values: readonly DecimalString[]): DecimalString {
  return values.reduce((total, value) => add(total, value), '0');
}

/** Rounded down (towards zero) to `dp` places, written plainly with trailing zeros removed. */
export function roundDown(value: DecimalString, dp: number): DecimalString {
  return big(value).round(dp, Dec.roundDown).toString();
}

/** Exactly `dp` places, rounded down: "1.5" → "1.50000000". */
export function toFixedDown(value: DecimalString, dp: number): DecimalString {
  return big(value).round(dp, Dec.roundDown).toFixed(dp);
}

/** Removes trailing fractional zeros: "1.2300" → "1.23", "5.000" → "5". */
export function trim(value: DecimalString): DecimalString {
  return big(value).toString();
}
