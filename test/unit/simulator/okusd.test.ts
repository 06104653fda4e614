import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import type { OkxClient } from '../../../src/okx/client';
import { DAY, MINUTE } from '../../../src/simulator/clock';
import { okusdApr } from '../../../src/simulator/market';
import { demoState, standardSettlement } from '../../../src/simulator/state';
import { upgradeState } from '../../../src/simulator/stateUpgrade';
import { instantLimiter, startSim, type SimHarness } from '../support/sim';

describe('simulator: OKUSD (2026)', () => {
  let h: SimHarness;
  let c: OkxClient;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false });
    c = h.clientWith({ limiter: instantLimiter() });
  });
  afterEach(() => h.sim.close());

  const funding = (ccy: string): string => h.sim.state.funding[ccy] ?? '0';

  /** Expects `code`, and no balance, quota or order to have changed. */
  async function refused(call: () => Promise<unknown>, code: string, message?: RegExp): Promise<void> {
    const before = JSON.stringify([h.sim.state.funding, h.sim.state.okusd]);
    await assert.rejects(call(), (error: { code?: string; okxMessage?: string; message?: string }) => {
      assert.equal(error.code, code, error.message);
      if (message !== undefined) assert.match(error.okxMessage ?? '', message);
      return true;
    });
    assert.equal(JSON.stringify([h.sim.state.funding, h.sim.state.okusd]), before, `refused with ${code}, yet something changed`);
  }

  it('the demo account holds 10 000 OKUSD with twenty days of yield; limits say what is left of each quota', async () => {
    const [account] = await c.okusd.account();
    assert.equal(account?.ccy, 'OKUSD');
    assert.equal(account?.amt, '10000.00000000');
    assert.ok(D.isPositive(account?.totalEarnAccrual ?? '0'));
    const [limits] = await c.okusd.limits();
    assert.ok(limits);
    const { subLimit } = limits;
    const left = D.min(D.sub(subLimit.personalDailyLimit, subLimit.personalUsedAmt), D.sub(subLimit.platformDailyLimit, subLimit.platformUsedAmt));
    assert.equal(subLimit.maxSubAmt, left, 'maxSubAmt = min(personal left, platform left)');
    assert.equal(limits.fastRedeemLimit.feeRate, '0.001');
    assert.equal(limits.stdRedeemLimit.feeRate, '0.00025');
  });

  it('subscribe: USDT in, OKUSD out at 1:1 with no fee, counted against the quota; the same clOrdId again does nothing twice', async () => {
    const usdt = funding('USDT');
    const okusd = funding('OKUSD');
    const [ack] = await c.okusd.subscribe({ amt: '1234.5', clOrdId: 'sub-1' });
    assert.deepEqual({ ...ack, ordId: '', ts: '' }, { ordId: '', clOrdId: 'sub-1', ccy: 'USDT', amt: '1234.50000000', okusdAmt: '1234.50000000', state: 'success', ts: '' });
    assert.equal(funding('USDT'), D.sub(usdt, '1234.5'));
    assert.equal(funding('OKUSD'), D.add(okusd, '1234.5'));
    assert.equal((await c.okusd.limits())[0]?.subLimit.personalUsedAmt, '1234.5');

    const [again] = await c.okusd.subscribe({ amt: '1234.5', clOrdId: 'sub-1' });
    assert.deepEqual(again, ack, 'the original order');
    assert.equal(funding('USDT'), D.sub(usdt, '1234.5'), 'not subscribed twice');
    const [latest] = await c.okusd.subscribeHistory().next();
    assert.equal(latest?.ordId, ack?.ordId, 'newest first');
    assert.deepEqual([latest?.settleCcy, latest?.settleCcyAmt, latest?.status], ['OKUSD', '1234.50000000', 'success']);
    await refused(() => c.okusd.redeem({ amt: '5', redeemType: '1', clOrdId: 'sub-1' }), '51016');
  });

  it('fast redemption settles at once, less its fee floored to 8 places; standard waits D+5 and pays then', async () => {
    const usdt = funding('USDT');
    const [fast] = await c.okusd.redeem({ amt: '1000.12345679', redeemType: '1', clOrdId: 'fast-1' });
    // 1000.12345679 × 0.001 = 1.00012345679 → 1.00012345 (floor).
    assert.equal(fast?.fee, '1.00012345');
    assert.equal(fast?.usdtAmt, '999.12333334');
    assert.equal(fast?.state, 'success');
    assert.equal(funding('USDT'), D.add(usdt, '999.12333334'));
    const [fastRecord] = await c.okusd.redeemHistory({ type: 'fast' }).next();
    assert.deepEqual([fastRecord?.ordId, fastRecord?.type, fastRecord?.status, fastRecord?.estSettlementTime], [fast?.ordId, 'fast', 'success', '']);

    const [std] = await c.okusd.redeem({ amt: '2000', redeemType: '2', clOrdId: 'std-1' });
    assert.ok(std);
    assert.equal(std.state, 'processing');
    assert.equal(std.fee, '0.50000000');
    assert.equal(Number(std.estSettlementTime), standardSettlement(Number(std.ts)));
    const afterFast = funding('USDT');
    /** USDT paid in since the request: each day's yield, and the standard redemptions that settled. */
    const paidSince = (t: number): string => D.add(
      D.sum(h.sim.state.okusd.rewards.filter((r) => r.ts > t).map((r) => r.earnAmt)),
      D.sum(h.sim.state.okusd.orders.filter((o) => o.kind === 'standard' && o.status === 'success' && (o.settleAt ?? 0) > t).map((o) => o.net)),
    );
    const status = async (): Promise<string | undefined> => (await c.okusd.redeemHistory().next()).find((r) => r.ordId === std.ordId)?.status;
    assert.equal(await status(), 'pending', 'standard is the default type of the history');
    h.sim.advance(Number(std.estSettlementTime) - h.sim.clock.now() - MINUTE);
    assert.equal(await status(), 'pending');
    const demoSettled = h.sim.state.okusd.orders.filter((o) => o.kind === 'standard' && o.status === 'success' && o.ordId !== std.ordId).length;
    assert.ok(demoSettled >= 1, "the demo's own standard redemption settled meanwhile");
    assert.equal(funding('USDT'), D.add(afterFast, paidSince(Number(std.ts))), 'yield and the older redemption, not this one yet');
    h.sim.advance(2 * MINUTE);
    assert.equal(await status(), 'success');
    assert.ok(D.gte(paidSince(Number(std.ts)), '1999.5'));
    assert.equal(funding('USDT'), D.add(afterFast, paidSince(Number(std.ts))), 'the USDT arrived, less the fee');
    assert.equal(h.sim.state.okusd.orders.find((o) => o.ordId === std.ordId)?.net, '1999.5');
  });

  it('a state file saved before the More Earn products gets them, with nothing held in them', () => {
    const now = Date.UTC(2026, 7, 22, 12);
    const older = JSON.parse(JSON.stringify(demoState(now))) as Record<string, unknown>;
    for (const key of ['okusd', 'stableRewards', 'dual']) delete older[key];
    const state = upgradeState(older);
    assert.deepEqual([state.okusd.orders, state.okusd.rewards, state.dual.orders], [[], [], []]);
    assert.deepEqual(state.stableRewards.holdings, {});
    assert.equal(state.okusd.sub.personalDailyLimit, '5000000');
    assert.ok(state.dual.pairs.length > 0 && state.stableRewards.products.USDG !== undefined);
  });

  it('standard redemption: D+5 before 16:00 UTC+8, D+6 from 16:00', () => {
    const morning = Date.UTC(2024, 5, 16, 1, 6, 40); // 09:06:40 UTC+8
    assert.equal(standardSettlement(morning), morning + 5 * DAY);
    const justBefore = Date.UTC(2024, 5, 16, 7, 59, 59, 999); // 15:59:59.999 UTC+8
    assert.equal(standardSettlement(justBefore), justBefore + 5 * DAY);
    const four = Date.UTC(2024, 5, 16, 8, 0, 0); // 16:00 UTC+8
    assert.equal(standardSettlement(four), four + 6 * DAY);
    const lateEvening = Date.UTC(2024, 5, 16, 15, 30); // 23:30 UTC+8
    assert.equal(standardSettlement(lateEvening), lateEvening + 6 * DAY);
  });

  it('daily quotas run out and are refused with their codes (51765–51772); the next day they are back', async () => {
    const okusd = h.sim.state.okusd;
    okusd.sub.personalDailyLimit = '1500';
    await c.okusd.subscribe({ amt: '1000', clOrdId: 'q-sub-1' });
    await refused(() => c.okusd.subscribe({ amt: '600', clOrdId: 'q-sub-2' }), '51765', /remaining daily quota of 500 USDT/);
    assert.equal((await c.okusd.limits())[0]?.subLimit.maxSubAmt, '500');
    okusd.sub.platformUsed = D.sub(okusd.sub.platformDailyLimit, '100');
    await refused(() => c.okusd.subscribe({ amt: '200', clOrdId: 'q-sub-3' }), '51766');

    await c.okusd.redeem({ amt: '9500', redeemType: '1', clOrdId: 'q-fast-1' });
    await refused(() => c.okusd.redeem({ amt: '501', redeemType: '1', clOrdId: 'q-fast-2' }), '51768', /remaining fast redemption quota of 500 OKUSD/);
    okusd.fast.platformUsed = okusd.fast.platformDailyLimit;
    await refused(() => c.okusd.redeem({ amt: '10', redeemType: '1', clOrdId: 'q-fast-3' }), '51769');

    okusd.std.personalDailyLimit = '100';
    await refused(() => c.okusd.redeem({ amt: '101', redeemType: '2', clOrdId: 'q-std-1' }), '51770', /of 100 OKUSD/);
    okusd.std.personalDailyLimit = '1000000';
    okusd.std.platformUsed = okusd.std.platformDailyLimit;
    await refused(() => c.okusd.redeem({ amt: '10', redeemType: '2', clOrdId: 'q-std-2' }), '51771');

    h.sim.advance(DAY);
    const [limits] = await c.okusd.limits();
    assert.equal(limits?.subLimit.personalUsedAmt, '0');
    assert.equal(limits?.fastRedeemLimit.personalUsedAmt, '0');
    assert.equal(limits?.subLimit.platformUsedAmt, okusd.sub.platformBaseline, 'the platform starts the day at its baseline');
    await c.okusd.subscribe({ amt: '600', clOrdId: 'q-sub-4' });
  });

  it('other refusals: the instant pool (51772), the balance (51764), maintenance (51774), the minimum, bad amounts and ids (51000)', async () => {
    h.sim.state.okusd.fastPool = '50';
    await refused(() => c.okusd.redeem({ amt: '60', redeemType: '1', clOrdId: 'pool-1' }), '51772');
    await refused(() => c.okusd.redeem({ amt: '20000', redeemType: '2', clOrdId: 'bal-1' }), '51764');
    await refused(() => c.okusd.subscribe({ amt: '99999', clOrdId: 'bal-2' }), '51764');
    await refused(() => c.okusd.subscribe({ amt: '0.5', clOrdId: 'min-1' }), '51727');
    await refused(() => c.okusd.subscribe({ amt: '1e3', clOrdId: 'sci-1' }), '51000');
    await refused(() => c.okusd.subscribe({ amt: '1.123456789', clOrdId: 'dp-1' }), '51000');
    await refused(() => c.okusd.subscribe({ amt: '10', clOrdId: 'not valid!' }), '51000');
    await refused(() => c.okusd.subscribe({ amt: '10', clOrdId: 'x'.repeat(33) }), '51000');
    await refused(() => c.okusd.redeem({ amt: '10', redeemType: '3' as '1', clOrdId: 'type-1' }), '51000');
    h.sim.state.okusd.maintenance = true;
    await refused(() => c.okusd.account(), '51774');
    await refused(() => c.okusd.subscribe({ amt: '10', clOrdId: 'mnt-1' }), '51774');
  });

  it('each UTC midnight pays the day\'s APR on the OKUSD held, in USDT; rewards and APR histories page by time', async () => {
    const [before] = await c.okusd.account();
    const usdt = funding('USDT');
    const held = funding('OKUSD');
    h.sim.advance(DAY);
    const [latest] = await c.okusd.rewardsHistory().next();
    assert.ok(latest);
    assert.equal(latest.ccy, 'USDT');
    assert.equal(latest.amt, D.toFixedDown(held, 8));
    assert.equal(latest.apr, okusdApr(Number(latest.ts) - DAY));
    assert.equal(latest.earnAmt, D.roundDown(D.div(D.mul(held, latest.apr), '365'), 8));
    assert.equal(Number(latest.ts) % DAY, 0, 'at 00:00 UTC');
    assert.equal(funding('USDT'), D.add(usdt, latest.earnAmt));
    const [after] = await c.okusd.account();
    assert.equal(D.sub(after?.totalEarnAccrual ?? '0', before?.totalEarnAccrual ?? '0'), D.trim(latest.earnAmt));

    // Twenty-one days of rewards, seven a page: end = the last time read, inclusive, with what was read skipped.
    const pager = c.okusd.rewardsHistory({ limit: '7' });
    const pages: string[][] = [];
    for await (const page of pager) pages.push(page.map((r) => r.ts));
    const all = pages.flat();
    assert.equal(all.length, h.sim.state.okusd.rewards.length);
    assert.equal(new Set(all).size, all.length, 'no record twice');
    assert.deepEqual(all, [...all].sort((a, b) => Number(b) - Number(a)), 'newest first');
    assert.ok(pages.length >= 3);

    const now = h.sim.clock.now();
    const apr = await c.okusd.aprHistory({ begin: String(now - 10 * DAY) }).next();
    assert.equal(apr.length, 10);
    assert.ok(apr.every((p) => D.lt(p.apr, '0.1') && D.isPositive(p.apr)), 'a fraction: 0.0418 is 4.18 %');
    assert.equal(apr[0]?.apr, okusdApr(Math.floor(now / DAY) * DAY));
    await assert.rejects(c.okusd.aprHistory({ begin: String(now - 200 * DAY), end: String(now) }).next(), { code: '51000' });
    await assert.rejects(c.okusd.rewardsHistory({ limit: '101' }).next(), { code: '51000' });
    assert.equal((await c.okusd.aprHistory().next()).length, 30, 'thirty by default');
  });
});
