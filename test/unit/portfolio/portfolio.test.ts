import * as assert from 'node:assert/strict';
import { OkxClient } from '../../../src/okx/client';
import { customEnvironment } from '../../../src/okx/environments';
import { Portfolio, type AreaId } from '../../../src/portfolio/portfolio';
import { CREDENTIALS } from '../support/requests';
import { RecordingServer, ok } from '../support/recordingServer';
import { startSim, type SimHarness } from '../support/sim';

describe('portfolio/Portfolio: areas load on their own, concurrently, and one failure stays in its area', () => {
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: true });
  });
  afterEach(() => h.sim.close());

  it('loads every area from the simulator', async () => {
    const portfolio = new Portfolio(h.client);
    const areas: AreaId[] = ['onchain', 'eth', 'sol', 'savings', 'loans', 'offers', 'market'];
    await portfolio.refresh(areas);
    for (const area of areas) assert.equal(portfolio.get(area).status, 'ready', area);
    const loans = portfolio.get('loans');
    assert.equal(loans.status === 'ready' ? loans.data.loans.length : -1, 2, 'the demo account has two loan orders');
    const eth = portfolio.get('eth');
    assert.equal(eth.status === 'ready' ? eth.data.pendingRedemptions.length : -1, 1);
  });

  it('loads the More Earn products: OKUSD (pending standard redemptions only), Stable Rewards with the APY per coin, Dual orders and pairs', async () => {
    const portfolio = new Portfolio(h.client);
    await portfolio.refresh(['okusd', 'stable', 'dual', 'dualPairs']);
    const okusd = portfolio.get('okusd');
    assert.ok(okusd.status === 'ready');
    assert.equal(okusd.data.account?.ccy, 'OKUSD');
    assert.ok(okusd.data.limits !== undefined && okusd.data.apr !== undefined && okusd.data.latestReward !== undefined);
    assert.deepEqual(okusd.data.pendingRedemptions.map((r) => [r.type, r.status]), [['standard', 'pending']]);
    const stable = portfolio.get('stable');
    assert.ok(stable.status === 'ready');
    assert.deepEqual(stable.data.holdings.map((x) => x.ccy), ['USDG']);
    assert.ok(stable.data.apy.get('USDG') !== undefined, 'the latest APY of each coin held');
    const dual = portfolio.get('dual');
    assert.ok(dual.status === 'ready');
    assert.deepEqual(dual.data.orders.map((o) => o.state).sort(), ['live', 'settled']);
    const pairs = portfolio.get('dualPairs');
    assert.ok(pairs.status === 'ready' && pairs.data.pairs.length >= 2);
  });

  it('Dual Investment products: read once per pair and direction, again after the pairs are refreshed; a failure is not kept', async function () {
    this.timeout(15_000); // OKX allows one products request a second.
    // The pairs refreshed a minute apart each time (sooner, they are fresh and not asked again).
    let now = 0;
    const portfolio = new Portfolio(h.client, () => (now += 60_000));
    const pair = { baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' } as const;
    const first = await portfolio.dualProducts(pair);
    assert.ok(Array.isArray(first) && first.length > 0);
    await portfolio.dualProducts(pair);
    assert.equal(h.sim.received('dualProducts').length, 1, 'kept');
    await portfolio.refresh(['dualPairs']);
    await portfolio.dualProducts(pair);
    assert.equal(h.sim.received('dualProducts').length, 2, 'read again after the pairs');
    h.sim.faults.add({ fault: { kind: 'okx', code: '50001', msg: 'down' }, endpoint: 'dualProducts', times: 1 });
    await portfolio.refresh(['dualPairs']);
    assert.ok((await portfolio.dualProducts(pair)) instanceof Error);
    assert.ok(Array.isArray(await portfolio.dualProducts(pair)), 'the next look asks again');
  });

  it('a failing area is an error with its last data kept; the others are ready', async () => {
    // The second refresh a minute after the first (sooner, the data is fresh and not asked again).
    let now = 0;
    const portfolio = new Portfolio(h.client, () => (now += 60_000));
    await portfolio.refresh(['savings', 'loans']);
    h.sim.faults.add({ fault: { kind: 'okx', code: '51000', msg: 'nope' }, endpoint: 'savingsBalance' });
    await portfolio.refresh(['savings', 'loans']);
    const savings = portfolio.get('savings');
    assert.equal(savings.status, 'error');
    assert.ok(savings.status === 'error' && savings.data !== undefined && savings.data.balances.length > 0, 'keeps what it had');
    assert.equal(portfolio.get('loans').status, 'ready');
  });

  it('issues the requests of a full refresh concurrently, and never twice for an area already loading', async () => {
    // Every answer is held back 500 ms: if the requests went one after another, they would arrive 500 ms apart.
    h.sim.faults.add({ fault: { kind: 'latency', ms: 500 } });
    const portfolio = new Portfolio(h.client);
    await Promise.all([portfolio.refresh(['onchain', 'savings', 'loans', 'loanLimits', 'offers', 'market']), portfolio.refresh(['savings'])]);
    // The loans' collateral limits follow the loan orders (they need each order's id): a second round, apart.
    const arrivals = h.sim.requests.filter((r) => r.endpoint !== 'loanMaxCollateralRedeem').map((r) => r.at);
    // onchain, savings, loans, offers and market (lending-rate summary, latest lending rates, ETH and SOL APY).
    assert.equal(arrivals.length, 8);
    const collaterals = h.sim.state.loans.orders.reduce((n, o) => n + o.collateral.length, 0);
    assert.equal(h.sim.received('loanMaxCollateralRedeem').length, collaterals, 'what can be taken back: once per order and collateral');
    assert.ok(Math.max(...arrivals) - Math.min(...arrivals) < 500, 'all sent before the first answer came back');
    assert.equal(h.sim.received('savingsBalance').length, 1);
  });

  it('without credentials, loads only the public market area', async () => {
    const portfolio = new Portfolio(h.clientWith({ credentials: undefined }));
    await portfolio.refresh(['market', 'savings']);
    assert.equal(portfolio.get('market').status, 'ready');
    assert.equal(portfolio.get('savings').status, 'idle');
    assert.equal(h.sim.received('savingsBalance').length, 0);
  });

  it('a new client forgets everything, and answers from the old one are dropped', async () => {
    h.sim.faults.add({ fault: { kind: 'latency', ms: 150 }, endpoint: 'loanInfo', times: 1 });
    const portfolio = new Portfolio(h.client);
    const late = portfolio.refresh(['loans']);
    portfolio.setClient(undefined);
    await late;
    assert.equal(portfolio.get('loans').status, 'idle');
  });

  it('pages histories on demand and keeps them until reset', async () => {
    const portfolio = new Portfolio(h.client);
    const list = portfolio.history('interest');
    assert.ok(list);
    await list.loadMore();
    assert.equal(list.items.length, 100, 'hourly interest comes 100 records (OKX\'s most) a page');
    assert.equal(list.done, false);
    await Promise.all([list.loadMore(), list.loadMore()]);
    assert.equal(list.items.length, 144, 'a second ask while one page is in flight is the same page (the demo has 2 × 72 hours)');
    assert.equal(portfolio.history('interest'), list);
    portfolio.resetHistory('interest');
    assert.notEqual(portfolio.history('interest'), list);
    assert.notEqual(portfolio.history('savings', 'USDT'), portfolio.history('savings', 'USDC'));
  });

  it("keeps each loan order's history and interest apart, asked for with its ordId", async () => {
    const portfolio = new Portfolio(h.client);
    const [first, second] = h.sim.state.loans.orders;
    assert.ok(first && second);
    const interest = portfolio.history('interest', second.ordId);
    const history = portfolio.history('loan', second.ordId);
    assert.ok(interest && history);
    await Promise.all([interest.loadMore(), history.loadMore()]);
    const wanted = new Set(h.sim.state.loans.interest.filter((r) => r.ordId === second.ordId).map((r) => r.refId));
    assert.ok(interest.items.length > 0 && interest.items.every((r) => wanted.has(r.refId)), 'only the second order\'s interest');
    assert.ok(history.items.every((r) => h.sim.state.loans.history.find((x) => x.refId === r.refId)?.ordId === second.ordId));
    assert.ok(h.sim.received('loanInterestAccrued').every((r) => r.url.includes(`ordId=${second.ordId}`)));
    assert.notEqual(portfolio.history('interest', first.ordId), interest);
    portfolio.resetHistory('interest');
    assert.notEqual(portfolio.history('interest', second.ordId), interest, 'a reset without a scope drops every order\'s');
  });

  describe('a refresh asked for after something changed at OKX (fresh) reads after it', () => {
    let server: RecordingServer;
    /** What OKX holds now; each answer is what it held when the request arrived, sent 300 ms later. */
    let held = '100';
    before(async () => {
      server = await RecordingServer.start(async () => {
        const amt = held;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return ok([{ ccy: 'USDT', amt, earnings: '0', rate: '0.01', loanAmt: '0', pendingAmt: '0', redemptAmt: '' }]);
      });
    });
    after(() => server.close());

    it('does not join a load that began before it, and fresh refreshes asked meanwhile share one load', async () => {
      held = '100';
      const portfolio = new Portfolio(new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS }));
      const older = portfolio.refresh(['savings']);
      while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      held = '150'; // a subscription went through while the older load was on its way back
      await Promise.all([portfolio.refresh(['savings'], { fresh: true }), portfolio.refresh(['savings'], { fresh: true }), older]);
      const savings = portfolio.get('savings');
      assert.equal(savings.status === 'ready' ? savings.data.balances[0]?.amt : savings.status, '150');
      assert.equal(server.requests.length, 2, 'the older load and one fresh load');
      // With nothing in flight, a fresh refresh is just a load.
      await portfolio.refresh(['savings'], { fresh: true });
      assert.equal(server.requests.length, 3);
    });
  });
});
