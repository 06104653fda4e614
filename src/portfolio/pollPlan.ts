/**
 * What a scheduled poll asks OKX for: the areas shown (the sidebar's visible views, while the window has the
 * focus), and the loans for the status bar's LTV while there is a loan order to show. With the sidebar closed
 * that is one request (loan-info), and none without a loan. Whatever is still fresh (younger than its
 * endpoints' rate window, Portfolio.isFresh) is not asked again. No `vscode` import.
 */
import type { AreaId, Portfolio } from './portfolio';

type PortfolioState = Pick<Portfolio, 'get' | 'hasCredentials'>;

/**
 * Whether the status bar needs the loans polled: until they are known (never loaded, or failed with nothing
 * kept), and then while there is at least one order. A loan taken since shows when a view that lists loans is
 * shown or refreshed, or after a loan flow (each refreshes the loans).
 */
export function statusBarPollsLoans(portfolio: PortfolioState): boolean {
  if (!portfolio.hasCredentials) return false;
  const loans = portfolio.get('loans');
  if (!('data' in loans) || loans.data === undefined) return true;
  return loans.data.loans.length > 0;
}

/** The areas a poll reloads: `shown` (the visible views' areas), and the loans while the status bar needs them. */
export function pollAreas(portfolio: PortfolioState, shown: Iterable<AreaId>): AreaId[] {
  const areas = new Set<AreaId>(shown);
  if (statusBarPollsLoans(portfolio)) areas.add('loans');
  return [...areas];
}

/**
 * Shown areas read for loan orders older than those loaded since (the status bar's poll, a confirmation of the
 * live LTV, a loan flow): what can be taken back is asked again for the orders as they are now.
 */
export function outdatedByLoans(portfolio: PortfolioState, shown: Iterable<AreaId>): AreaId[] {
  if (![...shown].includes('loanLimits')) return [];
  const loans = portfolio.get('loans');
  const limits = portfolio.get('loanLimits');
  return loans.status === 'ready' && limits.status === 'ready' && limits.data.loansAt < loans.updatedAt ? ['loanLimits'] : [];
}
