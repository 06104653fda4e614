/**
 * The simulator's Dual Investment (sfp/dcd) as OKX documents it in 2026: currency pairs; products by pair and
 * option type, with strike, term and yield; a quote that may be traded once, until `validUntil`; a trade from
 * a quote; orders with their state and history; settlement at expiry on the simulator's index price for the
 * underlying; early redemption as redeem-quote → redeem.
 *
 * Settlement, as OKX describes Dual Investment: a call ("sell high") invests the base currency, and pays the
 * principal and yield converted at the strike into the quote currency when the index at expiry is at or
 * above the strike, else in the base currency; a put ("buy low") invests the quote currency, and pays
 * principal and yield converted at the strike into the base currency when the index is at or below the
 * strike, else in the quote currency.
 *
 * The simulator's choices where the page says nothing: products expire at 08:00 UTC 1, 3 and 7 days ahead,
 * with strikes 2, 5 and 10 % away from the index, each term paying its own yield (./dualYield); yields are fractions (the products example's "0.0541", not
 * the quote example's "69.65"); a quote lives `quoteTtlMs`; `termRate` is in percent of the principal; an
 * expired, used or unknown quote is refused with 51000 ("Parameter quoteId error"), the chapter documenting
 * no code of its own for it.
 */
import * as D from '../decimal';
import type * as T from '../okx/types';
import { DAY, HOUR, msText } from './clock';
import { dualAnnualYield } from './dualYield';
import type { PriceFeed } from './market';
import { amount, oneOf, required, text, type RawParams } from './params';
import { badParam, fail } from './simError';
import { nextId, yymmddOf, type SimDual, type SimDualOrder, type SimDualPair, type SimDualQuote, type SimState } from './state';
import type { Funding } from './loans';

const TERMS_DAYS = [1, 3, 7];
const DISTANCES = ['0.02', '0.05', '0.10'];
const EXPIRY_HOUR = 8 * HOUR;
const ORDER_STATES = ['initial', 'live', 'pending_settle', 'settled', 'pending_redeem', 'redeemed', 'rejected'] as const;

interface Product {
  readonly pair: SimDualPair;
  readonly optType: 'C' | 'P';
  readonly strike: string;
  readonly expTime: number;
  readonly productId: string;
}

const nextHour = (ts: number): number => Math.ceil(ts / HOUR) * HOUR;

export class DualDesk {
  constructor(
    private readonly state: SimState,
    private readonly funding: Funding,
    private readonly prices: PriceFeed,
  ) {}

  private get dual(): SimDual {
    return this.state.dual;
  }

  /** The underlying's index (`BTC-USD`): what strikes are set against and orders settle on. */
  private index(pair: SimDualPair, ts: number): string {
    return D.roundDown(this.prices.usd(pair.baseCcy, ts), 8);
  }

  private limitsOf(product: Pick<Product, 'pair' | 'optType'>): SimDualPair['call'] {
    return product.optType === 'C' ? product.pair.call : product.pair.put;
  }

  private notionalCcy(product: Pick<Product, 'pair' | 'optType'>): string {
    return product.optType === 'C' ? product.pair.baseCcy : product.pair.quoteCcy;
  }

  /** The product a productId names, if it is a pair's, on its strike grid, and still open to trade at `now`. */
  private product(productId: string, now: number): Product {
    const match = /^([A-Z0-9]+)-([A-Z0-9]+)-(\d{6})-(\d+(?:\.\d+)?)-([CP])$/.exec(productId) ?? badParam('productId');
    const [, base, quote, date, strike, optType] = match as unknown as [string, string, string, string, string, 'C' | 'P'];
    const pair = this.dual.pairs.find((p) => p.baseCcy === base && p.quoteCcy === quote) ?? badParam('productId');
    const expTime = Date.UTC(2000 + Number(date.slice(0, 2)), Number(date.slice(2, 4)) - 1, Number(date.slice(4, 6))) + EXPIRY_HOUR;
    if (!D.isPositive(strike) || !D.isZero(D.sub(strike, D.mul(D.roundDown(D.div(strike, pair.strikeStep, 12), 0), pair.strikeStep)))) badParam('productId');
    if (now >= this.tradeEnd(expTime)) badParam('productId');
    return { pair, optType, strike: D.trim(strike), expTime, productId };
  }

  private tradeEnd(expTime: number): number {
    return expTime - 4 * HOUR;
  }

  /** The products listed at `now` for a pair and option type. */
  private listed(pair: SimDualPair, optType: 'C' | 'P', now: number): Product[] {
    const idx = this.index(pair, now);
    const today = Math.floor(now / DAY) * DAY;
    const products: Product[] = [];
    for (const days of TERMS_DAYS) {
      const expTime = today + days * DAY + EXPIRY_HOUR;
      if (now >= this.tradeEnd(expTime)) continue;
      for (const distance of DISTANCES) {
        const factor = optType === 'C' ? D.add('1', distance) : D.sub('1', distance);
        const strike = D.mul(D.roundDown(D.div(D.mul(idx, factor), pair.strikeStep, 12), 0), pair.strikeStep);
        if (!D.isPositive(strike)) continue;
        products.push({ pair, optType, strike, expTime, productId: `${pair.baseCcy}-${pair.quoteCcy}-${yymmddOf(expTime)}-${strike}-${optType}` });
      }
    }
    return products;
  }

  /**
   * The annualised yield of a product at `now` (./dualYield): the nearer the strike to the index (on the side that
   * can be struck), the higher, and different for each term at the same distance; a strike already crossed
   * earns the floor.
   */
  private yieldOf(product: Product, now: number): { annualizedYield: string; absYield: string; interestAccrualTime: number } {
    const idx = this.index(product.pair, now);
    const away = product.optType === 'C' ? D.sub(D.div(product.strike, idx, 12), '1') : D.sub('1', D.div(product.strike, idx, 12));
    const annualizedYield = dualAnnualYield(product.pair.baseCcy, Number(away), product.expTime - now);
    const interestAccrualTime = nextHour(now);
    const years = D.div(String(Math.max(0, product.expTime - interestAccrualTime)), String(365 * DAY), 12);
    return { annualizedYield, absYield: D.roundDown(D.mul(annualizedYield, years), 8), interestAccrualTime };
  }

  // ------------------------------------------------------------------ endpoints

  currencyPairs(): T.DualCurrencyPair[] {
    return this.dual.pairs.flatMap((p) =>
      (['C', 'P'] as const).map((optType) => ({ baseCcy: p.baseCcy, quoteCcy: p.quoteCcy, optType, uly: `${p.baseCcy}-USD` })),
    );
  }

  products(p: RawParams, now: number): T.DualProduct[] {
    const baseCcy = required(p, 'baseCcy');
    const quoteCcy = required(p, 'quoteCcy');
    const optType = oneOf(p, 'optType', ['C', 'P'] as const) ?? badParam('optType');
    const pair = this.dual.pairs.find((x) => x.baseCcy === baseCcy && x.quoteCcy === quoteCcy);
    if (pair === undefined) return [];
    const limits = this.limitsOf({ pair, optType });
    return this.listed(pair, optType, now).map((product) => {
      const y = this.yieldOf(product, now);
      return {
        absYield: y.absYield, annualizedYield: y.annualizedYield, baseCcy, quoteCcy, expTime: String(product.expTime),
        interestAccrualTime: String(y.interestAccrualTime), listTime: String(product.expTime - 10 * DAY), maxSize: limits.maxSize, minSize: limits.minSize,
        notionalCcy: this.notionalCcy(product), optType, productId: product.productId, quoteTime: String(now),
        redeemEndTime: String(product.expTime - HOUR), redeemStartTime: String(y.interestAccrualTime), stepSz: limits.stepSz,
        tradeEndTime: String(this.tradeEnd(product.expTime)), strike: product.strike, uly: `${baseCcy}-USD`,
      };
    });
  }

  quote(p: RawParams, now: number): T.DualQuote[] {
    const product = this.product(required(p, 'productId'), now);
    const notionalCcy = required(p, 'notionalCcy');
    if (notionalCcy !== this.notionalCcy(product)) badParam('notionalCcy');
    const notionalSz = amount(p, 'notionalSz');
    const limits = this.limitsOf(product);
    if (D.lt(notionalSz, limits.minSize)) fail('51727', `The minimum subscription amount is ${limits.minSize} ${notionalCcy}`);
    if (D.gt(notionalSz, limits.maxSize)) fail('51728', 'The subscription quantity is above the maximum limit');
    if (!D.isZero(D.sub(notionalSz, D.mul(D.roundDown(D.div(notionalSz, limits.stepSz, 12), 0), limits.stepSz)))) badParam('notionalSz');
    const y = this.yieldOf(product, now);
    const quote: SimDualQuote = {
      quoteId: `qtDCD-QUOTE${nextId(this.state)}`, kind: 'trade', productId: product.productId, ordId: '', notionalSz, notionalCcy,
      absYield: y.absYield, annualizedYield: y.annualizedYield, interestAccrualTime: y.interestAccrualTime, idxPx: this.index(product.pair, now),
      redeemSz: '', termRate: '', validUntil: now + this.dual.quoteTtlMs, used: false,
    };
    this.dual.quotes.push(quote);
    return [{
      absYield: quote.absYield, annualizedYield: quote.annualizedYield, interestAccrualTime: String(quote.interestAccrualTime), notionalSz, notionalCcy,
      productId: quote.productId, quoteId: quote.quoteId, validUntil: String(quote.validUntil), idxPx: quote.idxPx,
    }];
  }

  /** A quote that can still be acted on: known, of this kind, not used, not expired. */
  private usableQuote(quoteId: string, kind: SimDualQuote['kind'], now: number): SimDualQuote {
    const quote = this.dual.quotes.find((q) => q.quoteId === quoteId && q.kind === kind);
    if (quote === undefined || quote.used || now > quote.validUntil) badParam('quoteId');
    return quote as SimDualQuote;
  }

  trade(p: RawParams, now: number): T.DualTradeAck[] {
    const quote = this.usableQuote(required(p, 'quoteId'), 'trade', now);
    // Still tradable: the trade window may have closed since the quote.
    const product = this.product(quote.productId, now);
    if (D.lt(this.funding.balance(quote.notionalCcy), quote.notionalSz)) fail('51736', `Insufficient ${quote.notionalCcy} balance`);
    this.funding.debit(quote.notionalCcy, quote.notionalSz, '51736');
    quote.used = true;
    const order: SimDualOrder = {
      ordId: nextId(this.state), quoteId: quote.quoteId, state: 'live', productId: product.productId, baseCcy: product.pair.baseCcy,
      quoteCcy: product.pair.quoteCcy, optType: product.optType, strike: product.strike, notionalSz: quote.notionalSz, notionalCcy: quote.notionalCcy,
      absYield: quote.absYield, annualizedYield: quote.annualizedYield, settleSz: '', settleCcy: '', settlePx: '', expTime: product.expTime,
      redeemStartTime: quote.interestAccrualTime, redeemEndTime: product.expTime - HOUR, cTime: now, uTime: now,
    };
    this.dual.orders.push(order);
    return [{ quoteId: quote.quoteId, ordId: order.ordId, state: order.state }];
  }

  private order(p: RawParams): SimDualOrder {
    const ordId = required(p, 'ordId');
    return this.dual.orders.find((o) => o.ordId === ordId) ?? badParam('ordId');
  }

  /**
   * What early redemption pays back now: the principal less a penalty that shrinks as expiry nears (0.2 % of
   * the principal at expiry, 1 % at the start), in the investment currency; no yield.
   */
  redeemQuote(p: RawParams, now: number): T.DualRedeemQuote[] {
    const order = this.order(p);
    if (order.state !== 'live') fail('51724', 'Redemption is currently not supported');
    if (now < order.redeemStartTime || now > order.redeemEndTime) fail('51724', 'Redemption is currently not supported');
    const left = D.div(String(order.expTime - now), String(Math.max(1, order.expTime - order.cTime)), 12);
    const termRate = D.roundDown(D.sub('0', D.add('0.2', D.mul('0.8', D.min('1', left)))), 2);
    const redeemSz = D.roundDown(D.mul(order.notionalSz, D.add('1', D.div(termRate, '100', 12))), 8);
    const quote: SimDualQuote = {
      quoteId: `qtDCD-REDEEM${nextId(this.state)}`, kind: 'redeem', productId: order.productId, ordId: order.ordId, notionalSz: order.notionalSz,
      notionalCcy: order.notionalCcy, absYield: '', annualizedYield: '', interestAccrualTime: 0, idxPx: '', redeemSz, termRate,
      validUntil: now + this.dual.quoteTtlMs, used: false,
    };
    this.dual.quotes.push(quote);
    return [{ ordId: order.ordId, quoteId: quote.quoteId, redeemCcy: order.notionalCcy, redeemSz, termRate, validUntil: String(quote.validUntil) }];
  }

  redeem(p: RawParams, now: number): T.DualRedeemAck[] {
    const order = this.order(p);
    const quote = this.usableQuote(required(p, 'quoteId'), 'redeem', now);
    if (quote.ordId !== order.ordId) badParam('quoteId');
    if (order.state !== 'live' || now > order.redeemEndTime) fail('51724', 'Redemption is currently not supported');
    quote.used = true;
    order.state = 'pending_redeem';
    order.redeemSz = quote.redeemSz;
    order.redeemAt = now + this.dual.redeemDelayMs;
    order.uTime = now;
    return [{ ordId: order.ordId, state: 'pending_redeem_booking' }];
  }

  orderState(p: RawParams): T.DualOrderStatus[] {
    const order = this.order(p);
    return [{ ordId: order.ordId, state: order.state }];
  }

  orderHistory(p: RawParams): T.DualOrder[] {
    const ordId = text(p, 'ordId');
    if (ordId !== undefined) {
      const order = this.dual.orders.find((o) => o.ordId === ordId);
      return order === undefined ? [] : [this.record(order)];
    }
    const productId = text(p, 'productId');
    const uly = text(p, 'uly');
    const state = oneOf(p, 'state', ORDER_STATES);
    const limit = text(p, 'limit') ?? '100';
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) badParam('limit');
    const bound = (name: string): bigint | undefined => {
      const value = text(p, name);
      if (value !== undefined && !/^\d{1,20}$/.test(value)) badParam(name);
      return value === undefined ? undefined : BigInt(value);
    };
    const [beginId, endId, begin, end] = [bound('beginId'), bound('endId'), bound('begin'), bound('end')];
    return this.dual.orders
      .filter((o) => (productId === undefined || o.productId === productId) && (uly === undefined || `${o.baseCcy}-USD` === uly))
      .filter((o) => state === undefined || o.state === state)
      .filter((o) => (beginId === undefined || BigInt(o.ordId) > beginId) && (endId === undefined || BigInt(o.ordId) < endId))
      .filter((o) => (begin === undefined || BigInt(o.cTime) >= begin) && (end === undefined || BigInt(o.cTime) <= end))
      .sort((a, b) => (BigInt(b.ordId) > BigInt(a.ordId) ? 1 : -1))
      .slice(0, Number(limit))
      .map((o) => this.record(o));
  }

  private record(o: SimDualOrder): T.DualOrder {
    return {
      ordId: o.ordId, quoteId: o.quoteId, state: o.state, productId: o.productId, baseCcy: o.baseCcy, quoteCcy: o.quoteCcy, uly: `${o.baseCcy}-USD`,
      strike: o.strike, notionalSz: o.notionalSz, notionalCcy: o.notionalCcy, absYield: o.absYield, annualizedYield: o.annualizedYield,
      yieldSz: D.roundDown(D.mul(o.notionalSz, o.absYield), 8), yieldCcy: o.notionalCcy, settleSz: o.settleSz, settleCcy: o.settleCcy,
      settlePx: o.settlePx, settleTime: msText(o.settleTime), expTime: String(o.expTime),
      redeemStartTime: String(o.redeemStartTime), redeemEndTime: String(o.redeemEndTime), cTime: String(o.cTime), uTime: String(o.uTime),
    };
  }

  // ------------------------------------------------------------------ time

  /** Settles what expired (either way, on the index at expiry) and pays out early redemptions that are due. */
  catchUp(now: number): void {
    for (const order of this.dual.orders) {
      if (order.state === 'live' && order.expTime <= now) this.settle(order);
      if (order.state === 'pending_redeem' && (order.redeemAt ?? Number.POSITIVE_INFINITY) <= now) {
        order.state = 'redeemed';
        order.uTime = order.redeemAt ?? now;
        this.funding.credit(order.notionalCcy, order.redeemSz ?? '0');
      }
    }
    this.dual.quotes = this.dual.quotes.filter((q) => q.validUntil > now - DAY);
  }

  private settle(order: SimDualOrder): void {
    const pair = this.dual.pairs.find((p) => p.baseCcy === order.baseCcy && p.quoteCcy === order.quoteCcy);
    const px = pair === undefined ? this.prices.usd(order.baseCcy, order.expTime) : this.index(pair, order.expTime);
    const total = D.add(order.notionalSz, D.roundDown(D.mul(order.notionalSz, order.absYield), 8));
    // Struck: a call at or above its strike sells the base at the strike; a put at or below buys it.
    const struck = order.optType === 'C' ? D.gte(px, order.strike) : D.lte(px, order.strike);
    if (struck) {
      order.settleCcy = order.optType === 'C' ? order.quoteCcy : order.baseCcy;
      order.settleSz = order.optType === 'C' ? D.roundDown(D.mul(total, order.strike), 8) : D.roundDown(D.div(total, order.strike, 18), 8);
    } else {
      order.settleCcy = order.notionalCcy;
      order.settleSz = total;
    }
    order.settlePx = px;
    order.settleTime = order.expTime;
    order.state = 'settled';
    order.uTime = order.expTime;
    this.funding.credit(order.settleCcy, order.settleSz);
  }
}
