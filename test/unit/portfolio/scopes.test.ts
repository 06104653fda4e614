import * as assert from 'node:assert/strict';
import type * as T from '../../../src/okx/types';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { startSim, type SimHarness } from '../support/sim';

/**
 * Issue 25, item 22: a group filters what its name promises, so an answer that ignores the query's filter (here
 * the simulator answers every request of an endpoint with the same records) never puts a record under a name
 * that is not its own.
 */
describe('portfolio: each list holds only what its name promises, whatever OKX sends back', function () {
  this.timeout(20_000);
  let h: SimHarness;
  let portfolio: Portfolio;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    portfolio = new Portfolio(h.client);
  });
  afterEach(() => h.sim.close());

  it('ETH "Pending redemptions": pending redemptions only, not purchases or redemptions that are done', async () => {
    const record = (type: string, status: string, amt: string): T.StakingHistoryRecord => ({ type, status, amt, redeemingAmt: '', ordId: `${type}-${status}`, requestTime: '1', completedTime: '', estCompletedTime: '2' });
    h.sim.faults.add({ endpoint: 'ethHistory', fault: { kind: 'data', data: [record('purchase', 'success', '1'), record('redeem', 'success', '0.2'), record('redeem', 'pending', '0.3'), record('purchase', 'pending', '4')] } });
    await portfolio.refresh(['eth']);
    const eth = portfolio.get('eth');
    assert.deepEqual(('data' in eth ? eth.data?.pendingRedemptions : undefined)?.map((r) => r.ordId), ['redeem-pending']);
  });

  it('OKUSD "Redemption on its way": standard redemptions still pending only; the Standard and Fast histories each their own type', async () => {
    const redemption = (ordId: string, type: string, status: string): T.OkusdRedemption => ({ ordId, clOrdId: '', ccy: 'OKUSD', amt: '10', fee: '0', settleCcy: 'USDT', settleCcyAmt: '10', type, status, estSettlementTime: '5', ts: '1' });
    h.sim.faults.add({ endpoint: 'okusdRedeemHistory', fault: { kind: 'data', data: [redemption('f1', 'fast', 'pending'), redemption('s1', 'standard', 'pending'), redemption('s2', 'standard', 'success')] } });
    await portfolio.refresh(['okusd']);
    const okusd = portfolio.get('okusd');
    assert.deepEqual(('data' in okusd ? okusd.data?.pendingRedemptions : undefined)?.map((r) => r.ordId), ['s1']);
    const standard = portfolio.history('okusdRedeem', 'standard');
    const fast = portfolio.history('okusdRedeem', 'fast');
    await Promise.all([standard?.loadMore(), fast?.loadMore()]);
    assert.deepEqual(standard?.items.map((r) => r.ordId), ['s1', 's2']);
    assert.deepEqual(fast?.items.map((r) => r.ordId), ['f1']);
  });

  it('a savings currency\'s lending history: that currency\'s records only', async () => {
    const record = (ccy: string, ts: string): T.LendingRecord => ({ ccy, amt: '1', earnings: '0.0001', rate: '0.05', ts });
    h.sim.faults.add({ endpoint: 'savingsLendingHistory', fault: { kind: 'data', data: [record('USDT', '3'), record('BTC', '2'), record('USDT', '1')] } });
    const usdt = portfolio.history('savings', 'USDT');
    await usdt?.loadMore();
    assert.deepEqual(usdt?.items.map((r) => `${r.ccy}@${r.ts}`), ['USDT@3', 'USDT@1']);
  });

  it('Dual Investment "Sell high": calls of that pair only', async () => {
    const calls = await h.client.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' });
    const puts = await h.client.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'P' });
    const eth = await h.client.dual.products({ baseCcy: 'ETH', quoteCcy: 'USDT', optType: 'C' });
    h.sim.faults.add({ endpoint: 'dualProducts', fault: { kind: 'data', data: [...puts, ...calls, ...eth] } });
    const listed = await portfolio.dualProducts({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' });
    assert.ok(!(listed instanceof Error));
    assert.deepEqual(listed.map((p) => p.productId), calls.map((p) => p.productId));
  });

  it('the collateral OKX would give back: read for the currency asked, never another\'s figure', async () => {
    h.sim.faults.add({ endpoint: 'loanMaxCollateralRedeem', fault: { kind: 'data', data: [{ ccy: 'SOL', maxRedeemAmt: '7' }] } });
    await portfolio.refresh(['loans', 'loanLimits']);
    const limits = portfolio.get('loanLimits');
    const maxRedeem = 'data' in limits ? limits.data?.maxRedeem : undefined;
    const [first] = h.sim.state.loans.orders;
    const byCcy = maxRedeem?.get(first?.ordId ?? '');
    assert.equal(byCcy?.get('SOL'), '7');
    assert.equal(byCcy?.get('BTC'), undefined, 'not asked successfully: the menu still offers it, rather than a wrong figure');
  });
});
