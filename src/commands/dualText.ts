/**
 * Dual Investment in the buy and early-redemption flows' words (./dual): terms and times, the pair and product
 * picks with the index price now, what a quote changed (old → new), and what an accepted redemption does next.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { DualCurrencyPair, DualProduct } from '../okx/types';
import { strikeFromIndex } from '../panels/moreEarnSeries';
import type { DualTerms } from '../portfolio/dualPayoff';
import { quoteSecondsLeft, type QuoteChange } from '../portfolio/dualQuote';
import { dualDirectionLabel } from '../views/dualLabels';
import { amount, percent, shortWithCcy, time, withCcy } from '../views/nodes';
import { relativeTime } from '../views/overviewView';
import { serverNow, type FlowContext } from './moneyAction';

/** An OKX time (ms string) as a local date and time, with how far away it is: "5 Dec 2026, 16:00 (in 3 days)". */
export function whenText(context: FlowContext, okxMs: string): string {
  if (!/^\d+$/.test(okxMs)) return '';
  const offset = context.connection.current.client?.clockOffsetMs ?? 0;
  return `${time(okxMs)} (${relativeTime(Number(okxMs) - offset, Date.now())})`;
}

/** Until when a quote may be confirmed, in local time to the second, and how long that is. */
export function holdsText(context: FlowContext, validUntil: string): string {
  const offset = context.connection.current.client?.clockOffsetMs ?? 0;
  const left = quoteSecondsLeft(validUntil, serverNow(context));
  const at = new Date(Number(validUntil) - offset).toLocaleTimeString(vscode.env.language);
  return vscode.l10n.t('{0} (about {1} s from now)', at, String(left));
}

/** A term from accrual to expiry, in days (or hours under a day): "1 day", "2.5 days", "20 h". */
export function termText(from: string, to: string): string {
  const ms = Number(to) - Number(from);
  if (!Number.isFinite(ms) || ms <= 0) return '';
  const hours = Math.round(ms / 3_600_000);
  if (hours < 24) return vscode.l10n.t('{0} h', String(hours));
  const days = D.trim(D.roundDown(String(hours / 24), 1));
  return D.cmp(days, '1') === 0 ? vscode.l10n.t('1 day') : vscode.l10n.t('{0} days', days);
}

export function describePair(pair: DualCurrencyPair): vscode.QuickPickItem {
  const invest = pair.optType === 'C' ? pair.baseCcy : pair.quoteCcy;
  return {
    label: `${pair.baseCcy}/${pair.quoteCcy} · ${dualDirectionLabel(pair)}`,
    description: vscode.l10n.t('invest {0}', invest),
    detail:
      pair.optType === 'C'
        ? vscode.l10n.t('Sell {0} at the strike if it settles at or above it; otherwise keep it, with the yield.', pair.baseCcy)
        : vscode.l10n.t('Buy {0} at the strike if it settles at or below it; otherwise keep your {1}, with the yield.', pair.baseCcy, pair.quoteCcy),
  };
}

/** The label a product is picked by: its strike and expiry (the direction was chosen before). */
export function dualProductPickLabel(product: Pick<DualProduct, 'strike' | 'quoteCcy' | 'expTime'>): string {
  return vscode.l10n.t('{0} · expires {1}', withCcy(product.strike, product.quoteCcy), time(product.expTime));
}

/** A product to pick: its strike and expiry, its APY and term, and how far its strike is from the index now (when known). */
export function describeProduct(product: DualProduct, index: string | undefined): vscode.QuickPickItem {
  const distance = index === undefined ? undefined : strikeDistanceText(product.strike, index);
  return {
    label: dualProductPickLabel(product),
    description: [vscode.l10n.t('APY {0}', percent(product.annualizedYield)), termText(product.interestAccrualTime, product.expTime), ...(distance === undefined ? [] : [distance])].join(' · '),
    detail: vscode.l10n.t('Invest {0} to {1}, in steps of {2}.', withCcy(product.minSize, product.notionalCcy), withCcy(product.maxSize, product.notionalCcy), withCcy(product.stepSz, product.notionalCcy)),
  };
}

/** Old → new, in words, for a confirmation: one line per figure, "(unchanged)" where it did not change. */
export function changeLines(changes: readonly QuoteChange[], terms: DualTerms): string[] {
  const strike = withCcy(terms.strike, terms.quoteCcy);
  const sellHigh = terms.notionalCcy === terms.baseCcy;
  return changes.map((c) => {
    const value = (v: string): string => (c.ccy === undefined ? (c.what === 'termRate' ? `${v}%` : percent(v)) : withCcy(v, c.ccy));
    const fromTo = c.changed ? vscode.l10n.t('{0} → {1}', value(c.before), value(c.after)) : vscode.l10n.t('{0} (unchanged)', value(c.after));
    switch (c.what) {
      case 'apy':
        return vscode.l10n.t('APY: {0}', fromTo);
      case 'yield':
        return vscode.l10n.t('Yield for the term: {0}', fromTo);
      case 'above':
        return sellHigh ? vscode.l10n.t('If {0} settles at or above {1}: {2}', terms.baseCcy, strike, fromTo) : vscode.l10n.t('If it settles above {0}: {1}', strike, fromTo);
      case 'below':
        return sellHigh ? vscode.l10n.t('If it settles below {0}: {1}', strike, fromTo) : vscode.l10n.t('If {0} settles at or below {1}: {2}', terms.baseCcy, strike, fromTo);
      case 'redeemSz':
        return vscode.l10n.t('You receive now: {0}', fromTo);
      case 'termRate':
        return vscode.l10n.t('Term rate: {0}', fromTo);
    }
  });
}

/** A call lists its "above" outcome first, a put its "below" one: in the order the sentences say them. */
export function outcomeOrder(changes: QuoteChange[], sellHigh: boolean): QuoteChange[] {
  const rank = (c: QuoteChange): number => ['apy', 'yield', sellHigh ? 'above' : 'below', sellHigh ? 'below' : 'above'].indexOf(c.what);
  return [...changes].sort((a, b) => rank(a) - rank(b));
}

/** An index price as read at a glance ("91,154.22 USDT"), not to the last of OKX's eight places. */
export function indexText(index: string, quoteCcy: string): string {
  return shortWithCcy(index, quoteCcy);
}

/** How far a strike is from the index now: "2.1% above the index". Undefined when either cannot be read. */
export function strikeDistanceText(strike: string, index: string): string | undefined {
  const distance = strikeFromIndex(strike, index);
  if (distance === undefined) return undefined;
  if (distance.side === 'at') return vscode.l10n.t('at the index');
  return distance.side === 'above' ? vscode.l10n.t('{0} above the index', percent(distance.fraction, 1)) : vscode.l10n.t('{0} below the index', percent(distance.fraction, 1));
}

/** The strike pick's title, with the index price now when it could be read. */
export function strikePickTitle(pair: Pick<DualCurrencyPair, 'baseCcy' | 'quoteCcy' | 'optType'>, index: string | undefined): string {
  const title = vscode.l10n.t('{0}/{1} · {2}: which strike and expiry?', pair.baseCcy, pair.quoteCcy, dualDirectionLabel(pair));
  return index === undefined ? title : `${title} ${vscode.l10n.t('{0} index now: {1}.', pair.baseCcy, indexText(index, pair.quoteCcy))}`;
}

/** The amount prompt: the product's limits, the funding balance, its APY and expiry, and the index now against the strike. */
export function purchasePrompt(product: DualProduct, available: string | undefined, index: string | undefined): string {
  const ccy = product.notionalCcy;
  const distance = index === undefined ? undefined : strikeDistanceText(product.strike, index);
  return [
    vscode.l10n.t('Amount of {0} to invest: from {1} to {2}, in steps of {3}.', ccy, amount(product.minSize), amount(product.maxSize), amount(product.stepSz)),
    ...(available === undefined ? [] : [vscode.l10n.t('You have {0} in your funding account.', withCcy(available, ccy))]),
    vscode.l10n.t('APY {0}, expires {1}.', percent(product.annualizedYield), time(product.expTime)),
    ...(index === undefined ? [] : [vscode.l10n.t('{0} index now: {1} (the strike is {2}).', product.baseCcy, indexText(index, product.quoteCcy), distance ?? '')]),
  ].join(' ');
}

/** The line above the changes when OKX's quote is not what the product list showed when the product was chosen. */
export function quotedOtherTermsLine(): string {
  return vscode.l10n.t("OKX's quote differs from the terms listed when you chose this product (the index has moved since). Listed → quoted:");
}

/** What an accepted early redemption does next, by the order's state in OKX's answer, in words. */
export function redeemAcceptedText(ordId: string, state: string, back: string): string {
  switch (state) {
    case 'redeemed':
      return vscode.l10n.t('Order {0} is redeemed early: {1} goes to your funding account.', ordId, back);
    case 'pending_redeem':
    case 'redeeming':
      return vscode.l10n.t('Early redemption of order {0} accepted: OKX is redeeming it, and {1} goes to your funding account once that is done.', ordId, back);
    default:
      return vscode.l10n.t('Early redemption of order {0} accepted: OKX is booking it, and {1} goes to your funding account once it is redeemed.', ordId, back);
  }
}
