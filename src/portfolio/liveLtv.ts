/**
 * The LTV between polls: each loan order's figures as OKX last confirmed them (curLTV, the amounts of each loan
 * and collateral currency) and the USD index prices of that moment make a calibration; valued at newer prices,
 * the order's LTV is estimated from it. At the calibration prices the estimate IS OKX's curLTV (OKX's figure
 * always wins), so whatever OKX applies that a plain "loan value / collateral value" does not (a haircut per
 * collateral, rounding, its own price sources) is carried along as it was at the poll:
 *
 *   estimate = curLTV × (L(now) / L(poll)) / (C(now) / C(poll)),   L = Σ loan amt × price,  C = Σ collateral amt × price
 *
 * Each collateral moves its side in proportion to its share of the collateral's value at market prices (OKX's
 * discount per currency is not published per order: it is taken as the same for every collateral of an order).
 * A currency with no price at calibration is held at the USD value it had then (what OKX's notional leaves for
 * it), and is listed as not live. Pure functions, decimal text throughout (never floats); no `vscode` import.
 */
import * as D from '../decimal';
import type { LoanInfo } from '../okx/types';
import type { WhatIfOrder } from './ltvWhatIf';
import { loanKey, ltvLevel, type LtvLevel } from './risk';

/** One currency of one side: its amount and the USD price it was valued at when OKX confirmed the LTV. */
export interface CalibratedLeg {
  readonly ccy: string;
  readonly amt: string;
  /** Undefined: no price was known; the currency is held in `fixedUsd` instead. */
  readonly basePx: string | undefined;
}

export interface CalibratedSide {
  readonly legs: readonly CalibratedLeg[];
  /** USD held constant: the part of OKX's notional that currencies without a price account for ("0" when none). */
  readonly fixedUsd: string;
}

export interface LtvCalibration {
  readonly key: string;
  /** OKX's figures at the poll (fractions, decimal text). */
  readonly curLTV: string;
  readonly marginCallLTV: string;
  readonly liqLTV: string;
  /** When OKX's figures were read (ms since the epoch). */
  readonly confirmedAt: number;
  readonly loan: CalibratedSide;
  readonly collateral: CalibratedSide;
}

/** A USD price and when it arrived (ms since the epoch, this machine's clock). */
export interface PriceQuote {
  readonly px: string;
  readonly receivedAt: number;
}

/** Ages beyond this are not live: OKX pushes each index at least once a minute while the socket is open. */
export const STALE_AFTER_MS = 90_000;

const DP = 30;

const usable = (text: string | undefined): text is string => text !== undefined && D.isPlainDecimal(text);
const positive = (text: string | undefined): text is string => usable(text) && D.isPositive(text);

function side(entries: readonly { ccy: string; amt: string }[], notionalUsd: string, prices: ReadonlyMap<string, string>): CalibratedSide {
  const legs: CalibratedLeg[] = [];
  let priced = '0';
  let unpriced = false;
  for (const { ccy, amt } of entries) {
    if (!positive(amt)) continue;
    const px = prices.get(ccy);
    if (positive(px)) {
      legs.push({ ccy, amt, basePx: px });
      priced = D.add(priced, D.mul(amt, px));
    } else {
      legs.push({ ccy, amt, basePx: undefined });
      unpriced = true;
    }
  }
  const fixedUsd = unpriced && usable(notionalUsd) ? D.max('0', D.sub(notionalUsd, priced)) : '0';
  return { legs, fixedUsd };
}

/**
 * The calibration of one order at OKX's confirmation: `prices` are the USD prices of that moment (currency →
 * price). Undefined when OKX gave no usable curLTV (nothing to calibrate against).
 */
export function calibrate(
  loan: Pick<LoanInfo, 'ordId' | 'loanData' | 'collateralData' | 'loanNotionalUsd' | 'collateralNotionalUsd' | 'curLTV' | 'marginCallLTV' | 'liqLTV'>,
  prices: ReadonlyMap<string, string>,
  confirmedAt: number,
): LtvCalibration | undefined {
  if (!usable(loan.curLTV)) return undefined;
  return {
    key: loanKey(loan),
    curLTV: loan.curLTV,
    marginCallLTV: loan.marginCallLTV,
    liqLTV: loan.liqLTV,
    confirmedAt,
    loan: side(loan.loanData, loan.loanNotionalUsd, prices),
    collateral: side(loan.collateralData, loan.collateralNotionalUsd, prices),
  };
}

/** The currencies of a calibration, loan and collateral, each once. */
export function calibrationCcys(cal: LtvCalibration): string[] {
  return [...new Set([...cal.loan.legs, ...cal.collateral.legs].map((l) => l.ccy))];
}

/** A side's value in USD at `price` (the calibration price where `price` gives none). */
function valueAt(s: CalibratedSide, price: (ccy: string) => string | undefined): string {
  let total = s.fixedUsd;
  for (const leg of s.legs) {
    const px = price(leg.ccy) ?? leg.basePx;
    if (px !== undefined) total = D.add(total, D.mul(leg.amt, px));
  }
  return total;
}

const baseValue = (s: CalibratedSide): string => valueAt(s, () => undefined);

/**
 * The estimated LTV at the given prices (a currency without one stays at its calibration price), exact to 30
 * places; equal to OKX's curLTV at the calibration prices. Undefined when no collateral value would be left.
 */
export function estimateLtv(cal: LtvCalibration, price: (ccy: string) => string | undefined): string | undefined {
  const l0 = baseValue(cal.loan);
  const c0 = baseValue(cal.collateral);
  const l1 = valueAt(cal.loan, price);
  const c1 = valueAt(cal.collateral, price);
  const loanGrowth = D.isPositive(l0) ? { now: l1, then: l0 } : { now: '1', then: '1' };
  if (!D.isPositive(c0)) return cal.curLTV;
  if (!D.isPositive(c1)) return undefined;
  return D.div(D.mul(D.mul(cal.curLTV, loanGrowth.now), c0), D.mul(loanGrowth.then, c1), DP);
}

/** An LTV as OKX writes it: 4 places, rounded down. */
export const ltv4 = (exact: string): string => D.roundDown(exact, 4);

export interface LiveEstimate {
  /** Fraction, 4 places rounded down (as OKX writes LTVs); OKX's own figure when not live. */
  readonly ltv: string;
  /** The level, judged on the exact figure. */
  readonly level: LtvLevel;
  /** True only when every indexed currency of the order has a fresh price, and at least one does. */
  readonly live: boolean;
  /** Age of the oldest price used (ms), or undefined when no live price was used. */
  readonly priceAgeMs: number | undefined;
  /** Currencies valued at their poll-time price rather than a live one (no USD index). */
  readonly notLive: readonly string[];
  /** The exact figure (up to 30 places): the one the level is judged on, and the what-if starts from. */
  readonly exact: string;
}

export interface LiveInputs {
  /** The latest live price of each currency (ticks from the socket; none while it is not live). */
  readonly quotes: ReadonlyMap<string, PriceQuote>;
  readonly now: number;
  /** Whether OKX has a USD index for the currency (one that can be live). */
  readonly indexed: (ccy: string) => boolean;
  readonly warnDistance: string;
  readonly staleAfterMs?: number;
}

/** A quote's price if it is live: arrived at most `staleAfterMs` ago (and not in the future by more than that). */
export function freshPx(quote: PriceQuote | undefined, now: number, staleAfterMs = STALE_AFTER_MS): string | undefined {
  if (quote === undefined || !positive(quote.px)) return undefined;
  return Math.abs(now - quote.receivedAt) <= staleAfterMs ? quote.px : undefined;
}

/**
 * The order's figure now: the estimate at the live prices when every indexed currency has one, otherwise OKX's
 * confirmed figure (never an estimate on a stale price).
 */
export function liveEstimate(cal: LtvCalibration, inputs: LiveInputs): LiveEstimate {
  const stale = inputs.staleAfterMs ?? STALE_AFTER_MS;
  const notLive: string[] = [];
  const used = new Map<string, string>();
  let oldest: number | undefined;
  let missing = false;
  for (const ccy of calibrationCcys(cal)) {
    if (!inputs.indexed(ccy)) {
      notLive.push(ccy);
      continue;
    }
    const quote = inputs.quotes.get(ccy);
    const px = freshPx(quote, inputs.now, stale);
    if (quote !== undefined) oldest = Math.max(oldest ?? 0, inputs.now - quote.receivedAt);
    if (px === undefined) missing = true;
    else used.set(ccy, px);
  }
  const level = (exact: string): LtvLevel => ltvLevel({ curLTV: exact, marginCallLTV: cal.marginCallLTV, liqLTV: cal.liqLTV }, inputs.warnDistance);
  const exact = missing || used.size === 0 ? undefined : estimateLtv(cal, (ccy) => used.get(ccy));
  // Prices are positive, so collateral valued at them is too: `exact` is undefined only when not live.
  if (exact === undefined) return { ltv: ltv4(cal.curLTV), level: level(cal.curLTV), live: false, priceAgeMs: oldest, notLive, exact: cal.curLTV };
  return { ltv: ltv4(exact), level: level(exact), live: true, priceAgeMs: oldest, notLive, exact };
}

/**
 * The what-if and the prices at margin call / liquidation, from the calibrated figure: a `WhatIfOrder` for
 * ltvWhatIf's `whatIf` and `priceAtLtv` whose LTV at today's prices is `ltvNow` (the live estimate, or OKX's
 * curLTV) and in which each collateral weighs its share of the order's collateral at those prices. So a price
 * fall always raises the LTV, from the figure shown; whereas OKX's two USD notionals alone, where their ratio
 * disagrees with curLTV, can make a fall look like a drop in LTV.
 *
 * `price` gives today's price of a currency (live, or the calibration's where it gives none).
 */
export function calibratedWhatIfOrder(
  cal: LtvCalibration,
  ltvNow: string,
  price: (ccy: string) => string | undefined,
  warnDistance: string,
): WhatIfOrder {
  const priced = D.isPositive(valueAt(cal.collateral, price));
  // No collateral with a price: an abstract unit of collateral, so that "every collateral" still works (and one currency has no price).
  const collateral = cal.collateral.legs.map((leg) => ({ ccy: leg.ccy, amt: leg.amt, price: priced ? (price(leg.ccy) ?? leg.basePx) : undefined }));
  const collateralUsd = priced ? valueAt(cal.collateral, price) : '1';
  return {
    loanUsd: D.mul(ltvNow, collateralUsd),
    collateralUsd,
    marginCallLTV: cal.marginCallLTV,
    liqLTV: cal.liqLTV,
    warnDistance,
    collateral,
  };
}
