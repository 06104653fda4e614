/**
 * Dual Investment quotes, the pure parts: whether a quote may still be sent, and what changed between a quote
 * and the one that replaced it. No `vscode` import.
 *
 * OKX's quote (and redeem quote) may be acted on until `validUntil`, in OKX's time, and then never again. A quote
 * is only sent while it will still be valid when it reaches OKX: `QUOTE_MARGIN_MS` before `validUntil` at the
 * latest, which leaves time for the request to travel and be signed. After that it is re-quoted instead.
 */
import * as D from '../decimal';
import { dualOutcomes, type DualTerms } from './dualPayoff';

/** How long before `validUntil` a quote is no longer sent: for the request to reach OKX in time. */
export const QUOTE_MARGIN_MS = 5_000;

function millis(value: string): number | undefined {
  return /^\d{1,16}$/.test(value) ? Number(value) : undefined;
}

/**
 * True while a quote valid until `validUntil` (OKX's ms, as OKX gives it) may still be sent at `now` (OKX's time),
 * leaving `marginMs`. A `validUntil` that cannot be read is never fresh: such a quote is not sent.
 */
export function quoteFresh(validUntil: string, now: number, marginMs: number = QUOTE_MARGIN_MS): boolean {
  const until = millis(validUntil);
  return until !== undefined && now + marginMs < until;
}

/** Whole seconds left to send the quote (after the margin), 0 when none; for "holds for 25 s". */
export function quoteSecondsLeft(validUntil: string, now: number, marginMs: number = QUOTE_MARGIN_MS): number {
  const until = millis(validUntil);
  return until === undefined ? 0 : Math.max(0, Math.floor((until - marginMs - now) / 1000));
}

/**
 * The annual yield of a quote as a fraction. OKX's product list gives it as a fraction ("0.0541"); its quote
 * example gives "69.65", which reads as percent. So the quote's figure is read next to the product's: one
 * twenty or more times the product's is percent. Without a product's figure, it is taken as it comes.
 */
export function quoteApyFraction(quoteApy: string, productApy: string | undefined): string {
  if (!D.isPlainDecimal(quoteApy) || productApy === undefined || !D.isPlainDecimal(productApy) || !D.isPositive(productApy)) return quoteApy;
  return D.gte(quoteApy, D.mul(productApy, '20')) ? D.trim(D.div(quoteApy, '100', 12)) : quoteApy;
}

/** One figure of a quote before and after it was renewed. */
export interface QuoteChange {
  readonly what: 'apy' | 'yield' | 'above' | 'below' | 'redeemSz' | 'termRate';
  readonly before: string;
  readonly after: string;
  /** The currency of an amount; undefined for a rate. */
  readonly ccy?: string;
  readonly changed: boolean;
}

/** What a trade quote promises: its APY (a fraction) and its terms (for both outcomes). */
export interface TradeQuoteTerms {
  readonly apy: string;
  readonly terms: DualTerms;
}

/** A plain decimal that may be negative (an early redemption's term rate, "-0.50"). */
export function isSignedDecimal(text: string): boolean {
  return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(text);
}

function change(what: QuoteChange['what'], before: string, after: string, ccy?: string): QuoteChange {
  const same = isSignedDecimal(before) && isSignedDecimal(after) ? D.cmp(before, after) === 0 : before === after;
  return { what, before, after, ...(ccy === undefined ? {} : { ccy }), changed: !same };
}

/**
 * APY, the yield for the term and each outcome, before → after: all four, each marked changed or not.
 * Outcomes that cannot be worked out (figures that are not decimals, currencies that do not match) are left out;
 * so is an outcome paid in a different currency than before.
 */
export function tradeQuoteChanges(before: TradeQuoteTerms, after: TradeQuoteTerms): QuoteChange[] {
  const changes = [change('apy', before.apy, after.apy)];
  const old = dualOutcomes(before.terms);
  const now = dualOutcomes(after.terms);
  if (old === undefined || now === undefined) return changes;
  for (const what of ['yield', 'above', 'below'] as const) {
    if (old[what].ccy === now[what].ccy) changes.push(change(what, old[what].amt, now[what].amt, now[what].ccy));
  }
  return changes;
}

/** What an early-redemption quote pays back. */
export interface RedeemQuoteTerms {
  readonly redeemSz: string;
  readonly redeemCcy: string;
  readonly termRate: string;
}

/** The amount paid back and the term rate, before → after. */
export function redeemQuoteChanges(before: RedeemQuoteTerms, after: RedeemQuoteTerms): QuoteChange[] {
  const amount = change('redeemSz', before.redeemSz, after.redeemSz, after.redeemCcy);
  return [before.redeemCcy === after.redeemCcy ? amount : { ...amount, changed: true }, change('termRate', before.termRate, after.termRate)];
}

/** True when any figure changed. */
export function anyChanged(changes: readonly QuoteChange[]): boolean {
  return changes.some((c) => c.changed);
}
