import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import type { OkxClient } from '../../../src/okx/client';
import { HOUR, SECOND } from '../../../src/simulator/clock';
import { Simulator } from '../../../src/simulator/server';
import { demoState } from '../../../src/simulator/state';
import { upgradeState } from '../../../src/simulator/stateUpgrade';
import { rawRequest, startSim, type SimHarness } from '../support/sim';

/** Expects the call to fail with `code` (OKX's), with its message for the assertion text. */
async function refusedWith(call: () => Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(call(), (error: { code?: string; message?: string }) => {
    assert.equal(error.code, code, error.message);
    return true;
  });
}

describe('simulator: flexible loans as several orders (2026)', function () {
  // The client keeps borrow and repay within OKX's 2 requests per 2 s, so a test of many of them takes seconds.
  this.timeout(30_000);
  let h: SimHarness;
  let c: OkxClient;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    c = h.client;
  });
  afterEach(() => h.sim.close());

  const orders = (): { first: string; second: string } => {
    const [first, second] = h.sim.state.loans.orders;
    assert.ok(first && second);
    return { first: first.ordId, second: second.ordId };
  };

  it('the demo account has two orders, earliest first: USDT on three collaterals inside the warning band, USDC on BTC alone with a liquidation price', async () => {
    const all = await c.loan.info();
    assert.deepEqual(all.map((l) => l.loanData.map((d) => d.ccy).join()), ['USDT', 'USDC']);
    const [first, second] = all;
    assert.ok(first && second);
    assert.ok(D.gt(first.curLTV, '0.6') && D.lt(first.curLTV, first.marginCallLTV), first.curLTV);
    assert.ok(D.lt(second.curLTV, '0.4'), second.curLTV);
    assert.equal(first.riskWarningData.liqPx, '');
    assert.equal(second.riskWarningData.instId, 'BTC-USDC');
    assert.ok(D.isPositive(second.riskWarningData.liqPx));
    assert.deepEqual((await c.loan.info({ ordId: second.ordId })).map((l) => l.ordId), [second.ordId]);
    assert.deepEqual(await c.loan.info({ ordId: '999' }), [], 'an order that does not exist: nothing');
  });

  it('without ordId, every order-scoped request acts on the earliest order; with it, on that order', async () => {
    const { first, second } = orders();
    const redeemFirst = await c.loan.maxCollateralRedeem({ ccy: 'BTC' });
    const redeemSecond = await c.loan.maxCollateralRedeem({ ccy: 'BTC', ordId: second });
    assert.equal(redeemFirst[0]?.maxRedeemAmt, '0', 'the earliest order is over its initial LTV');
    assert.ok(D.isPositive(redeemSecond[0]?.maxRedeemAmt ?? '0'), 'the second order has BTC to spare');
    assert.deepEqual(await c.loan.maxCollateralRedeem({ ccy: 'BTC', ordId: first }), redeemFirst);

    const maxSecond = await c.loan.maxLoan({ borrowCcy: 'USDC', ordId: second });
    assert.ok(D.isPositive(maxSecond[0]?.maxLoan ?? '0'));
    assert.equal((await c.loan.maxLoan({ borrowCcy: 'USDC' }))[0]?.maxLoan, '0', 'the earliest order borrows USDT, not USDC');

    await c.loan.adjustCollateral({ type: 'add', collateralCcy: 'SOL', collateralAmt: '1' });
    await c.loan.adjustCollateral({ type: 'add', collateralCcy: 'ETH', collateralAmt: '0.5', ordId: second });
    const [a, b] = h.sim.state.loans.orders;
    assert.equal(a?.collateral.find((x) => x.ccy === 'SOL')?.amt, '11');
    assert.equal(b?.collateral.find((x) => x.ccy === 'ETH')?.amt, '0.5');
    assert.equal(a?.collateral.find((x) => x.ccy === 'ETH')?.amt, '6', 'the first order is untouched by the second adjustment');
    await refusedWith(() => c.loan.adjustCollateral({ type: 'add', collateralCcy: 'SOL', collateralAmt: '1', ordId: '12345' }), '51000');
  });

  it('loan history and accrued interest: every order without ordId, one order with it', async () => {
    const { first, second } = orders();
    const all = await c.loan.history().next();
    const mine = await c.loan.history({ ordId: second }).next();
    assert.ok(all.length > mine.length && mine.length > 0);
    const secondIds = new Set(h.sim.state.loans.history.filter((r) => r.ordId === second).map((r) => r.refId));
    assert.ok(mine.every((r) => secondIds.has(r.refId)));
    assert.ok(!('ordId' in (mine[0] ?? {})), 'history rows carry no ordId, as OKX documents');
    const interest = await c.loan.interestAccrued({ ordId: first, limit: '100' }).next();
    assert.ok(interest.length > 0 && interest.every((r) => r.ccy === 'USDT'));
  });

  it('with no order at all: empty answers, and 51063 for adjusting collateral', async () => {
    h.sim.state.loans.orders = [];
    assert.deepEqual(await c.loan.info(), []);
    assert.deepEqual(await c.loan.collateralAssets(), []);
    assert.deepEqual(await c.loan.maxLoan({ borrowCcy: 'USDT' }), []);
    assert.deepEqual(await c.loan.maxCollateralRedeem({ ccy: 'BTC' }), []);
    await refusedWith(() => c.loan.adjustCollateral({ type: 'add', collateralCcy: 'BTC', collateralAmt: '0.1' }), '51063');
  });

  it('borrow opens an order against collateral from the funding account, or adds to one', async () => {
    const funding = { ...h.sim.state.funding };
    const [ack] = await c.loan.borrow({ loanData: { ccy: 'USDT', amt: '1000' }, collateralData: [{ ccy: 'ETH', amt: '1' }], eMode: '0', clOrdId: 'b-1' });
    assert.ok(ack);
    assert.deepEqual([ack.eMode, ack.clOrdId], ['0', 'b-1']);
    const [opened] = await c.loan.info({ ordId: ack.ordId });
    assert.deepEqual(opened?.loanData, [{ ccy: 'USDT', amt: '1000' }]);
    assert.deepEqual(opened?.collateralData, [{ ccy: 'ETH', amt: '1' }]);
    assert.equal(h.sim.state.funding.ETH, D.sub(funding.ETH ?? '0', '1'));
    assert.equal(h.sim.state.funding.USDT, D.add(funding.USDT ?? '0', '1000'), 'what is borrowed lands in the funding account');
    assert.equal((await c.loan.info()).length, 3);
    assert.deepEqual((await c.loan.history({ ordId: ack.ordId }).next()).map((r) => [r.type, r.ccy, r.amt]), [['borrowed', 'USDT', '1000'], ['collateral_locked', 'ETH', '-1']]);

    const [more] = await c.loan.borrow({ ordId: ack.ordId, loanData: { ccy: 'USDT', amt: '200' }, collateralData: [{ ccy: 'SOL', amt: '5' }], clOrdId: 'b-2' });
    assert.equal(more?.ordId, ack.ordId);
    const [grown] = await c.loan.info({ ordId: ack.ordId });
    assert.equal(grown?.loanData[0]?.amt, '1200');
    assert.deepEqual(grown?.collateralData.map((x) => x.ccy), ['ETH', 'SOL']);
  });

  it("borrow's rules: clOrdId required, collateral when creating, no eMode when adding, the order's currency, the initial LTV, the quota", async () => {
    const { second } = orders();
    const before = JSON.stringify(h.sim.state.loans);
    const quota = h.sim.state.loans.quota.USDT ?? '0';
    const borrow = (params: Record<string, unknown>): Promise<unknown> => c.call('loanBorrow', params as never);
    await refusedWith(() => borrow({ loanData: { ccy: 'USDT', amt: '10' }, collateralData: [{ ccy: 'ETH', amt: '1' }] }), '51000');
    await refusedWith(() => borrow({ loanData: { ccy: 'USDT', amt: '10' }, collateralData: [{ ccy: 'ETH', amt: '1' }], clOrdId: 'not ok!' }), '51000');
    await refusedWith(() => borrow({ loanData: { ccy: 'USDT', amt: '10' }, clOrdId: 'r1' }), '51000');
    await refusedWith(() => borrow({ loanData: { ccy: 'USDT', amt: '10' }, collateralData: [], clOrdId: 'r2' }), '51000');
    await refusedWith(() => borrow({ ordId: second, loanData: { ccy: 'USDC', amt: '10' }, eMode: '0', clOrdId: 'r3' }), '51000');
    await refusedWith(() => borrow({ ordId: second, loanData: { ccy: 'USDT', amt: '10' }, clOrdId: 'r4' }), '51000');
    await refusedWith(() => borrow({ loanData: { ccy: 'DOGE', amt: '10' }, collateralData: [{ ccy: 'ETH', amt: '1' }], clOrdId: 'r5' }), '51751');
    await refusedWith(() => borrow({ loanData: { ccy: 'USDT', amt: '10' }, collateralData: [{ ccy: 'USDT', amt: '100' }], clOrdId: 'r6' }), '51750');
    await refusedWith(() => borrow({ loanData: { ccy: 'USDT', amt: '10' }, collateralData: [{ ccy: 'AVAX', amt: '1' }], clOrdId: 'r7' }), '51752');
    await refusedWith(() => borrow({ loanData: { ccy: 'USDT', amt: '10' }, collateralData: [{ ccy: 'ETH', amt: '999' }], clOrdId: 'r8' }), '51008');
    // 1 ETH is about 3188 USD; at an initial LTV of 0.6 at most about 1912 USDT can be borrowed against it.
    await refusedWith(() => borrow({ loanData: { ccy: 'USDT', amt: '2000' }, collateralData: [{ ccy: 'ETH', amt: '1' }], clOrdId: 'r9' }), '51000');
    h.sim.state.loans.quota.USDT = '5';
    await refusedWith(() => borrow({ loanData: { ccy: 'USDT', amt: '10' }, collateralData: [{ ccy: 'ETH', amt: '1' }], clOrdId: 'r10' }), '51000');
    h.sim.state.loans.quota.USDT = quota;
    assert.equal(JSON.stringify(h.sim.state.loans), before, 'nothing changed');
  });

  it('E-Mode: pairs from the public emode-info; an E-Mode order takes only its pair\'s collateral (51785)', async () => {
    const reply = await rawRequest(h.sim, 'GET', '/api/v5/finance/flexible-loan/emode-info');
    assert.equal(reply.code, '0', 'no signature needed');
    assert.deepEqual(reply.data, [{ collateralCcy: 'USDC', borrowCcy: 'USDT' }, { collateralCcy: 'USDT', borrowCcy: 'USDC' }]);
    await refusedWith(() => c.loan.borrow({ loanData: { ccy: 'USDT', amt: '100' }, collateralData: [{ ccy: 'ETH', amt: '1' }], eMode: '1', clOrdId: 'e1' }), '51785');
    const [ack] = await c.loan.borrow({ loanData: { ccy: 'USDT', amt: '800' }, collateralData: [{ ccy: 'USDC', amt: '1000' }], eMode: '1', clOrdId: 'e2' });
    assert.equal(ack?.eMode, '1');
    const [order] = await c.loan.info({ ordId: ack?.ordId ?? '' });
    assert.deepEqual([order?.curLTV, order?.marginCallLTV, order?.liqLTV], ['0.8', '0.9', '0.95'], 'E-Mode LTV limits, above the standard ones');
    await refusedWith(() => c.loan.adjustCollateral({ type: 'add', collateralCcy: 'BTC', collateralAmt: '0.01', ordId: ack?.ordId ?? '' }), '51785');
    assert.deepEqual((await c.loan.collateralAssets({ ordId: ack?.ordId ?? '' }))[0]?.assets.map((a) => a.ccy), ['USDC'], 'only its pair\'s collateral can be added');
  });

  it('a repayment is accepted at once and settles later: loan-info tells the result; repaying all closes the order and returns its collateral', async () => {
    const { second } = orders();
    const [before] = await c.loan.info({ ordId: second });
    const owed = before?.loanData[0]?.amt ?? '0';
    const usdc = h.sim.state.funding.USDC ?? '0';
    const [ack] = await c.loan.repay({ ordId: second, ccy: 'USDC', amt: '100', clOrdId: 'p-1' });
    assert.deepEqual(ack, { ordId: second, ccy: 'USDC', amt: '100', clOrdId: 'p-1' });
    assert.equal(h.sim.state.funding.USDC, D.sub(usdc, '100'), 'taken from the funding account at acceptance');
    assert.equal((await c.loan.info({ ordId: second }))[0]?.loanData[0]?.amt, owed, 'not settled yet');
    h.sim.advance(3 * SECOND);
    assert.equal((await c.loan.info({ ordId: second }))[0]?.loanData[0]?.amt, D.sub(owed, '100'));
    const [repaid] = await c.loan.history({ ordId: second, type: 'repaid' }).next();
    assert.deepEqual([repaid?.ccy, repaid?.amt], ['USDC', '100']);

    await refusedWith(() => c.loan.repay({ ordId: second, ccy: 'USDC', amt: D.add(owed, '1'), clOrdId: 'p-2' }), '51000');
    await refusedWith(() => c.loan.repay({ ordId: second, ccy: 'USDT', amt: '1', clOrdId: 'p-3' }), '51000');
    await refusedWith(() => c.loan.repay({ ordId: '12345', ccy: 'USDC', amt: '1', clOrdId: 'p-4' }), '51000');
    h.sim.state.funding.USDC = '1';
    await refusedWith(() => c.loan.repay({ ordId: second, ccy: 'USDC', amt: '2', clOrdId: 'p-5' }), '51008');

    h.sim.state.funding.USDC = '100000';
    const btc = h.sim.state.funding.BTC ?? '0';
    const rest = D.sub(owed, '100');
    await c.loan.repay({ ordId: second, ccy: 'USDC', amt: rest, clOrdId: 'p-6' });
    h.sim.advance(3 * SECOND);
    assert.deepEqual(await c.loan.info({ ordId: second }), [], 'closed');
    assert.equal(h.sim.state.funding.BTC, D.add(btc, '0.2'), 'its collateral is back in the funding account');
    assert.equal((await c.loan.info()).length, 1);
  });

  it("client order ids: a duplicate within 60 s gets 51784 while the first is in flight and 51016 once done; after 60 s it is new again", async () => {
    const { first, second } = orders();
    await c.loan.repay({ ordId: second, ccy: 'USDC', amt: '10', clOrdId: 'dup-1' });
    await refusedWith(() => c.loan.repay({ ordId: second, ccy: 'USDC', amt: '10', clOrdId: 'dup-1' }), '51784');
    h.sim.advance(3 * SECOND);
    await refusedWith(() => c.loan.repay({ ordId: second, ccy: 'USDC', amt: '10', clOrdId: 'dup-1' }), '51016');
    assert.equal(h.sim.state.loans.history.filter((r) => r.type === 'repaid' && r.ordId === second).length, 1, 'repaid once');

    await c.loan.borrow({ ordId: first, loanData: { ccy: 'USDT', amt: '1' }, collateralData: [{ ccy: 'ETH', amt: '4' }], clOrdId: 'dup-2' });
    await refusedWith(() => c.loan.borrow({ ordId: first, loanData: { ccy: 'USDT', amt: '1' }, collateralData: [{ ccy: 'ETH', amt: '4' }], clOrdId: 'dup-2' }), '51016');
    // The key is per endpoint: the same id on the other endpoint is a new request.
    await c.loan.repay({ ordId: second, ccy: 'USDC', amt: '1', clOrdId: 'dup-2' });
    h.sim.advance(61 * SECOND);
    await c.loan.borrow({ ordId: first, loanData: { ccy: 'USDT', amt: '1' }, clOrdId: 'dup-2' });
    assert.equal(h.sim.state.loans.history.filter((r) => r.type === 'borrowed' && r.ordId === first).length, 3);
  });

  it('interest accrues hourly on each order, and one order is liquidated without touching the other', async () => {
    const { first, second } = orders();
    const count = (ordId: string): number => h.sim.state.loans.interest.filter((r) => r.ordId === ordId).length;
    const [a, b] = [count(first), count(second)];
    h.sim.advance(2 * HOUR);
    assert.deepEqual([count(first) - a, count(second) - b], [2, 2]);
    // BTC falls far enough for the BTC-only order, not for the other (given plenty of ETH beside its BTC).
    const eth = h.sim.state.loans.orders[0]?.collateral.find((x) => x.ccy === 'ETH');
    assert.ok(eth);
    eth.amt = '30';
    h.sim.prices.set('BTC', '30000');
    h.sim.advance(SECOND);
    const left = await c.loan.info();
    assert.deepEqual(left.map((l) => l.ordId), [first], 'only the BTC-only order was liquidated');
    assert.ok((await c.loan.history({ ordId: second, type: 'forced_liquidation' }).next()).length > 0);
  });

  it('ETH and SOL product-info carry rate (in percent), redemptDays and minAmt; savings rate history has lendingRate beside the borrowing rate', async () => {
    const [eth] = await c.eth.productInfo();
    const sol = await c.sol.productInfo();
    const [apy] = await c.eth.apyHistory({ days: '1' });
    assert.equal(eth?.rate, D.roundDown(D.mul(apy?.rate ?? '0', '100'), 2), 'percent: the simulator\'s documented choice');
    assert.deepEqual([eth?.redemptDays, eth?.minAmt, sol.redemptDays, sol.minAmt], ['7', '0.01', '3', '0.01']);
    const [point] = await c.savings.lendingRateHistory({ ccy: 'USDT', limit: '1' }).next();
    assert.ok(point?.lendingRate !== undefined && D.gt(point.rate, point.lendingRate), 'borrowers pay more than savers earn');
    const latest = await c.savings.lendingRateHistory({ limit: '1' }).next();
    assert.ok(latest.length > 1 && new Set(latest.map((p) => p.ts)).size === 1, 'without a currency: every currency at the latest hour');
    const [summary] = await c.savings.lendingRateSummary({ ccy: 'USDT' });
    assert.equal(summary?.preRate, point.rate, "the summary's last rate is the history's last borrowing rate");
  });

  it('funding balances (only above zero, up to 20 currencies) and index tickers follow the portfolio and the price feed', async () => {
    const all = await c.account.fundingBalances();
    assert.ok(all.length > 3 && all.every((b) => D.isPositive(b.bal) && b.availBal === b.bal && b.frozenBal === '0'));
    h.sim.state.funding.ATOM = '0';
    assert.deepEqual((await c.account.fundingBalances({ ccy: 'BTC,ATOM' })).map((b) => [b.ccy, b.bal]), [['BTC', h.sim.state.funding.BTC]]);
    await refusedWith(() => c.account.fundingBalances({ ccy: Array.from({ length: 21 }, (_, i) => `C${i}`).join(',') }), '51000');
    h.sim.prices.set('BTC', '80000');
    const [btc] = await c.account.indexTickers({ instId: 'BTC-USD' });
    assert.deepEqual([btc?.instId, btc?.idxPx], ['BTC-USD', '80000']);
    const usd = await c.account.indexTickers({ quoteCcy: 'USD' });
    assert.ok(usd.some((t) => t.instId === 'USDT-USD') && usd.every((t) => t.instId.endsWith('-USD')));
    await refusedWith(() => c.account.indexTickers({}), '51000');
  });
});

describe('simulator: a state saved before loan orders', () => {
  it('upgrades a version-1 state: its one loan becomes one order, its history and interest that order\'s', async () => {
    const v2 = demoState(Date.now());
    const [order] = v2.loans.orders;
    assert.ok(order);
    const { loans, ...rest } = v2;
    const v1 = {
      ...rest,
      version: 1,
      loan: {
        loan: order.loan, collateral: order.collateral, ...loans.standard, interestRate: loans.interestRate, quota: loans.quota,
        collateralCurrencies: loans.collateralCurrencies, restricted: loans.restricted, minCollateral: loans.minCollateral,
        history: loans.history.filter((r) => r.ordId === order.ordId).map(({ ordId: _o, ...r }) => r),
        interest: loans.interest.filter((r) => r.ordId === order.ordId).map(({ ordId: _o, ...r }) => r),
      },
    };
    const upgraded = upgradeState(JSON.parse(JSON.stringify(v1)));
    assert.equal(upgraded.version, 2);
    assert.equal(upgraded.loans.orders.length, 1);
    const [only] = upgraded.loans.orders;
    assert.deepEqual(only?.collateral, order.collateral);
    assert.ok(upgraded.loans.history.length > 0 && upgraded.loans.history.every((r) => r.ordId === only?.ordId));
    assert.throws(() => upgradeState({ version: 3 }), /not a simulator state/);
    const sim = await Simulator.start({ state: upgraded, priceMotion: false, rateLimits: false });
    try {
      assert.equal(sim.state.loans.orders[0]?.ordId, only?.ordId);
    } finally {
      await sim.close();
    }
  });
});
