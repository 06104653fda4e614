/**
 * Totals in the user's unit (`okxEarn.valuationUnit`) as the views, panels and chat tools show them: a USD value
 * becomes "0.01352904 BTC" through OKX's index price of the unit (../portfolio/valuationUnit), and the tooltip
 * says which index price, and when. Without that price the figure stays in USD and says why, never a USD figure
 * labelled as another unit.
 */
import * as vscode from 'vscode';
import { numberSymbols } from '../portfolio/format';
import type { Portfolio } from '../portfolio/portfolio';
import { DEFAULT_VALUATION_UNIT, formatInUnit, fromUsd, isValuationUnit, unitRate, type IndexPrices, type ValuationUnit } from '../portfolio/valuationUnit';
import { amount, time } from './nodes';

/** okxEarn.valuationUnit: USD when the setting holds anything else. */
export function readValuationUnit(): ValuationUnit {
  const unit = vscode.workspace.getConfiguration('okxEarn').get<string>('valuationUnit', DEFAULT_VALUATION_UNIT);
  return isValuationUnit(unit) ? unit : DEFAULT_VALUATION_UNIT;
}

/** Values in the user's unit, as text. */
export interface Money {
  readonly unit: ValuationUnit;
  /** A USD value in the unit: "1,234.56 USDT"; without the unit's price, in USD and saying so. */
  readonly text: (usd: string) => string;
  /** The unit's index price could not be had: `text` shows USD. */
  readonly missing: boolean;
  /** How the figures are valued, for a tooltip: the index price used and its time, or why there is none. */
  readonly note: string;
}

export function moneyIn(prices: IndexPrices | undefined, unit: ValuationUnit = readValuationUnit()): Money {
  const symbols = numberSymbols(vscode.env.language);
  const rate = unitRate(unit, prices);
  const usdText = (usd: string): string => formatInUnit(usd, 'USD', symbols);
  if (rate === undefined) {
    return {
      unit,
      missing: true,
      text: (usd) => vscode.l10n.t('{0} (no {1} price)', usdText(usd), unit),
      note: vscode.l10n.t("In USD at OKX's index prices: OKX's index gives no {0}-USD price now, so nothing is shown in {0}.", unit),
    };
  }
  if (rate.unit === 'USD') return { unit, missing: false, text: usdText, note: vscode.l10n.t("In USD at OKX's index prices.") };
  return {
    unit,
    missing: false,
    text: (usd) => formatInUnit(fromUsd(usd, rate), unit, symbols),
    note:
      rate.at === undefined
        ? vscode.l10n.t("In {0}: USD values at OKX's index prices, divided by the {1} index, {2}.", unit, rate.instId, amount(rate.price))
        : vscode.l10n.t("In {0}: USD values at OKX's index prices, divided by the {1} index, {2}, at {3}.", unit, rate.instId, amount(rate.price), time(String(rate.at))),
  };
}

/** The user's unit, through the prices the portfolio holds (those being read again count with what they had). */
export function portfolioMoney(portfolio: Pick<Portfolio, 'get'>, unit: ValuationUnit = readValuationUnit()): Money {
  const state = portfolio.get('prices');
  return moneyIn('data' in state ? state.data : undefined, unit);
}
