/**
 * How close each flexible-loan order is to margin call and liquidation, from OKX's own LTV figures. Since 2026
 * an account can hold several loan orders; each is judged on its own and known by its `ordId`.
 */
import { add, cmp, div, isPlainDecimal, isPositive, mul, sub } from '../decimal';
import type { LoanInfo } from '../okx/types';

export type LtvLevel = 'safe' | 'warning' | 'marginCall' | 'liquidation';

const ORDER: readonly LtvLevel[] = ['safe', 'warning', 'marginCall', 'liquidation'];

export function levelRank(level: LtvLevel): number {
  return ORDER.indexOf(level);
}

/**
 * `warnDistance` is a fraction: "0.1" warns from 10 points below the margin-call LTV.
 * At or above margin call is `marginCall`; at or above liquidation, `liquidation`.
 */
export function ltvLevel(loan: Pick<LoanInfo, 'curLTV' | 'marginCallLTV' | 'liqLTV'>, warnDistance: string): LtvLevel {
  const { curLTV, marginCallLTV, liqLTV } = loan;
  if (![curLTV, marginCallLTV, liqLTV, warnDistance].every(isPlainDecimal)) return 'safe';
  if (cmp(curLTV, liqLTV) >= 0) return 'liquidation';
  if (cmp(curLTV, marginCallLTV) >= 0) return 'marginCall';
  if (cmp(marginCallLTV, warnDistance) <= 0 || cmp(curLTV, sub(marginCallLTV, warnDistance)) >= 0) return 'warning';
  return 'safe';
}

export interface RankedLoan {
  readonly loan: LoanInfo;
  readonly level: LtvLevel;
}

/** Points of LTV left before margin call (a loan OKX gave no figures for counts as far from it). */
const headroom = (l: LoanInfo): string => (isPlainDecimal(l.marginCallLTV) && isPlainDecimal(l.curLTV) ? sub(l.marginCallLTV, l.curLTV) : '1');

/** The orders ranked by risk: worst level first, then least headroom before margin call. */
export function byRisk(loans: readonly LoanInfo[], warnDistance: string): RankedLoan[] {
  return loans
    .map((loan): RankedLoan => ({ loan, level: ltvLevel(loan, warnDistance) }))
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || cmp(headroom(a.loan), headroom(b.loan)));
}

/** The order with the highest LTV relative to its margin call (the one to watch), or undefined. */
export function riskiestLoan(loans: readonly LoanInfo[], warnDistance: string): RankedLoan | undefined {
  return byRisk(loans, warnDistance)[0];
}

/**
 * Remembers each loan's level and says when one crosses into a worse level than it had, so that a user is
 * told once per crossing rather than on every poll. The first reading of a loan is a baseline, not a crossing.
 */
export class LtvCrossingWatch {
  private readonly last = new Map<string, LtvLevel>();

  /** Orders whose level rose above `safe` since the previous reading. */
  update(loans: readonly LoanInfo[], warnDistance: string): RankedLoan[] {
    const crossed: RankedLoan[] = [];
    const seen = new Set<string>();
    for (const loan of loans) {
      const key = loanKey(loan);
      seen.add(key);
      const level = ltvLevel(loan, warnDistance);
      const previous = this.last.get(key);
      if (previous !== undefined && levelRank(level) > levelRank(previous) && level !== 'safe') crossed.push({ loan, level });
      this.last.set(key, level);
    }
    for (const key of [...this.last.keys()]) if (!seen.has(key)) this.last.delete(key);
    return crossed;
  }

  reset(): void {
    this.last.clear();
  }
}

/**
 * What identifies an order: its `ordId`. An answer without one (a server that predates loan orders) is the
 * account's only loan, known by its currencies.
 */
export function loanKey(loan: Pick<LoanInfo, 'ordId' | 'loanData'>): string {
  return typeof loan.ordId === 'string' && loan.ordId !== '' ? loan.ordId : `ccy:${loan.loanData.map((l) => l.ccy).sort().join('+') || 'loan'}`;
}

/** The `ordId` to send for an order, or nothing when OKX gave none (then there is only one order). */
export function orderParam(loan: Pick<LoanInfo, 'ordId'>): { ordId: string } | Record<string, never> {
  return typeof loan.ordId === 'string' && loan.ordId !== '' ? { ordId: loan.ordId } : {};
}

/** The currencies an order borrows, e.g. "USDT". */
export function borrowedCcys(loan: Pick<LoanInfo, 'loanData'>): string {
  return loan.loanData.map((l) => l.ccy).join('+');
}

/**
 * The LTV after adding (+1) or taking back (-1) `amt` of a collateral worth `price` USD each, to 4 places
 * (rounded down, as OKX writes LTVs); undefined when no collateral would be left.
 */
export function ltvAfter(loan: Pick<LoanInfo, 'loanNotionalUsd' | 'collateralNotionalUsd'>, amt: string, price: string, sign: 1 | -1): string | undefined {
  const change = mul(amt, price);
  const collateral = sign === 1 ? add(loan.collateralNotionalUsd, change) : sub(loan.collateralNotionalUsd, change);
  return isPositive(collateral) ? div(loan.loanNotionalUsd, collateral, 4) : undefined;
}
