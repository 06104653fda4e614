/**
 * Adding collateral to a loan order and taking it back: confirmed with the LTV it leads to, within what OKX says
 * can be taken back, and looked up in that order's history when the outcome is unknown.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { LoanInfo } from '../okx/types';
import { borrowedCcys, ltvAfter, orderParam } from '../portfolio/risk';
import { loanName } from '../views/loanLabels';
import { ltv as ltvText, percent, usd, withCcy } from '../views/nodes';
import { oneAtATime } from './flowGuard';
import { loanRecordIds } from './loanLookups';
import { requireClient, runMoneyAction, type FlowContext } from './moneyAction';
import { askAmount, payloadOf, pick } from './prompts';
import { ui } from './ui';
import { chooseLoan, describeLtv, ltvPreview, priceOf, showLoan } from './loanOrders';

// ------------------------------------------------------------------ collateral

/** Adding or taking back collateral on one order: confirmed with the LTV it leads to, looked up in that order's history. */
function collateralAction(context: FlowContext, loan: LoanInfo, all: readonly LoanInfo[], type: 'add' | 'reduce', ccy: string, amt: string, after: string | undefined, maxRedeem?: string): Promise<boolean> {
  const add = type === 'add';
  const amount = withCcy(amt, ccy);
  const name = loanName(loan, all);
  const params: Record<string, string> = { ordId: loan.ordId, type: add ? 'collateral_locked' : 'collateral_released', ccy, amt, label: add ? vscode.l10n.t('locked as collateral') : vscode.l10n.t('released from collateral') };
  return runMoneyAction(context, {
    what: add ? vscode.l10n.t('adding {0} of collateral to {1}', amount, name) : vscode.l10n.t('taking back {0} of collateral from {1}', amount, name),
    question: add ? vscode.l10n.t('Add {0} as collateral to {1}?', amount, name) : vscode.l10n.t('Take {0} of collateral back from {1}?', amount, name),
    verb: add ? vscode.l10n.t('Add Collateral') : vscode.l10n.t('Reduce Collateral'),
    rows: [
      [vscode.l10n.t('Loan order'), `${borrowedCcys(loan)} · ${loan.ordId}`],
      [add ? vscode.l10n.t('Collateral to add') : vscode.l10n.t('Collateral to take back'), amount],
      ...(maxRedeem === undefined ? [] : [[vscode.l10n.t('Most that can be taken back'), withCcy(maxRedeem, ccy)] as const]),
      [vscode.l10n.t('LTV now'), ltvText(loan.curLTV)],
      [vscode.l10n.t('LTV after'), describeLtv(loan, after)],
      [vscode.l10n.t('Margin call / liquidation at'), `${percent(loan.marginCallLTV)} / ${percent(loan.liqLTV)}`],
    ],
    amount: { value: amt, ccy },
    send: async (c) => {
      params.before = await loanRecordIds(c, loan.ordId, add ? 'collateral_locked' : 'collateral_released').catch(() => '');
      return c.loan.adjustCollateral({ type, collateralCcy: ccy, collateralAmt: amt, ...orderParam(loan) });
    },
    done: () => (add ? vscode.l10n.t('{0} added as collateral to {1}.', amount, name) : vscode.l10n.t('{0} of collateral from {1} returned to your funding account.', amount, name)),
    lookup: { kind: 'loan.record', params },
    refresh: ['loans'],
    histories: ['loan'],
    show: showLoan(loan),
  });
}

async function addCollateralFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const chosen = await chooseLoan(context, arg, vscode.l10n.t('Add collateral to which loan order?'));
  if (chosen === undefined) return false;
  const { loan, all } = chosen;
  // What the funding account holds that this order takes as collateral (E-Mode orders: their pair's only).
  const [assets] = await client.loan.collateralAssets(orderParam(loan));
  const eligible = (assets?.assets ?? []).filter((a) => D.isPlainDecimal(a.amt) && D.isPositive(a.amt));
  const preset = payloadOf(arg, 'collateral')?.ccy;
  const asset =
    eligible.find((a) => a.ccy === preset) ??
    (await pick(
      vscode.l10n.t('Add which collateral to {0}?', loanName(loan, all)),
      eligible,
      (a) => ({ label: a.ccy, description: vscode.l10n.t('{0} in your funding account ({1})', withCcy(a.amt, a.ccy), usd(a.notionalUsd)) }),
      vscode.l10n.t('Your funding account holds nothing that this loan order can take as collateral.'),
      'collateralCcy',
    ));
  if (asset === undefined) return false;
  const ccy = asset.ccy;
  const price = D.isPlainDecimal(asset.notionalUsd) ? D.div(asset.notionalUsd, asset.amt, 8) : undefined;
  const amt = await askAmount(
    vscode.l10n.t('Add {0} collateral to {1}', ccy, loanName(loan, all)),
    vscode.l10n.t("Amount of {0} to add; you have {1} in your funding account. The order's LTV is {2} now.", ccy, withCcy(asset.amt, ccy), ltvText(loan.curLTV)),
    { ccy, available: asset.amt, availableWhere: vscode.l10n.t('in your funding account') },
    'amount',
    { preview: ltvPreview(loan, price, 1) },
  );
  if (amt === undefined) return false;
  const after = price === undefined ? undefined : ltvAfter(loan, amt, price, 1);
  return collateralAction(context, loan, all, 'add', ccy, amt, after);
}

async function reduceCollateralFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const chosen = await chooseLoan(context, arg, vscode.l10n.t('Take collateral back from which loan order?'));
  if (chosen === undefined) return false;
  const { loan, all } = chosen;
  const preset = payloadOf(arg, 'collateral')?.ccy;
  const held =
    loan.collateralData.find((c) => c.ccy === preset) ??
    (await pick(vscode.l10n.t('Take back which collateral?'), loan.collateralData, (c) => ({ label: c.ccy, description: withCcy(c.amt, c.ccy) }), vscode.l10n.t('This loan order has no collateral.'), 'collateralCcy'));
  if (held === undefined) return false;
  const ccy = held.ccy;
  const [max] = await client.loan.maxCollateralRedeem({ ccy, ...orderParam(loan) });
  const maxRedeem = max?.maxRedeemAmt ?? '0';
  if (!D.isPlainDecimal(maxRedeem) || !D.isPositive(maxRedeem)) {
    void ui.warn(
      vscode.l10n.t("No {0} can be taken back from {1} now: its LTV ({2}) would rise above what OKX allows. Add collateral or repay first.", ccy, loanName(loan, all), ltvText(loan.curLTV)),
    );
    return false;
  }
  const price = await priceOf(client, loan, ccy);
  const amt = await askAmount(
    vscode.l10n.t('Take {0} collateral back from {1}', ccy, loanName(loan, all)),
    vscode.l10n.t("Amount of {0} to take back to your funding account; at most {1} (OKX's limit for this order now).", ccy, withCcy(maxRedeem, ccy)),
    { ccy, available: maxRedeem, availableWhere: vscode.l10n.t('to take back now') },
    'amount',
    { preview: ltvPreview(loan, price, -1), availableMeans: vscode.l10n.t("OKX's limit for this order now") },
  );
  if (amt === undefined) return false;
  const after = price === undefined ? undefined : ltvAfter(loan, amt, price, -1);
  return collateralAction(context, loan, all, 'reduce', ccy, amt, after, maxRedeem);
}
export const addCollateral = oneAtATime('loan.addCollateral', addCollateralFlow);
export const reduceCollateral = oneAtATime('loan.reduceCollateral', reduceCollateralFlow);
