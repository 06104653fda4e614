/**
 * Dual Investment early redemption of a live order: redeem quote, confirmation (the change shown when the quote
 * had to be renewed), redeem with that quote; never sent again on an unknown outcome (./dualQuoteSending).
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';
import type { DualOrder, DualRedeemQuote } from '../okx/types';
import { isSignedDecimal, quoteFresh, redeemQuoteChanges } from '../portfolio/dualQuote';
import { dualOrderStateLabel, dualOutcomeLines, dualProductName } from '../views/dualLabels';
import { time, withCcy } from '../views/nodes';
import { changeLines, holdsText, redeemAcceptedText, whenText } from './dualText';
import { requireClient, runMoneyAction, serverNow, type FlowContext, type MoneyAction } from './moneyAction';
import { areaData, payloadOf, pick } from './prompts';
import { oneAtATime } from './flowGuard';
import { ui } from './ui';
import { quoteRefused, sendable, SHOW_DUAL, waitForSlot } from './dualQuoteSending';

// ------------------------------------------------------------------------------------------------ early redemption

function describeOrder(order: DualOrder): vscode.QuickPickItem {
  return {
    label: dualProductName(order),
    description: `${withCcy(order.notionalSz, order.notionalCcy)} · ${vscode.l10n.t('expires {0}', time(order.expTime))}`,
    detail: vscode.l10n.t('Order {0}', order.ordId),
  };
}

async function requestRedeemQuote(context: FlowContext, client: OkxClient, order: DualOrder, title: string): Promise<DualRedeemQuote> {
  const [quote] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () => client.dual.redeemQuote({ ordId: order.ordId }));
  if (quote === undefined || quote.ordId !== order.ordId || !D.isPlainDecimal(quote.redeemSz)) {
    throw new Error(vscode.l10n.t("OKX's redemption quote cannot be read; nothing was redeemed."));
  }
  if (!quoteFresh(quote.validUntil, serverNow(context))) {
    throw new Error(vscode.l10n.t("OKX's redemption quote runs out before it could be confirmed (valid until {0}); nothing was redeemed.", time(quote.validUntil)));
  }
  return quote;
}

function redeemAction(context: FlowContext, order: DualOrder, quote: DualRedeemQuote, previous?: DualRedeemQuote): MoneyAction<Awaited<ReturnType<OkxClient['dual']['redeem']>>> {
  const name = dualProductName(order);
  const { ordId } = order;
  const { quoteId } = quote;
  const back = withCcy(quote.redeemSz, quote.redeemCcy);
  const invested = withCcy(order.notionalSz, order.notionalCcy);
  const less = quote.redeemCcy === order.notionalCcy && D.isPlainDecimal(order.notionalSz) ? D.sub(order.notionalSz, quote.redeemSz) : undefined;
  const termRate = isSignedDecimal(quote.termRate) ? `${quote.termRate}%` : quote.termRate;
  const atExpiry = dualOutcomeLines(order);
  const lines =
    previous === undefined
      ? [vscode.l10n.t('You receive {0} now (term rate {1}), instead of at expiry {2}:', back, termRate, time(order.expTime)), ...atExpiry]
      : [
          vscode.l10n.t('The redemption quote ran out before it was sent, so OKX was asked again. The new quote, old → new:'),
          ...changeLines(redeemQuoteChanges(previous, quote), { ...order, absYield: order.absYield }),
          vscode.l10n.t('Held to expiry {0} instead:', time(order.expTime)),
          ...atExpiry,
        ];
  return {
    what: vscode.l10n.t('early redemption of Dual Investment order {0}', ordId),
    question: previous === undefined ? vscode.l10n.t('Redeem {0} early for {1}?', name, back) : vscode.l10n.t('New quote: redeem {0} early for {1}?', name, back),
    verb: vscode.l10n.t('Redeem Early'),
    lines,
    rows: [
      [vscode.l10n.t('Order'), `${ordId} · ${name}`],
      [vscode.l10n.t('Invested'), invested],
      // A renewed quote says these old → new above.
      ...(previous === undefined
        ? ([
            [vscode.l10n.t('You receive now'), less === undefined || !D.isPositive(less) ? back : vscode.l10n.t('{0} ({1} less than invested; no yield)', back, withCcy(less, quote.redeemCcy))],
            [vscode.l10n.t('Term rate'), termRate],
          ] as [string, string][])
        : []),
      [vscode.l10n.t('Would expire'), whenText(context, order.expTime)],
      [vscode.l10n.t('Quote holds until'), holdsText(context, quote.validUntil)],
      [vscode.l10n.t('Goes to'), vscode.l10n.t('your funding account')],
    ],
    amount: { value: quote.redeemSz, ccy: quote.redeemCcy },
    send: async (c, resend) => {
      try {
        return await c.dual.redeem({ ordId, quoteId });
      } catch (error) {
        throw quoteRefused(error, 'redeem', resend === true);
      } finally {
        context.portfolio.resetDualProducts();
      }
    },
    ack: ([ack]) => (ack === undefined || ack.ordId !== ordId ? { state: 'unknown', detail: vscode.l10n.t('no order id') } : undefined),
    done: ([ack]) => redeemAcceptedText(ordId, ack?.state ?? '', back),
    // The very order's state, by its id.
    lookup: { kind: 'dual.redeem', params: { ordId } },
    key: vscode.l10n.t('quote {0}', quoteId),
    sameKeyUntil: () => Number(quote.validUntil),
    refresh: ['dual'],
    histories: ['dual'],
    show: SHOW_DUAL,
    requote: async (c) => {
      if (sendable(context, c, 'dualRedeem', quote.validUntil)) return undefined;
      if (!(await waitForSlot(c, 'dualRedeem'))) throw new Error(vscode.l10n.t('Cancelled while waiting for OKX\'s rate limit; nothing was redeemed.'));
      const renewed = await requestRedeemQuote(context, c, order, vscode.l10n.t('The redemption quote ran out: asking OKX for a new one…'));
      return redeemAction(context, order, renewed, quote);
    },
  };
}

async function redeemEarlyFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const data = await areaData(context.portfolio, 'dual');
  if (data === undefined) return false;
  const given = payloadOf(arg, 'dualOrder')?.order;
  let order: DualOrder | undefined;
  if (given !== undefined) {
    // The order as OKX has it now.
    order = data.orders.find((o) => o.ordId === given.ordId);
    if (order === undefined) {
      const [status] = await client.dual.orderState({ ordId: given.ordId });
      order = status === undefined ? undefined : { ...given, state: status.state };
    }
    if (order === undefined) {
      void ui.warn(vscode.l10n.t('Order {0} could not be found.', given.ordId));
      return false;
    }
  } else {
    order = await pick(
      vscode.l10n.t('Redeem which Dual Investment order early?'),
      data.orders.filter((o) => o.state === 'live'),
      describeOrder,
      vscode.l10n.t('No Dual Investment order is earning, so there is nothing to redeem early.'),
      'order',
      (o, answer) => o.ordId === answer || dualProductName(o) === answer,
    );
    if (order === undefined) return false;
  }
  if (order.state !== 'live') {
    void ui.warn(vscode.l10n.t('Only an earning order can be redeemed early; order {0} is {1}.', order.ordId, dualOrderStateLabel(order.state)));
    return false;
  }
  const now = serverNow(context);
  if (/^\d+$/.test(order.redeemStartTime) && now < Number(order.redeemStartTime)) {
    void ui.warn(vscode.l10n.t('Order {0} can be redeemed early from {1}.', order.ordId, time(order.redeemStartTime)));
    return false;
  }
  if (/^\d+$/.test(order.redeemEndTime) && now > Number(order.redeemEndTime)) {
    void ui.warn(vscode.l10n.t('Order {0} could be redeemed early until {1}; it now settles at expiry, {2}.', order.ordId, time(order.redeemEndTime), time(order.expTime)));
    return false;
  }
  if (!(await waitForSlot(client, 'dualRedeem'))) return false;
  const quote = await requestRedeemQuote(context, client, order, vscode.l10n.t('Asking OKX what early redemption pays…'));
  return runMoneyAction(context, redeemAction(context, order, quote));
}
export const redeemEarly = oneAtATime('dual.redeemEarly', redeemEarlyFlow);
