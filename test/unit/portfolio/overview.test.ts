import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import type * as T from '../../../src/okx/types';
import { formatShare } from '../../../src/portfolio/format';
import { computeOverview, type OverviewInput } from '../../../src/portfolio/overview';
import { Portfolio, type AreaId } from '../../../src/portfolio/portfolio';
import { startSim } from '../support/sim';

const NOW = Date.UTC(2026, 11, 2, 12);
const DAY = 86_400_000;

function order(ordId: string, ccy: string, amt: string, apy: string, state: string, extra: Partial<T.ActiveOrder> = {}): T.ActiveOrder {
  return {
    ccy, ordId, productId: 'p', state, protocol: 'P', protocolType: 'defi', term: '0', apy,
    investData: [{ ccy, amt }], earningData: [{ ccy, earningType: '0', earnings: '0' }], fastRedemptionData: [],
    purchasedTime: String(NOW - 10 * DAY), estSettlementTime: '', cancelRedemptionDeadline: '', tag: '', ...extra,
  };
}

const stakingBalance = (ccy: string, amt: string, latest: string, total: string): T.StakingBalance => ({ ccy, amt, latestInterestAccrual: latest, totalInterestAccrual: total });

function input(overrides: Partial<OverviewInput> = {}): OverviewInput {
  return {
    now: NOW,
    onchain: { orders: [order('1', 'USDT', '1000.1', '0.05', '1', { earningData: [{ ccy: 'USDT', earningType: '0', earnings: '1.2' }, { ccy: 'COMP', earningType: '1', earnings: '0.01' }] })] },
    eth: { balance: stakingBalance('BETH', '2', '0.0002', '0.04'), product: undefined, pendingRedemptions: [] },
    sol: { balance: stakingBalance('OKSOL', '10', '0.02', '1.5'), product: { fastRedemptionAvail: '1', fastRedemptionDailyLimit: '1' } },
    savings: { balances: [{ ccy: 'USDC', amt: '500', earnings: '3.3', rate: '0.01', loanAmt: '400', pendingAmt: '100', redemptAmt: '' }] },
    market: {
      lendingRates: [], latestRates: [{ ccy: 'USDC', amt: '', rate: '0.06', lendingRate: '0.05', ts: String(NOW) }],
      ethApy: { rate: '0.03', ts: String(NOW) }, solApy: { rate: '0.08', ts: String(NOW) },
    },
    prices: { usd: new Map([['USDT', '1'], ['USDC', '0.9999'], ['ETH', '3000.1'], ['SOL', '150'], ['OKSOL', '160'], ['COMP', '50']]) },
    recent: { lending: [{ ccy: 'USDC', amt: '400', earnings: '0.1', rate: '0.05', ts: String(NOW - 3_600_000) }, { ccy: 'USDC', amt: '400', earnings: '0.2', rate: '0.05', ts: String(NOW - 7_200_000) }], since: NOW - DAY },
    okusd: { account: undefined, limits: undefined, apr: undefined, latestReward: undefined, pendingRedemptions: [] },
    stable: { holdings: [], apy: new Map() },
    dual: { orders: [] },
    ...overrides,
  };
}

describe('portfolio/overview: totals in exact decimals, never a silent zero', () => {
  it('adds holdings in USD across currencies and products, exactly (no float)', () => {
    const o = computeOverview(input());
    // 1000.1 USDT + 2 BETH at ETH's 3000.1 (1:1) + 10 OKSOL at 160 + 500 USDC at 0.9999
    assert.equal(o.holdings.usd, '9100.25');
    assert.equal(o.holdings.complete, true);
    // Shares to 8 places, rounded only where they are shown (issue 25, item 4).
    assert.deepEqual(o.byProduct.map((s) => [s.key, s.usd, s.share]), [['eth', '6000.2', '0.65934452'], ['sol', '1600', '0.17581934'], ['onchain', '1000.1', '0.10989807'], ['savings', '499.95', '0.05493805']]);
    // Shown, they round: 65.9 + 17.6 + 11.0 + 5.5 = 100.0 (cut to 4 places and then to 1, they read 65.9 + 17.5 + 10.9 + 5.4 = 99.7).
    assert.deepEqual(o.byProduct.map((s) => formatShare(s.share)), ['65.9%', '17.6%', '11.0%', '5.5%']);
    assert.equal(o.positions.find((p) => p.ccy === 'BETH')?.pricedAs, 'ETH', 'BETH is priced as ETH, and says so');
    assert.equal(o.positions.find((p) => p.ccy === 'OKSOL')?.pricedAs, undefined, 'OKSOL has its own price');
  });

  it('earnings: in total from every position, in 24 hours from savings history and the daily staking rewards; on-chain earn gives totals only', () => {
    const o = computeOverview(input());
    // total: 1.2 USDT + 0.01 COMP·50 + 0.04 BETH·3000.1 + 1.5 OKSOL·160 + 3.3 USDC·0.9999
    assert.equal(o.earnedTotal.usd, '365.00367');
    // 24 h: 0.0002 BETH·3000.1 + 0.02 OKSOL·160 + (0.1 + 0.2) USDC·0.9999
    assert.equal(o.earned24h.usd, '4.09999');
    assert.deepEqual(o.earned24h.covers, ['eth', 'sol', 'savings']);
  });

  it('the holdings-weighted APY counts only what earns (savings: what is lent)', () => {
    const o = computeOverview(input());
    // (1000.1·0.05 + 6000.2·0.03 + 1600·0.08 + 400·0.9999·0.05) / 9100.25
    assert.equal(o.apy.value, '0.041538');
    assert.equal(o.apy.complete, true);
  });

  it('without a weighted APY it says why: nothing held, or nothing that could be valued (issue 25, item 20)', () => {
    const empty = { onchain: { orders: [] }, eth: { balance: undefined, product: undefined, pendingRedemptions: [] }, sol: { balance: undefined, product: { fastRedemptionAvail: '0', fastRedemptionDailyLimit: '0' } }, savings: { balances: [] }, recent: { lending: [], since: NOW - DAY } };
    const none = computeOverview(input(empty));
    assert.equal(none.apy.value, undefined);
    assert.equal(none.apy.unknown, 'nothingHeld');
    const unpriced = computeOverview(input({ prices: { usd: new Map() } }));
    assert.equal(unpriced.apy.value, undefined);
    assert.equal(unpriced.apy.unknown, 'unvalued');
    assert.equal(computeOverview(input()).apy.unknown, undefined, 'a figure needs no reason');
  });

  it('a currency without a USD price makes the totals incomplete and names it; it is never counted as zero', () => {
    const prices = new Map([['USDT', '1'], ['ETH', '3000.1'], ['SOL', '150'], ['OKSOL', '160'], ['COMP', '50']]);
    const o = computeOverview(input({ prices: { usd: prices } }));
    assert.equal(o.holdings.complete, false);
    assert.deepEqual(o.holdings.missing, ['USDC']);
    assert.equal(o.holdings.usd, '8600.3', 'the rest is still added up, marked incomplete');
    assert.equal(o.earnedTotal.complete, false);
    assert.equal(o.apy.complete, false);
    assert.equal(o.valuation, undefined, 'no cross-check on an incomplete total');
  });

  it('an area that did not load makes the totals incomplete', () => {
    const o = computeOverview(input({ savings: undefined }));
    assert.equal(o.holdings.complete, false);
    assert.deepEqual(o.holdings.missing, ['savings']);
    const noPrices = computeOverview(input({ prices: undefined }));
    assert.equal(noPrices.holdings.complete, false);
    assert.equal(noPrices.holdings.usd, '0');
  });

  it('loans net: collateral less debt, from OKX\'s USD figures, over every order', () => {
    const loan = (ordId: string, collateral: string, debt: string): T.LoanInfo => ({
      ordId, loanNotionalUsd: debt, loanData: [], collateralNotionalUsd: collateral, collateralData: [], riskWarningData: { instId: '', liqPx: '' }, curLTV: '0', marginCallLTV: '0', liqLTV: '0',
    });
    const o = computeOverview(input({ loans: { loans: [loan('a', '10000.5', '6600.25'), loan('b', '2000', '700')] } }));
    assert.deepEqual(o.loans, { collateralUsd: '12000.5', debtUsd: '7300.25', netUsd: '4700.25', orders: 2 });
    assert.equal(computeOverview(input()).loans, undefined);
  });

  it('what comes next: redemptions arriving and fixed terms ending, nearest first; past terms left out', () => {
    const o = computeOverview(input({
      onchain: {
        orders: [
          order('10', 'DOT', '50', '0.17', '2', { estSettlementTime: String(NOW + 5 * DAY) }),
          order('11', 'USDC', '2000', '0.085', '1', { term: '90', purchasedTime: String(NOW - 20 * DAY) }),
          order('12', 'SOL', '25', '0.07', '1', { term: '30', purchasedTime: String(NOW - 40 * DAY) }),
        ],
      },
      eth: { balance: undefined, product: undefined, pendingRedemptions: [{ type: 'redeem', amt: '0.3', redeemingAmt: '0.3', status: 'pending', ordId: '7', requestTime: '', completedTime: '', estCompletedTime: String(NOW + 2 * DAY) }] },
    }));
    assert.deepEqual(o.upcoming.map((u) => [u.kind, u.ref, u.at - NOW]), [['ethRedemption', '7', 2 * DAY], ['onchainRedemption', '10', 5 * DAY], ['termEnd', '11', 70 * DAY]]);
  });

  it("cross-checks the Earn account against OKX's valuation, and flags more than 1 % apart", () => {
    const valuation = (earn: string): OverviewInput['valuation'] => ({ valuation: { totalBal: '0', ts: '0', details: { funding: '0', trading: '0', classic: '0', earn } } });
    // On-chain earn and savings: 1000.1 + 499.95 = 1500.05.
    const close = computeOverview(input({ valuation: valuation('1510') }));
    assert.equal(close.valuation?.oursUsd, '1500.05');
    assert.equal(close.valuation?.disagrees, false);
    const far = computeOverview(input({ valuation: valuation('1530') }));
    assert.equal(far.valuation?.disagrees, true);
    assert.equal(far.valuation?.difference, '0.019575');
  });

  it("from the simulator's demo account: complete, and in line with the simulator's own valuation", async () => {
    const h = await startSim({ rateLimits: false, frozenClock: true });
    try {
      const portfolio = new Portfolio(h.client);
      const areas: AreaId[] = ['onchain', 'eth', 'sol', 'savings', 'okusd', 'stable', 'dual', 'loans', 'market', 'prices', 'valuation', 'recent', 'trading'];
      await portfolio.refresh(areas);
      const data = Object.fromEntries(areas.map((a) => [a, (portfolio.get(a) as { data?: unknown }).data]));
      const o = computeOverview({ ...(data as OverviewInput), now: h.sim.clock.now() });
      assert.equal(o.holdings.complete, true, o.holdings.missing.join());
      assert.equal(o.valuation?.disagrees, false);
      assert.equal(o.loans?.orders, 2);
      assert.ok(o.upcoming.length >= 3, 'a pending ETH redemption, a redeeming DOT order, fixed terms');
      // The More Earn products' demo holdings: OKUSD, USDG in Stable Rewards, a live BTC Dual Investment order, USDT auto-earning.
      assert.deepEqual(['okusd', 'stable', 'dual', 'autoEarn'].map((p) => o.byProduct.some((s) => s.key === p)), [true, true, true, true]);
      assert.ok(o.upcoming.some((u) => u.kind === 'okusdRedemption'), 'the standard OKUSD redemption on its way');
      assert.ok(o.upcoming.some((u) => u.kind === 'dualExpiry'), 'the live Dual Investment order expires');
      assert.equal(h.sim.received('assetValuation')[0]?.params?.ccy, 'USD');
    } finally {
      await h.sim.close();
    }
  });

  describe('the More Earn products: OKUSD, Stable Rewards, Dual Investment', () => {
    const moreEarn = (): Partial<OverviewInput> => ({
      okusd: {
        account: { ccy: 'OKUSD', amt: '1000', totalEarnAccrual: '12.5', ts: String(NOW) },
        limits: undefined,
        apr: { apr: '0.04', ts: String(NOW - DAY) },
        latestReward: { ccy: 'USDT', earnAmt: '0.1095', amt: '1000', apr: '0.04', ts: String(NOW - 12 * 3_600_000) },
        pendingRedemptions: [{ ordId: '31', clOrdId: 'c', ccy: 'OKUSD', amt: '200', fee: '0', settleCcy: 'USDT', settleCcyAmt: '200', type: 'standard', status: 'pending', estSettlementTime: String(NOW + 3 * DAY), ts: String(NOW - 2 * DAY) }],
      },
      stable: {
        holdings: [{ ccy: 'USDG', amt: '500', totalEarnAccrual: '2', state: 'earning' }, { ccy: 'PYUSD', amt: '100', totalEarnAccrual: '0', state: 'pending' }],
        apy: new Map([['USDG', { rate: '0.05', ts: String(NOW) }], ['PYUSD', { rate: '0.04', ts: String(NOW) }]]),
      },
      dual: {
        orders: [
          dualOrder('41', 'live', '0.01', 'BTC', '0.12', NOW + 3 * DAY),
          dualOrder('42', 'settled', '2000', 'USDT', '0.09', NOW - 2 * DAY),
        ],
      },
      prices: { usd: new Map([['USDT', '1'], ['USDC', '0.9999'], ['ETH', '3000.1'], ['SOL', '150'], ['OKSOL', '160'], ['COMP', '50'], ['USDG', '1'], ['PYUSD', '0.999'], ['BTC', '90000']]) },
    });

    it('holdings include OKUSD (priced as USDT), each Stable Rewards coin, and open Dual Investment orders only', () => {
      const o = computeOverview(input(moreEarn()));
      // 9100.25 before + 1000 OKUSD·1 + 500 USDG + 100 PYUSD·0.999 + 0.01 BTC·90000 (the settled order is paid out)
      assert.equal(o.holdings.usd, '11600.15');
      assert.equal(o.holdings.complete, true);
      assert.equal(o.positions.find((p) => p.product === 'okusd')?.pricedAs, 'USDT');
      assert.deepEqual(o.positions.filter((p) => p.product === 'dual').map((p) => p.ref), ['41']);
      assert.deepEqual(o.byProduct.filter((s) => ['okusd', 'stable', 'dual'].includes(s.key)).map((s) => [s.key, s.usd]), [['okusd', '1000'], ['dual', '900'], ['stable', '599.9']]);
    });

    it('earnings: OKUSD in total and its latest daily reward; Stable Rewards in total only; Dual Investment nothing before expiry', () => {
      const before = computeOverview(input());
      const o = computeOverview(input(moreEarn()));
      assert.equal(D.sub(o.earnedTotal.usd, before.earnedTotal.usd), '14.5');
      assert.equal(D.sub(o.earned24h.usd, before.earned24h.usd), '0.1095');
      assert.deepEqual(o.earned24h.covers, ['eth', 'sol', 'savings', 'okusd']);
      const stale = computeOverview(input({ ...moreEarn(), okusd: { ...moreEarn().okusd!, latestReward: { ccy: 'USDT', earnAmt: '0.1095', amt: '1000', apr: '0.04', ts: String(NOW - 3 * DAY) } } }));
      assert.equal(stale.earned24h.usd, before.earned24h.usd, 'a reward days old is not the last 24 hours');
    });

    it('the weighted APY: OKUSD at its APR, a Stable Rewards coin that is not earning at zero, Dual at the order APY', () => {
      const before = computeOverview(input());
      const o = computeOverview(input(moreEarn()));
      // Before: 1000.1·0.05 + 6000.2·0.03 + 1600·0.08 + 400·0.9999·0.05 = 378.009; now + 1000·0.04 + 500·0.05 + 99.9·0 + 900·0.12
      assert.equal(before.apy.value, D.roundDown(D.div('378.009', '9100.25', 12), 6));
      assert.equal(o.apy.value, D.roundDown(D.div('551.009', '11600.15', 12), 6));
      assert.equal(o.apy.complete, true);
    });

    it('what comes next: the OKUSD standard redemption and the Dual Investment expiry', () => {
      const o = computeOverview(input(moreEarn()));
      assert.deepEqual(o.upcoming.map((u) => [u.kind, u.ref, u.at - NOW]), [['okusdRedemption', '31', 3 * DAY], ['dualExpiry', '41', 3 * DAY]]);
      assert.equal(o.upcoming.find((u) => u.kind === 'okusdRedemption')?.ccy, 'USDT');
    });

    it('a More Earn product that did not load makes the totals incomplete', () => {
      const o = computeOverview({ ...input(moreEarn()), dual: undefined });
      assert.equal(o.holdings.complete, false);
      assert.ok(o.holdings.missing.includes('dual'));
    });
  });
});

function dualOrder(ordId: string, state: string, notionalSz: string, notionalCcy: string, annualizedYield: string, expTime: number): T.DualOrder {
  return {
    ordId, quoteId: `q${ordId}`, state, productId: 'BTC-USDT-261205-95000-C', baseCcy: 'BTC', quoteCcy: 'USDT', uly: 'BTC-USD', strike: '95000',
    notionalSz, notionalCcy, absYield: '0.001', annualizedYield, yieldSz: '', yieldCcy: notionalCcy, settleSz: '', settleCcy: '', settlePx: '', settleTime: '',
    expTime: String(expTime), redeemStartTime: '', redeemEndTime: '', cTime: String(NOW - DAY), uTime: String(NOW - DAY),
  };
}
