import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { DAY, HOUR, MINUTE } from '../../../src/simulator/clock';
import { startSim, type SimHarness } from '../support/sim';

/** Moves simulated time; the client's next request gets 50102 and resyncs its clock, as against OKX. */
function advance(h: SimHarness, ms: number): void {
  h.sim.advance(ms);
}

describe('simulator: the portfolio over time', () => {
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim();
  });
  afterEach(() => h.sim.close());

  it('a purchase goes pending → onchain → earning, earns, and is redeemed into history with its earnings', async () => {
    const { client } = h;
    const usdtBefore = h.sim.state.funding.USDT ?? '0';
    const okusdRewardsBefore = h.sim.state.okusd.rewards.length;
    const [ack] = await client.onchain.purchase({ productId: '4005', investData: [{ ccy: 'USDT', amt: '1000' }], tag: 'e2e1' });
    assert.ok(ack);
    assert.equal(h.sim.state.funding.USDT, D.sub(usdtBefore, '1000'));
    const stateOf = async (): Promise<string | undefined> => (await client.onchain.activeOrders()).find((o) => o.ordId === ack.ordId)?.state;
    assert.equal(await stateOf(), '8');
    advance(h, 31_000);
    assert.equal(await stateOf(), '9');
    advance(h, 61_000);
    assert.equal(await stateOf(), '1');

    advance(h, DAY);
    const [order] = await client.onchain.activeOrders({ state: '1', productId: '4005', ccy: 'USDT' }).then((orders) => orders.filter((o) => o.ordId === ack.ordId));
    const earned = order?.earningData.find((e) => e.ccy === 'USDT')?.earnings ?? '0';
    // One day at 3.23% on 1000 USDT is 0.0885 USDT.
    assert.ok(D.gt(earned, '0.088') && D.lt(earned, '0.089'), earned);
    assert.ok(D.isPositive(order?.earningData.find((e) => e.ccy === 'COMP')?.earnings ?? '0'), 'the reward token accrues too');

    await client.onchain.redeem({ ordId: ack.ordId, protocolType: 'defi' });
    const redeeming = (await client.onchain.activeOrders()).find((o) => o.ordId === ack.ordId);
    assert.equal(redeeming?.state, '2');
    assert.ok(Number(redeeming?.estSettlementTime) > h.sim.clock.now());
    advance(h, DAY + HOUR);
    assert.equal(await stateOf(), undefined, 'no longer active');
    const history = await client.onchain.orderHistory().next();
    const done = history.find((o) => o.ordId === ack.ordId);
    assert.equal(done?.state, '3');
    assert.equal(done?.tag, 'e2e1');
    const realized = done?.earningData.find((e) => e.ccy === 'USDT')?.realizedEarnings ?? '0';
    assert.ok(D.gt(realized, earned));
    // OKUSD's daily yield is paid in USDT too: the days this test crossed paid it on the demo's 10 000 OKUSD.
    const okusdYield = D.sum(h.sim.state.okusd.rewards.slice(okusdRewardsBefore).map((r) => r.earnAmt));
    assert.ok(D.isPositive(okusdYield), 'a day passed: OKUSD paid its yield');
    assert.equal(h.sim.state.funding.USDT, D.add(D.add(usdtBefore, realized), okusdYield), 'principal and earnings are back in the funding account');
  });

  it('a pending purchase can be cancelled: cancelling → history, money refunded', async () => {
    const before = h.sim.state.funding.DOT ?? '0';
    const [ack] = await h.client.onchain.purchase({ productId: '101', investData: [{ ccy: 'DOT', amt: '10' }] });
    assert.ok(ack);
    await h.client.onchain.cancel({ ordId: ack.ordId, protocolType: 'defi' });
    assert.equal((await h.client.onchain.activeOrders()).find((o) => o.ordId === ack.ordId)?.state, '13');
    advance(h, 31_000);
    assert.equal((await h.client.onchain.activeOrders()).find((o) => o.ordId === ack.ordId), undefined);
    assert.equal(h.sim.state.funding.DOT, before);
  });

  it('a redemption can be cancelled before its deadline, not after', async () => {
    const earning = h.sim.state.orders.filter((o) => o.state === '1' && o.productId === '4005');
    const [first] = earning;
    assert.ok(first);
    // Big enough to go the slow way (fast redemption has a daily limit of 50 000 USDT).
    first.invest[0] = { ccy: 'USDT', amt: '60000' };
    await h.client.onchain.redeem({ ordId: first.ordId, protocolType: 'defi' });
    await h.client.onchain.cancel({ ordId: first.ordId, protocolType: 'defi' });
    assert.equal(h.sim.state.orders.find((o) => o.ordId === first.ordId)?.state, '1');
    await h.client.onchain.redeem({ ordId: first.ordId, protocolType: 'defi' });
    advance(h, 2 * HOUR);
    await assert.rejects(h.client.onchain.cancel({ ordId: first.ordId, protocolType: 'defi' }), { code: '51725' });
  });

  it('fixed terms: early redemption only where the product allows it, and only when asked for', async () => {
    const sol = h.sim.state.orders.find((o) => o.productId === '3101' && o.state === '1');
    const usdc = h.sim.state.orders.find((o) => o.productId === '5002' && o.state === '1');
    assert.ok(sol && usdc);
    await assert.rejects(h.client.onchain.redeem({ ordId: usdc.ordId, protocolType: 'defi', allowEarlyRedeem: true }), { code: '51723' });
    await assert.rejects(h.client.onchain.redeem({ ordId: sol.ordId, protocolType: 'defi' }), { code: '51729' });
    await h.client.onchain.redeem({ ordId: sol.ordId, protocolType: 'defi', allowEarlyRedeem: true });
    assert.equal(h.sim.state.orders.find((o) => o.ordId === sol.ordId)?.state, '2');
    // After the 90-day term the USDC order redeems without asking.
    advance(h, 71 * DAY);
    await h.client.onchain.redeem({ ordId: usdc.ordId, protocolType: 'defi' });
  });

  it('ETH staking: purchase settles into BETH, fast redemption up to the daily limit, slow redemption cancellable, daily rewards', async () => {
    const { client } = h;
    const ethBefore = h.sim.state.funding.ETH ?? '0';
    const bethBefore = h.sim.state.funding.BETH ?? '0';
    await client.eth.purchase({ amt: '1.5' });
    assert.equal(h.sim.state.funding.ETH, D.sub(ethBefore, '1.5'));
    const [pending] = await client.eth.history({ type: 'purchase', status: 'pending' }).next();
    assert.equal(pending?.amt, '1.5');
    advance(h, 2 * MINUTE);
    assert.equal(h.sim.state.funding.BETH, D.add(bethBefore, '1.5'), 'BETH 1:1');
    assert.equal((await client.eth.history({ status: 'pending', type: 'purchase' }).next()).length, 0);

    const [info] = await client.eth.productInfo();
    assert.equal(info?.fastRedemptionDailyLimit, '100');
    await client.eth.redeem({ amt: '0.5' });
    const [fast] = await client.eth.history({ type: 'redeem' }).next();
    assert.equal(fast?.status, 'success', 'within the fast-redemption limit: done at once');

    h.sim.state.eth.fastDailyLimit = '0.6';
    await client.eth.redeem({ amt: '1' });
    const [slow] = await client.eth.history({ type: 'redeem', status: 'pending' }).next();
    assert.equal(slow?.redeemingAmt, '1');
    const [balance] = await client.eth.balance();
    assert.ok(balance && D.gte(balance.amt, '1'), 'the balance includes what is redeeming');
    const beforeCancel = h.sim.state.funding.BETH ?? '0';
    await client.eth.cancelRedeem({ ordId: slow?.ordId ?? '' });
    assert.equal(h.sim.state.funding.BETH, D.add(beforeCancel, '1'));
    await assert.rejects(client.eth.cancelRedeem({ ordId: slow?.ordId ?? '' }), { code: '51725' });
    await assert.rejects(client.eth.cancelRedeem({ ordId: fast?.ordId ?? '' }), { code: '51722' });

    const total = h.sim.state.eth.totalInterest;
    advance(h, DAY);
    const [after] = await client.eth.balance();
    assert.ok(after && D.gt(after.totalInterestAccrual, total), 'a daily reward arrived');
    assert.equal(after?.totalInterestAccrual, D.add(total, after?.latestInterestAccrual ?? '0'));
  });

  it('SOL staking: OKSOL 1:1, fast redemption availability goes down as it is used', async () => {
    const { client } = h;
    await client.sol.purchase({ amt: '10' });
    advance(h, 2 * MINUTE);
    const before = await client.sol.productInfo();
    assert.equal(before.fastRedemptionAvail, '240');
    await client.sol.redeem({ amt: '40' });
    const after = await client.sol.productInfo();
    assert.equal(after.fastRedemptionAvail, '200');
    const [balance] = await client.sol.balance();
    assert.equal(balance?.ccy, 'OKSOL');
  });

  it('savings: a subscription waits as pending, is lent once the market rate reaches the user\'s rate, and earns hourly', async () => {
    const { client } = h;
    await client.savings.purchaseRedempt({ ccy: 'SOL', amt: '50', side: 'purchase', rate: '0.01' });
    let [sol] = await client.savings.balance({ ccy: 'SOL' });
    assert.deepEqual([sol?.amt, sol?.pendingAmt, sol?.loanAmt, sol?.rate], ['50', '50', '0', '0.01']);
    advance(h, 3 * HOUR);
    [sol] = await client.savings.balance({ ccy: 'SOL' });
    assert.equal(sol?.pendingAmt, '0');
    assert.ok(D.gt(sol?.loanAmt ?? '0', '50') && D.gt(sol?.earnings ?? '0', '0'));
    const records = await client.savings.lendingHistory({ ccy: 'SOL' }).next();
    assert.ok(records.length >= 2);

    // Above the market rate nothing is lent.
    const [eth] = await client.savings.balance({ ccy: 'ETH' });
    assert.equal(eth?.rate, '0.25');
    assert.equal(eth?.loanAmt, '0');

    await client.savings.setLendingRate({ ccy: 'SOL', rate: '0.2' });
    [sol] = await client.savings.balance({ ccy: 'SOL' });
    assert.equal(sol?.rate, '0.2');
    const funding = h.sim.state.funding.SOL ?? '0';
    await client.savings.purchaseRedempt({ ccy: 'SOL', amt: '20', side: 'redempt' });
    assert.equal(h.sim.state.funding.SOL, D.add(funding, '20'));
  });

  it('a loan order: LTV follows prices across margin call, interest accrues hourly, collateral moves LTV, liquidation at liqLTV', async () => {
    const { client } = h;
    const [loan] = await client.loan.info();
    assert.ok(loan);
    assert.equal(loan.collateralData.length, 3);
    assert.ok(D.lt(loan.curLTV, loan.marginCallLTV) && D.gt(loan.curLTV, '0.6'), `a little under margin call: ${loan.curLTV}`);
    assert.equal(loan.riskWarningData.liqPx, '', 'no liquidation price with several collaterals');

    // BTC falls 10%: the LTV crosses the margin-call LTV.
    h.sim.prices.set('BTC', D.mul(h.sim.state.basePrices.BTC ?? '0', '0.9'));
    const [fallen] = await client.loan.info();
    assert.ok(fallen && D.gte(fallen.curLTV, fallen.marginCallLTV), fallen?.curLTV);
    h.sim.prices.set('BTC', h.sim.state.basePrices.BTC ?? '0');

    const [max] = await client.loan.maxCollateralRedeem({ ccy: 'SOL' });
    assert.equal(max?.maxRedeemAmt, '0', 'over the initial LTV nothing can be taken out');
    await client.loan.adjustCollateral({ type: 'add', collateralCcy: 'BTC', collateralAmt: '0.5' });
    const [better] = await client.loan.info();
    assert.ok(better && D.lt(better.curLTV, '0.4'), better?.curLTV);
    const [maxAfter] = await client.loan.maxCollateralRedeem({ ccy: 'SOL' });
    assert.equal(maxAfter?.maxRedeemAmt, '10');
    const [borrow] = await client.loan.maxLoan({ borrowCcy: 'USDT', supCollateral: [{ ccy: 'ETH', amt: '1' }] });
    const [borrowPlain] = await client.loan.maxLoan({ borrowCcy: 'USDT' });
    assert.ok(borrow && borrowPlain && D.gt(borrow.maxLoan, borrowPlain.maxLoan), 'supplementary collateral raises the maximum');
    await client.loan.adjustCollateral({ type: 'reduce', collateralCcy: 'SOL', collateralAmt: '10' });
    const history = await client.loan.history().next();
    assert.deepEqual(history.slice(0, 2).map((r) => [r.type, r.ccy, r.amt]), [['collateral_released', 'SOL', '10'], ['collateral_locked', 'BTC', '-0.5']]);

    const loanBefore = (await client.loan.info())[0]?.loanData[0]?.amt ?? '0';
    advance(h, 5 * HOUR);
    const interest = await client.loan.interestAccrued({ ccy: 'USDT', limit: '5' }).next();
    assert.equal(interest.length, 5);
    const [grown] = await client.loan.info();
    assert.ok(D.gt(grown?.loanData[0]?.amt ?? '0', loanBefore), 'interest is added to the loan');

    h.sim.prices.set('BTC', '20000');
    h.sim.prices.set('ETH', '500');
    advance(h, 1000);
    assert.deepEqual(await client.loan.info(), [], 'liquidated');
    const [liquidation] = await client.loan.history({ type: 'forced_liquidation' }).next();
    assert.ok(liquidation);
  });

  it('reports a liquidation price when an order has one collateral and one loan currency', async () => {
    const earliest = h.sim.state.loans.orders[0];
    assert.ok(earliest);
    earliest.collateral = [{ ccy: 'BTC', amt: '1' }];
    earliest.loan = [{ ccy: 'USDT', amt: '40000' }];
    const [loan] = await h.client.loan.info({ ordId: earliest.ordId });
    assert.deepEqual(loan?.riskWarningData, { instId: 'BTC-USDT', liqPx: '50000' });
  });
});
