/**
 * The portfolio read tool's answer: the Overview's figures (each area read, unless fresh) in the user's unit
 * (okxEarn.valuationUnit), with yesterday's and the total earnings per product, as the Overview shows them.
 */
import { earningsByProduct } from '../portfolio/earningsByProduct';
import type { Portfolio } from '../portfolio/portfolio';
import { OVERVIEW_AREAS, OverviewView } from '../views/overviewView';
import { readValuationUnit } from '../views/unitText';
import { portfolioText, type L10n } from './toolText';

export async function portfolioAnswer(l10n: L10n, where: string, portfolio: Portfolio): Promise<string> {
  await Promise.all(OVERVIEW_AREAS.map((a) => portfolio.refresh([a])));
  const { overview, input } = OverviewView.compute(portfolio);
  return portfolioText(l10n, where, overview, { unit: readValuationUnit(), prices: input.prices, byProduct: earningsByProduct(input, overview.positions) });
}
