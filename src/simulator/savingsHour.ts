/**
 * One hour of the savings market, as OKX lends: a currency whose minimum lending rate the market reaches is lent
 * (what waited is lent too) and earns that hour's rate; one whose minimum is above the market lends nothing that
 * hour: what was lent waits again (pending), earning nothing, until the market comes back to the minimum. So a
 * balance is never lent below its minimum, and the "not lending" flag shows exactly where it should.
 */
import * as D from '../decimal';
import { lendingRate } from './market';
import type { SimState } from './state';

export function savingsHour(state: SimState, hour: number): void {
  for (const [ccy, s] of Object.entries(state.savings)) {
    const rate = lendingRate(ccy, hour);
    if (D.gt(s.rate, rate)) {
      s.pendingAmt = D.add(s.pendingAmt, s.loanAmt);
      s.loanAmt = '0';
      continue;
    }
    if (D.isPositive(s.pendingAmt)) {
      s.loanAmt = D.add(s.loanAmt, s.pendingAmt);
      s.pendingAmt = '0';
    }
    if (!D.isPositive(s.loanAmt)) continue;
    const earned = D.roundDown(D.div(D.mul(s.loanAmt, rate), '8760'), 16);
    s.loanAmt = D.add(s.loanAmt, earned);
    s.amt = D.add(s.amt, earned);
    s.earnings = D.add(s.earnings, earned);
    state.lendingHistory.push({ ccy, amt: D.roundDown(s.loanAmt, 8), earnings: D.roundDown(earned, 8), rate, ts: hour });
  }
}
