import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { HOUR } from '../../../src/simulator/clock';
import { lendingRate } from '../../../src/simulator/market';
import { readAccountPages2026 } from '../support/seeds';
import { startSim, type SimHarness } from '../support/sim';

/**
 * The simulator's auto-earn (POST /api/v5/account/set-auto-earn, and the trading balance's autoLendStatus and
 * autoLendMtAmt): pending until matched, then earning the savings lending rate hour by hour, stopped when turned
 * off, refused for a currency OKX does not auto-earn.
 */
describe('simulator: auto-earn in the trading account', function () {
  this.timeout(20_000);
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
  });
  afterEach(() => h.sim.close());

  const detail = async (ccy: string): Promise<{ status: string; matched: string; cashBal: string }> => {
    const [account] = await h.client.account.tradingBalance({ ccy });
    const d = account?.details.find((x) => x.ccy === ccy);
    assert.ok(d, `${ccy} held`);
    return { status: d.autoLendStatus, matched: d.autoLendMtAmt, cashBal: d.cashBal };
  };

  it('answers as the page\'s example: earnType, ccy and action echoed (apr, deprecated, empty)', async () => {
    const page = readAccountPages2026().find((p) => p.path === '/api/v5/account/set-auto-earn');
    const [example] = (page?.responseExample as { data: Record<string, string>[] }).data;
    const answer = await h.client.account.setAutoEarn({ earnType: '0', ccy: 'BTC', action: 'turn_on' });
    assert.deepEqual(Object.keys(answer[0] ?? {}).sort(), Object.keys(example ?? {}).sort());
    assert.deepEqual(answer, [{ earnType: '0', ccy: 'BTC', action: 'turn_on', apr: '' }]);
    // earnType defaults to 0, as the page says.
    assert.deepEqual(await h.client.account.setAutoEarn({ ccy: 'ETH', action: 'turn_on' }), [{ earnType: '0', ccy: 'ETH', action: 'turn_on', apr: '' }]);
  });

  it('turned on: pending (nothing matched) until the matching delay has passed, then active with the whole balance matched', async () => {
    assert.deepEqual(await detail('BTC'), { status: 'off', matched: '0', cashBal: '0.05' });
    await h.client.account.setAutoEarn({ ccy: 'BTC', action: 'turn_on' });
    assert.deepEqual(await detail('BTC'), { status: 'pending', matched: '0', cashBal: '0.05' });
    h.sim.advance(h.sim.state.trading.matchDelayMs - 1);
    assert.equal((await detail('BTC')).status, 'pending');
    h.sim.advance(1);
    assert.deepEqual(await detail('BTC'), { status: 'active', matched: '0.05', cashBal: '0.05' });
  });

  it('while active, earns each hour at that hour\'s savings lending rate, credited to the balance and matched with it', async () => {
    await h.client.account.setAutoEarn({ ccy: 'BTC', action: 'turn_on' });
    h.sim.advance(h.sim.state.trading.matchDelayMs);
    const matchedAt = h.sim.clock.now();
    h.sim.advance(4 * HOUR);
    // Every whole hour a full hour after the match earns on what was matched then.
    let expected = '0.05';
    for (let hour = Math.floor(matchedAt / HOUR) * HOUR + HOUR; hour <= h.sim.clock.now(); hour += HOUR) {
      if (hour - HOUR < matchedAt) continue;
      expected = D.add(expected, D.roundDown(D.div(D.mul(expected, lendingRate('BTC', hour)), '8760'), 16));
    }
    const after = await detail('BTC');
    assert.ok(D.gt(after.cashBal, '0.05'), `earned: ${after.cashBal}`);
    assert.equal(after.cashBal, D.roundDown(expected, 16));
    assert.equal(after.matched, after.cashBal);
    assert.equal(after.status, 'active');
  });

  it('turned off: off at once, nothing matched, and it earns no more', async () => {
    assert.equal((await detail('USDT')).status, 'active');
    await h.client.account.setAutoEarn({ ccy: 'USDT', action: 'turn_off' });
    const off = await detail('USDT');
    assert.deepEqual([off.status, off.matched], ['off', '0']);
    h.sim.advance(5 * HOUR);
    assert.equal((await detail('USDT')).cashBal, off.cashBal);
  });

  it('turning on what is on (or off what is off) is accepted and changes nothing', async () => {
    const before = await detail('USDT');
    await h.client.account.setAutoEarn({ ccy: 'USDT', action: 'turn_on' });
    assert.deepEqual(await detail('USDT'), before);
    await h.client.account.setAutoEarn({ ccy: 'ETH', action: 'turn_off' });
    assert.equal((await detail('ETH')).status, 'off');
  });

  it('refuses a currency OKX does not auto-earn (51000, the page lists no code), the wrong earnType, and the deprecated amend', async () => {
    await assert.rejects(h.client.account.setAutoEarn({ ccy: 'ATOM', action: 'turn_on' }), { code: '51000', okxMessage: 'Parameter ccy error' });
    assert.equal((await detail('ATOM')).status, 'unsupported');
    await assert.rejects(h.client.account.setAutoEarn({ earnType: '0', ccy: 'USDG', action: 'turn_on' }), { code: '51000', okxMessage: 'Parameter earnType error' });
    await assert.rejects(h.client.account.setAutoEarn({ earnType: '1', ccy: 'BTC', action: 'turn_on' }), { code: '51000' });
    await assert.rejects(h.client.call('setAutoEarn', { ccy: 'BTC', action: 'amend' as 'turn_on' }), { code: '51000', okxMessage: 'Parameter action error' });
    // USDG through USDG earn.
    await h.client.account.setAutoEarn({ earnType: '1', ccy: 'USDG', action: 'turn_on' });
    assert.equal((await detail('USDG')).status, 'pending');
  });

  it('the demo\'s USDT has earned since it was matched three days ago', () => {
    const usdt = h.sim.state.trading.balances.USDT;
    assert.ok(usdt?.autoEarn?.matchedAt !== undefined);
    assert.ok(D.gt(usdt.cashBal, '3200') && D.isPositive(usdt.autoEarn.earned));
    assert.equal(usdt.cashBal, D.add('3200', usdt.autoEarn.earned));
  });
});
