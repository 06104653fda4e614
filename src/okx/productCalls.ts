/**
 * Each product's calls, as the client offers them (`client.onchain.offers()`, `client.loan.borrow()`, …): one
 * function per product, each method one endpoint of the table in ./endpoints, sent through the client's `call`
 * (or `pages`, for a history).
 */
import type { DataOf, EndpointId, ParamsOf } from './endpoints';
import type { PagedEndpoint, Pager } from './pager';
import type * as T from './types';

/** What a product's calls need of the client: one request, or a history page by page. */
export interface EndpointCaller {
  call<K extends EndpointId>(id: K, params: ParamsOf<K>): Promise<DataOf<K>>;
  pages<K extends PagedEndpoint>(id: K, params: ParamsOf<K>): Pager<DataOf<K>[number]>;
}

/** On-chain earn (staking-defi). */
export function onchainCalls(wire: EndpointCaller) {
  return {
    offers: (params: T.OffersRequest = {}) => wire.call('onchainOffers', params),
    purchase: (params: T.PurchaseRequest) => wire.call('onchainPurchase', params),
    redeem: (params: T.RedeemRequest) => wire.call('onchainRedeem', params),
    cancel: (params: T.CancelRequest) => wire.call('onchainCancel', params),
    activeOrders: (params: T.ActiveOrdersRequest = {}) => wire.call('onchainActiveOrders', params),
    orderHistory: (params: T.OrderHistoryRequest = {}) => wire.pages('onchainOrderHistory', params),
  };
}

/** ETH staking (BETH). */
export function ethCalls(wire: EndpointCaller) {
  return {
    productInfo: () => wire.call('ethProductInfo', {}),
    purchase: (params: T.AmountRequest) => wire.call('ethPurchase', params),
    redeem: (params: T.AmountRequest) => wire.call('ethRedeem', params),
    cancelRedeem: (params: T.CancelRedeemRequest) => wire.call('ethCancelRedeem', params),
    balance: () => wire.call('ethBalance', {}),
    history: (params: T.StakingHistoryRequest = {}) => wire.pages('ethHistory', params),
    apyHistory: (params: T.ApyHistoryRequest) => wire.call('ethApyHistory', params),
  };
}

/** SOL staking (OKSOL). */
export function solCalls(wire: EndpointCaller) {
  return {
    productInfo: () => wire.call('solProductInfo', {}),
    purchase: (params: T.AmountRequest) => wire.call('solPurchase', params),
    redeem: (params: T.AmountRequest) => wire.call('solRedeem', params),
    balance: () => wire.call('solBalance', {}),
    history: (params: T.StakingHistoryRequest = {}) => wire.pages('solHistory', params),
    apyHistory: (params: T.ApyHistoryRequest) => wire.call('solApyHistory', params),
  };
}

/** Simple Earn flexible (savings). */
export function savingsCalls(wire: EndpointCaller) {
  return {
    balance: (params: T.SavingsBalanceRequest = {}) => wire.call('savingsBalance', params),
    purchaseRedempt: (params: T.SavingsPurchaseRedemptRequest) => wire.call('savingsPurchaseRedempt', params),
    setLendingRate: (params: T.SetLendingRateRequest) => wire.call('savingsSetLendingRate', params),
    lendingHistory: (params: T.LendingHistoryRequest = {}) => wire.pages('savingsLendingHistory', params),
    lendingRateSummary: (params: T.LendingRateSummaryRequest = {}) => wire.call('savingsLendingRateSummary', params),
    lendingRateHistory: (params: T.LendingRateHistoryRequest = {}) => wire.pages('savingsLendingRateHistory', params),
  };
}

/** Flexible loans: borrow, repay, collateral. */
export function loanCalls(wire: EndpointCaller) {
  return {
    borrowCurrencies: () => wire.call('loanBorrowCurrencies', {}),
    collateralAssets: (params: T.CollateralAssetsRequest = {}) => wire.call('loanCollateralAssets', params),
    maxLoan: (params: T.MaxLoanRequest) => wire.call('loanMaxLoan', params),
    maxCollateralRedeem: (params: T.MaxCollateralRedeemRequest) => wire.call('loanMaxCollateralRedeem', params),
    adjustCollateral: (params: T.AdjustCollateralRequest) => wire.call('loanAdjustCollateral', params),
    borrow: (params: T.BorrowRequest) => wire.call('loanBorrow', params),
    repay: (params: T.RepayRequest) => wire.call('loanRepay', params),
    emodeInfo: () => wire.call('loanEmodeInfo', {}),
    /** Every order, or the one `ordId` names. */
    info: (params: T.LoanInfoRequest = {}) => wire.call('loanInfo', params),
    history: (params: T.LoanHistoryRequest = {}) => wire.pages('loanHistory', params),
    interestAccrued: (params: T.InterestAccruedRequest = {}) => wire.pages('loanInterestAccrued', params),
  };
}

/** Stable Rewards: what OKX still offers since quote, trade and their history were decommissioned (2026-07-14). */
export function stableRewardsCalls(wire: EndpointCaller) {
  return {
    productInfo: (params: T.StableRewardsProductInfoRequest) => wire.call('stableRewardsProductInfo', params),
    balance: (params: T.StableRewardsBalanceRequest = {}) => wire.call('stableRewardsBalance', params),
    apyHistory: (params: T.StableRewardsApyHistoryRequest) => wire.call('stableRewardsApyHistory', params),
  };
}

/**
 * OKUSD. Subscribe and redeem take a `clOrdId`: make one per user action and keep it, so that an unknown
 * outcome can be looked up in the histories rather than sent again.
 */
export function okusdCalls(wire: EndpointCaller) {
  return {
    limits: () => wire.call('okusdLimits', {}),
    subscribe: (params: T.OkusdSubscribeRequest) => wire.call('okusdSubscribe', params),
    redeem: (params: T.OkusdRedeemRequest) => wire.call('okusdRedeem', params),
    account: () => wire.call('okusdAccount', {}),
    subscribeHistory: (params: T.OkusdHistoryRequest = {}) => wire.pages('okusdSubscribeHistory', params),
    /** Standard redemptions unless `type` says `fast` (OKX's default). */
    redeemHistory: (params: T.OkusdRedeemHistoryRequest = {}) => wire.pages('okusdRedeemHistory', params),
    rewardsHistory: (params: T.OkusdHistoryRequest = {}) => wire.pages('okusdRewardsHistory', params),
    aprHistory: (params: T.OkusdHistoryRequest = {}) => wire.pages('okusdAprHistory', params),
  };
}

/** Dual Investment: quote → trade, and early redemption as redeem-quote → redeem. */
export function dualCalls(wire: EndpointCaller) {
  return {
    currencyPairs: () => wire.call('dualCurrencyPairs', {}),
    products: (params: T.DualProductsRequest) => wire.call('dualProducts', params),
    quote: (params: T.DualQuoteRequest) => wire.call('dualQuote', params),
    trade: (params: T.DualTradeRequest) => wire.call('dualTrade', params),
    redeemQuote: (params: T.DualRedeemQuoteRequest) => wire.call('dualRedeemQuote', params),
    redeem: (params: T.DualRedeemRequest) => wire.call('dualRedeem', params),
    orderState: (params: T.DualOrderStateRequest) => wire.call('dualOrderState', params),
    orderHistory: (params: T.DualOrderHistoryRequest = {}) => wire.pages('dualOrderHistory', params),
  };
}

/** Outside the Financial Product chapter: the funding and trading accounts (auto-earn) and public index prices. */
export function accountCalls(wire: EndpointCaller) {
  return {
    fundingBalances: (params: T.FundingBalancesRequest = {}) => wire.call('fundingBalances', params),
    assetValuation: (params: T.AssetValuationRequest = {}) => wire.call('assetValuation', params),
    indexTickers: (params: T.IndexTickersRequest) => wire.call('indexTickers', params),
    tradingBalance: (params: T.TradingBalanceRequest = {}) => wire.call('tradingBalance', params),
    setAutoEarn: (params: T.SetAutoEarnRequest) => wire.call('setAutoEarn', params),
  };
}
