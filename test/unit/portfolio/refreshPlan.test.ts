import * as assert from 'node:assert/strict';
import { ENDPOINTS, type EndpointId } from '../../../src/okx/endpoints';
import { AREA_ENDPOINTS } from '../../../src/portfolio/areaEndpoints';
import { memoryFollowUps } from '../../../src/portfolio/followUpMemory';
import { outdatedByLoans, pollAreas } from '../../../src/portfolio/pollPlan';
import { AREA_IDS, Portfolio, type AreaId } from '../../../src/portfolio/portfolio';
import { DAY, HOUR } from '../../../src/simulator/clock';
import { instantLimiter, startSim, type SimHarness } from '../support/sim';

/** The endpoints the simulator received since `from`, counted. */
function sentSince(h: SimHarness, from: number): Map<EndpointId, number> {
  const counts = new Map<EndpointId, number>();
  for (const r of h.sim.requests.slice(from)) if (r.endpoint !== undefined) counts.set(r.endpoint, (counts.get(r.endpoint) ?? 0) + 1);
  return counts;
}

describe('portfolio: a refresh asks only what is shown and what is stale', () => {
  let h: SimHarness;
  /** The portfolio's clock (its data's age); the client's limiter takes no real time either. */
  let now: number;
  let portfolio: Portfolio;

  beforeEach(async () => {
    h = await startSim({ rateLimits: false });
    now = 1_000_000;
    portfolio = new Portfolio(h.clientWith({ limiter: instantLimiter() }), () => now);
  });
  afterEach(() => h.sim.close());

  /** What one refresh of `areas` sends, endpoint by endpoint. */
  async function refreshCounting(areas: readonly AreaId[], options: { fresh?: boolean } = {}): Promise<Map<EndpointId, number>> {
    const from = h.sim.requests.length;
    await portfolio.refresh(areas, options);
    return sentSince(h, from);
  }

  describe('the staleness rule: data younger than its endpoints\' rate window is not asked again', () => {
    it('asks again only once the longest window of the area\'s endpoints has passed; a fresh refresh (after a change) asks at once', async () => {
      // savings: savings-balance, 6 a second; loans: loan-info, 5 every 2 seconds.
      assert.equal(ENDPOINTS.savingsBalance.rateLimit.windowMs, 1000);
      assert.equal(ENDPOINTS.loanInfo.rateLimit.windowMs, 2000);
      const first = await refreshCounting(['savings', 'loans']);
      assert.deepEqual([first.get('savingsBalance'), first.get('loanInfo')], [1, 1]);

      now += 999;
      assert.deepEqual([...(await refreshCounting(['savings', 'loans']))], [], 'nothing asked within a second');
      assert.ok(portfolio.isFresh('savings') && portfolio.isFresh('loans'));

      now += 1;
      assert.deepEqual([...(await refreshCounting(['savings', 'loans']))], [['savingsBalance', 1]], 'savings after its 1 s window; loans not before 2 s');
      now += 999;
      assert.deepEqual([...(await refreshCounting(['savings', 'loans']))], [], 'loans not before 2 s, savings not before 1 s after it was read again');
      now += 1;
      assert.deepEqual([...(await refreshCounting(['savings', 'loans']))].sort(), [['loanInfo', 1], ['savingsBalance', 1]], 'loans after their 2 s window');

      assert.deepEqual([...(await refreshCounting(['savings', 'loans'], { fresh: true }))].sort(), [['loanInfo', 1], ['savingsBalance', 1]], 'a fresh refresh reads at once');
    });

    it('an area that failed is asked again at once, however recently', async () => {
      h.sim.faults.add({ fault: { kind: 'okx', code: '50001', msg: 'down' }, endpoint: 'savingsBalance', times: 1 });
      await portfolio.refresh(['savings']);
      assert.equal(portfolio.get('savings').status, 'error');
      assert.deepEqual([...(await refreshCounting(['savings']))], [['savingsBalance', 1]]);
      assert.equal(portfolio.get('savings').status, 'ready');
    });

    it('a full refresh straight after another sends nothing; a minute later, each request once', async () => {
      const cold = await refreshCounting(AREA_IDS);
      const coldTotal = [...cold.values()].reduce((a, b) => a + b, 0);
      assert.ok(coldTotal >= AREA_IDS.length, `${coldTotal} requests`);
      now += 10;
      assert.equal((await refreshCounting(AREA_IDS)).size, 0);
      now += 60_000;
      assert.deepEqual(await refreshCounting(AREA_IDS), cold, 'the same requests as the first refresh');
    });

    it('each area reads exactly the endpoints listed for it (which decide its window)', async () => {
      for (const area of AREA_IDS) {
        const fresh = new Portfolio(h.clientWith({ limiter: instantLimiter() }), () => now);
        const from = h.sim.requests.length;
        await fresh.refresh([area]);
        assert.equal(fresh.get(area).status, 'ready', area);
        const sent = new Set(sentSince(h, from).keys());
        // What can be taken back is asked per loan order: the orders are read first.
        const expected = new Set<EndpointId>([...AREA_ENDPOINTS[area], ...(area === 'loanLimits' ? AREA_ENDPOINTS.loans : [])]);
        assert.deepEqual([...sent].sort(), [...expected].sort(), area);
        fresh.dispose();
      }
    });
  });

  describe('what a poll asks', () => {
    it('with the sidebar closed: loan-info only, once', async () => {
      await portfolio.refresh(['loans']); // the first look, when the connection is made
      now += 60_000;
      const sent = await refreshCounting(pollAreas(portfolio, []));
      assert.deepEqual([...sent], [['loanInfo', 1]], 'no max-collateral-redeem-amount, nothing else');
    });

    it('with the sidebar closed and no loan: nothing at all', async () => {
      h.sim.state.loans.orders.length = 0;
      assert.deepEqual([...(await refreshCounting(pollAreas(portfolio, [])))], [['loanInfo', 1]], 'the first look finds no loan');
      now += 60_000;
      assert.deepEqual(pollAreas(portfolio, []), []);
      assert.deepEqual([...(await refreshCounting(pollAreas(portfolio, [])))], []);
      // A view that lists loans, once shown, still reads them.
      assert.deepEqual([...(await refreshCounting(pollAreas(portfolio, ['loans', 'prices'])))].sort(), [['indexTickers', 1], ['loanInfo', 1]]);
    });

    it('max-collateral-redeem-amount only while the Loans view shows it; once per order and collateral', async () => {
      const collaterals = h.sim.state.loans.orders.reduce((n, o) => n + o.collateral.length, 0);
      assert.ok(collaterals > 1);
      // The Overview shows the loans but not what can be taken back.
      const overview = await refreshCounting(pollAreas(portfolio, ['loans', 'prices', 'valuation']));
      assert.equal(overview.get('loanMaxCollateralRedeem'), undefined);
      now += 60_000;
      const loansView = await refreshCounting(pollAreas(portfolio, ['loans', 'loanLimits']));
      assert.deepEqual([loansView.get('loanInfo'), loansView.get('loanMaxCollateralRedeem')], [1, collaterals]);
    });

    it('what can be taken back is outdated by a later read of the loans, and asked again for the orders then', async () => {
      await portfolio.refresh(['loans', 'loanLimits']);
      assert.deepEqual(outdatedByLoans(portfolio, ['loans', 'loanLimits']), []);
      now += 5000;
      await portfolio.refresh(['loans']); // the status bar's poll
      assert.deepEqual(outdatedByLoans(portfolio, ['loans']), [], 'not shown: not asked');
      assert.deepEqual(outdatedByLoans(portfolio, ['loans', 'loanLimits']), ['loanLimits']);
      await portfolio.refresh(['loanLimits'], { fresh: true });
      assert.deepEqual(outdatedByLoans(portfolio, ['loans', 'loanLimits']), []);
    });
  });

  it("a repeated load asks the per-coin and per-order follow-ups alongside the list they follow: one round trip, not two", async () => {
    await portfolio.refresh(['loans', 'loanLimits', 'stable']);
    now += 60_000;
    h.sim.faults.add({ fault: { kind: 'latency', ms: 300 } });
    const from = h.sim.requests.length;
    await portfolio.refresh(['loans', 'loanLimits', 'stable']);
    const arrivals = h.sim.requests.slice(from).map((r) => r.at);
    const endpoints = new Set(h.sim.requests.slice(from).map((r) => r.endpoint));
    assert.deepEqual([...endpoints].sort(), ['loanInfo', 'loanMaxCollateralRedeem', 'stableRewardsApyHistory', 'stableRewardsBalance']);
    assert.ok(Math.max(...arrivals) - Math.min(...arrivals) < 300, 'all sent before the first answer came back');
    const limits = portfolio.get('loanLimits');
    const loans = portfolio.get('loans');
    assert.ok(limits.status === 'ready' && loans.status === 'ready' && limits.data.loansAt === loans.updatedAt, 'read for the orders just loaded');
    assert.equal([...limits.data.maxRedeem.values()].reduce((n, m) => n + m.size, 0), h.sim.state.loans.orders.reduce((n, o) => n + o.collateral.length, 0));
  });

  describe('a new session\'s first refresh: one round trip', () => {
    const LATENCY = 300;
    /** The spread of arrival times at the simulator of one refresh of `areas`, and what it sent. */
    async function arrivals(p: Portfolio, areas: readonly AreaId[]): Promise<{ spread: number; sent: Map<EndpointId, number> }> {
      const from = h.sim.requests.length;
      await p.refresh(areas);
      const at = h.sim.requests.slice(from).map((r) => r.at);
      return { spread: Math.max(...at) - Math.min(...at), sent: sentSince(h, from) };
    }

    it('with nothing kept, the per-order and per-coin look-ups wait for their lists; with what the last session kept, they go out alongside', async () => {
      const areas: AreaId[] = ['loans', 'loanLimits', 'stable'];
      const kept = memoryFollowUps();
      const last = new Portfolio(h.clientWith({ limiter: instantLimiter() }), () => now, kept);
      await last.refresh(areas);
      last.dispose();
      const collaterals = h.sim.state.loans.orders.reduce((n, o) => n + o.collateral.length, 0);
      assert.equal(kept.read()?.collateral.length, collaterals);
      assert.deepEqual(kept.read()?.stableCcys, ['USDG']);

      h.sim.faults.add({ fault: { kind: 'latency', ms: LATENCY } });
      const first = await arrivals(new Portfolio(h.clientWith({ limiter: instantLimiter() }), () => now), areas);
      assert.ok(first.spread >= LATENCY, `nothing kept: two rounds (${first.spread} ms between the first and last request)`);
      const next = new Portfolio(h.clientWith({ limiter: instantLimiter() }), () => now, kept);
      const second = await arrivals(next, areas);
      assert.ok(second.spread < LATENCY, `kept: one round (${second.spread} ms)`);
      assert.deepEqual(second.sent, first.sent, 'the same requests');
      const limits = next.get('loanLimits');
      assert.ok(limits.status === 'ready');
      assert.equal([...limits.data.maxRedeem.values()].reduce((n, m) => n + m.size, 0), collaterals);
    });

    it('a kept look-up that no longer applies (the order repaid) is asked, not kept, and forgotten', async () => {
      const kept = memoryFollowUps();
      const last = new Portfolio(h.clientWith({ limiter: instantLimiter() }), () => now, kept);
      await last.refresh(['loans', 'loanLimits']);
      const [gone, stays] = h.sim.state.loans.orders;
      assert.ok(gone !== undefined && stays !== undefined);
      h.sim.state.loans.orders.splice(0, 1);
      const next = new Portfolio(h.clientWith({ limiter: instantLimiter() }), () => now, kept);
      await next.refresh(['loans', 'loanLimits']);
      const limits = next.get('loanLimits');
      assert.ok(limits.status === 'ready');
      assert.deepEqual([...limits.data.maxRedeem.keys()], [stays.ordId]);
      assert.deepEqual(kept.read()?.collateral.map((l) => l.ordId), stays.collateral.map(() => stays.ordId), 'only the order there is now');
    });

    it("yesterday's and today's savings lending records in one round trip, the same records as paging from the newest", async () => {
      // At 20:00 UTC on the simulator's clock, whatever the time here: yesterday and today then hold more than a
      // page of records (3 currencies lent hourly), where just after midnight they held 72 (a failed run at 00:15).
      await h.sim.close();
      h = await startSim({ rateLimits: false, clockOffsetMs: (20 * HOUR - (Date.now() % DAY) + DAY) % DAY });
      h.sim.faults.add({ fault: { kind: 'latency', ms: LATENCY } });
      const client = h.clientWith({ limiter: instantLimiter() });
      await client.syncClock();
      const fresh = new Portfolio(client, () => now);
      const { spread, sent } = await arrivals(fresh, ['recent']);
      assert.ok(spread < LATENCY, `one round (${spread} ms)`);
      assert.equal(sent.get('savingsLendingHistory'), 2, 'today from the newest, yesterday from the start of today');
      const recent = fresh.get('recent');
      assert.ok(recent.status === 'ready' && recent.data.from !== undefined);
      const from = recent.data.from;
      const expected = h.sim.state.lendingHistory.filter((r) => r.ts >= from).sort((a, b) => b.ts - a.ts).map((r) => `${r.ccy}@${r.ts}`);
      assert.ok(expected.length > 100, `more than a page (${expected.length} records)`);
      assert.deepEqual(recent.data.lending.map((r) => `${r.ccy}@${r.ts}`), expected);
      assert.equal(recent.data.complete, true);
    });
  });
});
