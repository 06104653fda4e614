/**
 * Which endpoints each area of the portfolio reads (./areaLoaders reads them): the endpoints decide how long an
 * area's data counts as fresh (the longest of their rate windows, `freshForMs`), so that a refresh never asks
 * OKX again for what it answered within its window. Apart from the loaders, which load on the first refresh.
 * No `vscode` import.
 */
import type { OkxClient } from '../okx/client';
import type { EndpointId } from '../okx/endpoints';
import type { AreaId } from './areas';

/** Every endpoint an area's loader reads (a unit test checks them against what the simulator receives). */
export const AREA_ENDPOINTS: { readonly [K in AreaId]: readonly EndpointId[] } = {
  onchain: ['onchainActiveOrders'],
  eth: ['ethBalance', 'ethProductInfo', 'ethHistory'],
  sol: ['solBalance', 'solProductInfo'],
  savings: ['savingsBalance'],
  loans: ['loanInfo'],
  loanLimits: ['loanMaxCollateralRedeem'],
  offers: ['onchainOffers'],
  market: ['savingsLendingRateSummary', 'savingsLendingRateHistory', 'ethApyHistory', 'solApyHistory'],
  prices: ['indexTickers'],
  valuation: ['assetValuation'],
  recent: ['savingsLendingHistory'],
  okusd: ['okusdAccount', 'okusdLimits', 'okusdAprHistory', 'okusdRewardsHistory', 'okusdRedeemHistory'],
  stable: ['stableRewardsBalance', 'stableRewardsApyHistory'],
  dual: ['dualOrderHistory'],
  dualPairs: ['dualCurrencyPairs'],
  funding: ['fundingBalances'],
  trading: ['tradingBalance'],
};

/**
 * How long an area's data is fresh: the longest rate window (this client's: OKX's, or a test's shorter ones) of
 * the endpoints it reads. Asked again sooner, at least one of them would wait in the limiter for an answer that
 * can hardly differ.
 */
export function freshForMs(area: AreaId, client: OkxClient): number {
  return Math.max(...AREA_ENDPOINTS[area].map((id) => client.rateLimit(id).windowMs));
}
