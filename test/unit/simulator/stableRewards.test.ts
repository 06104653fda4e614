import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { OkxClient } from '../../../src/okx/client';
import { customEnvironment } from '../../../src/okx/environments';
import { DAY } from '../../../src/simulator/clock';
import { stableRewardsApy } from '../../../src/simulator/market';
import { startSim, type SimHarness } from '../support/sim';

describe('simulator: Stable Rewards (product info, balance, APY history)', () => {
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false });
  });
  afterEach(() => h.sim.close());

  it('product info: USDG subscribed with USDC or USDT; redemption to USDT unavailable, its fields empty', async () => {
    const [info] = await h.client.stableRewards.productInfo({ ccy: 'USDG' });
    assert.ok(info);
    const [usdc, usdt] = info.details;
    assert.deepEqual([usdc?.settleCcy, usdc?.canRedeem, usdc?.redemptFeeRate, usdc?.remainingRedemptQuota], ['USDC', true, '0', '500000']);
    assert.deepEqual([usdt?.settleCcy, usdt?.canRedeem, usdt?.redemptFeeRate, usdt?.minRedeemAmt, usdt?.remainingRedemptQuota], ['USDT', false, '', '', '']);
    assert.ok(info.details.every((d) => d.ccy === 'USDG' && d.subFeeRate === '0.0003'));
    await assert.rejects(h.client.stableRewards.productInfo({ ccy: 'DAI' }), { code: '51000' });
    await assert.rejects(h.client.call('stableRewardsProductInfo', {} as { ccy: string }), { code: '51000' });
  });

  it('balance: what is held earns each UTC midnight at the day\'s APY; with auto-earn off it is pending and earns nothing', async () => {
    const [before] = await h.client.stableRewards.balance();
    const usdg = before?.details.find((d) => d.ccy === 'USDG');
    assert.deepEqual([usdg?.amt, usdg?.state], ['2500', 'earning']);
    h.sim.advance(DAY);
    const [after] = await h.client.stableRewards.balance({ ccy: 'USDG' });
    const today = Math.floor(h.sim.clock.now() / DAY) * DAY;
    const reward = D.roundDown(D.div(D.mul('2500', stableRewardsApy('USDG', today - DAY)), '365'), 8);
    assert.ok(D.isPositive(reward));
    assert.equal(after?.details[0]?.amt, D.add('2500', reward));
    assert.equal(D.sub(after?.details[0]?.totalEarnAccrual ?? '0', usdg?.totalEarnAccrual ?? '0'), reward);

    const holding = h.sim.state.stableRewards.holdings.USDG;
    assert.ok(holding);
    holding.autoEarn = false;
    const held = h.sim.state.funding.USDG;
    h.sim.advance(DAY);
    const [off] = await h.client.stableRewards.balance({ ccy: 'USDG' });
    assert.equal(off?.details[0]?.state, 'pending');
    assert.equal(h.sim.state.funding.USDG, held, 'nothing earned');
  });

  it('APY history: public, one daily rate per day (a fraction), today first; 100 days by default and at most', async () => {
    const anonymous = new OkxClient({ environment: customEnvironment(h.sim.url) });
    const hundred = await anonymous.stableRewards.apyHistory({ ccy: 'USDG' });
    assert.equal(hundred.length, 100);
    const today = Math.floor(h.sim.clock.now() / DAY) * DAY;
    assert.deepEqual(hundred.slice(0, 2).map((p) => Number(p.ts)), [today, today - DAY]);
    assert.ok(hundred.every((p) => D.isPositive(p.rate) && D.lt(p.rate, '0.2')), '0.041 is 4.1 %');
    assert.equal((await anonymous.stableRewards.apyHistory({ ccy: 'USDG', days: '3' })).length, 3);
    await assert.rejects(anonymous.stableRewards.apyHistory({ ccy: 'USDG', days: '101' }), { code: '51000' });
    await assert.rejects(anonymous.stableRewards.apyHistory({ ccy: 'XYZ' }), { code: '51000' });
    assert.equal(h.sim.requests.at(-1)?.apiKey, undefined, 'sent unsigned');
  });
});
