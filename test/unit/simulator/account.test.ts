import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { startSim, type SimHarness } from '../support/sim';

describe('simulator: the account endpoints follow its own state and prices', () => {
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
  });
  afterEach(() => h.sim.close());

  it('asset valuation: funding, trading and Earn account at the feed\'s prices; a purchase moves value from one to the other', async () => {
    const [before] = await h.client.account.assetValuation({ ccy: 'USD' });
    assert.ok(before);
    const state = h.sim.state;
    const usd = (ccy: string): string => h.sim.prices.usd(ccy, h.sim.clock.now());
    const funding = D.sum(Object.entries(state.funding).map(([ccy, amt]) => D.mul(amt, usd(ccy))));
    assert.equal(before.details.funding, D.roundDown(funding, 2));
    // The trading account (issue 26) is valued too; no classic account is simulated.
    const trading = D.sum(Object.entries(state.trading.balances).map(([ccy, held]) => D.mul(held.cashBal, usd(ccy))));
    assert.ok(D.isPositive(trading), 'the demo trading account holds something');
    assert.deepEqual([before.details.trading, before.details.classic], [D.roundDown(trading, 2), '0']);
    assert.equal(before.totalBal, D.roundDown(D.sum([funding, trading, D.sum(
      [...state.orders.filter((o) => o.state !== '3').flatMap((o) => o.invest.map((i) => D.mul(i.amt, usd(i.ccy)))), ...Object.entries(state.savings).map(([ccy, s]) => D.mul(s.amt, usd(ccy)))],
    )]), 2));

    await h.client.onchain.purchase({ productId: '4005', investData: [{ ccy: 'USDT', amt: '1000' }] });
    const [after] = await h.client.account.assetValuation({ ccy: 'USD' });
    assert.equal(D.sub(after?.details.earn ?? '0', before.details.earn), '1000');
    assert.equal(D.sub(before.details.funding, after?.details.funding ?? '0'), '1000');
    assert.equal(after?.totalBal, before.totalBal);
  });

  it('asset valuation in BTC (OKX\'s default unit) and in the units OKX lists; another unit is refused', async () => {
    const [usd] = await h.client.account.assetValuation({ ccy: 'USD' });
    const [btc] = await h.client.account.assetValuation();
    const price = h.sim.prices.usd('BTC', h.sim.clock.now());
    assert.ok(usd && btc);
    assert.ok(D.lt(D.sub(D.mul(btc.totalBal, price), usd.totalBal).replace('-', ''), '0.01'), `${btc.totalBal} BTC at ${price} is ${usd.totalBal} USD`);
    const [eur] = await h.client.account.assetValuation({ ccy: 'EUR' });
    assert.ok(eur && D.lt(eur.totalBal, usd.totalBal));
    await assert.rejects(h.client.account.assetValuation({ ccy: 'XYZ' }), { code: '51000' });
  });
});
