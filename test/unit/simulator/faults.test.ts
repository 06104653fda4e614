import * as assert from 'node:assert/strict';
import { startSim, type SimHarness } from '../support/sim';

const PURCHASE = { productId: '4005', investData: [{ ccy: 'USDT', amt: '100' }] };

describe('simulator: injected faults', () => {
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false });
  });
  afterEach(() => h.sim.close());

  const orders = (): number => h.sim.state.orders.length;

  it('latency, fixed and jittered', async () => {
    h.sim.faults.add({ fault: { kind: 'latency', ms: 150 }, endpoint: 'loanInfo', times: 1 });
    let started = performance.now();
    await h.client.loan.info();
    assert.ok(performance.now() - started >= 145);
    started = performance.now();
    await h.client.loan.info();
    assert.ok(performance.now() - started < 145, 'times: 1 applied once');
    h.sim.faults.add({ fault: { kind: 'latency', ms: 50, jitterMs: 100 }, times: 3 });
    const took: number[] = [];
    for (let i = 0; i < 3; i++) {
      started = performance.now();
      await h.client.savings.balance();
      took.push(performance.now() - started);
    }
    assert.ok(took.every((t) => t >= 48 && t < 400), String(took));
  });

  it('a round trip: answered that long after the request arrived, its work done at once (latency: after the wait)', async () => {
    const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    const before = orders();
    h.sim.faults.add({ fault: { kind: 'round-trip', ms: 300 }, endpoint: 'onchainPurchase', times: 1 });
    let started = performance.now();
    let purchase = h.client.onchain.purchase(PURCHASE);
    await pause(150);
    assert.equal(orders(), before + 1, 'carried out on arrival, before the answer');
    await purchase;
    assert.ok(performance.now() - started >= 295, 'answered after the round trip');
    h.sim.faults.add({ fault: { kind: 'latency', ms: 300 }, endpoint: 'onchainPurchase', times: 1 });
    started = performance.now();
    purchase = h.client.onchain.purchase(PURCHASE);
    await pause(150);
    assert.equal(orders(), before + 1, 'latency: not read yet');
    await purchase;
    assert.equal(orders(), before + 2);
    assert.ok(performance.now() - started >= 295);
  });

  it('a 5xx page and 50013: refused without effect; reads are retried through them', async () => {
    h.sim.faults.add({ fault: { kind: 'http', status: 502 }, endpoint: 'onchainPurchase', times: 1 });
    await assert.rejects(h.client.onchain.purchase(PURCHASE), { category: 'unknown-outcome' });
    h.sim.faults.add({ fault: { kind: 'okx', code: '50013', msg: 'System busy', status: 429 }, endpoint: 'onchainPurchase', times: 1 });
    const before = orders();
    await assert.rejects(h.client.onchain.purchase(PURCHASE), { code: '50013', category: 'unavailable' });
    assert.equal(orders(), before);
    h.sim.faults.add({ fault: { kind: 'http', status: 503 }, endpoint: 'savingsBalance', times: 2 });
    assert.ok((await h.client.savings.balance()).length > 0);
    assert.equal(h.sim.received('savingsBalance').length, 3);
  });

  it('a dropped connection before anything happens', async () => {
    h.sim.faults.add({ fault: { kind: 'drop' }, endpoint: 'loanInfo', times: 1 });
    assert.equal((await h.client.loan.info()).length, 2, 'the read is retried: both demo loan orders');
    h.sim.faults.add({ fault: { kind: 'drop' }, endpoint: 'onchainPurchase', times: 1 });
    const before = orders();
    await assert.rejects(h.client.onchain.purchase(PURCHASE), { category: 'unknown-outcome' });
    assert.equal(orders(), before, 'nothing was carried out (but the client cannot know that)');
  });

  it('a purchase carried out whose response is lost: unknown outcome, exactly one order, found by looking it up', async () => {
    h.sim.faults.add({ fault: { kind: 'lose-response' }, endpoint: 'onchainPurchase', times: 1 });
    const before = orders();
    await assert.rejects(h.client.onchain.purchase({ ...PURCHASE, tag: 'lost1' }), { category: 'unknown-outcome' });
    assert.equal(orders(), before + 1);
    assert.equal(h.sim.received('onchainPurchase').length, 1, 'not resent');
    const found = (await h.client.onchain.activeOrders()).filter((o) => o.tag === 'lost1');
    assert.equal(found.length, 1);
  });

  it('a request carried out that never gets an answer', async () => {
    h.sim.faults.add({ fault: { kind: 'hang-after-execute' }, endpoint: 'savingsSetLendingRate', times: 1 });
    const client = h.clientWith({ timeoutMs: 300 });
    await assert.rejects(client.savings.setLendingRate({ ccy: 'USDT', rate: '0.07' }), { category: 'unknown-outcome' });
    assert.equal(h.sim.state.savings.USDT?.rate, '0.07');
  });

  it('a malformed body', async () => {
    h.sim.faults.add({ fault: { kind: 'malformed' }, endpoint: 'loanInfo', times: 4 });
    await assert.rejects(h.client.loan.info(), { category: 'unavailable', message: /not an API response/ });
  });
});
