/**
 * The savings prompts' words for the market's rates and for when money is lent, each rate named for what it is.
 * OKX's savings market has two: the lending rate (`lending-rate-history`'s `lendingRate`, what savers earn) and
 * the borrowing rate (`rate` there, and `estRate`, `preRate`, `avgRate` of `lending-rate-summary`: what
 * borrowers pay, above the lending rate by OKX's cut). A saver's minimum is compared with the lending rate.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { AreaData } from '../portfolio/portfolio';
import { percent } from '../views/nodes';

type Market = AreaData['market'] | undefined;

const known = (rate: string | undefined): rate is string => rate !== undefined && D.isPlainDecimal(rate);

/** The lending rate of `ccy` in the last hour (what savers earned), when OKX gave it. */
export function lendingRateOf(market: Market, ccy: string): string | undefined {
  const rate = market?.latestRates.find((r) => r.ccy === ccy)?.lendingRate;
  return known(rate) ? rate : undefined;
}

/**
 * What the market pays for `ccy` now, for the decisions that depend on it (how much to lend, the minimum rate):
 * the lending rate of the last hour (what savers earned), then the borrowing rate OKX expects next and its
 * 24-hour average, named as what borrowers pay, as the Products view and the product panel label them.
 * Undefined when OKX gave none of them.
 */
export function marketRateLine(market: Market, ccy: string): string | undefined {
  const lending = lendingRateOf(market, ccy);
  const summary = market?.lendingRates.find((r) => r.ccy === ccy);
  const borrowing = [
    ...(known(summary?.estRate) ? [vscode.l10n.t('next {0} (estimated)', percent(summary.estRate))] : []),
    ...(known(summary?.avgRate) ? [vscode.l10n.t('24-hour average {0}', percent(summary.avgRate))] : []),
  ];
  const sentences = [
    ...(lending === undefined ? [] : [vscode.l10n.t('Lending rate (what savers earn): {0} in the last hour.', percent(lending))]),
    ...(borrowing.length === 0 ? [] : [vscode.l10n.t('Borrowing rate (what borrowers pay, not what you earn): {0}.', borrowing.join(', '))]),
  ];
  return sentences.length === 0 ? undefined : sentences.join(' ');
}

/**
 * Whether money added to savings is lent out, told by comparing the saver's minimum with the lending rate of the
 * last hour (OKX lends it, from the next hourly match, while the lending rate is at or above the minimum).
 */
export function subscribedText(amount: string, minimum: string, lending: string | undefined): string {
  if (lending === undefined) return vscode.l10n.t('{0} added to your savings; it is lent out while the lending rate is at or above your minimum of {1}.', amount, percent(minimum));
  return D.gte(lending, minimum)
    ? vscode.l10n.t('{0} added to your savings; it is lent out from the next hour, as the lending rate ({1} in the last hour) is at or above your minimum of {2}.', amount, percent(lending), percent(minimum))
    : vscode.l10n.t('{0} added to your savings; it is not lent out until the lending rate ({1} in the last hour) reaches your minimum of {2}.', amount, percent(lending), percent(minimum));
}

/** The same, for the confirmation's row: when the money will be lent out. */
export function lentOutRow(minimum: string, lending: string | undefined): string {
  if (lending === undefined) return vscode.l10n.t('while the lending rate is at or above {0}', percent(minimum));
  return D.gte(lending, minimum)
    ? vscode.l10n.t('from the next hour: the lending rate ({0} in the last hour) is at or above your minimum', percent(lending))
    : vscode.l10n.t('not yet: the lending rate ({0} in the last hour) is below your minimum of {1}', percent(lending), percent(minimum));
}
