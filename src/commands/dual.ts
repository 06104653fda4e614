/**
 * Dual Investment: buy a product (pair and direction → product → amount → OKX's quote → trade with that quote),
 * and redeem a live order early (redeem quote → redeem with that quote).
 *
 * A quote may be used once, until its `validUntil` (OKX's time). One that has run out (or would, before the
 * request reaches OKX: see ../portfolio/dualQuote) when the user confirms is never sent: the flow asks for a
 * new one, shows what changed, and asks again (MoneyAction.requote). Neither trade nor redeem carries a client
 * order id: an unknown outcome is looked up by the quote id (a purchase) or the order id (a redemption), never
 * sent again. The purchase is here; early redemption in ./dualRedeem, what both share in ./dualQuoteSending.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { DualCurrencyPair, DualProduct, DualQuote } from '../okx/types';
import { dualOutcomes, type DualTerms } from '../portfolio/dualPayoff';
import { anyChanged, quoteApyFraction, quoteFresh, tradeQuoteChanges } from '../portfolio/dualQuote';
import { fundingAvailable } from '../portfolio/funding';
import { dualOrderStateLabel, dualOutcomeLines, dualProductName } from '../views/dualLabels';
import { percent, time, withCcy } from '../views/nodes';
import { changeLines, describePair, describeProduct, dualProductPickLabel, holdsText, indexText, outcomeOrder, purchasePrompt, quotedOtherTermsLine, strikeDistanceText, strikePickTitle, termText, whenText } from './dualText';
import { requireClient, runMoneyAction, serverNow, type FlowContext, type MoneyAction } from './moneyAction';
import { areaData, askAmount, payloadOf, pick } from './prompts';
import { oneAtATime } from './flowGuard';
import { ui } from './ui';
import { quoteRefused, sendable, SHOW_DUAL, waitForSlot } from './dualQuoteSending';

export { dualProductPickLabel } from './dualText';
export { redeemEarly } from './dualRedeem';

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

export const purchase = oneAtATime('dual.purchase', purchaseFlow);
