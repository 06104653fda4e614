import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { DAY, HOUR } from '../../../src/simulator/clock';
import { lendingRate } from '../../../src/simulator/market';
import { demoState } from '../../../src/simulator/state';
import { startSim, type SimHarness } from '../support/sim';

/** Issue 25, item 15: the sandbox never lends below a minimum, so the "not lending" flag shows where it should. */
describe('simulator: savings lend only while the market pays the minimum', () => {
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
  });
  afterEach(() => h.sim.close());

  it('the demo: every hour of lending history at or above its currency\'s minimum; BTC (at OKX\'s 1 % floor) lends', () => {
    for (const now of [Date.UTC(2026, 11, 2, 12), Date.UTC(2027, 2, 17, 3), Date.now()]) {
      const state = demoState(now);
      const below = state.lendingHistory.filter((r) => D.lt(r.rate, state.savings[r.ccy]?.rate ?? '0'));
      assert.deepEqual(below.map((r) => `${r.ccy} at ${r.rate}`).slice(0, 3), [], `lent below the minimum (seeded at ${new Date(now).toISOString()})`);
      const btc = state.savings.BTC;
      assert.ok(btc && D.isPositive(btc.loanAmt) && D.gte(lendingRate('BTC', now), btc.rate), 'BTC is lent, at its minimum or more');
      assert.equal(state.lendingHistory.filter((r) => r.ccy === 'BTC').length, 7 * 24, 'in every hour of the week');
    }
  });

  it('a minimum above the market: what was lent waits (pending) and earns nothing; back at the market, it is lent again', async () => {
    const { client, sim } = h;
    const usdt = (): { amt: string; loanAmt: string; pendingAmt: string; earnings: string } => {
      const s = sim.state.savings.USDT;
      assert.ok(s);
      return s;
    };
    assert.ok(D.isPositive(usdt().loanAmt));
    await client.savings.setLendingRate({ ccy: 'USDT', rate: '3.65' });
    const records = sim.state.lendingHistory.length;
    sim.advance(2 * HOUR);
    await client.savings.balance();
    const waiting = { ...usdt() };
    assert.equal(waiting.loanAmt, '0', 'nothing lent below the minimum');
    assert.ok(D.isPositive(waiting.pendingAmt));
    assert.equal(sim.state.lendingHistory.slice(records).filter((r) => r.ccy === 'USDT').length, 0, 'no lending record');
    sim.advance(DAY);
    await client.savings.balance();
    assert.equal(usdt().earnings, waiting.earnings, 'earned nothing meanwhile');

    await client.savings.setLendingRate({ ccy: 'USDT', rate: '0.01' });
    sim.advance(HOUR);
    await client.savings.balance();
    assert.equal(usdt().pendingAmt, '0');
    assert.ok(D.isPositive(usdt().loanAmt), 'lent again');
    assert.ok(D.gt(usdt().earnings, waiting.earnings), 'and earning');
  });
});
