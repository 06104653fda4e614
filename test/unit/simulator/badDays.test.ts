/**
 * OKX's bad days (issue 22), against the real client: requests carried out after OKX answered 50004, an error
 * page or nothing at all; idempotency keys in flight meanwhile; histories that lag behind a write; odd
 * acknowledgements. Their time is simulated: with a frozen clock the tests move it, and nothing depends on how
 * fast the machine is; one test runs the real timer of a running clock.
 */
import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import type { OkxClient } from '../../../src/okx/client';
import type * as T from '../../../src/okx/types';
import { SECOND } from '../../../src/simulator/clock';
import { OKX_TIMEOUT_MESSAGE } from '../../../src/simulator/faults';
import { instantLimiter, startSim, type SimHarness } from '../support/sim';

const AFTER_MS = 150;

/** Waits until every late request has been carried out (or refused), with a running clock. */
async function lateRequestsDone(h: SimHarness): Promise<void> {
  const started = performance.now();
  while (h.sim.late.pending > 0) {
    assert.ok(performance.now() - started < 5000, 'late requests still pending after 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('simulator: bad days, late completion', () => {
  let h: SimHarness;
  let c: OkxClient;
  let logged: string[];
  beforeEach(async () => {
    logged = [];
    h = await startSim({ rateLimits: false, frozenClock: true, log: (line) => logged.push(line) });
    c = h.clientWith({ limiter: instantLimiter() });
  });
  afterEach(() => h.sim.close());

  const funding = (ccy: string): string => h.sim.state.funding[ccy] ?? '0';

  /** Moves the frozen clock to a millisecond before the late requests' time (nothing yet), then to it. */
  function lateTimeComes(afterMs = AFTER_MS): void {
    const pending = h.sim.late.pending;
    assert.ok(pending > 0, 'a late request is pending');
    h.sim.advance(afterMs - 1);
    assert.equal(h.sim.late.pending, pending, 'not carried out a millisecond early');
    h.sim.advance(1);
    assert.equal(h.sim.late.pending, 0, 'carried out (or refused) at its time');
  }

  async function rejects(call: Promise<unknown>, expected: { code?: string; category: string }): Promise<void> {
    await assert.rejects(call, (error: { code?: string; category?: string; message?: string }) => {
      assert.deepEqual({ code: error.code, category: error.category }, { code: expected.code, category: expected.category }, error.message);
      return true;
    });
  }

  it("OKUSD subscribe after 50004 (OKX's message): nothing at first, carried out afterMs later; the same clOrdId meanwhile 51784, afterwards the original order", async () => {
    h.sim.faults.add({ fault: { kind: 'late', afterMs: AFTER_MS }, endpoint: 'okusdSubscribe', times: 1 });
    const [usdt, okusd] = [funding('USDT'), funding('OKUSD')];
    const ordersBefore = (await c.okusd.subscribeHistory().next()).length;
    await assert.rejects(c.okusd.subscribe({ amt: '250', clOrdId: 'late-sub-1' }), (error: { code?: string; category?: string; okxMessage?: string }) => {
      assert.deepEqual([error.code, error.category, error.okxMessage], ['50004', 'unknown-outcome', OKX_TIMEOUT_MESSAGE]);
      return true;
    });
    assert.equal((await c.okusd.subscribeHistory().next()).length, ordersBefore, 'not carried out yet');
    assert.deepEqual([funding('USDT'), funding('OKUSD')], [usdt, okusd]);
    await rejects(c.okusd.subscribe({ amt: '250', clOrdId: 'late-sub-1' }), { code: '51784', category: 'in-flight' });

    lateTimeComes();
    assert.deepEqual([funding('USDT'), funding('OKUSD')], [D.sub(usdt, '250'), D.add(okusd, '250')], 'carried out once');
    const [order] = (await c.okusd.subscribeHistory().next()).filter((o) => o.clOrdId === 'late-sub-1');
    assert.ok(order);
    const [again] = await c.okusd.subscribe({ amt: '250', clOrdId: 'late-sub-1' });
    assert.equal(again?.ordId, order.ordId, 'the same clOrdId returns the original order');
    assert.deepEqual([funding('USDT'), funding('OKUSD')], [D.sub(usdt, '250'), D.add(okusd, '250')], 'and does nothing twice');
    assert.equal(h.sim.received('okusdSubscribe')[0]?.late, 'carried out');
  });

  it('borrow after a 502 page: unknown outcome; carried out later at the simulated time of that moment; 51784 meanwhile, 51016 afterwards', async () => {
    const ordId = h.sim.state.loans.orders[0]?.ordId ?? '';
    const borrowed = (): number => h.sim.state.loans.history.filter((r) => r.type === 'borrowed' && r.ordId === ordId).length;
    const borrow = (): Promise<unknown> => c.loan.borrow({ ordId, loanData: { ccy: 'USDT', amt: '5' }, collateralData: [{ ccy: 'ETH', amt: '4' }], clOrdId: 'late-b-1' });
    const usdt = funding('USDT');
    const before = borrowed();
    h.sim.faults.add({ fault: { kind: 'late', answer: { httpStatus: 502 }, afterMs: AFTER_MS }, endpoint: 'loanBorrow', times: 1 });
    await rejects(borrow(), { category: 'unknown-outcome' });
    assert.equal(h.sim.received('loanBorrow')[0]?.code, 'HTTP 502');
    assert.equal(borrowed(), before);
    await rejects(borrow(), { code: '51784', category: 'in-flight' });
    const due = (h.sim.received('loanBorrow')[0]?.at ?? 0) + AFTER_MS;

    lateTimeComes();
    assert.equal(borrowed(), before + 1);
    assert.equal(funding('USDT'), D.add(usdt, '5'));
    assert.equal(h.sim.state.loans.history.at(-1)?.ts, due, 'at the simulated time it was carried out, not when it arrived');
    await rejects(borrow(), { code: '51016', category: 'already-done' });
    assert.equal(borrowed(), before + 1);
  });

  it('repay with the connection dropped: carried out later; 51784 meanwhile and while it settles, 51016 once settled', async () => {
    const ordId = h.sim.state.loans.orders[1]?.ordId ?? '';
    const repay = (): Promise<unknown> => c.loan.repay({ ordId, ccy: 'USDC', amt: '10', clOrdId: 'late-r-1' });
    const usdc = funding('USDC');
    h.sim.faults.add({ fault: { kind: 'late', answer: 'drop', afterMs: AFTER_MS }, endpoint: 'loanRepay', times: 1 });
    await rejects(repay(), { category: 'unknown-outcome' });
    assert.equal(h.sim.state.loans.repayments.length, 0);
    await rejects(repay(), { code: '51784', category: 'in-flight' });

    lateTimeComes();
    assert.equal(funding('USDC'), D.sub(usdc, '10'), 'carried out once');
    assert.equal(h.sim.state.loans.repayments.length, 1);
    await rejects(repay(), { code: '51784', category: 'in-flight' });
    h.sim.advance(3 * SECOND);
    await rejects(repay(), { code: '51016', category: 'already-done' });
    assert.equal(funding('USDC'), D.sub(usdc, '10'));
  });

  it('Dual trade with no answer (the client times out): the quote is taken meanwhile (51000) and used once the trade is carried out', async () => {
    const [product] = await c.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' });
    assert.ok(product);
    const [quote] = await c.dual.quote({ productId: product.productId, notionalSz: '0.25', notionalCcy: 'BTC' });
    assert.ok(quote);
    const impatient = h.clientWith({ limiter: instantLimiter(), timeoutMs: 100 });
    const orders = (): number => h.sim.state.dual.orders.length;
    const before = orders();
    const btc = funding('BTC');
    h.sim.faults.add({ fault: { kind: 'late', answer: 'hang', afterMs: 250 }, endpoint: 'dualTrade', times: 1 });
    await rejects(impatient.dual.trade({ quoteId: quote.quoteId }), { category: 'unknown-outcome' });
    assert.equal(orders(), before);
    assert.equal((await c.dual.orderHistory().next()).filter((o) => o.quoteId === quote.quoteId).length, 0);
    await rejects(c.dual.trade({ quoteId: quote.quoteId }), { code: '51000', category: 'invalid-input' });

    lateTimeComes(250);
    assert.equal(orders(), before + 1);
    assert.equal(funding('BTC'), D.sub(btc, '0.25'));
    assert.equal((await c.dual.orderHistory().next()).filter((o) => o.quoteId === quote.quoteId).length, 1);
    await rejects(c.dual.trade({ quoteId: quote.quoteId }), { code: '51000', category: 'invalid-input' });
    assert.equal(orders(), before + 1);
  });

  it('OKUSD redeem and Dual early redemption after 50004: the clOrdId (51784) and the redeem quote (51000) are in flight meanwhile', async () => {
    h.sim.faults.add({ fault: { kind: 'late', afterMs: AFTER_MS }, endpoint: 'okusdRedeem', times: 1 });
    const okusd = funding('OKUSD');
    const redeem = (): Promise<T.OkusdRedeemAck[]> => c.okusd.redeem({ amt: '20', redeemType: '2', clOrdId: 'late-red-1' });
    await rejects(redeem(), { code: '50004', category: 'unknown-outcome' });
    await rejects(redeem(), { code: '51784', category: 'in-flight' });
    assert.equal(funding('OKUSD'), okusd);
    lateTimeComes();
    assert.equal(funding('OKUSD'), D.sub(okusd, '20'));
    const [order] = (await c.okusd.redeemHistory().next()).filter((o) => o.clOrdId === 'late-red-1');
    assert.equal((await redeem())[0]?.ordId, order?.ordId, 'afterwards the original order');
    assert.equal(funding('OKUSD'), D.sub(okusd, '20'), 'redeemed once');

    const live = h.sim.state.dual.orders.find((o) => o.state === 'live');
    assert.ok(live, 'the demo has a live order');
    const [rq] = await c.dual.redeemQuote({ ordId: live.ordId });
    assert.ok(rq);
    h.sim.faults.add({ fault: { kind: 'late', afterMs: AFTER_MS }, endpoint: 'dualRedeem', times: 1 });
    await rejects(c.dual.redeem({ ordId: live.ordId, quoteId: rq.quoteId }), { code: '50004', category: 'unknown-outcome' });
    await rejects(c.dual.redeem({ ordId: live.ordId, quoteId: rq.quoteId }), { code: '51000', category: 'invalid-input' });
    assert.equal((await c.dual.orderState({ ordId: live.ordId }))[0]?.state, 'live');
    lateTimeComes();
    assert.equal((await c.dual.orderState({ ordId: live.ordId }))[0]?.state, 'pending_redeem');
    await rejects(c.dual.redeem({ ordId: live.ordId, quoteId: rq.quoteId }), { code: '51000', category: 'invalid-input' });
  });

  it('a late request refused when its time comes simply does not happen (logged), and frees its key', async () => {
    h.sim.faults.add({ fault: { kind: 'late', answer: { code: '50013', msg: 'System busy' }, afterMs: AFTER_MS }, endpoint: 'okusdSubscribe', times: 1 });
    await rejects(c.okusd.subscribe({ amt: '999999999', clOrdId: 'late-sub-2' }), { code: '50013', category: 'unavailable' });
    lateTimeComes();
    assert.match(h.sim.received('okusdSubscribe')[0]?.late ?? '', /^refused 51765/);
    const [ack] = await c.okusd.subscribe({ amt: '10', clOrdId: 'late-sub-2' });
    assert.equal(ack?.amt, '10.00000000', 'the clOrdId was free again');

    const [product] = await c.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' });
    const [quote] = await c.dual.quote({ productId: product?.productId ?? '', notionalSz: '0.25', notionalCcy: 'BTC' });
    assert.ok(quote);
    const before = JSON.stringify([h.sim.state.funding, h.sim.state.dual.orders]);
    // Carried out 31 s later, when its 30 s quote has expired.
    h.sim.faults.add({ fault: { kind: 'late', answer: { code: '50004', status: 504 }, afterMs: 31 * SECOND }, endpoint: 'dualTrade', times: 1 });
    await rejects(c.dual.trade({ quoteId: quote.quoteId }), { code: '50004', category: 'unknown-outcome' });
    lateTimeComes(31 * SECOND);
    assert.equal(JSON.stringify([h.sim.state.funding, h.sim.state.dual.orders]), before, 'the quote had expired: nothing happened');
    assert.match(h.sim.received('dualTrade')[0]?.late ?? '', /^refused 51000/);
    assert.ok(logged.some((line) => /late dualTrade not carried out: refused 51000/.test(line)), logged.join('\n'));
  });

  it('a late request is authenticated at once, and a simulator that closes carries out nothing more', async () => {
    h.sim.faults.add({ fault: { kind: 'late', afterMs: AFTER_MS }, endpoint: 'okusdSubscribe', times: 1 });
    const stranger = h.clientWith({ limiter: instantLimiter(), credentials: { apiKey: 'nobody', secretKey: 'x', passphrase: 'y' } });
    await rejects(stranger.okusd.subscribe({ amt: '10', clOrdId: 'late-x' }), { code: '50111', category: 'auth' });
    assert.equal(h.sim.late.pending, 0);

    const usdt = funding('USDT');
    h.sim.faults.add({ fault: { kind: 'late', afterMs: AFTER_MS }, endpoint: 'okusdSubscribe', times: 1 });
    await rejects(c.okusd.subscribe({ amt: '10', clOrdId: 'late-y' }), { code: '50004', category: 'unknown-outcome' });
    assert.equal(h.sim.late.pending, 1);
    await h.sim.close();
    h.sim.advance(AFTER_MS);
    assert.equal(funding('USDT'), usdt);
  });

  it('with a running clock, a timer carries the request out afterMs later', async () => {
    const running = await startSim({ rateLimits: false });
    try {
      const client = running.clientWith({ limiter: instantLimiter() });
      running.sim.faults.add({ fault: { kind: 'late', afterMs: AFTER_MS }, endpoint: 'okusdSubscribe', times: 1 });
      await rejects(client.okusd.subscribe({ amt: '10', clOrdId: 'late-timer' }), { code: '50004', category: 'unknown-outcome' });
      await lateRequestsDone(running);
      const [order] = (await client.okusd.subscribeHistory().next()).filter((o) => o.clOrdId === 'late-timer');
      const arrived = running.sim.received('okusdSubscribe')[0]?.at ?? 0;
      assert.ok(Number(order?.ts) >= arrived + AFTER_MS, `carried out at ${order?.ts ?? '?'}, ${AFTER_MS} ms after ${arrived} at the earliest`);
    } finally {
      await running.sim.close();
    }
  });
});

describe('simulator: bad days, lagging histories and odd acknowledgements', () => {
  let h: SimHarness;
  let c: OkxClient;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    c = h.clientWith({ limiter: instantLimiter() });
  });
  afterEach(() => h.sim.close());

  const okusdHeld = async (): Promise<string | undefined> => (await c.account.fundingBalances({ ccy: 'OKUSD' }))[0]?.bal;
  const subscribed = async (clOrdId: string): Promise<number> => (await c.okusd.subscribeHistory().next()).filter((o) => o.clOrdId === clOrdId).length;

  it('history lag: the write is carried out and answered, but reads see the state from before it for ms', async () => {
    const held = await okusdHeld();
    const lagMs = 300;
    h.sim.faults.add({ fault: { kind: 'history-lag', ms: lagMs }, endpoint: 'okusdSubscribe', times: 1 });
    const [ack] = await c.okusd.subscribe({ amt: '40', clOrdId: 'lag-1' });
    assert.equal(ack?.state, 'success', 'answered normally');
    assert.equal(h.sim.state.funding.OKUSD, D.add(held ?? '0', '40'), 'carried out');
    assert.equal(await subscribed('lag-1'), 0, 'the history does not show it yet');
    assert.equal(await okusdHeld(), held, 'nor the balances');
    assert.equal((await c.okusd.account())[0]?.amt, D.toFixedDown(held ?? '0', 8));
    const [other] = await c.okusd.subscribe({ amt: '2', clOrdId: 'lag-2' });
    assert.equal(other?.state, 'success');
    assert.equal(await subscribed('lag-2'), 0, 'a later write is not seen either: the replica is behind the first');

    h.sim.advance(lagMs - 1);
    assert.equal(await subscribed('lag-1'), 0, 'still lagging a millisecond before the end');
    h.sim.advance(1);
    assert.equal(await subscribed('lag-1'), 1);
    assert.equal(await subscribed('lag-2'), 1);
    assert.equal(await okusdHeld(), D.add(held ?? '0', '42'));
  });

  it('history lag applies to writes only: reads neither get it nor use it up', async () => {
    h.sim.faults.add({ fault: { kind: 'history-lag', ms: 200 }, times: 1 });
    await c.okusd.account();
    await c.account.fundingBalances();
    await c.okusd.subscribe({ amt: '3', clOrdId: 'lag-3' });
    assert.equal(await subscribed('lag-3'), 0, 'the first write got it');
    h.sim.advance(200);
    assert.equal(await subscribed('lag-3'), 1);
    await c.okusd.subscribe({ amt: '3', clOrdId: 'lag-4' });
    assert.equal(await subscribed('lag-4'), 1, 'used up');
  });

  it('late completion with lagging histories: nothing at first, carried out afterMs later, seen ms after that', async () => {
    const ordId = h.sim.state.loans.orders[0]?.ordId ?? '';
    const borrowedInHistory = async (): Promise<number> =>
      (await c.loan.history({ ordId }).next()).filter((r) => r.type === 'borrowed').length;
    const borrowedInState = (): number => h.sim.state.loans.history.filter((r) => r.type === 'borrowed' && r.ordId === ordId).length;
    const before = borrowedInState();
    assert.equal(await borrowedInHistory(), before);
    const owed = async (): Promise<string | undefined> => (await c.loan.info({ ordId }))[0]?.loanData[0]?.amt;
    const owedBefore = await owed();
    h.sim.faults.add({ fault: { kind: 'late', afterMs: 100 }, endpoint: 'loanBorrow', times: 1 });
    h.sim.faults.add({ fault: { kind: 'history-lag', ms: 200 }, endpoint: 'loanBorrow', times: 1 });
    await assert.rejects(c.loan.borrow({ ordId, loanData: { ccy: 'USDT', amt: '5' }, collateralData: [{ ccy: 'ETH', amt: '4' }], clOrdId: 'late-lag-1' }), { code: '50004', category: 'unknown-outcome' });
    h.sim.advance(100);
    assert.equal(borrowedInState(), before + 1, 'carried out after 100 ms');
    assert.equal(await borrowedInHistory(), before, 'yet the history lags');
    assert.equal(await owed(), owedBefore, 'and so does loan-info');
    h.sim.advance(199);
    assert.equal(await borrowedInHistory(), before, 'the lag runs from when it was carried out');
    h.sim.advance(1);
    assert.equal(await borrowedInHistory(), before + 1);
    assert.equal(await owed(), D.add(owedBefore ?? '0', '5'));
  });

  it('ack: code "0" with the given data, carried out or not', async () => {
    const [product] = await c.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' });
    const quote = async (): Promise<string> =>
      (await c.dual.quote({ productId: product?.productId ?? '', notionalSz: '0.25', notionalCcy: 'BTC' }))[0]?.quoteId ?? '';
    const orders = (): number => h.sim.state.dual.orders.length;
    const before = orders();
    h.sim.faults.add({ fault: { kind: 'ack', data: [], execute: true }, endpoint: 'dualTrade', times: 1 });
    assert.deepEqual(await c.dual.trade({ quoteId: await quote() }), []);
    assert.equal(orders(), before + 1, 'carried out');
    h.sim.faults.add({ fault: { kind: 'ack', data: [{}], execute: false }, endpoint: 'dualTrade', times: 1 });
    assert.deepEqual(await c.dual.trade({ quoteId: await quote() }), [{}]);
    assert.equal(orders(), before + 1, 'not carried out');

    // A refusal is still a refusal when the request is carried out.
    h.sim.faults.add({ fault: { kind: 'ack', data: [], execute: true }, endpoint: 'okusdSubscribe', times: 1 });
    await assert.rejects(c.okusd.subscribe({ amt: '0.5', clOrdId: 'ack-1' }), { code: '51727' });
    const usdt = h.sim.state.funding.USDT;
    h.sim.faults.add({ fault: { kind: 'ack', data: [{}], execute: false }, endpoint: 'okusdSubscribe', times: 1 });
    assert.deepEqual(await c.okusd.subscribe({ amt: '5', clOrdId: 'ack-2' }), [{}]);
    assert.equal(h.sim.state.funding.USDT, usdt);
    // The older 'data' kind is an ack without execution.
    h.sim.faults.add({ fault: { kind: 'data', data: [] }, endpoint: 'okusdSubscribe', times: 1 });
    assert.deepEqual(await c.okusd.subscribe({ amt: '5', clOrdId: 'ack-3' }), []);
    assert.equal(h.sim.state.funding.USDT, usdt);
  });
});
