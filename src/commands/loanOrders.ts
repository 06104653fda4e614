/**
 * Choosing the loan order a flow acts on, and what the flows show about it: its name and LTV, the LTV an
 * amount would lead to, the USD price of a currency, the command that shows the order.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';
import type { LoanInfo } from '../okx/types';
import { usdPrices } from '../portfolio/prices';
import { borrowedCcys, byRisk, loanKey, ltvAfter, ltvLevel } from '../portfolio/risk';
import { readSettings } from '../settings';
import { loanName } from '../views/loanLabels';
import { ltvSummary } from '../views/loansView';
import { ltv as ltvText, withCcy } from '../views/nodes';
import { type FlowContext } from './moneyAction';
import { areaData, payloadOf, pick } from './prompts';
import { ui } from './ui';

export const showLoan = (loan: LoanInfo | string): vscode.Command => ({
  command: 'okxEarn.revealLoan',
  title: vscode.l10n.t('Show Loan'),
  arguments: [typeof loan === 'string' ? loan : loanKey(loan)],
});

export function describeLtv(loan: LoanInfo, ltv: string | undefined): string {
  if (ltv === undefined) return vscode.l10n.t('not known (no price for this currency)');
  const level = ltvLevel({ ...loan, curLTV: ltv }, readSettings().ltvWarningDistance);
  const note =
    level === 'safe' ? '' : level === 'warning' ? vscode.l10n.t(' (near margin call)') : level === 'marginCall' ? vscode.l10n.t(' (over margin call)') : vscode.l10n.t(' (at liquidation)');
  return `${ltvText(ltv)}${note}`;
}

/** "LTV after: 58.2%" as an amount of collateral is typed (added: +1, taken back: −1), at the price used for the confirmation. */
export function ltvPreview(loan: LoanInfo, price: string | undefined, sign: 1 | -1): ((amt: string) => string | undefined) | undefined {
  if (price === undefined) return undefined;
  return (amt) => vscode.l10n.t('LTV after: {0}.', describeLtv(loan, ltvAfter(loan, amt, price, sign)));
}

/** The account's loan orders as they are now (read afresh), or undefined when they cannot be read. */
export async function currentLoans(context: FlowContext): Promise<LoanInfo[] | undefined> {
  return (await areaData(context.portfolio, 'loans'))?.loans;
}

/**
 * The order a command is about, as it is now: the tree item's or panel's (looked up again by its id), the only
 * one, or one picked, riskiest first.
 */
export async function chooseLoan(context: FlowContext, arg: unknown, title: string): Promise<{ loan: LoanInfo; all: LoanInfo[] } | undefined> {
  const all = await currentLoans(context);
  if (all === undefined) return undefined;
  const given = payloadOf(arg, 'loan')?.loan ?? payloadOf(arg, 'collateral')?.loan;
  if (given !== undefined) {
    const loan = all.find((l) => loanKey(l) === loanKey(given));
    if (loan === undefined) {
      void ui.warn(
        vscode.l10n.t('Loan order {0} no longer exists: it was repaid in full or liquidated. The Loans view shows your current orders.', given.ordId || borrowedCcys(given)),
      );
      return undefined;
    }
    return { loan, all };
  }
  if (all.length === 1 && all[0] !== undefined) return { loan: all[0], all };
  const ranked = byRisk(all, readSettings().ltvWarningDistance).map((r) => r.loan);
  const loan = await pick(title, ranked, (l) => ({ label: loanName(l, all), description: ltvSummary(l), detail: orderDetail(l) }), vscode.l10n.t('You have no flexible loan.'));
  return loan === undefined ? undefined : { loan, all };
}

export function orderDetail(loan: LoanInfo): string {
  return vscode.l10n.t('Order {0}: borrowed {1}; collateral {2}', loan.ordId, loan.loanData.map((l) => withCcy(l.amt, l.ccy)).join(' + '), loan.collateralData.map((c) => withCcy(c.amt, c.ccy)).join(', '));
}

/** USD per unit of `ccy`: OKX's index price, or the order's own figures where they tell it. */
export async function priceOf(client: OkxClient, loan: LoanInfo | undefined, ccy: string): Promise<string | undefined> {
  try {
    const price = (await usdPrices(client)).get(ccy);
    if (price !== undefined) return price;
  } catch {
    // fall through to the order's own figures
  }
  if (loan === undefined) return undefined;
  const line = loan.loanData.find((l) => l.ccy === ccy);
  if (loan.loanData.length === 1 && line !== undefined && D.isPositive(line.amt) && D.isPlainDecimal(loan.loanNotionalUsd)) return D.div(loan.loanNotionalUsd, line.amt, 8);
  const [only] = loan.collateralData;
  if (loan.collateralData.length === 1 && only?.ccy === ccy && D.isPositive(only.amt)) return D.div(loan.collateralNotionalUsd, only.amt, 8);
  return undefined;
}
