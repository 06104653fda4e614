/**
 * What became of a flexible-loan request whose answer was lost or unclear: borrow, repay, add or take back
 * collateral. OKX's loan history carries no client order id, so a record is ours only if it was not there
 * before the request was sent (its `refId` is new) and it has the request's type, currency and amount: probable,
 * never certain, and never "not done" for not being there (yet). The certain way is the client order id, which
 * OKX keeps for 60 s: sent again within that time, the same request answers 51016 when it was carried out.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';
import type { LoanHistoryType } from '../okx/types';
import { loanKey } from '../portfolio/risk';
import { withCcy } from '../views/nodes';
import { registerLookups } from './lookups';
import type { Finding } from './outcome';
import { findInHistory, recentRecordIds, type SendWindow } from './reconcile';

/** OKX keeps a loan's client order id for 60 s; a resend is offered for 50 of them (clocks and travel differ). */
export const LOAN_KEY_LIFE_MS = 50_000;

const sameAmount = (a: string, b: string): boolean => D.isPlainDecimal(a.replace(/^-/, '')) && D.cmp(a.replace(/^-/, ''), b) === 0;

/** The refIds of one order's history records of `type` in the last half minute: what is there before a request. */
export async function loanRecordIds(client: OkxClient, ordId: string, type: LoanHistoryType): Promise<string> {
  return recentRecordIds(client.loan.history({ type, ...(ordId === '' ? {} : { ordId }) }), Date.now() + client.clockOffsetMs, (r) => r.ts, (r) => r.refId);
}

/** The loan order keys there are before a new order is borrowed. */
export async function loanKeys(client: OkxClient): Promise<string> {
  return (await client.loan.info()).map((l) => loanKey(l)).join(',');
}

async function findNewRecord(client: OkxClient, p: Readonly<Record<string, string>>, sent: SendWindow): Promise<{ refId: string; ts: string } | undefined> {
  const { ordId = '', type = 'borrowed', ccy = '', amt = '' } = p;
  const before = new Set((p.before ?? '').split(',').filter((id) => id !== ''));
  const match = await findInHistory(client.loan.history({ type: type as LoanHistoryType, ...(ordId === '' ? {} : { ordId }) }), {
    since: sent.since,
    timeOf: (r) => r.ts,
    byAmount: (r) => !before.has(r.refId) && r.ccy === ccy && sameAmount(r.amt, amt),
  });
  return match?.record;
}

registerLookups({
  'loan.record': async (client, p, sent): Promise<Finding> => {
    const amount = withCcy(p.amt ?? '', p.ccy ?? '');
    const found = await findNewRecord(client, p, sent);
    return found === undefined
      ? { state: 'unknown', detail: vscode.l10n.t("order {0}'s history shows no new record of {1} yet.", p.ordId ?? '', amount) }
      : { state: 'done', certainty: 'probable', detail: vscode.l10n.t("order {0}'s history shows {1} ({2}).", p.ordId ?? '', amount, p.label ?? '') };
  },
  'loan.newOrder': async (client, p): Promise<Finding> => {
    const { ccy = '', amt = '' } = p;
    const before = new Set((p.before ?? '').split(',').filter((k) => k !== ''));
    const opened = (await client.loan.info()).filter((l) => !before.has(loanKey(l)) && l.loanData.some((x) => x.ccy === ccy && sameAmount(x.amt, amt)));
    return opened[0] === undefined
      ? { state: 'unknown', detail: vscode.l10n.t('no new loan order borrowing {0} shows yet.', withCcy(amt, ccy)) }
      : { state: 'done', certainty: 'probable', detail: vscode.l10n.t('loan order {0} borrows {1}.', opened[0].ordId, withCcy(amt, ccy)) };
  },
});
