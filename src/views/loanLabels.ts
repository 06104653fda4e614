/**
 * How a loan order is named wherever the user meets it (views, status bar, panels, prompts, notifications):
 * "USDT loan" on an account with one order, "USDT loan · order …345678" when there are several (the shortest
 * tail of the order id that tells them apart; the whole id where they share it).
 */
import * as vscode from 'vscode';
import type { LoanInfo } from '../okx/types';
import { borrowedCcys, loanKey } from '../portfolio/risk';

/** The last `length` characters of an order id, with an ellipsis when that is not all of it. */
function tail(ordId: string, length: number): string {
  return ordId.length <= length ? ordId : `…${ordId.slice(-length)}`;
}

/** The order id as shown: short enough to fit a row, long enough to tell the account's orders apart. */
export function shortOrderId(loan: LoanInfo, all: readonly LoanInfo[]): string {
  const ordId = loan.ordId ?? '';
  const others = all.filter((l) => loanKey(l) !== loanKey(loan)).map((l) => l.ordId ?? '');
  for (const length of [6, 10]) {
    if (!others.some((o) => o.endsWith(ordId.slice(-length)))) return tail(ordId, length);
  }
  return ordId;
}

export function loanName(loan: LoanInfo, all: readonly LoanInfo[]): string {
  const ccys = borrowedCcys(loan);
  if (all.length <= 1 || loan.ordId === undefined || loan.ordId === '') return vscode.l10n.t('{0} loan', ccys);
  return vscode.l10n.t('{0} loan · order {1}', ccys, shortOrderId(loan, all));
}
