/**
 * Flexible loans, per loan order (OKX keeps several per account since 2026): borrow (a new order, or more on
 * one), repay (in part or in full; OKX settles it asynchronously, so the result is confirmed from loan-info),
 * add or take back collateral, and the maximum loan. Every request names its order (`ordId`) once the order
 * is known; borrow and repay carry one client order id per user action. Repaying is here; borrowing and the
 * maximum loan in ./loanBorrow, collateral in ./loanCollateral, choosing the order in ./loanOrders.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { borrowedCcys } from '../portfolio/risk';
import { clientOrderId } from '../validation';
import { loanName } from '../views/loanLabels';
import { ltv as ltvText, withCcy } from '../views/nodes';
import { oneAtATime } from './flowGuard';
import { LOAN_KEY_LIFE_MS, loanRecordIds } from './loanLookups';
import { confirmRepayment } from './repaySettlement';
import { requireClient, runMoneyAction, type FlowContext } from './moneyAction';
import { askAmount, pick } from './prompts';
import { chooseLoan, describeLtv, priceOf, showLoan } from './loanOrders';
import { ui } from './ui';

export { addCollateral, reduceCollateral } from './loanCollateral';
export { borrow, maxLoan } from './loanBorrow';

// ------------------------------------------------------------------ repay

async function repayFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const chosen = await chooseLoan(context, arg, vscode.l10n.t('Repay which loan order?'));
  if (chosen === undefined) return false;
  const { loan, all } = chosen;
  const name = loanName(loan, all);
  if (loan.ordId === undefined || loan.ordId === '') {
    void ui.error(vscode.l10n.t('OKX gave this loan no order id, so it cannot be repaid from here. Repay it on OKX.'));
    return false;
  }
  const line = await pick(
    vscode.l10n.t('Repay which currency?'),
    loan.loanData.filter((l) => D.isPlainDecimal(l.amt) && D.isPositive(l.amt)),
    (l) => ({ label: l.ccy, description: vscode.l10n.t('owes {0}', withCcy(l.amt, l.ccy)) }),
    vscode.l10n.t('{0} owes nothing.', name),
    'ccy',
  );
  if (line === undefined) return false;
  const { ccy, amt: owed } = line;
  const [balance] = await client.account.fundingBalances({ ccy });
  const available = balance !== undefined && D.isPlainDecimal(balance.availBal) ? balance.availBal : '0';
  if (!D.isPositive(available)) {
    void ui.warn(vscode.l10n.t('Your funding account has no {0} to repay {1} with. Transfer some to it on OKX first.', ccy, name));
    return false;
  }
  const amt = await askAmount(
    vscode.l10n.t('Repay {0} on {1}', ccy, name),
    vscode.l10n.t('It owes {0}; your funding account has {1} available. Repaying all it owes closes the order and returns its collateral.', withCcy(owed, ccy), withCcy(available, ccy)),
    // In the currency's own precision, as every prompt; what is owed, as OKX states it, in full (to close the order).
    { ccy, owed, available, availableWhere: vscode.l10n.t('in your funding account'), whole: owed },
  );
  if (amt === undefined) return false;
  const amount = withCcy(amt, ccy);
  const repaysAll = D.cmp(amt, owed) === 0;
  const price = await priceOf(client, loan, ccy);
  const after =
    repaysAll || price === undefined || !D.isPlainDecimal(loan.collateralNotionalUsd) || !D.isPositive(loan.collateralNotionalUsd)
      ? undefined
      : D.div(D.max('0', D.sub(loan.loanNotionalUsd, D.mul(amt, price))), loan.collateralNotionalUsd, 4);
  const clOrdId = clientOrderId();
  const params: Record<string, string> = { ordId: loan.ordId, type: 'repaid', ccy, amt, label: vscode.l10n.t('repaid') };
  return runMoneyAction(context, {
    what: vscode.l10n.t('repaying {0} on {1}', amount, name),
    question: repaysAll ? vscode.l10n.t('Repay all {0} that {1} owes, and close it?', amount, name) : vscode.l10n.t('Repay {0} of {1}?', amount, name),
    verb: vscode.l10n.t('Repay'),
    rows: [
      [vscode.l10n.t('Loan order'), `${borrowedCcys(loan)} · ${loan.ordId}`],
      [vscode.l10n.t('Repay'), amount],
      [vscode.l10n.t('Owed now'), withCcy(owed, ccy)],
      [vscode.l10n.t('Owed after'), repaysAll ? vscode.l10n.t('nothing: the order closes and its collateral returns to your funding account') : withCcy(D.sub(owed, amt), ccy)],
      [vscode.l10n.t('From your funding account'), vscode.l10n.t('{0} available', withCcy(available, ccy))],
      [vscode.l10n.t('LTV now'), ltvText(loan.curLTV)],
      ...(repaysAll ? [] : [[vscode.l10n.t('LTV after'), describeLtv(loan, after)] as const]),
    ],
    amount: { value: amt, ccy },
    send: async (c) => {
      params.before = await loanRecordIds(c, loan.ordId, 'repaid').catch(() => '');
      return c.loan.repay({ ordId: loan.ordId, ccy, amt, clOrdId });
    },
    ack: ([ack]) => (ack === undefined || ack.ordId !== loan.ordId ? { state: 'unknown', detail: vscode.l10n.t('no order id') } : undefined),
    done: () => vscode.l10n.t('OKX accepted the repayment of {0} on {1}.', amount, name),
    // OKX settles a repayment after accepting it: the result is what loan-info shows afterwards.
    settle: (c) => confirmRepayment(c, loan, ccy, owed, amount, name),
    // By a record that was not there before it was sent, never by an amount alone (an identical repayment a
    // moment earlier is not this one); certain only through the client order id, within OKX's 60 s.
    lookup: { kind: 'loan.record', params },
    key: vscode.l10n.t('client order id {0}', clOrdId),
    sameKeyUntil: (sent) => sent.sentAt + LOAN_KEY_LIFE_MS,
    refresh: ['loans'],
    histories: ['loan', 'interest'],
    show: showLoan(loan),
  });
}

export const repay = oneAtATime('loan.repay', repayFlow);
