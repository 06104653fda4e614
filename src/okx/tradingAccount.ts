/**
 * The trading account, outside the Financial Product chapter: its balances (`GET /api/v5/account/balance`) and
 * auto-earn (自动赚币, `POST /api/v5/account/set-auto-earn`), which lends or stakes a currency's idle trading
 * balance while it is on. Field for field as OKX's 2026 pages name them (../shared/okx-docs-2026/
 * trading-account-get-balance.md, trading-account-set-auto-earn.md); every amount a decimal string. The two
 * endpoints' table rows are here too (spread into ./endpoints' one table).
 */
import type { EndpointSpec } from './endpointSpec';
import type { Decimal, Millis, OpenEnum } from './wire/common';

export interface TradingBalanceRequest {
  /** Up to 20 currencies, comma-separated, e.g. `BTC,ETH`. */
  ccy?: string;
}

/**
 * A currency's auto-earn state: `unsupported` (OKX does not auto-earn this currency), `off`, `pending` (on,
 * waiting to be matched), `active` (on and matched: `autoLendMtAmt` is lent or staked).
 */
export type AutoLendStatus = OpenEnum<'unsupported' | 'off' | 'pending' | 'active'>;

/** One currency of the trading account. OKX leaves out currencies whose `cashBal` and `eq` are both 0. */
export interface TradingBalanceDetail {
  ccy: string;
  /** Equity of the currency. */
  eq: Decimal;
  cashBal: Decimal;
  availBal: Decimal;
  frozenBal: Decimal;
  /** Equity in USD. */
  eqUsd: Decimal;
  autoLendStatus: AutoLendStatus;
  /** The amount matched (lent or staked): "0" unless `autoLendStatus` is `active`. */
  autoLendMtAmt: Decimal;
  uTime: Millis;
  /** The page's other fields ("" where the account mode does not apply them), kept as OKX sends them. */
  [field: string]: unknown;
}

/** The trading account: totals in USD and each currency held. */
export interface TradingBalance {
  /** Total equity in USD. */
  totalEq: Decimal;
  uTime: Millis;
  details: TradingBalanceDetail[];
  [field: string]: unknown;
}

/** `0`: auto lend or auto staking (the default); `1`: USDG earn. */
export type AutoEarnType = '0' | '1';
export type AutoEarnAction = 'turn_on' | 'turn_off';

export interface SetAutoEarnRequest {
  /** OKX's default is `0`. */
  earnType?: AutoEarnType;
  ccy: string;
  action: AutoEarnAction;
}

export interface SetAutoEarnAck {
  earnType: OpenEnum<AutoEarnType>;
  ccy: string;
  action: OpenEnum<AutoEarnAction>;
  /** The deprecated minimum lending APR (OKX still echoes it). */
  apr?: Decimal;
}

export interface TradingAccountEndpointTypes {
  tradingBalance: { params: TradingBalanceRequest; data: TradingBalance[] };
  setAutoEarn: { params: SetAutoEarnRequest; data: SetAutoEarnAck[] };
}

export const TRADING_ACCOUNT_ENDPOINTS: { readonly [K in keyof TradingAccountEndpointTypes]: EndpointSpec } = {
  tradingBalance: {
    method: 'GET', path: '/api/v5/account/balance',
    auth: 'private', rateLimit: { count: 10, windowMs: 2000, scope: 'user' }, moneyMoving: false, data: 'array',
  },
  setAutoEarn: {
    // Not a transfer, but it changes what OKX does with the user's money: Trade, and never sent twice (an
    // unanswered request is settled by reading the currency's autoLendStatus).
    method: 'POST', path: '/api/v5/account/set-auto-earn',
    auth: 'private', rateLimit: { count: 2, windowMs: 2000, scope: 'user' }, moneyMoving: true, data: 'array',
  },
};
