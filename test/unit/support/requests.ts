/**
 * A test key and a valid request for every endpoint, shared by the client, limiter, portfolio and reconcile
 * tests. In a module of its own, not a test file: mocha's parallel mode would run an imported test file's tests
 * again in every worker that imports it.
 */
import type { EndpointId, ParamsOf } from '../../../src/okx/endpoints';

export const CREDENTIALS = { apiKey: 'test-api-key-1', secretKey: 'test-secret-key-XYZ', passphrase: 'test-passphrase-9' };

/** A valid request for every endpoint, from the reference's own request examples. */
export const SAMPLE_PARAMS: { [K in EndpointId]: ParamsOf<K> } = {
  onchainOffers: { ccy: 'USDT' },
  onchainPurchase: { productId: '1234', investData: [{ ccy: 'ZIL', amt: '100' }], term: '30' },
  onchainRedeem: { ordId: '754147', protocolType: 'defi', allowEarlyRedeem: true },
  onchainCancel: { ordId: '754147', protocolType: 'defi' },
  onchainActiveOrders: { ccy: 'DOT', state: '1' },
  onchainOrderHistory: { ccy: 'DOT', limit: '10' },
  ethProductInfo: {},
  ethPurchase: { amt: '100' },
  ethRedeem: { amt: '10' },
  ethCancelRedeem: { ordId: '1234567890' },
  ethBalance: {},
  ethHistory: { type: 'redeem', status: 'pending', limit: '5' },
  ethApyHistory: { days: '2' },
  solProductInfo: {},
  solPurchase: { amt: '100' },
  solRedeem: { amt: '10' },
  solBalance: {},
  solHistory: { type: 'purchase' },
  solApyHistory: { days: '7' },
  savingsBalance: { ccy: 'USDT' },
  savingsPurchaseRedempt: { ccy: 'BTC', amt: '1', side: 'purchase', rate: '0.01' },
  savingsSetLendingRate: { ccy: 'BTC', rate: '0.02' },
  savingsLendingHistory: { ccy: 'BTC', after: '1597026383085' },
  savingsLendingRateSummary: { ccy: 'BTC' },
  savingsLendingRateHistory: { ccy: 'BTC', before: '1597026383085', limit: '100' },
  loanBorrowCurrencies: {},
  loanCollateralAssets: { ccy: 'BTC' },
  loanMaxLoan: { borrowCcy: 'USDT', supCollateral: [{ ccy: 'BTC', amt: '0.5' }] },
  loanMaxCollateralRedeem: { ccy: 'USDT', ordId: '12345' },
  loanAdjustCollateral: { type: 'add', ordId: '12345', collateralCcy: 'BTC', collateralAmt: '0.1' },
  loanBorrow: { loanData: { ccy: 'USDT', amt: '1000' }, collateralData: [{ ccy: 'BTC', amt: '0.02' }], eMode: '0', clOrdId: 'my-borrow-001' },
  loanRepay: { ordId: '680234819012345678', ccy: 'USDT', amt: '1000', clOrdId: 'my-repay-001' },
  loanEmodeInfo: {},
  loanInfo: { ordId: '12345' },
  loanHistory: { type: 'collateral_locked', limit: '20', ordId: '12345' },
  loanInterestAccrued: { ccy: 'USDC', ordId: '12345' },
  fundingBalances: { ccy: 'BTC,ETH' },
  assetValuation: { ccy: 'USD' },
  indexTickers: { instId: 'BTC-USD' },
  publicTime: {},
};
