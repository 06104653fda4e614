/**
 * The LTV panel's what-if, in decimal text: the LTV a loan order would have if one collateral's price, or every
 * collateral's, fell by a percentage; which level that lands in; and the price of each collateral at which the
 * order would reach margin call and liquidation. No `vscode` import: the host builds the panel's state with it
 * and the webview answers the what-if input with it (decimal strings throughout, never floats).
 */
import * as D from '../decimal';
import { ltvLevel, type LtvLevel } from './risk';

/** A price drop as typed: a number from 0 up to (not including) 100, or why it is not one. */
export type DropInput =
  | { readonly ok: true; readonly drop: string }
  | { readonly ok: false; readonly problem: 'empty' | 'notNumber' | 'negative' | 'tooLarge' };

/** Checks a typed percentage: "10", "12.5", " 7 " are drops; "", "abc", "-10", "100", "150" are not (and say why). */
export function parseDrop(text: string): DropInput {
  const t = text.trim();
  if (t === '') return { ok: false, problem: 'empty' };
  if (/^-\s*(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, problem: 'negative' };
  // "5." and ".5" are what people type; written plainly for the decimal module.
  const plain = t.replace(/^\./, '0.').replace(/\.$/, '');
  const normal = plain.replace(/^0+(?=\d)/, '');
  if (!D.isPlainDecimal(normal)) return { ok: false, problem: 'notNumber' };
  if (D.gte(normal, '100')) return { ok: false, problem: 'tooLarge' };
  return { ok: true, drop: D.trim(normal) };
}

export interface WhatIfOrder {
  /** USD, decimal text. */
  readonly loanUsd: string;
  readonly collateralUsd: string;
  /** Fractions, decimal text. */
  readonly marginCallLTV: string;
  readonly liqLTV: string;
  readonly warnDistance: string;
  readonly collateral: readonly { readonly ccy: string; readonly amt: string; readonly price: string | undefined }[];
}

/** Every collateral at once, rather than one currency. */
export const ALL_COLLATERAL = '*';

export type WhatIfResult =
  | { readonly kind: 'invalid'; readonly problem: 'empty' | 'notNumber' | 'negative' | 'tooLarge' }
  | { readonly kind: 'noPrice' }
  /** The fall would leave no collateral value: the order would be liquidated. */
  | { readonly kind: 'nothingLeft'; readonly level: 'liquidation' }
  | {
      readonly kind: 'ltv';
      /** Fraction, 4 places rounded down (as OKX writes LTVs); the level is judged on the exact figure. */
      readonly ltv: string;
      readonly level: LtvLevel;
      /** LTV points left before margin call and before liquidation (negative once past), exactly 2 places, rounded towards zero. */
      readonly pointsToMarginCall: string;
      readonly pointsToLiquidation: string;
    };

/** `value` rounded up (away from zero for positives) to `dp` places. */
export function roundUp(value: string, dp: number): string {
  const down = D.roundDown(value, dp);
  if (D.cmp(down, value) === 0 || value.startsWith('-')) return down;
  return D.add(down, dp <= 0 ? '1' : `0.${'0'.repeat(dp - 1)}1`);
}

/** The level an LTV lands in: safe, near margin call (within warnDistance of it), margin call, liquidation. */
export function whatIfLevel(ltv: string, order: Pick<WhatIfOrder, 'marginCallLTV' | 'liqLTV' | 'warnDistance'>): LtvLevel {
  return ltvLevel({ curLTV: ltv, marginCallLTV: order.marginCallLTV, liqLTV: order.liqLTV }, order.warnDistance);
}

/**
 * The LTV if the price of `target` (a collateral currency, or ALL_COLLATERAL) fell by `dropText` percent, the
 * loan unchanged. One currency: debt / (collateral − amount · price · drop); all: debt / (collateral · (1 − drop)).
 */
export function whatIf(order: WhatIfOrder, target: string, dropText: string): WhatIfResult {
  const input = parseDrop(dropText);
  if (!input.ok) return { kind: 'invalid', problem: input.problem };
  const fraction = D.div(input.drop, '100', 30);
  let remaining: string;
  if (target === ALL_COLLATERAL) {
    remaining = D.mul(order.collateralUsd, D.sub('1', fraction));
  } else {
    const c = order.collateral.find((x) => x.ccy === target);
    if (c?.price === undefined || !D.isPlainDecimal(c.price) || !D.isPlainDecimal(c.amt)) return { kind: 'noPrice' };
    remaining = D.sub(order.collateralUsd, D.mul(D.mul(c.amt, c.price), fraction));
  }
  if (!D.isPositive(remaining)) return { kind: 'nothingLeft', level: 'liquidation' };
  const exact = D.div(order.loanUsd, remaining, 30);
  const points = (limit: string): string => D.toFixedDown(D.mul(D.sub(limit, exact), '100'), 2);
  return { kind: 'ltv', ltv: D.roundDown(exact, 4), level: whatIfLevel(exact, order), pointsToMarginCall: points(order.marginCallLTV), pointsToLiquidation: points(order.liqLTV) };
}

export type PriceAtLevel =
  /** The price (USD) at which the order reaches the level, and how far that is below the price now (percent, 2 places). */
  | { readonly kind: 'price'; readonly price: string; readonly dropPercent: string }
  /** The order is already at or past the level at today's price (the price is above today's). */
  | { readonly kind: 'already'; readonly price: string }
  /** The other collateral alone keeps the order below the level: no price of this one reaches it. */
  | { readonly kind: 'none' };

/**
 * The price of one collateral (amount `amt`, price `price` now) at which the order's LTV reaches `level`, the
 * other collateral and the loan unchanged: p' = (debt / level − (collateral − amt · price)) / amt; none if ≤ 0.
 * Rounded up to `dp` places: the price shown is never below the true one, so it errs towards warning early
 * (at the price shown the LTV is at most one rounding step short of the level; a step lower, it is past it).
 */
export function priceAtLtv(order: Pick<WhatIfOrder, 'loanUsd' | 'collateralUsd'>, amt: string, price: string, level: string, dp: number): PriceAtLevel {
  if (![amt, price, level, order.loanUsd, order.collateralUsd].every(D.isPlainDecimal) || !D.isPositive(amt) || !D.isPositive(level)) return { kind: 'none' };
  const others = D.sub(order.collateralUsd, D.mul(amt, price));
  const needed = D.sub(D.div(order.loanUsd, level, 30), others);
  if (!D.isPositive(needed)) return { kind: 'none' };
  const at = roundUp(D.div(needed, amt, 30), dp);
  if (D.gte(at, price)) return { kind: 'already', price: at };
  return { kind: 'price', price: at, dropPercent: D.roundDown(D.mul(D.sub('1', D.div(at, price, 30)), '100'), 2) };
}

/** Places to show a price with: 2 from 100 USD, 4 from 1 USD, 8 below (one rule with the panels' other prices). */
export { priceDecimals } from './format';
