/**
 * The simulator's on-chain earn (staking-defi): offers with their limits and states, orders that go pending (8)
 * → on-chain (9) → earning (1) on their own, redemption (2) at maturity or early where the offer allows it, fast
 * when it fits the offer's daily limit, cancelling a purchase or a redemption while OKX still allows it, and
 * earnings that accrue while an order earns.
 */
import * as D from '../decimal';
import type { DataOf } from '../okx/endpoints';
import { DAY, HOUR, MINUTE, msText, periodMs, YEAR_MS } from './clock';
import type { Funding } from './loans';
import { page } from './paging';
import { amount, oneOf, pageQuery, required, text, type RawParams } from './params';
import { badParam, fail } from './simError';
import { nextId, type SimOrder, type SimState } from './state';

const ORDER_STATES = ['8', '13', '9', '1', '2'];

export class OnchainDesk {
  constructor(
    private readonly state: SimState,
    private readonly funding: Funding,
  ) {}

  offers(p: RawParams): DataOf<'onchainOffers'> {
    const productId = text(p, 'productId');
    const ccy = text(p, 'ccy');
    oneOf(p, 'protocolType', ['defi']);
    return this.state.offers
      .filter((o) => (productId === undefined || o.productId === productId) && (ccy === undefined || o.ccy === ccy))
      .map((o) => ({
        ccy: o.ccy, productId: o.productId, protocol: o.protocol, protocolType: 'defi', term: o.term, apy: o.apy, earlyRedeem: o.earlyRedeem,
        investData: o.invest.map((i) => ({ ccy: i.ccy, bal: this.funding.balance(i.ccy), minAmt: i.minAmt, maxAmt: i.maxAmt })),
        earningData: o.earning.map((e) => ({ ccy: e.ccy, earningType: e.earningType })),
        state: o.state, redeemPeriod: [...o.redeemPeriod], fastRedemptionDailyLimit: o.fastRedemptionDailyLimit,
      }));
  }

  purchase(p: RawParams, now: number): DataOf<'onchainPurchase'> {
    const offer = this.state.offers.find((o) => o.productId === required(p, 'productId')) ?? badParam('productId');
    const tag = text(p, 'tag');
    if (tag !== undefined && !/^[A-Za-z0-9]{1,16}$/.test(tag)) badParam('tag');
    const term = text(p, 'term');
    if (offer.term === '0' ? term !== undefined && term !== '0' : term !== offer.term) badParam('term');
    const investData = p.investData;
    if (!Array.isArray(investData) || investData.length === 0) return badParam('investData');
    const invest = investData.map((item: unknown) => {
      if (typeof item !== 'object' || item === null) return badParam('investData');
      const entry = item as RawParams;
      const limits = offer.invest.find((i) => i.ccy === entry.ccy) ?? badParam('ccy');
      return { limits, amt: amount(entry, 'amt') };
    });
    if (offer.state === 'sold_out') fail('51730', 'This product is sold out');
    if (offer.state === 'Stop') fail('51731', 'Subscription to this product is suspended');
    for (const { limits, amt } of invest) {
      if (D.lt(amt, limits.minAmt)) fail('51727', `The minimum subscription amount is ${limits.minAmt} ${limits.ccy}`);
      if (D.gt(amt, limits.maxAmt)) fail('51728', `The maximum subscription amount is ${limits.maxAmt} ${limits.ccy}`);
      if (D.lt(this.funding.balance(limits.ccy), amt)) fail('51736', `Insufficient ${limits.ccy} balance`);
    }
    for (const { limits, amt } of invest) this.funding.debit(limits.ccy, amt, '51736');
    const order: SimOrder = {
      ordId: nextId(this.state), productId: offer.productId, ccy: offer.ccy, protocol: offer.protocol, term: offer.term, apy: offer.apy,
      state: '8', stateSince: now, purchasedTime: now, tag: tag ?? '',
      invest: invest.map(({ limits, amt }) => ({ ccy: limits.ccy, amt })),
      earnings: offer.earning.map((e) => ({ ccy: e.ccy, earningType: e.earningType, earnings: '0' })),
    };
    this.state.orders.push(order);
    return [{ ordId: order.ordId, tag: order.tag }];
  }

  redeem(p: RawParams, now: number): DataOf<'onchainRedeem'> {
    if (oneOf(p, 'protocolType', ['defi']) === undefined) badParam('protocolType');
    const allowEarly = p.allowEarlyRedeem;
    if (allowEarly !== undefined && typeof allowEarly !== 'boolean') badParam('allowEarlyRedeem');
    const order = this.activeOrder(required(p, 'ordId'));
    if (order.state !== '1') fail('51724', 'Redemption is not supported in the current order state');
    const offer = this.state.offers.find((o) => o.productId === order.productId);
    const maturity = order.purchasedTime + Number(order.term) * DAY;
    if (order.term !== '0' && now < maturity) {
      if (offer?.earlyRedeem !== true) fail('51723', 'This product does not support early redemption');
      if (allowEarly !== true) fail('51729', 'The order has not reached its redemption date');
    }
    const invested = order.invest[0]?.amt ?? '0';
    const fast = offer !== undefined && offer.fastRedemptionDailyLimit !== '' && D.lte(invested, offer.fastRedemptionDailyLimit);
    order.state = '2';
    order.stateSince = now;
    if (fast) {
      order.estSettlementTime = now + MINUTE;
      order.cancelRedemptionDeadline = now;
      order.fastRedeeming = order.invest.map((i) => ({ ccy: i.ccy, redeemingAmt: i.amt }));
    } else {
      const [, longest] = offer?.redeemPeriod ?? ['1D', '1D'];
      order.estSettlementTime = now + periodMs(longest);
      order.cancelRedemptionDeadline = now + Math.min(HOUR, periodMs(longest) / 2);
    }
    return [{ ordId: order.ordId, tag: order.tag }];
  }

  cancel(p: RawParams, now: number): DataOf<'onchainCancel'> {
    if (oneOf(p, 'protocolType', ['defi']) === undefined) badParam('protocolType');
    const order = this.activeOrder(required(p, 'ordId'));
    if (order.state === '8') {
      order.state = '13';
      order.stateSince = now;
    } else if (order.state === '2') {
      if (order.fastRedeeming !== undefined) fail('51762', 'The order is partially redeemed and cannot be cancelled');
      if (now > (order.cancelRedemptionDeadline ?? 0)) fail('51725', 'Cancellation is not supported at this time');
      order.state = '1';
      order.stateSince = now;
      delete order.estSettlementTime;
      delete order.cancelRedemptionDeadline;
    } else if (order.state === '1') {
      fail('51726', 'There is no subscription or redemption to cancel');
    } else {
      fail('51725', 'Cancellation is not supported at this time');
    }
    return [{ ordId: order.ordId, tag: order.tag }];
  }

  activeOrders(p: RawParams): DataOf<'onchainActiveOrders'> {
    const productId = text(p, 'productId');
    const ccy = text(p, 'ccy');
    oneOf(p, 'protocolType', ['defi']);
    const wanted = oneOf(p, 'state', ORDER_STATES);
    return this.state.orders
      .filter((o) => o.state !== '3')
      .filter((o) => (productId === undefined || o.productId === productId) && (ccy === undefined || o.ccy === ccy))
      .filter((o) => wanted === undefined || o.state === wanted)
      .sort((a, b) => Number(b.ordId) - Number(a.ordId))
      .map((o) => ({
        ccy: o.ccy, ordId: o.ordId, productId: o.productId, state: o.state, protocol: o.protocol, protocolType: 'defi', term: o.term,
        apy: o.apy, investData: o.invest.map((i) => ({ ...i })),
        earningData: o.earnings.map((e) => ({ ccy: e.ccy, earningType: e.earningType, earnings: D.roundDown(e.earnings, 8) })),
        fastRedemptionData: (o.fastRedeeming ?? []).map((f) => ({ ...f })),
        purchasedTime: msText(o.purchasedTime),
        estSettlementTime: msText(o.estSettlementTime),
        cancelRedemptionDeadline: msText(o.cancelRedemptionDeadline),
        tag: o.tag,
      }));
  }

  orderHistory(p: RawParams): DataOf<'onchainOrderHistory'> {
    const productId = text(p, 'productId');
    const ccy = text(p, 'ccy');
    oneOf(p, 'protocolType', ['defi']);
    const done = this.state.orders.filter(
      (o) => o.state === '3' && (productId === undefined || o.productId === productId) && (ccy === undefined || o.ccy === ccy),
    );
    return page(done, (o) => o.ordId, pageQuery(p)).map((o) => ({
      ccy: o.ccy, ordId: o.ordId, productId: o.productId, state: '3', protocol: o.protocol, protocolType: 'defi', term: o.term, apy: o.apy,
      investData: o.invest.map((i) => ({ ...i })),
      earningData: o.earnings.map((e) => ({ ccy: e.ccy, earningType: e.earningType, realizedEarnings: D.roundDown(e.earnings, 8) })),
      purchasedTime: msText(o.purchasedTime), redeemedTime: msText(o.redeemedTime), tag: o.tag,
    }));
  }

  private activeOrder(ordId: string): SimOrder {
    const order = this.state.orders.find((o) => o.ordId === ordId && o.state !== '3');
    return order ?? badParam('ordId');
  }

  /** Moves every open order on from `from` to `to`: its state changes, its earnings, its settlement. */
  catchUp(from: number, to: number): void {
    for (const order of this.state.orders) {
      if (order.state !== '3') this.advanceOrder(order, from, to);
    }
  }

  private advanceOrder(order: SimOrder, from: number, to: number): void {
    let t = from;
    for (;;) {
      const next =
        order.state === '8' ? order.stateSince + 30_000
        : order.state === '9' ? order.stateSince + 60_000
        : order.state === '13' ? order.stateSince + 30_000
        : order.state === '2' ? (order.estSettlementTime ?? to)
        : Number.POSITIVE_INFINITY;
      const end = Math.min(next, to);
      if ((order.state === '1' || order.state === '2') && end > t) this.accrue(order, end - t);
      t = Math.max(t, end);
      if (next > to) return;
      if (order.state === '8') this.enter(order, '9', next);
      else if (order.state === '9') this.enter(order, '1', next);
      else if (order.state === '13') this.complete(order, next, false);
      else if (order.state === '2') this.complete(order, next, true);
      if (order.state === '3') return;
    }
  }

  private enter(order: SimOrder, state: SimOrder['state'], at: number): void {
    order.state = state;
    order.stateSince = at;
  }

  private accrue(order: SimOrder, duration: number): void {
    const years = D.div(String(duration), String(YEAR_MS), 12);
    const principal = order.invest[0]?.amt ?? '0';
    order.earnings.forEach((e, i) => {
      // The first earning currency is the product's own; reward tokens accrue at a hundredth of it.
      const accrued = D.mul(D.mul(principal, order.apy), years);
      e.earnings = D.roundDown(D.add(e.earnings, i === 0 ? accrued : D.div(accrued, '100')), 12);
    });
  }

  private complete(order: SimOrder, at: number, redeemed: boolean): void {
    order.state = '3';
    order.stateSince = at;
    order.redeemedTime = at;
    delete order.estSettlementTime;
    delete order.cancelRedemptionDeadline;
    delete order.fastRedeeming;
    for (const i of order.invest) this.funding.credit(i.ccy, i.amt);
    if (redeemed) {
      for (const e of order.earnings) {
        e.earnings = D.roundDown(e.earnings, 8);
        this.funding.credit(e.ccy, e.earnings);
      }
    } else {
      for (const e of order.earnings) e.earnings = '0';
    }
  }
}
