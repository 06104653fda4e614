/**
 * What the portfolio holds, area by area (each loaded on its own: ./areaLoaders), and the histories the views
 * page through. Types and the area lists only: below the portfolio, its loaders and its scopes alike.
 */
import type * as T from '../okx/types';

export interface AreaData {
  onchain: { orders: T.ActiveOrder[] };
  eth: { balance: T.StakingBalance | undefined; product: T.EthProductInfo | undefined; pendingRedemptions: T.StakingHistoryRecord[] };
  sol: { balance: T.StakingBalance | undefined; product: T.SolProductInfo };
  savings: { balances: T.SavingsBalance[] };
  loans: { loans: T.LoanInfo[] };
  /**
   * What the Loans view shows beside the orders, read only while it is shown: `maxRedeem`, per order (its
   * loanKey) and collateral currency, how much collateral OKX would give back now ("0" when none); an order or
   * currency missing there could not be asked (the menus then still offer it). `loansAt`: the `updatedAt` of
   * the loans it was asked for.
   */
  loanLimits: { maxRedeem: ReadonlyMap<string, ReadonlyMap<string, string>>; loansAt: number };
  offers: { offers: T.Offer[] };
  market: {
    /** OKX's summary: BORROWING rates (what borrowers pay). */
    lendingRates: T.LendingRateSummary[];
    /** The latest hour's rates per currency, with `lendingRate`: what savers earn. */
    latestRates: T.LendingRatePoint[];
    ethApy: T.RatePoint | undefined;
    solApy: T.RatePoint | undefined;
  };
  /** USD index prices (public), one request for every currency: what the Overview values holdings at; `at`: each index's time. */
  prices: { usd: ReadonlyMap<string, string>; at?: ReadonlyMap<string, number> };
  /** OKX's own valuation of the account, in USD: the Overview's cross-check. */
  valuation: { valuation: T.AssetValuation | undefined };
  /**
   * Savings lending records (hourly, every currency) from `from` (the start of yesterday, UTC) on: the savings'
   * 24-hour earnings (those from `since`) and yesterday's; `complete` false when the read stopped short of `from`.
   */
  recent: { lending: T.LendingRecord[]; since: number; from?: number; complete?: boolean };
  /**
   * OKUSD: the holding and its earnings, today's quotas, the latest APR and daily reward, and the standard
   * redemptions still on their way (D+5/D+6).
   */
  okusd: {
    account: T.OkusdAccount | undefined;
    limits: T.OkusdLimits | undefined;
    apr: T.OkusdAprPoint | undefined;
    latestReward: T.OkusdReward | undefined;
    /** The latest daily rewards, newest first (two: today's and yesterday's). */
    rewards?: T.OkusdReward[];
    pendingRedemptions: T.OkusdRedemption[];
  };
  /** Stable Rewards: each rewards-bearing stablecoin held, and its latest daily APY (public, per currency). */
  stable: { holdings: T.StableRewardsHolding[]; apy: ReadonlyMap<string, T.StableRewardsApyPoint> };
  /** Dual Investment: the newest orders (one page of 100), open and settled; `open` are those not yet settled. */
  dual: { orders: T.DualOrder[] };
  /** Dual Investment: the currency pairs on offer (each pair once per direction). */
  dualPairs: { pairs: T.DualCurrencyPair[] };
  /** The funding account: every currency with a balance above zero (GET /api/v5/asset/balances). */
  funding: { balances: T.FundingBalance[] };
  /** The trading account: each currency held, with its auto-earn state (GET /api/v5/account/balance). */
  trading: { details: T.TradingBalanceDetail[] };
}

export type AreaId = keyof AreaData;
export const AREA_IDS: readonly AreaId[] = ['onchain', 'eth', 'sol', 'savings', 'loans', 'loanLimits', 'offers', 'market', 'prices', 'valuation', 'recent', 'okusd', 'stable', 'dual', 'dualPairs', 'funding', 'trading'];

/** Areas that need an API key; `market` and `prices` are public. */
export const PRIVATE_AREAS: ReadonlySet<AreaId> = new Set(['onchain', 'eth', 'sol', 'savings', 'loans', 'loanLimits', 'offers', 'valuation', 'recent', 'okusd', 'stable', 'dual', 'dualPairs', 'funding', 'trading']);

/** The record type of each history the views can page through. */
export interface HistoryRecords {
  onchain: T.HistoricOrder;
  eth: T.StakingHistoryRecord;
  sol: T.StakingHistoryRecord;
  savings: T.LendingRecord;
  loan: T.LoanHistoryRecord;
  interest: T.InterestAccrual;
  okusdSubscribe: T.OkusdSubscription;
  okusdRedeem: T.OkusdRedemption;
  okusdRewards: T.OkusdReward;
  dual: T.DualOrder;
}

export type HistoryKind = keyof HistoryRecords;
