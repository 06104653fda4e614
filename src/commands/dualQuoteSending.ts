/**
 * How a Dual Investment request on a quote is sent: only once it can go at once (OKX takes two a minute), only
 * while the quote is fresh, a refused quote said in words, and an unknown outcome looked up by the quote id (a
 * purchase) or the order id (an early redemption). Shared by the purchase (./dual) and ./dualRedeem.
 */
import * as vscode from 'vscode';
import type { OkxClient } from '../okx/client';
import { OkxError } from '../okx/errors';
import { quoteFresh } from '../portfolio/dualQuote';
import { dualOrderStateLabel } from '../views/dualLabels';
import { serverNow, type FlowContext } from './moneyAction';
import { findInHistory } from './reconcile';
import { registerLookups } from './lookups';

export const SHOW_DUAL: vscode.Command = { command: 'okxEarn.moreEarn.focus', title: vscode.l10n.t('Show in More Earn') };

/** States of an order whose early redemption OKX has accepted. */
const REDEEMING: ReadonlySet<string> = new Set(['pending_redeem_booking', 'pending_redeem', 'redeeming', 'redeemed']);

/**
 * OKX's 51000 ("Parameter quoteId error") to a trade or a redemption: the quote was refused, so nothing happened.
 * Said in words: it ran out on its way (the client holds a request back to keep to OKX's two a minute) or was
 * used already. Every other error is passed on as it is (an unknown outcome above all: it is looked up).
 */
export function quoteRefused(error: unknown, what: 'trade' | 'redeem', resend: boolean): unknown {
  if (!(error instanceof OkxError) || error.baseCode !== '51000') return error;
  // Sent again with the same quote after an unclear answer: "used already" may well mean used by the first send.
  if (resend) return new OkxError({ category: 'unknown-outcome', code: error.code, template: 'OKX refused the quote sent again: it may have been used by the first request, or run out.' });
  return new Error(
    what === 'trade'
      ? vscode.l10n.t('OKX did not take the quote (OKX code {0}): it ran out on its way (OKX takes two Dual Investment trades a minute, so a third waits), or was used already. Nothing was bought: buy again for a new quote.', error.code ?? '51000')
      : vscode.l10n.t('OKX did not take the redemption quote (OKX code {0}): it ran out on its way (OKX takes two early redemptions a minute, so a third waits), or was used already. Nothing was redeemed: try again for a new quote.', error.code ?? '51000'),
  );
}

registerLookups({
  'dual.trade': async (c, p, sent) => {
    const found = await findInHistory(c.dual.orderHistory({ limit: '100' }), { since: sent.since, timeOf: (o) => o.cTime, byId: (o) => o.quoteId === p.quoteId });
    if (found === undefined) return { state: 'unknown', detail: vscode.l10n.t("OKX's Dual Investment orders show none with quote {0} yet.", p.quoteId ?? '') };
    const { ordId, state } = found.record;
    return state === 'rejected'
      ? { state: 'not-done', detail: vscode.l10n.t('OKX rejected order {0}: nothing was bought.', ordId) }
      : { state: 'done', detail: vscode.l10n.t('order {0} ({1}).', ordId, dualOrderStateLabel(state)) };
  },
  'dual.redeem': async (c, p) => {
    const ordId = p.ordId ?? '';
    const [status] = await c.dual.orderState({ ordId });
    const state = status?.state ?? '';
    if (REDEEMING.has(state)) return { state: 'done', detail: vscode.l10n.t('order {0} is {1}.', ordId, dualOrderStateLabel(state)) };
    // Settled at expiry: it was not redeemed early (and can no longer be).
    if (state === 'settled' || state === 'pending_settle') return { state: 'not-done', detail: vscode.l10n.t('order {0} is {1}.', ordId, dualOrderStateLabel(state)) };
    return { state: 'unknown', detail: vscode.l10n.t('order {0} is still {1}.', ordId, dualOrderStateLabel(state)) };
  },
});

/**
 * OKX takes two Dual Investment trades (and two redemptions) a minute. A quote lives seconds, so it is asked for
 * only once the trade could be sent at once: this waits (saying so, cancellable) until then. False: cancelled.
 */
export async function waitForSlot(client: OkxClient, endpoint: 'dualTrade' | 'dualRedeem'): Promise<boolean> {
  const ms = client.sendableInMs(endpoint);
  if (ms <= 0) return true;
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      cancellable: true,
      title: vscode.l10n.t('OKX takes two Dual Investment requests of this kind a minute: the quote is asked for in {0} s, when it can be used at once.', Math.ceil(ms / 1000)),
    },
    (_progress, token) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), ms);
        token.onCancellationRequested(() => {
          clearTimeout(timer);
          resolve(false);
        });
      }),
  );
}

/** Fresh enough to send now: valid beyond the margin even after OKX's rate limit has let the request through. */
export function sendable(context: FlowContext, client: OkxClient, endpoint: 'dualTrade' | 'dualRedeem', validUntil: string): boolean {
  return quoteFresh(validUntil, serverNow(context) + client.sendableInMs(endpoint));
}
