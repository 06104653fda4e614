/**
 * Flexible loan: add or reduce collateral (reduce bounded by OKX's maximum redeemable amount), with the LTV it
 * leads to shown before confirming; and the maximum loan for a currency, with optional supplementary collateral.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { LoanInfo } from '../okx/types';
import { loanKey, ltvAfter, ltvLevel } from '../portfolio/risk';
import { readSettings } from '../settings';
import { percent, usd, withCcy } from '../views/nodes';
import { requireClient, runMoneyAction, serverNow, type FlowContext } from './moneyAction';
import { areaData, askAmount, payloadOf, pick } from './prompts';

const SHOW_LOANS: vscode.Command = { command: 'okxEarn.revealLoan', title: vscode.l10n.t('Show Loan') };

/** USD price of `ccy`: from the funding account's valuation, or from the loan when it is the only collateral. */
async function priceOf(client: OkxClient, loan: LoanInfo, ccy: string): Promise<string | undefined> {
  try {
    const [assets] = await client.loan.collateralAssets({ ccy });
    const asset = assets?.assets.find((a) => a.ccy === ccy);
    if (asset !== undefined && D.isPositive(asset.amt)) return D.div(asset.notionalUsd, asset.amt, 8);
  } catch {
    // fall through
  }
  const [only] = loan.collateralData;
  if (loan.collateralData.length === 1 && only?.ccy === ccy && D.isPositive(only.amt)) return D.div(loan.collateralNotionalUsd, only.amt, 8);
  return undefined;
}

function describeLtv(loan: LoanInfo, ltv: string | undefined): string {
  if (ltv === undefined) return vscode.l10n.t('not known (no price for this currency)');
  const level = ltvLevel({ ...loan, curLTV: ltv }, readSettings().ltvWarningDistance);
  const note =
    level === 'safe' ? '' : level === 'warning' ? vscode.l10n.t(' (near margin call)') : level === 'marginCall' ? vscode.l10n.t(' (over margin call)') : vscode.l10n.t(' (at liquidation)');
  return `${percent(ltv)}${note}`;
}

/** The loan as it is now (LTV, collateral): the tree item's, looked up again, or the only one, or one picked. */
async function chooseLoan(context: FlowContext, arg: unknown): Promise<LoanInfo | undefined> {
  const data = await areaData(context.portfolio, 'loans');
  if (data === undefined) return undefined;
  const given = payloadOf(arg, 'loan')?.loan ?? payloadOf(arg, 'collateral')?.loan;
  if (given !== undefined) return data.loans.find((l) => loanKey(l) === loanKey(given));
  if (data.loans.length === 1) return data.loans[0];
  return pick(vscode.l10n.t('Which loan?'), data.loans, (l) => ({ label: l.loanData.map((d) => d.ccy).join('+'), description: vscode.l10n.t('LTV {0}', percent(l.curLTV)) }), vscode.l10n.t('You have no flexible loan.'));
}

async function recordedSince(client: OkxClient, type: 'collateral_locked' | 'collateral_released', ccy: string, amt: string, since: number): Promise<boolean> {
  const records = await client.loan.history({ type }).next();
  return records.some((r) => r.ccy === ccy && D.cmp(r.amt.replace(/^-/, ''), amt) === 0 && Number(r.ts) >= since);
}

/** Adding or taking back collateral: one action, confirmed with the LTV it leads to, reconciled from the loan history. */
function collateralAction(context: FlowContext, loan: LoanInfo, type: 'add' | 'reduce', ccy: string, amt: string, after: string | undefined, maxRedeem?: string): Promise<boolean> {
  const add = type === 'add';
  const amount = withCcy(amt, ccy);
  let since = 0;
  return runMoneyAction(context, {
    what: add ? vscode.l10n.t('adding {0} of collateral', amount) : vscode.l10n.t('taking back {0} of collateral', amount),
    question: add ? vscode.l10n.t('Add {0} as collateral?', amount) : vscode.l10n.t('Take {0} of collateral back?', amount),
    verb: add ? vscode.l10n.t('Add Collateral') : vscode.l10n.t('Reduce Collateral'),
    rows: [
      [vscode.l10n.t('Loan'), loan.loanData.map((l) => l.ccy).join('+')],
      [add ? vscode.l10n.t('Collateral to add') : vscode.l10n.t('Collateral to take back'), amount],
      ...(maxRedeem === undefined ? [] : [[vscode.l10n.t('Most that can be taken back'), withCcy(maxRedeem, ccy)] as const]),
      [vscode.l10n.t('LTV now'), percent(loan.curLTV)],
      [vscode.l10n.t('LTV after'), describeLtv(loan, after)],
      [vscode.l10n.t('Margin call / liquidation at'), `${percent(loan.marginCallLTV)} / ${percent(loan.liqLTV)}`],
    ],
    amount: { value: amt, ccy },
    send: (c) => {
      since = serverNow(context) - 60_000;
      return c.loan.adjustCollateral({ type, collateralCcy: ccy, collateralAmt: amt });
    },
    done: () => (add ? vscode.l10n.t('{0} added as collateral.', amount) : vscode.l10n.t('{0} of collateral returned to your funding account.', amount)),
    reconcile: async (c) =>
      (await recordedSince(c, add ? 'collateral_locked' : 'collateral_released', ccy, amt, since))
        ? { happened: true, detail: add ? vscode.l10n.t('{0} is locked as collateral.', amount) : vscode.l10n.t('{0} was released.', amount) }
        : { happened: false, detail: add ? vscode.l10n.t('the loan history shows no such collateral added.') : vscode.l10n.t('the loan history shows no such collateral released.') },
    refresh: ['loans'],
    histories: ['loan'],
    show: SHOW_LOANS,
  });
}

export async function addCollateral(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const loan = await chooseLoan(context, arg);
  if (loan === undefined) return false;
  const [assets] = await client.loan.collateralAssets();
  const loanCcys = loan.loanData.map((l) => l.ccy);
  const eligible = (assets?.assets ?? []).filter((a) => !loanCcys.includes(a.ccy) && D.isPositive(a.amt));
  const preset = payloadOf(arg, 'collateral')?.ccy;
  const asset =
    eligible.find((a) => a.ccy === preset) ??
    (await pick(
      vscode.l10n.t('Add which collateral?'),
      eligible,
      (a) => ({ label: a.ccy, description: vscode.l10n.t('{0} in your funding account ({1})', withCcy(a.amt, a.ccy), usd(a.notionalUsd)) }),
      vscode.l10n.t('Your funding account holds nothing that can be added as collateral.'),
    ));
  if (asset === undefined) return false;
  const ccy = asset.ccy;
  const amt = await askAmount(
    vscode.l10n.t('Add {0} collateral', ccy),
    vscode.l10n.t('Amount of {0} to add; you have {1} in your funding account. The loan\'s LTV is {2} now.', ccy, withCcy(asset.amt, ccy), percent(loan.curLTV)),
    { ccy, available: asset.amt, availableWhere: vscode.l10n.t('in your funding account') },
  );
  if (amt === undefined) return false;
  const price = D.isPositive(asset.amt) ? D.div(asset.notionalUsd, asset.amt, 8) : undefined;
  const after = price === undefined ? undefined : ltvAfter(loan, amt, price, 1);
  return collateralAction(context, loan, 'add', ccy, amt, after);
}

export async function reduceCollateral(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const loan = await chooseLoan(context, arg);
  if (loan === undefined) return false;
  const preset = payloadOf(arg, 'collateral')?.ccy;
  const held =
    loan.collateralData.find((c) => c.ccy === preset) ??
    (await pick(vscode.l10n.t('Take back which collateral?'), loan.collateralData, (c) => ({ label: c.ccy, description: withCcy(c.amt, c.ccy) }), vscode.l10n.t('This loan has no collateral.')));
  if (held === undefined) return false;
  const ccy = held.ccy;
  const [max] = await client.loan.maxCollateralRedeem({ ccy });
  const maxRedeem = max?.maxRedeemAmt ?? '0';
  if (!D.isPositive(maxRedeem)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('No {0} can be taken back now: the loan\'s LTV ({1}) would rise above what OKX allows. Add collateral or repay first.', ccy, percent(loan.curLTV)),
    );
    return false;
  }
  const amt = await askAmount(
    vscode.l10n.t('Reduce {0} collateral', ccy),
    vscode.l10n.t('Amount of {0} to take back to your funding account; at most {1} (OKX\'s limit for this loan now).', ccy, withCcy(maxRedeem, ccy)),
    { ccy, available: maxRedeem, availableWhere: vscode.l10n.t('redeemable now') },
  );
  if (amt === undefined) return false;
  const price = await priceOf(client, loan, ccy);
  const after = price === undefined ? undefined : ltvAfter(loan, amt, price, -1);
  return collateralAction(context, loan, 'reduce', ccy, amt, after, maxRedeem);
}

/** Not money-moving: how much more could be borrowed, optionally with supplementary collateral. */
export async function maxLoan(context: FlowContext): Promise<void> {
  const client = requireClient(context);
  if (client === undefined) return;
  const currencies = (await client.loan.borrowCurrencies()).map((b) => b.borrowCcy);
  const borrowCcy = await pick(vscode.l10n.t('Maximum loan in which currency?'), currencies, (c) => ({ label: c }), vscode.l10n.t('OKX offers no currency to borrow.'));
  if (borrowCcy === undefined) return;
  const none = vscode.l10n.t('No supplementary collateral');
  const [assets] = await client.loan.collateralAssets();
  const options = [none, ...(assets?.assets ?? []).filter((a) => a.ccy !== borrowCcy).map((a) => a.ccy)];
  const sup = await pick(vscode.l10n.t('With supplementary collateral?'), options, (c) => ({ label: c }), '');
  if (sup === undefined) return;
  let supCollateral: { ccy: string; amt: string }[] | undefined;
  if (sup !== none) {
    const amt = await askAmount(vscode.l10n.t('Supplementary {0} collateral', sup), vscode.l10n.t('Amount of {0} you would add as collateral.', sup), { ccy: sup });
    if (amt === undefined) return;
    supCollateral = [{ ccy: sup, amt }];
  }
  try {
    const [result] = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking OKX for the maximum loan…') },
      () => client.loan.maxLoan({ borrowCcy, ...(supCollateral === undefined ? {} : { supCollateral }) }),
    );
    if (result === undefined) return;
    void vscode.window.showInformationMessage(
      vscode.l10n.t('You can borrow up to {0} ({1}){2}. Remaining quota: {3}.', withCcy(result.maxLoan, borrowCcy), usd(result.notionalUsd), supCollateral === undefined ? '' : vscode.l10n.t(' with {0} more collateral', withCcy(supCollateral[0]?.amt ?? '', sup)), withCcy(result.remainingQuota, borrowCcy)),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(errorText(error));
  }
}
