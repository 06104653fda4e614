/** How close a flexible loan is to margin call and liquidation, from OKX's own LTV figures. */
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
  readonly index: number;
  readonly level: LtvLevel;
}

/** The loan with the highest LTV relative to its margin call (the one to watch), or undefined. */
export function riskiestLoan(loans: readonly LoanInfo[], warnDistance: string): RankedLoan | undefined {
  let best: RankedLoan | undefined;
  loans.forEach((loan, index) => {
    const ranked: RankedLoan = { loan, index, level: ltvLevel(loan, warnDistance) };
    if (best === undefined) {
      best = ranked;
      return;
    }
    const byLevel = levelRank(ranked.level) - levelRank(best.level);
    const headroom = (l: LoanInfo): string => (isPlainDecimal(l.marginCallLTV) && isPlainDecimal(l.curLTV) ? sub(l.marginCallLTV, l.curLTV) : '1');
    if (byLevel > 0 || (byLevel === 0 && cmp(headroom(loan), headroom(best.loan)) < 0)) best = ranked;
  });
  return best;
}

/**
 * Remembers each loan's level and says when one crosses into a worse level than it had, so that a user is
 * told once per crossing rather than on every poll. The first reading of a loan is a baseline, not a crossing.
 */
export class LtvCrossingWatch {
  private readonly last = new Map<string, LtvLevel>();

  /** Loans whose level rose above `safe` since the previous reading. */
  update(loans: readonly LoanInfo[], warnDistance: string): RankedLoan[] {
    const crossed: RankedLoan[] = [];
    const seen = new Set<string>();
    loans.forEach((loan, index) => {
      const key = loanKey(loan);
      seen.add(key);
      const level = ltvLevel(loan, warnDistance);
      const previous = this.last.get(key);
      if (previous !== undefined && levelRank(level) > levelRank(previous) && level !== 'safe') crossed.push({ loan, index, level });
      this.last.set(key, level);
    });
    for (const key of [...this.last.keys()]) if (!seen.has(key)) this.last.delete(key);
    return crossed;
  }

  reset(): void {
    this.last.clear();
  }
}

/** OKX gives loans no id; the loan currencies identify one. */
export function loanKey(loan: LoanInfo): string {
  return loan.loanData.map((l) => l.ccy).sort().join('+') || 'loan';
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
