/**
 * The table of every OKX v5 endpoint this extension uses, as the client sends it: the Financial Product chapter
 * as documented on 2026-08-22, all 55 endpoints (on-chain earn, ETH and SOL staking, Simple Earn, flexible loans,
 * and the Stable Rewards, OKUSD and Dual Investment products), the account endpoints the money flows and the
 * Overview need, and the server clock. The client, its rate limiter and the simulator are driven by it; what
 * OKX's reference calls each endpoint (product, title, permission, client method) is beside it, keyed by the same
 * ids, in ./endpointDocs, which the README's API table and the simulator's permission check read.
 */
import type { EndpointSpec, RateLimit } from './endpointSpec';
import type * as T from './types';
import { TRADING_ACCOUNT_ENDPOINTS, type TradingAccountEndpointTypes } from './tradingAccount';

export type { EndpointDoc, EndpointSpec, Product, RateLimit } from './endpointSpec';

/** Request parameters and response `data` of each endpoint (the trading account's in ./tradingAccount). */
export interface EndpointTypes extends TradingAccountEndpointTypes {
  onchainOffers: { params: T.OffersRequest; data: T.Offer[] };
  onchainPurchase: { params: T.PurchaseRequest; data: T.OrderAck[] };
  onchainRedeem: { params: T.RedeemRequest; data: T.OrderAck[] };
  onchainCancel: { params: T.CancelRequest; data: T.OrderAck[] };
  onchainActiveOrders: { params: T.ActiveOrdersRequest; data: T.ActiveOrder[] };
  onchainOrderHistory: { params: T.OrderHistoryRequest; data: T.HistoricOrder[] };

  ethProductInfo: { params: T.NoParams; data: T.EthProductInfo[] };
  ethPurchase: { params: T.AmountRequest; data: [] };
  ethRedeem: { params: T.AmountRequest; data: [] };
  ethCancelRedeem: { params: T.CancelRedeemRequest; data: T.CancelRedeemAck[] };
  ethBalance: { params: T.NoParams; data: T.StakingBalance[] };
  ethHistory: { params: T.StakingHistoryRequest; data: T.StakingHistoryRecord[] };
  ethApyHistory: { params: T.ApyHistoryRequest; data: T.RatePoint[] };

  solProductInfo: { params: T.NoParams; data: T.SolProductInfo };
  solPurchase: { params: T.AmountRequest; data: [] };
  solRedeem: { params: T.AmountRequest; data: [] };
  solBalance: { params: T.NoParams; data: T.StakingBalance[] };
  solHistory: { params: T.StakingHistoryRequest; data: T.StakingHistoryRecord[] };
  solApyHistory: { params: T.ApyHistoryRequest; data: T.RatePoint[] };

  savingsBalance: { params: T.SavingsBalanceRequest; data: T.SavingsBalance[] };
  savingsPurchaseRedempt: { params: T.SavingsPurchaseRedemptRequest; data: T.SavingsPurchaseRedemptAck[] };
  savingsSetLendingRate: { params: T.SetLendingRateRequest; data: T.SetLendingRateAck[] };
  savingsLendingHistory: { params: T.LendingHistoryRequest; data: T.LendingRecord[] };
  savingsLendingRateSummary: { params: T.LendingRateSummaryRequest; data: T.LendingRateSummary[] };
  savingsLendingRateHistory: { params: T.LendingRateHistoryRequest; data: T.LendingRatePoint[] };

  loanBorrowCurrencies: { params: T.NoParams; data: T.BorrowCurrency[] };
  loanCollateralAssets: { params: T.CollateralAssetsRequest; data: T.CollateralAssets[] };
  loanMaxLoan: { params: T.MaxLoanRequest; data: T.MaxLoan[] };
  loanMaxCollateralRedeem: { params: T.MaxCollateralRedeemRequest; data: T.MaxCollateralRedeem[] };
  loanAdjustCollateral: { params: T.AdjustCollateralRequest; data: [] };
  loanBorrow: { params: T.BorrowRequest; data: T.BorrowAck[] };
  loanRepay: { params: T.RepayRequest; data: T.RepayAck[] };
  loanEmodeInfo: { params: T.NoParams; data: T.EmodePair[] };
  loanInfo: { params: T.LoanInfoRequest; data: T.LoanInfo[] };
  loanHistory: { params: T.LoanHistoryRequest; data: T.LoanHistoryRecord[] };
  loanInterestAccrued: { params: T.InterestAccruedRequest; data: T.InterestAccrual[] };

  stableRewardsProductInfo: { params: T.StableRewardsProductInfoRequest; data: T.StableRewardsProductInfo[] };
  stableRewardsBalance: { params: T.StableRewardsBalanceRequest; data: T.StableRewardsBalance[] };
  stableRewardsApyHistory: { params: T.StableRewardsApyHistoryRequest; data: T.StableRewardsApyPoint[] };

  okusdLimits: { params: T.NoParams; data: T.OkusdLimits[] };
  okusdSubscribe: { params: T.OkusdSubscribeRequest; data: T.OkusdSubscribeAck[] };
  okusdRedeem: { params: T.OkusdRedeemRequest; data: T.OkusdRedeemAck[] };
  okusdAccount: { params: T.NoParams; data: T.OkusdAccount[] };
  okusdSubscribeHistory: { params: T.OkusdHistoryRequest; data: T.OkusdSubscription[] };
  okusdRedeemHistory: { params: T.OkusdRedeemHistoryRequest; data: T.OkusdRedemption[] };
  okusdRewardsHistory: { params: T.OkusdHistoryRequest; data: T.OkusdReward[] };
  okusdAprHistory: { params: T.OkusdHistoryRequest; data: T.OkusdAprPoint[] };

  dualCurrencyPairs: { params: T.NoParams; data: T.DualCurrencyPair[] };
  dualProducts: { params: T.DualProductsRequest; data: T.DualProduct[] };
  dualQuote: { params: T.DualQuoteRequest; data: T.DualQuote[] };
  dualTrade: { params: T.DualTradeRequest; data: T.DualTradeAck[] };
  dualRedeemQuote: { params: T.DualRedeemQuoteRequest; data: T.DualRedeemQuote[] };
  dualRedeem: { params: T.DualRedeemRequest; data: T.DualRedeemAck[] };
  dualOrderState: { params: T.DualOrderStateRequest; data: T.DualOrderStatus[] };
  dualOrderHistory: { params: T.DualOrderHistoryRequest; data: T.DualOrder[] };

  fundingBalances: { params: T.FundingBalancesRequest; data: T.FundingBalance[] };
  assetValuation: { params: T.AssetValuationRequest; data: T.AssetValuation[] };
  indexTickers: { params: T.IndexTickersRequest; data: T.IndexTicker[] };

  publicTime: { params: T.NoParams; data: T.ServerTime[] };
}

export type EndpointId = keyof EndpointTypes;
export type ParamsOf<K extends EndpointId> = EndpointTypes[K]['params'];
export type DataOf<K extends EndpointId> = EndpointTypes[K]['data'];

const perSecond = (count: number, scope: 'user' | 'ip' = 'user'): RateLimit => ({ count, windowMs: 1000, scope });
const FLEXIBLE_LOAN_LIMIT: RateLimit = { count: 5, windowMs: 2000, scope: 'user' };
const LOAN_ORDER_LIMIT: RateLimit = { count: 2, windowMs: 2000, scope: 'user' };
const per = (count: number, seconds: number): RateLimit => ({ count, windowMs: seconds * 1000, scope: 'user' });

const BASE = '/api/v5/finance';

export const ENDPOINTS: { readonly [K in EndpointId]: EndpointSpec } = {
  onchainOffers: {
    method: 'GET', path: `${BASE}/staking-defi/offers`,
    auth: 'private', rateLimit: perSecond(3), moneyMoving: false, data: 'array',
  },
  onchainPurchase: {
    method: 'POST', path: `${BASE}/staking-defi/purchase`,
    auth: 'private', rateLimit: perSecond(2), moneyMoving: true, data: 'array',
  },
  onchainRedeem: {
    method: 'POST', path: `${BASE}/staking-defi/redeem`,
    auth: 'private', rateLimit: perSecond(2), moneyMoving: true, data: 'array',
  },
  onchainCancel: {
    method: 'POST', path: `${BASE}/staking-defi/cancel`,
    auth: 'private', rateLimit: perSecond(2), moneyMoving: true, data: 'array',
  },
  onchainActiveOrders: {
    method: 'GET', path: `${BASE}/staking-defi/orders-active`,
    auth: 'private', rateLimit: perSecond(3), moneyMoving: false, data: 'array',
  },
  onchainOrderHistory: {
    method: 'GET', path: `${BASE}/staking-defi/orders-history`,
    auth: 'private', rateLimit: perSecond(3), moneyMoving: false, data: 'array', cursor: 'ordId',
  },

  ethProductInfo: {
    method: 'GET', path: `${BASE}/staking-defi/eth/product-info`,
    auth: 'private', rateLimit: perSecond(3), moneyMoving: false, data: 'array',
  },
  ethPurchase: {
    method: 'POST', path: `${BASE}/staking-defi/eth/purchase`,
    auth: 'private', rateLimit: perSecond(2), moneyMoving: true, data: 'array',
  },
  ethRedeem: {
    method: 'POST', path: `${BASE}/staking-defi/eth/redeem`,
    auth: 'private', rateLimit: perSecond(2), moneyMoving: true, data: 'array',
  },
  ethCancelRedeem: {
    method: 'POST', path: `${BASE}/staking-defi/eth/cancel-redeem`,
    auth: 'private', rateLimit: perSecond(2), moneyMoving: true, data: 'array',
  },
  ethBalance: {
    method: 'GET', path: `${BASE}/staking-defi/eth/balance`,
    auth: 'private', rateLimit: perSecond(6), moneyMoving: false, data: 'array',
  },
  ethHistory: {
    method: 'GET', path: `${BASE}/staking-defi/eth/purchase-redeem-history`,
    auth: 'private', rateLimit: perSecond(6), moneyMoving: false, data: 'array', cursor: 'requestTime',
  },
  ethApyHistory: {
    method: 'GET', path: `${BASE}/staking-defi/eth/apy-history`,
    auth: 'public', rateLimit: perSecond(6, 'ip'), moneyMoving: false, data: 'array',
  },

  solProductInfo: {
    method: 'GET', path: `${BASE}/staking-defi/sol/product-info`,
    auth: 'private', rateLimit: perSecond(3), moneyMoving: false, data: 'object',
  },
  solPurchase: {
    method: 'POST', path: `${BASE}/staking-defi/sol/purchase`,
    auth: 'private', rateLimit: perSecond(2), moneyMoving: true, data: 'array',
  },
  solRedeem: {
    method: 'POST', path: `${BASE}/staking-defi/sol/redeem`,
    auth: 'private', rateLimit: perSecond(2), moneyMoving: true, data: 'array',
  },
  solBalance: {
    method: 'GET', path: `${BASE}/staking-defi/sol/balance`,
    auth: 'private', rateLimit: perSecond(6), moneyMoving: false, data: 'array',
  },
  solHistory: {
    method: 'GET', path: `${BASE}/staking-defi/sol/purchase-redeem-history`,
    auth: 'private', rateLimit: perSecond(6), moneyMoving: false, data: 'array', cursor: 'requestTime',
  },
  solApyHistory: {
    method: 'GET', path: `${BASE}/staking-defi/sol/apy-history`,
    auth: 'public', rateLimit: perSecond(6, 'ip'), moneyMoving: false, data: 'array',
  },

  savingsBalance: {
    method: 'GET', path: `${BASE}/savings/balance`,
    auth: 'private', rateLimit: perSecond(6), moneyMoving: false, data: 'array',
  },
  savingsPurchaseRedempt: {
    method: 'POST', path: `${BASE}/savings/purchase-redempt`,
    auth: 'private', rateLimit: perSecond(6), moneyMoving: true, data: 'array',
  },
  savingsSetLendingRate: {
    method: 'POST', path: `${BASE}/savings/set-lending-rate`,
    auth: 'private', rateLimit: perSecond(6), moneyMoving: true, data: 'array',
  },
  savingsLendingHistory: {
    method: 'GET', path: `${BASE}/savings/lending-history`,
    auth: 'private', rateLimit: perSecond(6), moneyMoving: false, data: 'array', cursor: 'ts',
  },
  savingsLendingRateSummary: {
    method: 'GET', path: `${BASE}/savings/lending-rate-summary`,
    auth: 'public', rateLimit: perSecond(6, 'ip'), moneyMoving: false, data: 'array',
  },
  savingsLendingRateHistory: {
    method: 'GET', path: `${BASE}/savings/lending-rate-history`,
    auth: 'public', rateLimit: perSecond(6, 'ip'), moneyMoving: false, data: 'array', cursor: 'ts',
  },

  loanBorrowCurrencies: {
    method: 'GET', path: `${BASE}/flexible-loan/borrow-currencies`,
    auth: 'private', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array',
  },
  loanCollateralAssets: {
    method: 'GET', path: `${BASE}/flexible-loan/collateral-assets`,
    auth: 'private', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array',
  },
  loanMaxLoan: {
    // A POST that only reads: safe to retry.
    method: 'POST', path: `${BASE}/flexible-loan/max-loan`,
    auth: 'private', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array',
  },
  loanMaxCollateralRedeem: {
    method: 'GET', path: `${BASE}/flexible-loan/max-collateral-redeem-amount`,
    auth: 'private', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array',
  },
  loanAdjustCollateral: {
    method: 'POST', path: `${BASE}/flexible-loan/adjust-collateral`,
    auth: 'private', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: true, data: 'array',
  },
  loanBorrow: {
    method: 'POST', path: `${BASE}/flexible-loan/borrow`,
    auth: 'private', rateLimit: LOAN_ORDER_LIMIT, moneyMoving: true, data: 'array',
  },
  loanRepay: {
    method: 'POST', path: `${BASE}/flexible-loan/repay`,
    auth: 'private', rateLimit: LOAN_ORDER_LIMIT, moneyMoving: true, data: 'array',
  },
  loanEmodeInfo: {
    // Documented with "Permission: Read" and "does not require authentication": sent unsigned.
    method: 'GET', path: `${BASE}/flexible-loan/emode-info`,
    auth: 'public', rateLimit: { count: 5, windowMs: 2000, scope: 'ip' }, moneyMoving: false, data: 'array',
  },
  loanInfo: {
    method: 'GET', path: `${BASE}/flexible-loan/loan-info`,
    auth: 'private', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array',
  },
  loanHistory: {
    method: 'GET', path: `${BASE}/flexible-loan/loan-history`,
    auth: 'private', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array', cursor: 'refId',
  },
  loanInterestAccrued: {
    method: 'GET', path: `${BASE}/flexible-loan/interest-accrued`,
    auth: 'private', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array', cursor: 'refId',
  },

  stableRewardsProductInfo: {
    method: 'GET', path: `${BASE}/stable-rewards/product-info`,
    auth: 'private', rateLimit: per(5, 2), moneyMoving: false, data: 'array',
  },
  stableRewardsBalance: {
    method: 'GET', path: `${BASE}/stable-rewards/balance`,
    auth: 'private', rateLimit: per(5, 2), moneyMoving: false, data: 'array',
  },
  stableRewardsApyHistory: {
    // Rate-limited per IP, like the other APY histories: public, sent unsigned.
    method: 'GET', path: `${BASE}/stable-rewards/apy-history`,
    auth: 'public', rateLimit: perSecond(6, 'ip'), moneyMoving: false, data: 'array',
  },

  okusdLimits: {
    method: 'GET', path: `${BASE}/okusd/limits`,
    auth: 'private', rateLimit: per(2, 2), moneyMoving: false, data: 'array',
  },
  okusdSubscribe: {
    // Idempotent by clOrdId (the same one again returns the original order); still never resent by the client.
    method: 'POST', path: `${BASE}/okusd/subscribe`,
    auth: 'private', rateLimit: per(1, 2), moneyMoving: true, data: 'array',
  },
  okusdRedeem: {
    method: 'POST', path: `${BASE}/okusd/redeem`,
    auth: 'private', rateLimit: per(1, 2), moneyMoving: true, data: 'array',
  },
  okusdAccount: {
    method: 'GET', path: `${BASE}/okusd/account`,
    auth: 'private', rateLimit: per(2, 2), moneyMoving: false, data: 'array',
  },
  okusdSubscribeHistory: {
    method: 'GET', path: `${BASE}/okusd/subscribe/history`,
    auth: 'private', rateLimit: per(5, 2), moneyMoving: false, data: 'array', cursor: 'ts', pageBy: 'end',
  },
  okusdRedeemHistory: {
    method: 'GET', path: `${BASE}/okusd/redeem/history`,
    auth: 'private', rateLimit: per(5, 2), moneyMoving: false, data: 'array', cursor: 'ts', pageBy: 'end',
  },
  okusdRewardsHistory: {
    method: 'GET', path: `${BASE}/okusd/rewards/history`,
    auth: 'private', rateLimit: per(5, 2), moneyMoving: false, data: 'array', cursor: 'ts', pageBy: 'end', defaultLimit: 30,
  },
  okusdAprHistory: {
    // Product-wide figures, yet documented as needing an API key.
    method: 'GET', path: `${BASE}/okusd/rate/history`,
    auth: 'private', rateLimit: per(5, 2), moneyMoving: false, data: 'array', cursor: 'ts', pageBy: 'end', defaultLimit: 30,
  },

  dualCurrencyPairs: {
    method: 'GET', path: `${BASE}/sfp/dcd/currency-pair`,
    auth: 'private', rateLimit: perSecond(1), moneyMoving: false, data: 'array',
  },
  dualProducts: {
    method: 'GET', path: `${BASE}/sfp/dcd/products`,
    auth: 'private', rateLimit: perSecond(1), moneyMoving: false, data: 'array',
  },
  dualQuote: {
    // A POST that commits nothing: a quote that is not traded just expires.
    method: 'POST', path: `${BASE}/sfp/dcd/quote`,
    auth: 'private', rateLimit: per(10, 60), moneyMoving: false, data: 'array',
  },
  dualTrade: {
    // No client order id: the quote id is the one key, and a quote is traded at most once.
    method: 'POST', path: `${BASE}/sfp/dcd/trade`,
    auth: 'private', rateLimit: per(2, 60), moneyMoving: true, data: 'array',
  },
  dualRedeemQuote: {
    method: 'POST', path: `${BASE}/sfp/dcd/redeem-quote`,
    auth: 'private', rateLimit: per(10, 60), moneyMoving: false, data: 'array',
  },
  dualRedeem: {
    method: 'POST', path: `${BASE}/sfp/dcd/redeem`,
    auth: 'private', rateLimit: per(2, 60), moneyMoving: true, data: 'array',
  },
  dualOrderState: {
    method: 'GET', path: `${BASE}/sfp/dcd/order-status`,
    auth: 'private', rateLimit: perSecond(3), moneyMoving: false, data: 'array',
  },
  dualOrderHistory: {
    method: 'GET', path: `${BASE}/sfp/dcd/order-history`,
    auth: 'private', rateLimit: perSecond(1), moneyMoving: false, data: 'array', cursor: 'ordId', pageBy: 'endId',
  },

  fundingBalances: {
    // Funding account (outside the chapter): what purchases spend and repayments come from.
    method: 'GET', path: '/api/v5/asset/balances',
    auth: 'private', rateLimit: perSecond(6), moneyMoving: false, data: 'array',
  },
  assetValuation: {
    // OKX's own valuation of the account (outside the chapter), to cross-check the Overview's total. The English
    // page says 1 request per second, the Chinese one 1 per 2 seconds: the slower is the one kept.
    method: 'GET', path: '/api/v5/asset/asset-valuation',
    auth: 'private', rateLimit: { count: 1, windowMs: 2000, scope: 'user' }, moneyMoving: false, data: 'array',
  },
  indexTickers: {
    // Public index prices (outside the chapter), for USD values where OKX's loan figures give none.
    method: 'GET', path: '/api/v5/market/index-tickers',
    auth: 'public', rateLimit: { count: 20, windowMs: 2000, scope: 'ip' }, moneyMoving: false, data: 'array',
  },
  ...TRADING_ACCOUNT_ENDPOINTS,

  publicTime: {
    // Not a Financial Product endpoint: the server clock, used to correct the signing timestamp.
    method: 'GET', path: '/api/v5/public/time',
    auth: 'public', rateLimit: { count: 10, windowMs: 2000, scope: 'ip' }, moneyMoving: false, data: 'array',
  },
};

export const ENDPOINT_IDS = Object.keys(ENDPOINTS) as EndpointId[];

export function endpointByRoute(method: string, path: string): EndpointId | undefined {
  return ENDPOINT_IDS.find((id) => ENDPOINTS[id].method === method && ENDPOINTS[id].path === path);
}
