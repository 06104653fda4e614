/**
 * Dual Investment: buy a product (pair and direction → product → amount → OKX's quote → trade with that quote),
 * and redeem a live order early (redeem quote → redeem with that quote).
 *
 * A quote may be used once, until its `validUntil` (OKX's time). One that has run out (or would, before the
 * request reaches OKX: see ../portfolio/dualQuote) when the user confirms is never sent: the flow asks for a
 * new one, shows what changed, and asks again (MoneyAction.requote). Neither trade nor redeem carries a client
 * order id: an unknown outcome is looked up by the quote id (a purchase) or the order id (a redemption), never
 * sent again.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import { OkxError } from '../okx/errors';
import type { DualCurrencyPair, DualOrder, DualProduct, DualQuote, DualRedeemQuote } from '../okx/types';
import { dualOutcomes, type DualTerms } from '../portfolio/dualPayoff';
import { anyChanged, isSignedDecimal, quoteApyFraction, quoteFresh, redeemQuoteChanges, tradeQuoteChanges } from '../portfolio/dualQuote';
import { fundingAvailable } from '../portfolio/funding';
import { dualOrderStateLabel, dualOutcomeLines, dualProductName } from '../views/dualLabels';
import { percent, time, withCcy } from '../views/nodes';
import {
  changeLines, describePair, describeProduct, dualProductPickLabel, holdsText, indexText, outcomeOrder, purchasePrompt, quotedOtherTermsLine, redeemAcceptedText, strikeDistanceText, strikePickTitle, termText, whenText,
} from './dualText';
import { requireClient, runMoneyAction, serverNow, type FlowContext, type MoneyAction } from './moneyAction';
import { areaData, askAmount, payloadOf, pick } from './prompts';
import { findInHistory } from './reconcile';
import { oneAtATime } from './flowGuard';
import { registerLookups } from './lookups';
import { ui } from './ui';

export { dualProductPickLabel } from './dualText';

const SHOW_DUAL: vscode.Command = { command: 'okxEarn.moreEarn.focus', title: vscode.l10n.t('Show in More Earn') };

/** States of an order whose early redemption OKX has accepted. */
const REDEEMING: ReadonlySet<string> = new Set(['pending_redeem_booking', 'pending_redeem', 'redeeming', 'redeemed']);

/**
 * OKX's 51000 ("Parameter quoteId error") to a trade or a redemption: the quote was refused, so nothing happened.
 * Said in words: it ran out on its way (the client holds a request back to keep to OKX's two a minute) or was
 * used already. Every other error is passed on as it is (an unknown outcome above all: it is looked up).
 */
function quoteRefused(error: unknown, what: 'trade' | 'redeem', resend: boolean): unknown {
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

// ------------------------------------------------------------------------------------------------ choosing

/** The products of a pair in one direction still open to buy, by expiry then strike; undefined (and said) on failure. */
async function openProducts(context: FlowContext, pair: Pick<DualCurrencyPair, 'baseCcy' | 'quoteCcy' | 'optType'>): Promise<DualProduct[] | undefined> {
  const list = await context.portfolio.dualProducts(pair);
  if (list instanceof Error) {
    void ui.error(vscode.l10n.t('Could not read the Dual Investment products: {0}', errorText(list)));
    return undefined;
  }
  const now = serverNow(context);
  return list
    .filter((p) => !(Number(p.tradeEndTime) <= now))
    .sort((a, b) => Number(a.expTime) - Number(b.expTime) || D.cmp(a.strike, b.strike));
}

/** The index price of the pair now (`BTC-USDT`), as the product page shows it; undefined when OKX gives none. */
async function indexNow(client: OkxClient, pair: Pick<DualCurrencyPair, 'baseCcy' | 'quoteCcy'>): Promise<string | undefined> {
  const instId = `${pair.baseCcy}-${pair.quoteCcy}`;
  const tickers = await client.account.indexTickers({ instId }).catch(() => []);
  const px = tickers.find((t) => t.instId === instId)?.idxPx;
  return px !== undefined && D.isPlainDecimal(px) && D.isPositive(px) ? px : undefined;
}

/** The product to buy: the tree item's (as OKX lists it now), or one picked for the tree item's or a picked pair. */
async function chooseProduct(context: FlowContext, client: OkxClient, arg: unknown): Promise<DualProduct | undefined> {
  const given = payloadOf(arg, 'dualProduct')?.product;
  if (given !== undefined) {
    const now = await openProducts(context, given);
    if (now === undefined) return undefined;
    const current = now.find((p) => p.productId === given.productId);
    if (current === undefined) void ui.warn(vscode.l10n.t('{0} (expiring {1}) can no longer be bought.', dualProductName(given), time(given.expTime)));
    return current;
  }
  let pair = payloadOf(arg, 'dualPair')?.pair;
  if (pair === undefined) {
    const pairs = await areaData(context.portfolio, 'dualPairs');
    if (pairs === undefined) return undefined;
    pair = await pick(
      vscode.l10n.t('Dual Investment: which pair and direction?'),
      pairs.pairs.filter((p) => p.optType === 'C' || p.optType === 'P'),
      describePair,
      vscode.l10n.t('No Dual Investment currency pair is on offer.'),
      'pair',
    );
    if (pair === undefined) return undefined;
  }
  const [products, index] = await Promise.all([openProducts(context, pair), indexNow(client, pair)]);
  if (products === undefined) return undefined;
  return pick(
    strikePickTitle(pair, index),
    products,
    (p) => describeProduct(p, index),
    vscode.l10n.t('No {0}/{1} product can be bought right now.', pair.baseCcy, pair.quoteCcy),
    'product',
    (p, answer) => p.productId === answer || dualProductPickLabel(p) === answer,
  );
}

// ------------------------------------------------------------------------------------------------ purchase

/** The terms a quote gives, for both outcomes. */
function quoteTerms(product: DualProduct, quote: DualQuote): DualTerms {
  return { baseCcy: product.baseCcy, quoteCcy: product.quoteCcy, strike: product.strike, notionalSz: quote.notionalSz, notionalCcy: quote.notionalCcy, absYield: quote.absYield };
}

/**
 * OKX takes two Dual Investment trades (and two redemptions) a minute. A quote lives seconds, so it is asked for
 * only once the trade could be sent at once: this waits (saying so, cancellable) until then. False: cancelled.
 */
async function waitForSlot(client: OkxClient, endpoint: 'dualTrade' | 'dualRedeem'): Promise<boolean> {
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
function sendable(context: FlowContext, client: OkxClient, endpoint: 'dualTrade' | 'dualRedeem', validUntil: string): boolean {
  return quoteFresh(validUntil, serverNow(context) + client.sendableInMs(endpoint));
}

/** Asks OKX for a quote (a POST that commits nothing), checks it is the one asked for and can still be confirmed. */
async function requestQuote(context: FlowContext, client: OkxClient, product: DualProduct, amt: string, title: string): Promise<DualQuote> {
  const [quote] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
    client.dual.quote({ productId: product.productId, notionalSz: amt, notionalCcy: product.notionalCcy }),
  );
  if (quote === undefined || quote.productId !== product.productId || quote.notionalCcy !== product.notionalCcy || !D.isPlainDecimal(quote.notionalSz) || D.cmp(quote.notionalSz, amt) !== 0) {
    throw new Error(vscode.l10n.t('OKX quoted something other than what was asked for ({0}); nothing was bought.', quote === undefined ? '' : `${quote.productId} ${quote.notionalSz} ${quote.notionalCcy}`));
  }
  if (!D.isPlainDecimal(quote.absYield) || dualOutcomes(quoteTerms(product, quote)) === undefined) {
    throw new Error(vscode.l10n.t("OKX's quote cannot be read (yield {0}); nothing was bought.", quote.absYield));
  }
  if (!quoteFresh(quote.validUntil, serverNow(context))) {
    throw new Error(vscode.l10n.t("OKX's quote runs out before it could be confirmed (valid until {0}); nothing was bought.", time(quote.validUntil)));
  }
  return quote;
}

/**
 * Buying `amt` of `product` with `quote`. `previous`: the quote this one renewed; without it, the terms listed when
 * the product was chosen. Either way, what differs from them is said, old → new, before the user confirms.
 */
function purchaseAction(context: FlowContext, product: DualProduct, amt: string, quote: DualQuote, previous?: DualQuote): MoneyAction<Awaited<ReturnType<OkxClient['dual']['trade']>>> {
  const terms = quoteTerms(product, quote);
  const outcomes = dualOutcomes(terms);
  const apy = quoteApyFraction(quote.annualizedYield, product.annualizedYield);
  const sellHigh = terms.notionalCcy === terms.baseCcy;
  const listed = previous === undefined ? outcomeOrder(tradeQuoteChanges({ apy: product.annualizedYield, terms: { ...terms, absYield: product.absYield } }, { apy, terms }), sellHigh) : [];
  const changed = previous !== undefined || anyChanged(listed);
  const name = dualProductName(product);
  const amount = withCcy(amt, product.notionalCcy);
  const { quoteId } = quote;
  const rows: [string, string][] = [
    [vscode.l10n.t('Product'), `${name} (${product.productId})`],
    [vscode.l10n.t('Invest'), amount],
    // A changed quote says these old → new above.
    ...(!changed
      ? ([
          [vscode.l10n.t('APY'), percent(apy)],
          [vscode.l10n.t('Yield for the term'), outcomes === undefined ? '' : withCcy(outcomes.yield.amt, outcomes.yield.ccy)],
        ] as [string, string][])
      : []),
    [vscode.l10n.t('Term'), termText(quote.interestAccrualTime, product.expTime)],
    [vscode.l10n.t('Expires and settles'), whenText(context, product.expTime)],
    [vscode.l10n.t('Index now'), D.isPlainDecimal(quote.idxPx) ? vscode.l10n.t('{0} (the strike is {1})', indexText(quote.idxPx, product.quoteCcy), strikeDistanceText(product.strike, quote.idxPx) ?? '') : ''],
    [vscode.l10n.t('Quote holds until'), holdsText(context, quote.validUntil)],
    [vscode.l10n.t('Paid from'), vscode.l10n.t('your funding account')],
  ];
  let lines = changed ? [quotedOtherTermsLine(), ...changeLines(listed, terms)] : dualOutcomeLines(terms);
  if (previous !== undefined) {
    const before = { apy: quoteApyFraction(previous.annualizedYield, product.annualizedYield), terms: quoteTerms(product, previous) };
    const changes = outcomeOrder(tradeQuoteChanges(before, { apy, terms }), sellHigh);
    lines = [vscode.l10n.t('The quote ran out before it was sent, so OKX was asked again. The new quote, old → new:'), ...changeLines(changes, terms)];
  }
  return {
    what: vscode.l10n.t('Dual Investment purchase of {0} in {1}', amount, name),
    question:
      previous !== undefined
        ? vscode.l10n.t('New quote: buy {0} of Dual Investment {1} on these terms?', amount, name)
        : changed
          ? vscode.l10n.t('Buy {0} of Dual Investment {1} on the quoted terms?', amount, name)
          : vscode.l10n.t('Buy {0} of Dual Investment {1}?', amount, name),
    verb: vscode.l10n.t('Buy'),
    lines,
    rows,
    amount: { value: amt, ccy: product.notionalCcy },
    send: async (c, resend) => {
      try {
        return await c.dual.trade({ quoteId });
      } catch (error) {
        throw quoteRefused(error, 'trade', resend === true);
      } finally {
        // Whatever came of it, the products (yields, limits) are read again when next shown.
        context.portfolio.resetDualProducts();
      }
    },
    ack: ([ack]) => (ack === undefined || ack.ordId === '' || typeof ack.ordId !== 'string' ? { state: 'unknown', detail: vscode.l10n.t('no order id') } : ack.state === 'rejected' ? { state: 'not-done', detail: vscode.l10n.t('OKX rejected order {0}: nothing was bought.', ack.ordId) } : undefined),
    done: ([ack]) =>
      vscode.l10n.t('Bought {0} of {1}: order {2} ({3}). It settles {4}.', amount, name, ack?.ordId ?? '', dualOrderStateLabel(ack?.state ?? ''), whenText(context, product.expTime)),
    // A quote is traded at most once, and the order keeps its quote id.
    lookup: { kind: 'dual.trade', params: { quoteId } },
    key: vscode.l10n.t('quote {0}', quoteId),
    // A quote is single-use: sent again while it holds, it cannot buy twice.
    sameKeyUntil: () => Number(quote.validUntil),
    refresh: ['dual'],
    histories: ['dual'],
    show: SHOW_DUAL,
    requote: async (c) => {
      if (sendable(context, c, 'dualTrade', quote.validUntil)) return undefined;
      if (!(await waitForSlot(c, 'dualTrade'))) throw new Error(vscode.l10n.t('Cancelled while waiting for OKX\'s rate limit; nothing was bought.'));
      const renewed = await requestQuote(context, c, product, amt, vscode.l10n.t('The quote ran out: asking OKX for a new one…'));
      return purchaseAction(context, product, amt, renewed, quote);
    },
  };
}

async function purchaseFlow(context: FlowContext, arg?: unknown): Promise<boolean> {
  const client = requireClient(context);
  if (client === undefined) return false;
  const product = await chooseProduct(context, client, arg);
  if (product === undefined) return false;
  const ccy = product.notionalCcy;
  const [available, index] = await Promise.all([fundingAvailable(client, ccy).catch(() => undefined), indexNow(client, product)]);
  const listed = (amt: string): string | undefined => {
    const lines = dualOutcomeLines({ baseCcy: product.baseCcy, quoteCcy: product.quoteCcy, strike: product.strike, notionalSz: amt, notionalCcy: ccy, absYield: product.absYield });
    return lines.length === 0 ? undefined : vscode.l10n.t('At the listed yield: {0}', lines.join(' '));
  };
  const amt = await askAmount(
    vscode.l10n.t('Buy {0}', dualProductName(product)),
    purchasePrompt(product, available, index),
    {
      ccy,
      min: product.minSize,
      max: product.maxSize,
      step: product.stepSz,
      ...(available === undefined ? {} : { available, availableWhere: vscode.l10n.t('in your funding account') }),
    },
    'amount',
    { preview: listed },
  );
  if (amt === undefined) return false;
  if (!(await waitForSlot(client, 'dualTrade'))) return false;
  const quote = await requestQuote(context, client, product, amt, vscode.l10n.t('Asking OKX for a quote…'));
  return runMoneyAction(context, purchaseAction(context, product, amt, quote));
}

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

export const purchase = oneAtATime('dual.purchase', purchaseFlow);
export const redeemEarly = oneAtATime('dual.redeemEarly', redeemEarlyFlow);
