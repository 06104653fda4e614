import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import type { OkxClient } from '../../../src/okx/client';
import type * as T from '../../../src/okx/types';
import { MINUTE, SECOND } from '../../../src/simulator/clock';
import { instantLimiter, startSim, type SimHarness } from '../support/sim';

describe('simulator: Dual Investment (sfp/dcd, 2026)', () => {
  let h: SimHarness;
  let c: OkxClient;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false });
    c = h.clientWith({ limiter: instantLimiter() });
  });
  afterEach(() => h.sim.close());

  const funding = (ccy: string): string => h.sim.state.funding[ccy] ?? '0';
  const BTC = '91250.4';

  /** Expects `code`, and no balance, quote or order to have changed. */
  async function refused(call: () => Promise<unknown>, code: string): Promise<void> {
    const before = JSON.stringify([h.sim.state.funding, h.sim.state.dual.orders, h.sim.state.dual.quotes.map((q) => q.used)]);
    await assert.rejects(call(), (error: { code?: string; message?: string }) => {
      assert.equal(error.code, code, error.message);
      return true;
    });
    assert.equal(JSON.stringify([h.sim.state.funding, h.sim.state.dual.orders, h.sim.state.dual.quotes.map((q) => q.used)]), before, `refused with ${code}, yet something changed`);
  }

  /** The first listed (nearest-expiry, nearest-strike) product of a kind. */
  async function product(optType: 'C' | 'P', baseCcy = 'BTC'): Promise<T.DualProduct> {
    const [first] = await c.dual.products({ baseCcy, quoteCcy: 'USDT', optType });
    assert.ok(first, 'a product is listed');
    return first;
  }

  async function invest(p: T.DualProduct, notionalSz: string): Promise<{ quote: T.DualQuote; ordId: string }> {
    const [quote] = await c.dual.quote({ productId: p.productId, notionalSz, notionalCcy: p.notionalCcy });
    assert.ok(quote);
    const [ack] = await c.dual.trade({ quoteId: quote.quoteId });
    assert.equal(ack?.state, 'live');
    return { quote, ordId: ack?.ordId ?? '' };
  }

  async function settledOrder(ordId: string): Promise<T.DualOrder> {
    const [order] = await c.dual.orderHistory({ ordId }).next();
    assert.ok(order);
    return order;
  }

  it('currency pairs and products: calls invest the base above the index, puts the quote below it, in order of time', async () => {
    const pairs = await c.dual.currencyPairs();
    assert.deepEqual(pairs.filter((p) => p.baseCcy === 'BTC').map((p) => `${p.baseCcy}-${p.quoteCcy}-${p.optType}-${p.uly}`), ['BTC-USDT-C-BTC-USD', 'BTC-USDT-P-BTC-USD']);
    const calls = await c.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' });
    const puts = await c.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'P' });
    assert.ok(calls.length >= 6 && puts.length >= 6);
    for (const p of calls) {
      assert.ok(D.gt(p.strike, BTC), `call strike ${p.strike} above ${BTC}`);
      assert.equal(p.notionalCcy, 'BTC');
      assert.match(p.productId, /^BTC-USDT-\d{6}-\d+-C$/);
    }
    for (const p of puts) {
      assert.ok(D.lt(p.strike, BTC), `put strike ${p.strike} below ${BTC}`);
      assert.equal(p.notionalCcy, 'USDT');
      const times = [p.listTime, p.interestAccrualTime, p.tradeEndTime, p.redeemEndTime, p.expTime].map(Number);
      assert.deepEqual(times, [...times].sort((a, b) => a - b), 'listed < accrual < trade end < redeem end < expiry');
      assert.ok(D.lt(p.annualizedYield, '1') && D.isPositive(p.absYield), 'yields are fractions');
    }
    assert.deepEqual(await c.dual.products({ baseCcy: 'DOGE', quoteCcy: 'USDT', optType: 'C' }), []);
  });

  it('issue 25, item 15: each term pays its own yield at the same strike; far from the index, the longest term pays the most', async () => {
    for (const optType of ['C', 'P'] as const) {
      const products = await c.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType });
      const byStrike = new Map<string, T.DualProduct[]>();
      for (const p of products) byStrike.set(p.strike, [...(byStrike.get(p.strike) ?? []), p]);
      const strikes = [...byStrike.keys()].sort((a, b) => D.cmp(a, b));
      for (const [strike, terms] of byStrike) {
        if (terms.length < 2) continue;
        assert.ok(new Set(terms.map((p) => p.annualizedYield)).size > 1, `${optType} ${strike}: ${terms.map((p) => p.annualizedYield).join(', ')} for every term`);
      }
      const farthest = byStrike.get((optType === 'C' ? strikes.at(-1) : strikes[0]) ?? '') ?? [];
      const byExpiry = [...farthest].sort((a, b) => Number(a.expTime) - Number(b.expTime));
      const longest = byExpiry.at(-1);
      assert.ok(longest && byExpiry.slice(0, -1).every((p) => D.gt(longest.annualizedYield, p.annualizedYield)), `${optType}: ${byExpiry.map((p) => p.annualizedYield).join(' < ')}`);
    }
  });

  it('quote → trade: the investment leaves the funding account and the order is live, with nothing settled yet', async () => {
    const p = await product('C');
    const btc = funding('BTC');
    const { quote, ordId } = await invest(p, '0.25');
    assert.equal(quote.idxPx, BTC);
    assert.ok(Number(quote.validUntil) > h.sim.clock.now());
    assert.equal(funding('BTC'), D.sub(btc, '0.25'));
    assert.deepEqual(await c.dual.orderState({ ordId }), [{ ordId, state: 'live' }]);
    const order = await settledOrder(ordId);
    assert.deepEqual([order.productId, order.strike, order.notionalSz, order.notionalCcy, order.quoteId], [p.productId, p.strike, '0.25', 'BTC', quote.quoteId]);
    assert.deepEqual([order.settleSz, order.settleCcy, order.settlePx, order.settleTime], ['', '', '', '']);
    assert.equal(order.yieldSz, D.roundDown(D.mul('0.25', order.absYield), 8));
  });

  it('a quote is good once and until validUntil: an expired or used one is refused (51000), and nothing moves', async () => {
    const p = await product('P');
    const [stale] = await c.dual.quote({ productId: p.productId, notionalSz: '1000', notionalCcy: 'USDT' });
    assert.ok(stale);
    h.sim.advance(Number(stale.validUntil) - h.sim.clock.now() + SECOND);
    await refused(() => c.dual.trade({ quoteId: stale.quoteId }), '51000');
    const { quote } = await invest(await product('P'), '1000');
    await refused(() => c.dual.trade({ quoteId: quote.quoteId }), '51000');
    await refused(() => c.dual.trade({ quoteId: 'qtDCD-QUOTE-nope' }), '51000');
  });

  it('quote requests are checked: the product, its investment currency, size limits and step', async () => {
    const p = await product('C');
    await refused(() => c.dual.quote({ productId: 'BTC-USDT-991231-95000-X', notionalSz: '1', notionalCcy: 'BTC' }), '51000');
    await refused(() => c.dual.quote({ productId: p.productId, notionalSz: '1', notionalCcy: 'USDT' }), '51000');
    await refused(() => c.dual.quote({ productId: p.productId, notionalSz: '0.0005', notionalCcy: 'BTC' }), '51727');
    await refused(() => c.dual.quote({ productId: p.productId, notionalSz: '101', notionalCcy: 'BTC' }), '51728');
    await refused(() => c.dual.quote({ productId: p.productId, notionalSz: '0.0015', notionalCcy: 'BTC' }), '51000');
    h.sim.state.funding.BTC = '0.1';
    const [quote] = await c.dual.quote({ productId: p.productId, notionalSz: '0.2', notionalCcy: 'BTC' });
    await refused(() => c.dual.trade({ quoteId: quote?.quoteId ?? '' }), '51736');
  });

  it('a call settles at expiry into the quote currency at the strike when the index is at or above it', async () => {
    const p = await product('C');
    const { ordId } = await invest(p, '0.5');
    const usdt = funding('USDT');
    h.sim.prices.set('BTC', D.add(p.strike, '10'));
    h.sim.advance(Number(p.expTime) - h.sim.clock.now() + MINUTE);
    const order = await settledOrder(ordId);
    assert.equal(order.state, 'settled');
    const total = D.add('0.5', D.roundDown(D.mul('0.5', order.absYield), 8));
    assert.deepEqual([order.settleCcy, order.settleSz, order.settlePx, order.settleTime], ['USDT', D.roundDown(D.mul(total, p.strike), 8), D.add(p.strike, '10'), p.expTime]);
    assert.ok(D.gte(funding('USDT'), D.add(usdt, order.settleSz)), 'paid into the funding account');
  });

  it('a call below its strike at expiry pays back the base currency with its yield', async () => {
    const p = await product('C');
    const { ordId } = await invest(p, '0.5');
    const btc = funding('BTC');
    h.sim.prices.set('BTC', D.sub(p.strike, '1'));
    h.sim.advance(Number(p.expTime) - h.sim.clock.now() + MINUTE);
    const order = await settledOrder(ordId);
    assert.equal(order.settleCcy, 'BTC');
    assert.equal(order.settleSz, D.add('0.5', order.yieldSz));
    assert.equal(funding('BTC'), D.add(btc, order.settleSz));
  });

  it('a put buys the base at the strike when the index is at or below it, else pays back the quote currency', async () => {
    const p = await product('P');
    const struck = await invest(p, '5000');
    h.sim.prices.set('BTC', p.strike);
    const btc = funding('BTC');
    h.sim.advance(Number(p.expTime) - h.sim.clock.now() + MINUTE);
    const a = await settledOrder(struck.ordId);
    const total = D.add('5000', D.roundDown(D.mul('5000', a.absYield), 8));
    assert.deepEqual([a.settleCcy, a.settleSz, a.settlePx], ['BTC', D.roundDown(D.div(total, p.strike, 18), 8), p.strike], 'at the strike exactly: struck');
    assert.equal(funding('BTC'), D.add(btc, a.settleSz));

    const later = await product('P');
    const unstruck = await invest(later, '2000');
    h.sim.prices.set('BTC', D.add(later.strike, '0.01'));
    h.sim.advance(Number(later.expTime) - h.sim.clock.now() + MINUTE);
    const b = await settledOrder(unstruck.ordId);
    assert.deepEqual([b.settleCcy, b.settleSz], ['USDT', D.add('2000', b.yieldSz)]);
  });

  it('early redemption: redeem-quote, then redeem; paid out a few minutes later; a stale or foreign quote is refused', async () => {
    const live = h.sim.state.dual.orders.find((o) => o.state === 'live');
    assert.ok(live, 'the demo has a live order');
    const [rq] = await c.dual.redeemQuote({ ordId: live.ordId });
    assert.ok(rq);
    assert.equal(rq.redeemCcy, 'BTC');
    assert.ok(D.lt(rq.termRate, '0') && D.lt(rq.redeemSz, live.notionalSz), 'a penalty');
    assert.equal(rq.redeemSz, D.roundDown(D.mul(live.notionalSz, D.add('1', D.div(rq.termRate, '100'))), 8), 'termRate in percent');
    h.sim.advance(Number(rq.validUntil) - h.sim.clock.now() + SECOND);
    await refused(() => c.dual.redeem({ ordId: live.ordId, quoteId: rq.quoteId }), '51000');

    const { ordId: other } = await invest(await product('C'), '0.01');
    const [fresh] = await c.dual.redeemQuote({ ordId: live.ordId });
    await refused(() => c.dual.redeem({ ordId: other, quoteId: fresh?.quoteId ?? '' }), '51000');
    const btc = funding('BTC');
    assert.deepEqual(await c.dual.redeem({ ordId: live.ordId, quoteId: fresh?.quoteId ?? '' }), [{ ordId: live.ordId, state: 'pending_redeem_booking' }]);
    assert.equal((await c.dual.orderState({ ordId: live.ordId }))[0]?.state, 'pending_redeem');
    await refused(() => c.dual.redeemQuote({ ordId: live.ordId }), '51724');
    h.sim.advance(6 * MINUTE);
    assert.equal((await c.dual.orderState({ ordId: live.ordId }))[0]?.state, 'redeemed');
    assert.equal(funding('BTC'), D.add(btc, fresh?.redeemSz ?? '0'));
  });

  it('order history: newest first, filtered, paged by endId; one order by ordId; unknown orders refused', async () => {
    const p = await product('C');
    const ids = [(await invest(p, '0.01')).ordId, (await invest(p, '0.02')).ordId, (await invest(p, '0.03')).ordId];
    const pages: string[][] = [];
    for await (const page of c.dual.orderHistory({ limit: '2' })) pages.push(page.map((o) => o.ordId));
    const all = pages.flat();
    assert.equal(all.length, h.sim.state.dual.orders.length);
    assert.deepEqual(all.slice(0, 3), [...ids].reverse());
    assert.ok(pages.length >= 3 && pages.every((page) => page.length <= 2));
    assert.deepEqual((await c.dual.orderHistory({ state: 'settled' }).next()).map((o) => o.state), ['settled']);
    assert.deepEqual((await c.dual.orderHistory({ productId: p.productId }).next()).map((o) => o.ordId), [...ids].reverse());
    assert.deepEqual(await c.dual.orderHistory({ uly: 'SOL-USD' }).next(), []);
    await assert.rejects(c.dual.orderState({ ordId: '1' }), { code: '51000' });
    await assert.rejects(c.dual.orderHistory({ limit: '101' }).next(), { code: '51000' });
  });
});
