/**
 * The simulator's funding and trading accounts, outside the Financial Product chapter: the funding account's
 * balances (`GET /api/v5/asset/balances`), the trading account's (`GET /api/v5/account/balance`, spot mode) and
 * auto-earn (自动赚币, `POST /api/v5/account/set-auto-earn`), as OKX documents them in 2026
 * (../shared/okx-docs-2026/trading-account-get-balance.md, trading-account-set-auto-earn.md).
 *
 * Auto-earn: a currency OKX auto-earns is `off` until turned on; then `pending` until the lending market matches
 * it (`matchDelayMs` after it was turned on, once there is a balance), then `active`: its whole available
 * balance is lent (`autoLendMtAmt`) and earns, hour by hour, that hour's savings lending rate, credited to the
 * balance (so the matched amount grows with it). Turned off, it stops at once: `off`, nothing matched. A
 * currency OKX does not auto-earn is `unsupported`, and turning it on or off is refused.
 *
 * The simulator's choices where the pages say nothing: the set-auto-earn page lists no error codes, so a
 * currency that does not support auto-earn (or not with the earnType asked: USDG earns through earnType 1 only,
 * every other currency through 0) is refused with the closest documented code, 51000 "Parameter ccy error"
 * (`earnType` when it is the type); turning on what is on (or off what is off) succeeds and changes nothing.
 */
import * as D from '../decimal';
import type * as T from '../okx/types';
import { DAY, HOUR, MINUTE } from './clock';
import { lendingRate, savingsCurrencies } from './market';
import { oneOf, required, text, type RawParams } from './params';
import { badParam, fail } from './simError';
import type { SimState, SimAutoEarn, SimTradingCcy, SimTrading } from './stateTypes';

/** Auto lend for every savings currency (earnType 0); USDG through USDG earn (earnType 1). */
function autoEarnTypes(): Record<string, T.AutoEarnType> {
  return { ...Object.fromEntries(savingsCurrencies().map((ccy) => [ccy, '0' as const])), USDG: '1' };
}

/**
 * The demo trading account: USDT auto-earning (matched three days ago), USDC, BTC, ETH and USDG that could but
 * do not, and ATOM and AVAX that OKX does not auto-earn.
 */
export function demoTrading(now: number): SimTrading {
  const on = now - 3 * DAY;
  const matchDelayMs = 2 * MINUTE;
  const held = (cashBal: string, autoEarn?: SimAutoEarn): SimTradingCcy => (autoEarn === undefined ? { cashBal, uTime: now - DAY } : { cashBal, uTime: now - HOUR, autoEarn });
  const trading: SimTrading = {
    balances: {
      USDT: held('3200', { earnType: '0', since: on, matchedAt: on + matchDelayMs, matched: '3200', earned: '0' }),
      USDC: held('800'),
      BTC: held('0.05'),
      ETH: held('0.8'),
      USDG: held('1200'),
      ATOM: held('25'),
      AVAX: held('12'),
    },
    autoEarnTypes: autoEarnTypes(),
    matchDelayMs,
  };
  // What USDT has earned since it was matched, hour by hour, as the market paid.
  for (let hour = Math.floor(on / HOUR) * HOUR + HOUR; hour <= now; hour += HOUR) tradingHour(trading, hour);
  return trading;
}

/** A state saved before the trading account: an empty one, auto-earn offered as in the demo. */
export function emptyTrading(): SimTrading {
  return { balances: {}, autoEarnTypes: autoEarnTypes(), matchDelayMs: 2 * MINUTE };
}

const CCY = /^[A-Z0-9]{1,12}$/;

/** A `ccy` filter of up to 20 currencies, comma-separated (refused with 51000 otherwise). */
function wantedCurrencies(p: RawParams): string[] | undefined {
  const wanted = text(p, 'ccy')?.split(',');
  if (wanted !== undefined && (wanted.length > 20 || wanted.some((c) => !CCY.test(c)))) badParam('ccy');
  return wanted;
}

/** `GET /api/v5/asset/balances`: only currencies with a balance above zero, as OKX answers. */
export function fundingBalances(state: SimState, p: RawParams): T.FundingBalance[] {
  const wanted = wantedCurrencies(p);
  return Object.entries(state.funding)
    .filter(([ccy, bal]) => D.isPositive(bal) && (wanted === undefined || wanted.includes(ccy)))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ccy, bal]) => ({ ccy, bal: D.roundDown(bal, 16), availBal: D.roundDown(bal, 16), frozenBal: '0' }));
}

export function autoLendStatus(trading: SimTrading, ccy: string): T.AutoLendStatus {
  const held = trading.balances[ccy];
  if (trading.autoEarnTypes[ccy] === undefined) return 'unsupported';
  if (held?.autoEarn === undefined) return 'off';
  return held.autoEarn.matchedAt === undefined ? 'pending' : 'active';
}

/** A pending currency whose wait is over by `at`, with a balance to lend, is matched: all of its balance. */
function match(trading: SimTrading, held: SimTradingCcy, at: number): void {
  const on = held.autoEarn;
  const due = on === undefined ? undefined : on.since + trading.matchDelayMs;
  if (on === undefined || due === undefined || on.matchedAt !== undefined || !D.isPositive(held.cashBal) || at < due) return;
  on.matchedAt = due;
  on.matched = held.cashBal;
  held.uTime = due;
}

/**
 * One hour of the lending market: what was matched for the whole hour before earns that hour's savings lending
 * rate, credited to the balance; what waits to be matched earns nothing.
 */
export function tradingHour(trading: SimTrading, hour: number): void {
  for (const [ccy, held] of Object.entries(trading.balances)) {
    match(trading, held, hour);
    const on = held.autoEarn;
    if (on?.matchedAt === undefined || on.matchedAt > hour - HOUR) continue;
    const earned = D.roundDown(D.div(D.mul(on.matched, lendingRate(ccy, hour)), '8760'), 16);
    held.cashBal = D.add(held.cashBal, earned);
    on.earned = D.add(on.earned, earned);
    // What came in since (the interest too) is idle balance, lent with the rest.
    on.matched = held.cashBal;
    held.uTime = hour;
  }
}

export class TradingDesk {
  constructor(
    private readonly state: SimState,
    private readonly usd: (ccy: string) => string | undefined,
  ) {}

  private get trading(): SimTrading {
    return this.state.trading;
  }

  /** `GET /api/v5/account/balance`, in spot mode: the fields another mode would fill are "". */
  balance(p: RawParams, now: number): T.TradingBalance[] {
    const wanted = wantedCurrencies(p);
    const details = Object.entries(this.trading.balances)
      .filter(([ccy, held]) => D.isPositive(held.cashBal) && (wanted === undefined || wanted.includes(ccy)))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ccy, held]) => this.detail(ccy, held));
    const totalEq = D.roundDown(D.sum(details.map((d) => d.eqUsd)), 8);
    return [{
      adjEq: totalEq, availEq: '', borrowFroz: '0', delta: '', deltaLever: '', deltaNeutralStatus: '0', details,
      imr: '0', isoEq: '', mgnRatio: '', mmr: '0', notionalUsd: '0', notionalUsdForBorrow: '0', notionalUsdForFutures: '',
      notionalUsdForOption: '0', notionalUsdForSwap: '', ordFroz: '0', totalEq, uTime: String(now), upl: '',
    }];
  }

  private detail(ccy: string, held: SimTradingCcy): T.TradingBalanceDetail {
    const status = autoLendStatus(this.trading, ccy);
    const bal = D.roundDown(held.cashBal, 16);
    const price = this.usd(ccy);
    const eqUsd = price === undefined ? '0' : D.roundDown(D.mul(bal, price), 8);
    return {
      autoLendStatus: status, autoLendMtAmt: status === 'active' ? D.roundDown(held.autoEarn?.matched ?? '0', 16) : '0',
      availBal: bal, availEq: '', borrowFroz: '', cashBal: bal, ccy, crossLiab: '0', colRes: '0', collateralEnabled: false,
      collateralRestrict: false, colBorrAutoConversion: '0', disEq: eqUsd, eq: bal, eqUsd, smtSyncEq: '0', spotCopyTradingEq: '0',
      fixedBal: '0', frozenBal: '0', frpType: '0', imr: '', interest: '0', isoEq: '', isoLiab: '', isoUpl: '', liab: '0', maxLoan: '0',
      mgnRatio: '', mmr: '', notionalLever: '', ordFrozen: '0', rewardBal: '0', spotInUseAmt: '', clSpotInUseAmt: '', maxSpotInUse: '',
      spotIsoBal: '0', stgyEq: '0', twap: '0', uTime: String(held.uTime), upl: '', uplLiab: '', spotBal: bal, openAvgPx: '', accAvgPx: '',
      spotUpl: '', spotUplRatio: '', totalPnl: '', totalPnlRatio: '',
    };
  }

  /** `POST /api/v5/account/set-auto-earn`. */
  setAutoEarn(p: RawParams, now: number): T.SetAutoEarnAck[] {
    const earnType = oneOf(p, 'earnType', ['0', '1'] as const) ?? '0';
    const ccy = required(p, 'ccy');
    // `amend` (the minimum lending APR) is deprecated: refused like any other unknown action.
    const action = oneOf(p, 'action', ['turn_on', 'turn_off'] as const) ?? badParam('action');
    const offered = this.trading.autoEarnTypes[ccy];
    // No code on the page (see the head of this file): 51000, as OKX answers a parameter it cannot take.
    if (offered === undefined) fail('51000', 'Parameter ccy error', 400);
    if (offered !== earnType) badParam('earnType');
    const held = (this.trading.balances[ccy] ??= { cashBal: '0', uTime: now });
    if (action === 'turn_on') {
      held.autoEarn ??= { earnType, since: now, matched: '0', earned: '0' };
      match(this.trading, held, now);
    } else {
      delete held.autoEarn;
    }
    held.uTime = now;
    return [{ earnType, ccy, action, apr: '' }];
  }

  /** One hour of the lending market (./accounts' tradingHour). */
  hourly(hour: number): void {
    tradingHour(this.trading, hour);
  }

  /** Matches what has waited long enough by `now` (the hours are the engine's). */
  catchUp(now: number): void {
    for (const held of Object.values(this.trading.balances)) match(this.trading, held, now);
  }

  /** The trading account's value, for OKX's valuation of the account. */
  value(value: (ccy: string, amt: string) => string): string {
    return D.sum(Object.entries(this.trading.balances).map(([ccy, held]) => value(ccy, held.cashBal)));
  }
}
