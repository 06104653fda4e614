/**
 * The currencies held in the funding and trading accounts (what the Compare panel's picker lists first, beside
 * the Earn positions). No `vscode` import.
 */
import * as D from '../decimal';
import type { AreaId, Portfolio } from '../portfolio/portfolio';

/** The areas of the accounts' balances. */
export const IDLE_AREAS: readonly AreaId[] = ['funding', 'trading'];

/** The currencies with a balance in the funding or trading account, as last read. */
export function heldInAccounts(portfolio: Portfolio): string[] {
  const funding = portfolio.get('funding');
  const trading = portfolio.get('trading');
  const positive = (v: string | undefined): boolean => v !== undefined && D.isPlainDecimal(v) && D.isPositive(v);
  return [...new Set([
    ...('data' in funding ? (funding.data?.balances ?? []) : []).filter((b) => positive(b.bal)).map((b) => b.ccy),
    ...('data' in trading ? (trading.data?.details ?? []) : []).filter((d) => positive(d.cashBal)).map((d) => d.ccy),
  ])];
}
