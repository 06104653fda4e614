/**
 * The one table of every OKX v5 endpoint this extension uses: the Financial Product chapter as documented on
 * 2026-08-22, all 55 endpoints (on-chain earn, ETH and SOL staking, Simple Earn, flexible loans, and the
 * Stable Rewards, OKUSD and Dual Investment products), the funding-account and index-price endpoints the money flows
 * need, and the server clock. The client, its rate
 * limiter, the simulator and the README's API table are driven by it.
 */
import type { EndpointSpec, RateLimit } from './endpointSpec';
import type * as T from './types';
import { TRADING_ACCOUNT_ENDPOINTS, type TradingAccountEndpointTypes } from './tradingAccount';

export type { EndpointSpec, Product, RateLimit } from './endpointSpec';

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
    method: 'GET', path: `${BASE}/staking-defi/offers`, product: 'onchain', title: 'Offers',
    auth: 'private', permission: 'Read', rateLimit: perSecond(3), moneyMoving: false, data: 'array', clientMethod: 'onchain.offers',
  },
  onchainPurchase: {
    method: 'POST', path: `${BASE}/staking-defi/purchase`, product: 'onchain', title: 'Purchase',
    auth: 'private', permission: 'Trade', rateLimit: perSecond(2), moneyMoving: true, data: 'array', clientMethod: 'onchain.purchase',
  },
  onchainRedeem: {
    method: 'POST', path: `${BASE}/staking-defi/redeem`, product: 'onchain', title: 'Redeem',
    auth: 'private', permission: 'Trade', rateLimit: perSecond(2), moneyMoving: true, data: 'array', clientMethod: 'onchain.redeem',
  },
  onchainCancel: {
    method: 'POST', path: `${BASE}/staking-defi/cancel`, product: 'onchain', title: 'Cancel purchases/redemptions',
    auth: 'private', permission: 'Trade', rateLimit: perSecond(2), moneyMoving: true, data: 'array', clientMethod: 'onchain.cancel',
  },
  onchainActiveOrders: {
    method: 'GET', path: `${BASE}/staking-defi/orders-active`, product: 'onchain', title: 'Active orders',
    auth: 'private', permission: 'Read', rateLimit: perSecond(3), moneyMoving: false, data: 'array', clientMethod: 'onchain.activeOrders',
  },
  onchainOrderHistory: {
    method: 'GET', path: `${BASE}/staking-defi/orders-history`, product: 'onchain', title: 'Order history',
    auth: 'private', permission: 'Read', rateLimit: perSecond(3), moneyMoving: false, data: 'array', cursor: 'ordId',
    clientMethod: 'onchain.orderHistory',
  },

  ethProductInfo: {
    method: 'GET', path: `${BASE}/staking-defi/eth/product-info`, product: 'eth', title: 'Product info',
    auth: 'private', permission: 'Read', rateLimit: perSecond(3), moneyMoving: false, data: 'array', clientMethod: 'eth.productInfo',
  },
  ethPurchase: {
    method: 'POST', path: `${BASE}/staking-defi/eth/purchase`, product: 'eth', title: 'Purchase',
    auth: 'private', permission: 'Trade', rateLimit: perSecond(2), moneyMoving: true, data: 'array', clientMethod: 'eth.purchase',
  },
  ethRedeem: {
    method: 'POST', path: `${BASE}/staking-defi/eth/redeem`, product: 'eth', title: 'Redeem',
    auth: 'private', permission: 'Trade', rateLimit: perSecond(2), moneyMoving: true, data: 'array', clientMethod: 'eth.redeem',
  },
  ethCancelRedeem: {
    method: 'POST', path: `${BASE}/staking-defi/eth/cancel-redeem`, product: 'eth', title: 'Cancel redeem',
    auth: 'private', permission: 'Trade', rateLimit: perSecond(2), moneyMoving: true, data: 'array', clientMethod: 'eth.cancelRedeem',
  },
  ethBalance: {
    method: 'GET', path: `${BASE}/staking-defi/eth/balance`, product: 'eth', title: 'Balance',
    auth: 'private', permission: 'Read', rateLimit: perSecond(6), moneyMoving: false, data: 'array', clientMethod: 'eth.balance',
  },
  ethHistory: {
    method: 'GET', path: `${BASE}/staking-defi/eth/purchase-redeem-history`, product: 'eth', title: 'Purchase&Redeem history',
    auth: 'private', permission: 'Read', rateLimit: perSecond(6), moneyMoving: false, data: 'array', cursor: 'requestTime',
    clientMethod: 'eth.history',
  },
  ethApyHistory: {
    method: 'GET', path: `${BASE}/staking-defi/eth/apy-history`, product: 'eth', title: 'APY history (Public)',
    auth: 'public', permission: null, rateLimit: perSecond(6, 'ip'), moneyMoving: false, data: 'array', clientMethod: 'eth.apyHistory',
  },

  solProductInfo: {
    method: 'GET', path: `${BASE}/staking-defi/sol/product-info`, product: 'sol', title: 'Product info',
    auth: 'private', permission: 'Read', rateLimit: perSecond(3), moneyMoving: false, data: 'object', clientMethod: 'sol.productInfo',
  },
  solPurchase: {
    method: 'POST', path: `${BASE}/staking-defi/sol/purchase`, product: 'sol', title: 'Purchase',
    auth: 'private', permission: 'Trade', rateLimit: perSecond(2), moneyMoving: true, data: 'array', clientMethod: 'sol.purchase',
  },
  solRedeem: {
    method: 'POST', path: `${BASE}/staking-defi/sol/redeem`, product: 'sol', title: 'Redeem',
    auth: 'private', permission: 'Trade', rateLimit: perSecond(2), moneyMoving: true, data: 'array', clientMethod: 'sol.redeem',
  },
  solBalance: {
    method: 'GET', path: `${BASE}/staking-defi/sol/balance`, product: 'sol', title: 'Balance',
    auth: 'private', permission: 'Read', rateLimit: perSecond(6), moneyMoving: false, data: 'array', clientMethod: 'sol.balance',
  },
  solHistory: {
    method: 'GET', path: `${BASE}/staking-defi/sol/purchase-redeem-history`, product: 'sol', title: 'Purchase&Redeem history',
    auth: 'private', permission: 'Read', rateLimit: perSecond(6), moneyMoving: false, data: 'array', cursor: 'requestTime',
    clientMethod: 'sol.history',
  },
  solApyHistory: {
    method: 'GET', path: `${BASE}/staking-defi/sol/apy-history`, product: 'sol', title: 'APY history (Public)',
    auth: 'public', permission: null, rateLimit: perSecond(6, 'ip'), moneyMoving: false, data: 'array', clientMethod: 'sol.apyHistory',
  },

  savingsBalance: {
    method: 'GET', path: `${BASE}/savings/balance`, product: 'savings', title: 'Saving balance',
    auth: 'private', permission: 'Read', rateLimit: perSecond(6), moneyMoving: false, data: 'array', clientMethod: 'savings.balance',
  },
  savingsPurchaseRedempt: {
    method: 'POST', path: `${BASE}/savings/purchase-redempt`, product: 'savings', title: 'Savings purchase/redemption',
    auth: 'private', permission: 'Trade', rateLimit: perSecond(6), moneyMoving: true, data: 'array', clientMethod: 'savings.purchaseRedempt',
  },
  savingsSetLendingRate: {
    method: 'POST', path: `${BASE}/savings/set-lending-rate`, product: 'savings', title: 'Set lending rate',
    auth: 'private', permission: 'Trade', rateLimit: perSecond(6), moneyMoving: true, data: 'array', clientMethod: 'savings.setLendingRate',
  },
  savingsLendingHistory: {
    method: 'GET', path: `${BASE}/savings/lending-history`, product: 'savings', title: 'Lending history',
    auth: 'private', permission: 'Read', rateLimit: perSecond(6), moneyMoving: false, data: 'array', cursor: 'ts',
    clientMethod: 'savings.lendingHistory',
  },
  savingsLendingRateSummary: {
    method: 'GET', path: `${BASE}/savings/lending-rate-summary`, product: 'savings', title: 'Public borrow info (public)',
    auth: 'public', permission: null, rateLimit: perSecond(6, 'ip'), moneyMoving: false, data: 'array', clientMethod: 'savings.lendingRateSummary',
  },
  savingsLendingRateHistory: {
    method: 'GET', path: `${BASE}/savings/lending-rate-history`, product: 'savings', title: 'Public borrow history (public)',
    auth: 'public', permission: null, rateLimit: perSecond(6, 'ip'), moneyMoving: false, data: 'array', cursor: 'ts',
    clientMethod: 'savings.lendingRateHistory',
  },

  loanBorrowCurrencies: {
    method: 'GET', path: `${BASE}/flexible-loan/borrow-currencies`, product: 'loan', title: 'Borrowable currencies',
    auth: 'private', permission: 'Read', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array', clientMethod: 'loan.borrowCurrencies',
  },
  loanCollateralAssets: {
    method: 'GET', path: `${BASE}/flexible-loan/collateral-assets`, product: 'loan', title: 'Collateral assets',
    auth: 'private', permission: 'Read', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array', clientMethod: 'loan.collateralAssets',
  },
  loanMaxLoan: {
    // A POST that only reads: safe to retry.
    method: 'POST', path: `${BASE}/flexible-loan/max-loan`, product: 'loan', title: 'Maximum loan amount',
    auth: 'private', permission: 'Read', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array', clientMethod: 'loan.maxLoan',
  },
  loanMaxCollateralRedeem: {
    method: 'GET', path: `${BASE}/flexible-loan/max-collateral-redeem-amount`, product: 'loan', title: 'Maximum collateral redeem amount',
    auth: 'private', permission: 'Read', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array',
    clientMethod: 'loan.maxCollateralRedeem',
  },
  loanAdjustCollateral: {
    method: 'POST', path: `${BASE}/flexible-loan/adjust-collateral`, product: 'loan', title: 'Adjust collateral',
    auth: 'private', permission: 'Trade', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: true, data: 'array', clientMethod: 'loan.adjustCollateral',
  },
  loanBorrow: {
    method: 'POST', path: `${BASE}/flexible-loan/borrow`, product: 'loan', title: 'Borrow',
    auth: 'private', permission: 'Trade', rateLimit: LOAN_ORDER_LIMIT, moneyMoving: true, data: 'array', clientMethod: 'loan.borrow',
  },
  loanRepay: {
    method: 'POST', path: `${BASE}/flexible-loan/repay`, product: 'loan', title: 'Repay',
    auth: 'private', permission: 'Trade', rateLimit: LOAN_ORDER_LIMIT, moneyMoving: true, data: 'array', clientMethod: 'loan.repay',
  },
  loanEmodeInfo: {
    // Documented with "Permission: Read" and "does not require authentication": sent unsigned.
    method: 'GET', path: `${BASE}/flexible-loan/emode-info`, product: 'loan', title: 'E-Mode info',
    auth: 'public', permission: 'Read', rateLimit: { count: 5, windowMs: 2000, scope: 'ip' }, moneyMoving: false, data: 'array',
    clientMethod: 'loan.emodeInfo',
  },
  loanInfo: {
    method: 'GET', path: `${BASE}/flexible-loan/loan-info`, product: 'loan', title: 'Loan info',
    auth: 'private', permission: 'Read', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array', clientMethod: 'loan.info',
  },
  loanHistory: {
    method: 'GET', path: `${BASE}/flexible-loan/loan-history`, product: 'loan', title: 'Loan history',
    auth: 'private', permission: 'Read', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array', cursor: 'refId',
    clientMethod: 'loan.history',
  },
  loanInterestAccrued: {
    method: 'GET', path: `${BASE}/flexible-loan/interest-accrued`, product: 'loan', title: 'Accrued interest',
    auth: 'private', permission: 'Read', rateLimit: FLEXIBLE_LOAN_LIMIT, moneyMoving: false, data: 'array', cursor: 'refId',
    clientMethod: 'loan.interestAccrued',
  },

  stableRewardsProductInfo: {
    method: 'GET', path: `${BASE}/stable-rewards/product-info`, product: 'stable', title: 'Product info',
    auth: 'private', permission: 'Read', rateLimit: per(5, 2), moneyMoving: false, data: 'array', clientMethod: 'stableRewards.productInfo',
  },
  stableRewardsBalance: {
    method: 'GET', path: `${BASE}/stable-rewards/balance`, product: 'stable', title: 'Balance',
    auth: 'private', permission: 'Read', rateLimit: per(5, 2), moneyMoving: false, data: 'array', clientMethod: 'stableRewards.balance',
  },
  stableRewardsApyHistory: {
    // Rate-limited per IP, like the other APY histories: public, sent unsigned.
    method: 'GET', path: `${BASE}/stable-rewards/apy-history`, product: 'stable', title: 'APY history',
    auth: 'public', permission: null, rateLimit: perSecond(6, 'ip'), moneyMoving: false, data: 'array', clientMethod: 'stableRewards.apyHistory',
  },

  okusdLimits: {
    method: 'GET', path: `${BASE}/okusd/limits`, product: 'okusd', title: 'OKUSD limits',
    auth: 'private', permission: 'Read', rateLimit: per(2, 2), moneyMoving: false, data: 'array', clientMethod: 'okusd.limits',
  },
  okusdSubscribe: {
    // Idempotent by clOrdId (the same one again returns the original order); still never resent by the client.
    method: 'POST', path: `${BASE}/okusd/subscribe`, product: 'okusd', title: 'Subscribe OKUSD',
    auth: 'private', permission: 'Trade', rateLimit: per(1, 2), moneyMoving: true, data: 'array', clientMethod: 'okusd.subscribe',
  },
  okusdRedeem: {
    method: 'POST', path: `${BASE}/okusd/redeem`, product: 'okusd', title: 'Redeem OKUSD',
    auth: 'private', permission: 'Trade', rateLimit: per(1, 2), moneyMoving: true, data: 'array', clientMethod: 'okusd.redeem',
  },
  okusdAccount: {
    method: 'GET', path: `${BASE}/okusd/account`, product: 'okusd', title: 'Get OKUSD Account',
    auth: 'private', permission: 'Read', rateLimit: per(2, 2), moneyMoving: false, data: 'array', clientMethod: 'okusd.account',
  },
  okusdSubscribeHistory: {
    method: 'GET', path: `${BASE}/okusd/subscribe/history`, product: 'okusd', title: 'Get Subscription History',
    auth: 'private', permission: 'Read', rateLimit: per(5, 2), moneyMoving: false, data: 'array', cursor: 'ts', pageBy: 'end',
    clientMethod: 'okusd.subscribeHistory',
  },
  okusdRedeemHistory: {
    method: 'GET', path: `${BASE}/okusd/redeem/history`, product: 'okusd', title: 'Get Redemption History',
    auth: 'private', permission: 'Read', rateLimit: per(5, 2), moneyMoving: false, data: 'array', cursor: 'ts', pageBy: 'end',
    clientMethod: 'okusd.redeemHistory',
  },
  okusdRewardsHistory: {
    method: 'GET', path: `${BASE}/okusd/rewards/history`, product: 'okusd', title: 'Get Rewards History',
    auth: 'private', permission: 'Read', rateLimit: per(5, 2), moneyMoving: false, data: 'array', cursor: 'ts', pageBy: 'end', defaultLimit: 30,
    clientMethod: 'okusd.rewardsHistory',
  },
  okusdAprHistory: {
    // Product-wide figures, yet documented as needing an API key.
    method: 'GET', path: `${BASE}/okusd/rate/history`, product: 'okusd', title: 'Get APR History',
    auth: 'private', permission: 'Read', rateLimit: per(5, 2), moneyMoving: false, data: 'array', cursor: 'ts', pageBy: 'end', defaultLimit: 30,
    clientMethod: 'okusd.aprHistory',
  },

  dualCurrencyPairs: {
    method: 'GET', path: `${BASE}/sfp/dcd/currency-pair`, product: 'dual', title: 'Currency pairs',
    auth: 'private', permission: 'Read', rateLimit: perSecond(1), moneyMoving: false, data: 'array', clientMethod: 'dual.currencyPairs',
  },
  dualProducts: {
    method: 'GET', path: `${BASE}/sfp/dcd/products`, product: 'dual', title: 'Product info',
    auth: 'private', permission: 'Read', rateLimit: perSecond(1), moneyMoving: false, data: 'array', clientMethod: 'dual.products',
  },
  dualQuote: {
    // A POST that commits nothing: a quote that is not traded just expires.
    method: 'POST', path: `${BASE}/sfp/dcd/quote`, product: 'dual', title: 'Request for quote',
    auth: 'private', permission: 'Read', rateLimit: per(10, 60), moneyMoving: false, data: 'array', clientMethod: 'dual.quote',
  },
  dualTrade: {
    // No client order id: the quote id is the one key, and a quote is traded at most once.
    method: 'POST', path: `${BASE}/sfp/dcd/trade`, product: 'dual', title: 'Trade',
    auth: 'private', permission: 'Trade', rateLimit: per(2, 60), moneyMoving: true, data: 'array', clientMethod: 'dual.trade',
  },
  dualRedeemQuote: {
    method: 'POST', path: `${BASE}/sfp/dcd/redeem-quote`, product: 'dual', title: 'Request for redeem quote',
    auth: 'private', permission: 'Read', rateLimit: per(10, 60), moneyMoving: false, data: 'array', clientMethod: 'dual.redeemQuote',
  },
  dualRedeem: {
    method: 'POST', path: `${BASE}/sfp/dcd/redeem`, product: 'dual', title: 'Redeem',
    auth: 'private', permission: 'Trade', rateLimit: per(2, 60), moneyMoving: true, data: 'array', clientMethod: 'dual.redeem',
  },
  dualOrderState: {
    method: 'GET', path: `${BASE}/sfp/dcd/order-status`, product: 'dual', title: 'Order state',
    auth: 'private', permission: 'Read', rateLimit: perSecond(3), moneyMoving: false, data: 'array', clientMethod: 'dual.orderState',
  },
  dualOrderHistory: {
    method: 'GET', path: `${BASE}/sfp/dcd/order-history`, product: 'dual', title: 'Order history',
    auth: 'private', permission: 'Read', rateLimit: perSecond(1), moneyMoving: false, data: 'array', cursor: 'ordId', pageBy: 'endId',
    clientMethod: 'dual.orderHistory',
  },

  fundingBalances: {
    // Funding account (outside the chapter): what purchases spend and repayments come from.
    method: 'GET', path: '/api/v5/asset/balances', product: 'account', title: 'Get balance',
    auth: 'private', permission: 'Read', rateLimit: perSecond(6), moneyMoving: false, data: 'array', clientMethod: 'account.fundingBalances',
  },
  assetValuation: {
    // OKX's own valuation of the account (outside the chapter), to cross-check the Overview's total. The English
    // page says 1 request per second, the Chinese one 1 per 2 seconds: the slower is the one kept.
    method: 'GET', path: '/api/v5/asset/asset-valuation', product: 'account', title: 'Get account asset valuation',
    auth: 'private', permission: 'Read', rateLimit: { count: 1, windowMs: 2000, scope: 'user' }, moneyMoving: false, data: 'array',
    clientMethod: 'account.assetValuation',
  },
  indexTickers: {
    // Public index prices (outside the chapter), for USD values where OKX's loan figures give none.
    method: 'GET', path: '/api/v5/market/index-tickers', product: 'account', title: 'Get index tickers',
    auth: 'public', permission: null, rateLimit: { count: 20, windowMs: 2000, scope: 'ip' }, moneyMoving: false, data: 'array',
    clientMethod: 'account.indexTickers',
  },
  ...TRADING_ACCOUNT_ENDPOINTS,

  publicTime: {
    // Not a Financial Product endpoint: the server clock, used to correct the signing timestamp.
    method: 'GET', path: '/api/v5/public/time', product: 'public', title: 'Get system time',
    auth: 'public', permission: null, rateLimit: { count: 10, windowMs: 2000, scope: 'ip' }, moneyMoving: false, data: 'array',
    clientMethod: 'serverTime',
  },
};

export const ENDPOINT_IDS = Object.keys(ENDPOINTS) as EndpointId[];

/** The Financial Product chapter's endpoints (everything but the account endpoints and the server clock). */
export const FINANCE_ENDPOINT_IDS = ENDPOINT_IDS.filter((id) => ENDPOINTS[id].product !== 'public' && ENDPOINTS[id].product !== 'account');

/** The endpoints outside the chapter that the extension uses (funding balances, index prices). */
export const ACCOUNT_ENDPOINT_IDS = ENDPOINT_IDS.filter((id) => ENDPOINTS[id].product === 'account');

export function endpointByRoute(method: string, path: string): EndpointId | undefined {
  return ENDPOINT_IDS.find((id) => ENDPOINTS[id].method === method && ENDPOINTS[id].path === path);
}
