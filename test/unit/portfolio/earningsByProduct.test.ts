import * as assert from 'node:assert/strict';
import * as text from '../../../src/chat/toolText';
import * as D from '../../../src/decimal';
import { fillTemplate } from '../../../src/okx/errors';
import type * as T from '../../../src/okx/types';
import { earningsByProduct, yesterdayUtc, type DayEarning } from '../../../src/portfolio/earningsByProduct';
import { computeOverview, type OverviewInput } from '../../../src/portfolio/overview';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { startSim } from '../support/sim';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Dec 2, 2026, 12:00 UTC: yesterday is Dec 1, 00:00 to Dec 2, 00:00 UTC. */
const NOW = Date.UTC(2026, 11, 2, 12);
const TODAY = Date.UTC(2026, 11, 2);
const YESTERDAY = Date.UTC(2026, 11, 1);

const lending = (ccy: string, earnings: string, ts: number): T.LendingRecord => ({ ccy, amt: '1000', earnings, rate: '0.05', ts: String(ts) });
const reward = (earnAmt: string, ts: number): T.OkusdReward => ({ ccy: 'USDT', earnAmt, amt: '1000', apr: '0.04', ts: String(ts) });

function input(overrides: Partial<OverviewInput> = {}): OverviewInput {
  return {
    now: NOW,
    onchain: {
      orders: [{
        ccy: 'USDT', ordId: '1', productId: 'p', state: '1', protocol: 'P', protocolType: 'defi', term: '0', apy: '0.05',
        investData: [{ ccy: 'USDT', amt: '1000' }], earningData: [{ ccy: 'USDT', earningType: '0', earnings: '1.2' }, { ccy: 'COMP', earningType: '1', earnings: '0.01' }],
        fastRedemptionData: [], purchasedTime: String(NOW - 10 * DAY), estSettlementTime: '', cancelRedemptionDeadline: '', tag: '',
      }],
    },
    eth: { balance: { ccy: 'BETH', amt: '2', latestInterestAccrual: '0.0002', totalInterestAccrual: '0.04' }, product: undefined, pendingRedemptions: [] },
    sol: { balance: undefined, product: { fastRedemptionAvail: '1', fastRedemptionDailyLimit: '1' } },
    savings: {
      balances: [
        { ccy: 'USDC', amt: '500', earnings: '3.3', rate: '0.01', loanAmt: '400', pendingAmt: '100', redemptAmt: '' },
        { ccy: 'BTC', amt: '0.1', earnings: '0.0001', rate: '0.01', loanAmt: '0.1', pendingAmt: '0', redemptAmt: '' },
      ],
    },
    market: { lendingRates: [], latestRates: [], ethApy: undefined, solApy: undefined },
    prices: { usd: new Map([['USDT', '1'], ['USDC', '0.9999'], ['ETH', '3000.1'], ['BTC', '90000'], ['USDG', '1']]) },
    recent: {
      lending: [
        lending('USDC', '0.5', NOW - HOUR), // today: in the 24 hours, not yesterday
        lending('USDC', '0.1', TODAY - 1), // the last millisecond of yesterday
        lending('BTC', '0.00000002', YESTERDAY + 5 * HOUR),
        lending('USDC', '0.2', YESTERDAY), // the first millisecond of yesterday
      ],
      since: NOW - DAY,
      from: YESTERDAY,
      complete: true,
    },
    okusd: {
      account: { ccy: 'OKUSD', amt: '1000', totalEarnAccrual: '12.5', ts: String(NOW) },
      limits: undefined,
      apr: undefined,
      latestReward: reward('0.11', TODAY),
      rewards: [reward('0.11', TODAY), reward('0.1', YESTERDAY + HOUR)],
      pendingRedemptions: [],
    },
    stable: { holdings: [{ ccy: 'USDG', amt: '500', totalEarnAccrual: '2', state: 'earning' }], apy: new Map() },
    dual: {
      orders: [{
        ordId: '41', quoteId: 'q', state: 'live', productId: 'BTC-USDT-261205-95000-C', baseCcy: 'BTC', quoteCcy: 'USDT', uly: 'BTC-USD', strike: '95000', notionalSz: '0.01',
        notionalCcy: 'BTC', absYield: '0.001', annualizedYield: '0.12', yieldSz: '0.00001', yieldCcy: 'BTC', settleSz: '', settleCcy: '', settlePx: '', settleTime: '',
        expTime: String(NOW + 3 * DAY), redeemStartTime: '', redeemEndTime: '', cTime: '0', uTime: '0',
      }],
    },
    ...overrides,
  };
}

const by = (i: OverviewInput): ReturnType<typeof earningsByProduct> => earningsByProduct(i, computeOverview(i).positions);
const row = (rows: readonly DayEarning[], product: string): DayEarning | undefined => rows.find((r) => r.product === product);

describe('portfolio/earningsByProduct: yesterday (the last complete UTC day) and in total, per product', () => {
  it("yesterday is the UTC day before now's, from 00:00 (inclusive) to 00:00 (exclusive), whatever the hour", () => {
    assert.deepEqual(yesterdayUtc(NOW), { from: YESTERDAY, to: TODAY });
    assert.deepEqual(yesterdayUtc(TODAY), { from: YESTERDAY, to: TODAY }, 'at midnight exactly, the day just ended');
    assert.deepEqual(yesterdayUtc(TODAY - 1), { from: YESTERDAY - DAY, to: YESTERDAY }, 'a millisecond before, yesterday is the day before');
    assert.deepEqual(yesterdayUtc(TODAY + DAY - 1), { from: YESTERDAY, to: TODAY });
  });

  it('savings: the lending earnings credited within the day, per currency, exactly in USD; not those of today', () => {
    const e = by(input());
    const savings = row(e.yesterday.rows, 'savings');
    assert.equal(savings?.kind, 'figure');
    if (savings?.kind !== 'figure') return;
    assert.equal(savings.basis, 'credited');
    assert.deepEqual(savings.amounts, [{ ccy: 'USDC', amt: '0.3' }, { ccy: 'BTC', amt: '0.00000002' }]);
    // 0.3 USDC·0.9999 + 0.00000002 BTC·90000
    assert.equal(savings.usd, '0.30177');
    // The rolling 24 hours count today's record and the last hour of yesterday, not the first of yesterday.
    const o = computeOverview(input());
    assert.deepEqual(o.positions.find((p) => p.ccy === 'USDC')?.earned24h, [{ ccy: 'USDC', amt: '0.5' }, { ccy: 'USDC', amt: '0.1' }]);
  });

  it("OKUSD: the daily reward distributed that day (the reward distributed today is today's)", () => {
    const okusd = row(by(input()).yesterday.rows, 'okusd');
    assert.deepEqual(okusd, { product: 'okusd', kind: 'figure', basis: 'credited', amounts: [{ ccy: 'USDT', amt: '0.1' }], usd: '0.1', missing: [] });
    const none = row(by(input({ okusd: { ...input().okusd!, rewards: [reward('0.11', TODAY), reward('0.1', YESTERDAY - DAY)] } })).yesterday.rows, 'okusd');
    assert.equal(none?.kind === 'figure' ? none.usd : none?.kind, '0', 'no reward that day: zero, since the reward before it was read');
    const short = row(by(input({ okusd: { ...input().okusd!, rewards: [reward('0.11', TODAY + HOUR), reward('0.11', TODAY)] } })).yesterday.rows, 'okusd');
    assert.deepEqual(short, { product: 'okusd', kind: 'unknown', reason: 'partial' }, 'two rewards, both today: yesterday was not read');
  });

  it("ETH and SOL staking: OKX's latest daily reward, marked as such (OKX gives no date)", () => {
    const eth = row(by(input()).yesterday.rows, 'eth');
    assert.deepEqual(eth, { product: 'eth', kind: 'figure', basis: 'latestReward', amounts: [{ ccy: 'BETH', amt: '0.0002' }], usd: '0.60002', missing: [] });
    assert.equal(row(by(input()).yesterday.rows, 'sol'), undefined, 'no SOL staked: no row');
  });

  it('on-chain earn, Stable Rewards and Dual Investment held: a row that says there is no daily figure, not a zero', () => {
    const e = by(input());
    assert.deepEqual(e.yesterday.rows.map((r) => [r.product, r.kind]), [['onchain', 'noDailyFigure'], ['eth', 'figure'], ['savings', 'figure'], ['okusd', 'figure'], ['stable', 'noDailyFigure'], ['dual', 'noDailyFigure']]);
    // The day's total: what has a figure (ETH 0.60002 + savings 0.30177 + OKUSD 0.1), complete.
    assert.equal(e.yesterday.usd, '1.00179');
    assert.equal(e.yesterday.complete, true);
    const without = by(input({ onchain: { orders: [] }, stable: { holdings: [], apy: new Map() }, dual: { orders: [] } }));
    assert.deepEqual(without.yesterday.rows.map((r) => r.product), ['eth', 'savings', 'okusd'], 'a product not held has no row');
  });

  it('savings history not read back to the start of the day, or not read: said, and the day is incomplete', () => {
    const late = by(input({ recent: { ...input().recent!, from: YESTERDAY + HOUR } }));
    assert.deepEqual(row(late.yesterday.rows, 'savings'), { product: 'savings', kind: 'unknown', reason: 'partial' });
    assert.equal(late.yesterday.complete, false);
    assert.deepEqual(late.yesterday.missing, ['recent']);
    const cut = by(input({ recent: { ...input().recent!, complete: false } }));
    assert.equal(row(cut.yesterday.rows, 'savings')?.kind, 'unknown', 'the pages ran out before the start of the day');
    const before = by(input({ recent: { ...input().recent!, since: TODAY - DAY - 30 * 60_000, from: YESTERDAY - DAY } }));
    assert.equal(row(before.yesterday.rows, 'savings')?.kind, 'unknown', 'read at 23:30 yesterday: the day had not ended');
    const unread = by(input({ recent: undefined }));
    assert.deepEqual(row(unread.yesterday.rows, 'savings'), { product: 'savings', kind: 'unknown', reason: 'notLoaded' });
    assert.equal(unread.yesterday.usd, '0.70002', 'the rest still added up: ETH and OKUSD');
  });

  it('a currency without a USD price is left out and named, never counted as zero', () => {
    const e = by(input({ prices: { usd: new Map([['USDT', '1'], ['USDC', '0.9999'], ['ETH', '3000.1'], ['USDG', '1']]) } }));
    const savings = row(e.yesterday.rows, 'savings');
    assert.deepEqual(savings?.kind === 'figure' ? [savings.usd, savings.missing] : undefined, ['0.29997', ['BTC']]);
    assert.equal(e.yesterday.complete, false);
    assert.deepEqual(e.yesterday.missing, ['BTC']);
  });

  it('in total: each product held, from what OKX states per position; Dual Investment paid at expiry; adds up to the Overview total', () => {
    const i = input();
    const e = by(i);
    assert.deepEqual(e.total.map((t) => [t.product, t.usd, t.missing, t.paidAtExpiry]), [
      ['onchain', '1.2', ['COMP'], false],
      ['eth', '120.004', [], false],
      ['savings', '12.29967', [], false],
      ['okusd', '12.5', [], false],
      ['stable', '2', [], false],
      ['dual', '0', [], true],
    ]);
    assert.deepEqual(e.total.find((t) => t.product === 'savings')?.amounts, [{ ccy: 'USDC', amt: '3.3' }, { ccy: 'BTC', amt: '0.0001' }]);
    assert.equal(D.sum(e.total.map((t) => t.usd)), computeOverview(i).earnedTotal.usd);
  });

  it('the chat portfolio answer lists them: yesterday per product (or why there is no figure), and the total per product', () => {
    const en: text.L10n = { t: (template, ...args) => fillTemplate(template, Object.fromEntries(args.map((a, i) => [String(i), a]))) };
    const i = input();
    const o = computeOverview(i);
    const answer = text.portfolioText(en, 'OKX Earn, Sandbox', o, { unit: 'USD', prices: i.prices, byProduct: earningsByProduct(i, o.positions) });
    assert.match(answer, /\nEarned yesterday \(2026-12-01 UTC\): 1\.00 USD\n- On-chain earn: no daily figure \(OKX gives totals only\)\n- ETH staking: 0\.60 USD \(0\.0002 BETH; OKX's latest daily reward, undated\)\n- Simple Earn \(savings\): 0\.30 USD \(0\.3 USDC \+ 0\.00000002 BTC\)\n- OKUSD: 0\.10 USD \(0\.1 USDT\)\n- Stable Rewards: no daily figure \(OKX gives totals only\)\n- Dual Investment: no daily figure \(paid at expiry\)\nEarned in total: /);
    assert.match(answer, /\n- On-chain earn: 1\.20 USD \(1\.2 USDT \+ 0\.01 COMP\)\n/);
    assert.match(answer, /\n- Dual Investment: paid at expiry\nHoldings-weighted APY/);
  });

  it("against the simulator: the recent area reads the lending history back to yesterday's start, and no further than a page past it", async function () {
    this.timeout(20_000);
    const h = await startSim({ rateLimits: false, frozenClock: true });
    try {
      const portfolio = new Portfolio(h.client);
      await portfolio.refresh(['recent', 'savings', 'prices']);
      const state = portfolio.get('recent');
      assert.equal(state.status, 'ready');
      if (state.status !== 'ready') return;
      const now = h.sim.clock.now();
      const day = yesterdayUtc(now);
      assert.equal(state.data.from, day.from);
      assert.equal(state.data.complete, true);
      const expected = h.sim.state.lendingHistory.filter((r) => r.ts >= day.from && r.ts < day.to);
      assert.ok(expected.length >= 24, `the demo lends every hour (${expected.length} records yesterday)`);
      const e = earningsByProduct({ now, recent: state.data, savings: portfolio.get('savings').status === 'ready' ? (portfolio.get('savings') as { data: OverviewInput['savings'] }).data : undefined, prices: (portfolio.get('prices') as { data: OverviewInput['prices'] }).data }, []);
      const savings = row(e.yesterday.rows, 'savings');
      assert.equal(savings?.kind, 'figure');
      if (savings?.kind !== 'figure') return;
      for (const ccy of new Set(expected.map((r) => r.ccy))) {
        assert.equal(savings.amounts.find((a) => a.ccy === ccy)?.amt, D.sum(expected.filter((r) => r.ccy === ccy).map((r) => r.earnings)), ccy);
      }
      assert.ok(state.data.lending.every((r) => Number(r.ts) >= day.from), 'nothing older than yesterday kept');
    } finally {
      await h.sim.close();
    }
  });
});
