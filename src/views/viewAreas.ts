/**
 * What each sidebar view shows: its areas of the portfolio, which the auto-refresh reloads while the view is
 * visible. Known at start-up, before a view's code loads (./lazyTree). No `vscode` import.
 */
import type { AreaId } from '../portfolio/portfolio';
import type { ViewKey } from './viewIds';

export const VIEW_AREAS: { readonly [K in ViewKey]: readonly AreaId[] } = {
  /** Everything the totals are computed from (prices, valuation, recent), and the idle money (funding, trading, offers). */
  overview: ['onchain', 'eth', 'sol', 'savings', 'okusd', 'stable', 'dual', 'loans', 'market', 'prices', 'valuation', 'recent', 'funding', 'trading', 'offers'],
  staking: ['onchain', 'eth', 'sol'],
  /** With auto-earn, per currency of the trading account. */
  savings: ['savings', 'market', 'trading'],
  moreEarn: ['okusd', 'stable', 'dual', 'dualPairs'],
  /** With what can be taken back of each collateral, read only while this view shows it. */
  loans: ['loans', 'loanLimits'],
  products: ['offers', 'market'],
};
