/**
 * Auto-earn (自动赚币) as the trading account states it, per currency: OKX lends (or stakes) a currency's idle
 * trading balance while auto-earn is on for it. Read from `GET /api/v5/account/balance` (`autoLendStatus`,
 * `autoLendMtAmt`), turned on and off with `POST /api/v5/account/set-auto-earn`. No `vscode` import.
 */
import * as D from '../decimal';
import type * as T from '../okx/types';

export type AutoEarnState = 'unsupported' | 'off' | 'pending' | 'active' | 'unknown';

export interface AutoEarnRow {
  readonly ccy: string;
  readonly state: AutoEarnState;
  /** What OKX sent, when it is none of the documented states (`state` is then 'unknown'). */
  readonly status: string;
  /** The trading balance. */
  readonly cashBal: string;
  readonly availBal: string;
  /** What is matched (lent or staked): "0" unless active. */
  readonly matched: string;
  /** The savings lending rate of the last hour (what auto-lend earns), when known. */
  readonly rate: string | undefined;
}

const STATES: readonly AutoEarnState[] = ['unsupported', 'off', 'pending', 'active'];

export function autoEarnState(status: string): AutoEarnState {
  return (STATES as readonly string[]).includes(status) ? (status as AutoEarnState) : 'unknown';
}

/** On (turned on, matched or not yet). */
export const isOn = (state: AutoEarnState): boolean => state === 'pending' || state === 'active';

/**
 * OKX's earnType for a currency: 1 (USDG earn) for USDG, 0 (auto lend or auto staking) for every other. The
 * balance page does not say which a currency takes; the set-auto-earn page names USDG earn as the one other type.
 */
export function earnTypeOf(ccy: string): T.AutoEarnType {
  return ccy === 'USDG' ? '1' : '0';
}

/** The trading account's currencies, each with its auto-earn state: those on first, then the rest, by currency. */
export function autoEarnRows(details: readonly T.TradingBalanceDetail[], latestRates: readonly T.LendingRatePoint[] | undefined): AutoEarnRow[] {
  const order = (s: AutoEarnState): number => (s === 'active' ? 0 : s === 'pending' ? 1 : s === 'off' ? 2 : s === 'unknown' ? 3 : 4);
  return details
    .map((d): AutoEarnRow => {
      const state = autoEarnState(d.autoLendStatus);
      const rate = latestRates?.find((r) => r.ccy === d.ccy)?.lendingRate;
      return {
        ccy: d.ccy, state, status: d.autoLendStatus, cashBal: d.cashBal, availBal: d.availBal,
        matched: state === 'active' && D.isPlainDecimal(d.autoLendMtAmt) ? d.autoLendMtAmt : '0',
        rate: rate !== undefined && D.isPlainDecimal(rate) ? rate : undefined,
      };
    })
    .sort((a, b) => order(a.state) - order(b.state) || a.ccy.localeCompare(b.ccy));
}

