/**
 * A flexible-loan repayment is settled by OKX after it accepts it (asynchronously): what loan-info shows
 * afterwards is the result, told in words. Polled for a while; after that, the Loans view shows it when it settles.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';
import type { LoanInfo } from '../okx/types';
import { orderParam } from '../portfolio/risk';
import { withCcy } from '../views/nodes';

/** How long a repayment may take to settle before the user is told it has not yet. */
const SETTLE_WAIT_MS = 15_000;
const SETTLE_POLL_MS = 1_000;

/** What loan-info says once a repayment settled: the order closed, or what it owes now. */
type Settled = { readonly closed: true } | { readonly closed: false; readonly owes: string; readonly ccy: string };

/** Polls loan-info for the order until what it owes drops below `owedBefore` (or it closes), for a while. */
async function waitForRepayment(client: OkxClient, loan: LoanInfo, ccy: string, owedBefore: string): Promise<Settled | undefined> {
  const deadline = Date.now() + SETTLE_WAIT_MS;
  for (;;) {
    const [now] = await client.loan.info(orderParam(loan));
    if (now === undefined) return { closed: true };
    const line = now.loanData.find((l) => l.ccy === ccy);
    // Interest only ever adds to the debt: less than before means the repayment settled.
    if (line === undefined || (D.isPlainDecimal(line.amt) && D.lt(line.amt, owedBefore))) return { closed: false, owes: line?.amt ?? '0', ccy };
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
}

function settledText(settled: Settled, amount: string, name: string): string {
  return settled.closed
    ? vscode.l10n.t('{0} repaid: {1} is closed and its collateral is back in your funding account.', amount, name)
    : vscode.l10n.t('{0} repaid: {1} now owes {2}.', amount, name, withCcy(settled.owes, settled.ccy));
}

export async function confirmRepayment(client: OkxClient, loan: LoanInfo, ccy: string, owedBefore: string, amount: string, name: string): Promise<string> {
  const settled = await waitForRepayment(client, loan, ccy, owedBefore);
  return settled === undefined
    ? vscode.l10n.t('OKX accepted the repayment of {0} on {1}, but it has not settled within {2} s; the Loans view will show it when it does.', amount, name, String(SETTLE_WAIT_MS / 1000))
    : settledText(settled, amount, name);
}
