/**
 * What OKX's reference says of each endpoint, beside what the client sends (./endpoints): its product, its
 * title, the API-key permission it needs and the client method that calls it. The README's API table
 * (./endpointTable) and the simulator's permission check read it; the client does not, so it is not part of the
 * start-up bundle. A unit test checks both tables against OKX's pages.
 */
import type { EndpointDoc, Product } from './endpointSpec';
import { ENDPOINT_IDS, type EndpointId } from './endpoints';

const doc = (product: Product, title: string, permission: EndpointDoc['permission'], clientMethod: string): EndpointDoc => ({ product, title, permission, clientMethod });

export const ENDPOINT_DOCS: { readonly [K in EndpointId]: EndpointDoc } = {
  onchainOffers: doc('onchain', 'Offers', 'Read', 'onchain.offers'),
  onchainPurchase: doc('onchain', 'Purchase', 'Trade', 'onchain.purchase'),
  onchainRedeem: doc('onchain', 'Redeem', 'Trade', 'onchain.redeem'),
  onchainCancel: doc('onchain', 'Cancel purchases/redemptions', 'Trade', 'onchain.cancel'),
  onchainActiveOrders: doc('onchain', 'Active orders', 'Read', 'onchain.activeOrders'),
  onchainOrderHistory: doc('onchain', 'Order history', 'Read', 'onchain.orderHistory'),

  ethProductInfo: doc('eth', 'Product info', 'Read', 'eth.productInfo'),
  ethPurchase: doc('eth', 'Purchase', 'Trade', 'eth.purchase'),
  ethRedeem: doc('eth', 'Redeem', 'Trade', 'eth.redeem'),
  ethCancelRedeem: doc('eth', 'Cancel redeem', 'Trade', 'eth.cancelRedeem'),
  ethBalance: doc('eth', 'Balance', 'Read', 'eth.balance'),
  ethHistory: doc('eth', 'Purchase&Redeem history', 'Read', 'eth.history'),
  ethApyHistory: doc('eth', 'APY history (Public)', null, 'eth.apyHistory'),

  solProductInfo: doc('sol', 'Product info', 'Read', 'sol.productInfo'),
  solPurchase: doc('sol', 'Purchase', 'Trade', 'sol.purchase'),
  solRedeem: doc('sol', 'Redeem', 'Trade', 'sol.redeem'),
  solBalance: doc('sol', 'Balance', 'Read', 'sol.balance'),
  solHistory: doc('sol', 'Purchase&Redeem history', 'Read', 'sol.history'),
  solApyHistory: doc('sol', 'APY history (Public)', null, 'sol.apyHistory'),

  savingsBalance: doc('savings', 'Saving balance', 'Read', 'savings.balance'),
  savingsPurchaseRedempt: doc('savings', 'Savings purchase/redemption', 'Trade', 'savings.purchaseRedempt'),
  savingsSetLendingRate: doc('savings', 'Set lending rate', 'Trade', 'savings.setLendingRate'),
  savingsLendingHistory: doc('savings', 'Lending history', 'Read', 'savings.lendingHistory'),
  savingsLendingRateSummary: doc('savings', 'Public borrow info (public)', null, 'savings.lendingRateSummary'),
  savingsLendingRateHistory: doc('savings', 'Public borrow history (public)', null, 'savings.lendingRateHistory'),

  loanBorrowCurrencies: doc('loan', 'Borrowable currencies', 'Read', 'loan.borrowCurrencies'),
  loanCollateralAssets: doc('loan', 'Collateral assets', 'Read', 'loan.collateralAssets'),
  loanMaxLoan: doc('loan', 'Maximum loan amount', 'Read', 'loan.maxLoan'),
  loanMaxCollateralRedeem: doc('loan', 'Maximum collateral redeem amount', 'Read', 'loan.maxCollateralRedeem'),
  loanAdjustCollateral: doc('loan', 'Adjust collateral', 'Trade', 'loan.adjustCollateral'),
  loanBorrow: doc('loan', 'Borrow', 'Trade', 'loan.borrow'),
  loanRepay: doc('loan', 'Repay', 'Trade', 'loan.repay'),
  loanEmodeInfo: doc('loan', 'E-Mode info', 'Read', 'loan.emodeInfo'),
  loanInfo: doc('loan', 'Loan info', 'Read', 'loan.info'),
  loanHistory: doc('loan', 'Loan history', 'Read', 'loan.history'),
  loanInterestAccrued: doc('loan', 'Accrued interest', 'Read', 'loan.interestAccrued'),

  stableRewardsProductInfo: doc('stable', 'Product info', 'Read', 'stableRewards.productInfo'),
  stableRewardsBalance: doc('stable', 'Balance', 'Read', 'stableRewards.balance'),
  stableRewardsApyHistory: doc('stable', 'APY history', null, 'stableRewards.apyHistory'),

  okusdLimits: doc('okusd', 'OKUSD limits', 'Read', 'okusd.limits'),
  okusdSubscribe: doc('okusd', 'Subscribe OKUSD', 'Trade', 'okusd.subscribe'),
  okusdRedeem: doc('okusd', 'Redeem OKUSD', 'Trade', 'okusd.redeem'),
  okusdAccount: doc('okusd', 'Get OKUSD Account', 'Read', 'okusd.account'),
  okusdSubscribeHistory: doc('okusd', 'Get Subscription History', 'Read', 'okusd.subscribeHistory'),
  okusdRedeemHistory: doc('okusd', 'Get Redemption History', 'Read', 'okusd.redeemHistory'),
  okusdRewardsHistory: doc('okusd', 'Get Rewards History', 'Read', 'okusd.rewardsHistory'),
  okusdAprHistory: doc('okusd', 'Get APR History', 'Read', 'okusd.aprHistory'),

  dualCurrencyPairs: doc('dual', 'Currency pairs', 'Read', 'dual.currencyPairs'),
  dualProducts: doc('dual', 'Product info', 'Read', 'dual.products'),
  dualQuote: doc('dual', 'Request for quote', 'Read', 'dual.quote'),
  dualTrade: doc('dual', 'Trade', 'Trade', 'dual.trade'),
  dualRedeemQuote: doc('dual', 'Request for redeem quote', 'Read', 'dual.redeemQuote'),
  dualRedeem: doc('dual', 'Redeem', 'Trade', 'dual.redeem'),
  dualOrderState: doc('dual', 'Order state', 'Read', 'dual.orderState'),
  dualOrderHistory: doc('dual', 'Order history', 'Read', 'dual.orderHistory'),

  fundingBalances: doc('account', 'Get balance', 'Read', 'account.fundingBalances'),
  assetValuation: doc('account', 'Get account asset valuation', 'Read', 'account.assetValuation'),
  indexTickers: doc('account', 'Get index tickers', null, 'account.indexTickers'),

  publicTime: doc('public', 'Get system time', null, 'serverTime'),

  // The page gives no permission line: a balance read needs Read.
  tradingBalance: doc('account', 'Get balance', 'Read', 'account.tradingBalance'),
  setAutoEarn: doc('account', 'Set auto earn', 'Trade', 'account.setAutoEarn'),
};

/** The Financial Product chapter's endpoints (everything but the account endpoints and the server clock). */
export const FINANCE_ENDPOINT_IDS = ENDPOINT_IDS.filter((id) => ENDPOINT_DOCS[id].product !== 'public' && ENDPOINT_DOCS[id].product !== 'account');

/** The endpoints outside the chapter that the extension uses (funding balances, index prices). */
export const ACCOUNT_ENDPOINT_IDS = ENDPOINT_IDS.filter((id) => ENDPOINT_DOCS[id].product === 'account');
