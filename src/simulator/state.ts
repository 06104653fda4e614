/**
 * Everything the simulator knows about its one account, as plain JSON (so `--state FILE` can save and restore
 * it; a file of an earlier version is read by ./stateUpgrade), and the seeded demo portfolio that the sandbox and
 * the tests start from.
 */
import { add, div, gte, mul, roundDown, sub, sum } from '../decimal';
import type { OrderState, StakingHistoryStatus, StakingHistoryType } from '../okx/types';
import { DAY, HOUR, MINUTE } from './clock';
import { lendingRate, okusdApr, stakingApy } from './market';
import { demoTrading } from './accounts';
import type { SimOrder, SimStaking, SimLoanOrder, SimOkusdOrder, SimOkusdQuota, SimOkusd, SimStableRewards, SimDualOrder, SimDual, SimState } from './stateTypes';

export type * from './stateTypes';

export const DEMO_PRICES: Readonly<Record<string, string>> = {
  USDT: '1',
  USDC: '1',
  BTC: '91250.4',
  ETH: '3187.52',
  SOL: '148.36',
  DOT: '4.12',
  ATOM: '6.35',
  AVAX: '27.9',
  BETH: '3180.1',
  OKSOL: '151.2',
  COMP: '48.7',
  LUNA: '0.21',
  // Stablecoins of the More Earn products: OKUSD is issued 1:1 against USDT; USDG is a USD stablecoin.
  OKUSD: '1',
  USDG: '1',
};

export function nextId(state: SimState): string {
  state.nextId += 1;
  return String(state.nextId);
}

/** An order's collateral, loan and LTV in USD at the given prices. */
export function loanFigures(loan: Pick<SimLoanOrder, 'loan' | 'collateral'>, usd: (ccy: string) => string): { loanUsd: string; collateralUsd: string; ltv: string } {
  const loanUsd = sum(loan.loan.map((l) => mul(l.amt, usd(l.ccy))));
  const collateralUsd = sum(loan.collateral.map((c) => mul(c.amt, usd(c.ccy))));
  const ltv = collateralUsd === '0' ? '0' : div(loanUsd, collateralUsd, 4);
  return { loanUsd: roundDown(loanUsd, 8), collateralUsd: roundDown(collateralUsd, 8), ltv };
}

/** A demo loan order opened at `opened`, borrowing `ltv` of its collateral's value. */
function demoLoanOrder(state: SimState, opened: number, ccy: string, ltv: string, collateral: { ccy: string; amt: string }[]): void {
  const loans = state.loans;
  const ordId = nextId(state);
  const { collateralUsd } = loanFigures({ loan: [], collateral }, (c) => DEMO_PRICES[c] ?? '0');
  const borrowed = roundDown(mul(collateralUsd, ltv), 4);
  loans.orders.push({ ordId, eMode: false, createdAt: opened, loan: [{ ccy, amt: borrowed }], collateral: collateral.map((c) => ({ ...c })) });
  loans.quota[ccy] = roundDown(sub(loans.quota[ccy] ?? '0', borrowed), 8);
  collateral.forEach((c, i) => {
    loans.history.push({ refId: nextId(state), ordId, type: 'collateral_locked', ccy: c.ccy, amt: `-${c.amt}`, ts: opened + i * MINUTE });
  });
  loans.history.push({ refId: nextId(state), ordId, type: 'borrowed', ccy, amt: borrowed, ts: opened + collateral.length * MINUTE });
}

/**
 * The demo account: on-chain orders in several states and terms, BETH and OKSOL with history, four savings
 * currencies, and two loan orders, one of them inside the warning band below its margin call.
 */
export function demoState(now: number): SimState {
  const day = Math.floor(now / DAY);
  const state: SimState = {
    version: 2,
    lastTick: now,
    nextId: 3_000_000,
    savingsActivated: true,
    funding: { USDT: '25000', USDC: '5000', BTC: '0.75', ETH: '4.2', SOL: '120', DOT: '500', ATOM: '40', BETH: '2.2', OKSOL: '84.5', OKUSD: '10000', USDG: '2500' },
    offers: [
      {
        productId: '101', ccy: 'DOT', protocol: 'Polkadot', term: '0', apy: '0.1767', earlyRedeem: false, state: 'purchasable',
        invest: [{ ccy: 'DOT', minAmt: '2', maxAmt: '50000' }], earning: [{ ccy: 'DOT', earningType: '0' }],
        redeemPeriod: ['28D', '28D'], fastRedemptionDailyLimit: '',
      },
      {
        productId: '4005', ccy: 'USDT', protocol: 'On-Chain Defi', term: '0', apy: '0.0323', earlyRedeem: false, state: 'purchasable',
        invest: [{ ccy: 'USDT', minAmt: '1', maxAmt: '100000' }],
        earning: [{ ccy: 'USDT', earningType: '0' }, { ccy: 'COMP', earningType: '1' }],
        redeemPeriod: ['1H', '24H'], fastRedemptionDailyLimit: '50000',
      },
      {
        productId: '3101', ccy: 'SOL', protocol: 'Solana', term: '30', apy: '0.0720', earlyRedeem: true, state: 'purchasable',
        invest: [{ ccy: 'SOL', minAmt: '1', maxAmt: '5000' }], earning: [{ ccy: 'SOL', earningType: '0' }],
        redeemPeriod: ['2D', '3D'], fastRedemptionDailyLimit: '',
      },
      {
        productId: '5002', ccy: 'USDC', protocol: 'Aave V3', term: '90', apy: '0.0850', earlyRedeem: false, state: 'purchasable',
        invest: [{ ccy: 'USDC', minAmt: '100', maxAmt: '20000' }], earning: [{ ccy: 'USDC', earningType: '0' }],
        redeemPeriod: ['1D', '1D'], fastRedemptionDailyLimit: '',
      },
      {
        productId: '6001', ccy: 'ATOM', protocol: 'Cosmos', term: '0', apy: '0.1420', earlyRedeem: false, state: 'sold_out',
        invest: [{ ccy: 'ATOM', minAmt: '1', maxAmt: '10000' }], earning: [{ ccy: 'ATOM', earningType: '0' }],
        redeemPeriod: ['21D', '21D'], fastRedemptionDailyLimit: '',
      },
      {
        productId: '7003', ccy: 'AVAX', protocol: 'Avalanche', term: '60', apy: '0.0610', earlyRedeem: false, state: 'Stop',
        invest: [{ ccy: 'AVAX', minAmt: '5', maxAmt: '2000' }], earning: [{ ccy: 'AVAX', earningType: '0' }],
        redeemPeriod: ['14D', '14D'], fastRedemptionDailyLimit: '',
      },
    ],
    orders: [],
    eth: {
      ccy: 'BETH', base: 'ETH', latestInterest: '0.00018264', totalInterest: '0.04127752', lastRewardDay: day,
      fastDailyLimit: '100', fastUsed: '0', fastUsedDay: day, minPurchase: '0.01', redeemDelayMs: 7 * DAY, history: [],
    },
    sol: {
      ccy: 'OKSOL', base: 'SOL', latestInterest: '0.01893122', totalInterest: '1.38410911', lastRewardDay: day,
      fastDailyLimit: '240', fastUsed: '0', fastUsedDay: day, minPurchase: '0.01', redeemDelayMs: 3 * DAY, history: [],
    },
    savings: {
      USDT: { amt: '12004.21873311', loanAmt: '11804.21873311', pendingAmt: '200', earnings: '104.21873311', rate: '0.01' },
      USDC: { amt: '4012.44501988', loanAmt: '4012.44501988', pendingAmt: '0', earnings: '12.44501988', rate: '0.02' },
      BTC: { amt: '0.50031551', loanAmt: '0.50031551', pendingAmt: '0', earnings: '0.00031551', rate: '0.01' },
      ETH: { amt: '1.2', loanAmt: '0', pendingAmt: '1.2', earnings: '0', rate: '0.25' },
    },
    lendingHistory: [],
    loans: {
      orders: [],
      standard: { initialLTV: '0.6', marginCallLTV: '0.7', liqLTV: '0.8' },
      emode: { initialLTV: '0.85', marginCallLTV: '0.9', liqLTV: '0.95' },
      emodePairs: [
        { collateralCcy: 'USDC', borrowCcy: 'USDT' },
        { collateralCcy: 'USDT', borrowCcy: 'USDC' },
      ],
      interestRate: { USDT: '0.0841', USDC: '0.0793' },
      quota: { USDT: '3395000', USDC: '2500000' },
      collateralCurrencies: ['BTC', 'ETH', 'SOL', 'USDC', 'USDT', 'DOT', 'ATOM', 'LUNA'],
      restricted: ['LUNA'],
      minCollateral: { BTC: '0.0001', ETH: '0.001', SOL: '0.01', USDC: '1', USDT: '1', DOT: '1', ATOM: '0.1' },
      history: [],
      interest: [],
      repayments: [],
      clientOrderIds: [],
      repaySettleMs: 3000,
    },
    okusd: okusdConfig(now),
    stableRewards: stableRewardsConfig(now),
    dual: dualConfig(),
    trading: demoTrading(now),
    basePrices: { ...DEMO_PRICES },
  };
  demoMoreEarnProducts(state, now);

  // Two loan orders. The earlier borrows USDT on BTC, ETH and SOL at an LTV of 0.66, inside the warning band
  // below its margin call (0.7); the later borrows USDC on BTC alone (so OKX gives it a liquidation price) at 0.35.
  demoLoanOrder(state, now - 21 * DAY, 'USDT', '0.66', [{ ccy: 'BTC', amt: '0.5' }, { ccy: 'ETH', amt: '6' }, { ccy: 'SOL', amt: '10' }]);
  demoLoanOrder(state, now - 5 * DAY, 'USDC', '0.35', [{ ccy: 'BTC', amt: '0.2' }]);
  // The last 72 hours of interest, hour by hour (reference ids grow with time, as OKX's do).
  for (let h = 72; h >= 1; h--) {
    const ts = Math.floor(now / HOUR) * HOUR - h * HOUR;
    for (const order of state.loans.orders) {
      for (const { ccy, amt } of order.loan) {
        const rate = state.loans.interestRate[ccy] ?? '0';
        state.loans.interest.push({ refId: nextId(state), ordId: order.ordId, ccy, loan: amt, interest: roundDown(div(mul(amt, rate), '8760'), 8), interestRate: rate, ts });
      }
    }
  }

  const order = (
    offerId: string,
    amt: string,
    orderState: OrderState,
    purchasedAgo: number,
    extra: Partial<SimOrder> = {},
  ): SimOrder => {
    const offer = state.offers.find((o) => o.productId === offerId);
    if (offer === undefined) throw new Error(offerId);
    const daysEarning = Math.max(0, purchasedAgo - 2 * MINUTE) / DAY;
    return {
      ordId: nextId(state), productId: offer.productId, ccy: offer.ccy, protocol: offer.protocol, term: offer.term, apy: offer.apy,
      state: orderState, stateSince: now - Math.min(purchasedAgo, MINUTE / 2), purchasedTime: now - purchasedAgo,
      invest: [{ ccy: offer.ccy, amt }],
      earnings: offer.earning.map((e, i) => ({
        ccy: e.ccy,
        earningType: e.earningType,
        earnings: orderState === '8' || orderState === '9' ? '0' : roundDown(mul(mul(amt, offer.apy), div(daysEarning.toFixed(6), i === 0 ? '365' : '36500')), 8),
      })),
      tag: '',
      ...extra,
    };
  };
  state.orders.push(
    order('101', '120', '1', 40 * DAY),
    order('4005', '3000', '1', 12 * DAY),
    order('3101', '25', '1', 10 * DAY),
    order('5002', '2000', '1', 20 * DAY),
    order('4005', '500', '8', 10 * 1000),
    order('4005', '250', '9', 75 * 1000),
    order('101', '50', '2', 60 * DAY, {
      stateSince: now - 3 * DAY, estSettlementTime: now + 25 * DAY, cancelRedemptionDeadline: now - 2 * DAY,
    }),
    order('101', '30', '3', 90 * DAY, { stateSince: now - 45 * DAY, redeemedTime: now - 45 * DAY }),
    order('4005', '1200', '3', 50 * DAY, { stateSince: now - 15 * DAY, redeemedTime: now - 15 * DAY }),
  );

  // ETH and SOL staking histories: purchases, a fast redemption, and a redemption still pending.
  const staking = (s: SimStaking, records: [StakingHistoryType, string, StakingHistoryStatus, number, number?][]): void => {
    for (const [type, amt, status, ago, completesIn] of records) {
      s.history.push({
        ordId: nextId(state), type, amt, redeemingAmt: status === 'pending' && type === 'redeem' ? amt : '', status,
        requestTime: now - ago,
        ...(status === 'pending' ? { estCompletedTime: now + (completesIn ?? 0) } : { completedTime: now - ago + MINUTE }),
      });
    }
  };
  staking(state.eth, [
    ['purchase', '2', 'success', 60 * DAY],
    ['purchase', '0.5', 'success', 20 * DAY],
    ['redeem', '0.1', 'success', 9 * DAY],
    ['redeem', '0.3', 'pending', 2 * DAY, 5 * DAY],
  ]);
  staking(state.sol, [
    ['purchase', '60', 'success', 45 * DAY],
    ['purchase', '30', 'success', 15 * DAY],
    ['redeem', '5.5', 'success', 6 * DAY],
  ]);

  // A week of hourly lending records for the savings currencies that are lent out.
  for (let h = 7 * 24; h >= 1; h--) {
    const ts = Math.floor(now / HOUR) * HOUR - h * HOUR;
    for (const [ccy, savings] of Object.entries(state.savings)) {
      const rate = lendingRate(ccy, ts);
      // Lent only in the hours the market paid at least the minimum, as OKX lends (./savingsHour).
      if (savings.loanAmt !== '0' && gte(rate, savings.rate)) state.lendingHistory.push({ ccy, amt: savings.loanAmt, earnings: roundDown(div(mul(savings.loanAmt, rate), '8760'), 8), rate, ts });
    }
  }
  // ETH staking rewards follow the day's APY.
  state.eth.latestInterest = roundDown(div(mul(add(state.funding.BETH ?? '0', '0.3'), stakingApy('eth', now)), '365'), 8);
  state.sol.latestInterest = roundDown(div(mul(state.funding.OKSOL ?? '0', stakingApy('sol', now)), '365'), 8);
  return state;
}

/** OKUSD's quotas, fees and instant pool, with nothing held yet. */
export function okusdConfig(now: number): SimOkusd {
  const day = Math.floor(now / DAY);
  const quota = (personal: string, platform: string, baseline: string): SimOkusdQuota => ({
    personalDailyLimit: personal, platformDailyLimit: platform, platformBaseline: baseline, personalUsed: '0', platformUsed: baseline, day,
  });
  return {
    sub: quota('5000000', '50000000', '5000000'),
    fast: { ...quota('10000', '5000000', '1000000'), feeRate: '0.001' },
    std: { ...quota('1000000', '40000000', '0'), feeRate: '0.00025' },
    fastPool: '2000000',
    totalEarnAccrual: '0',
    lastRewardDay: day,
    orders: [],
    rewards: [],
    maintenance: false,
  };
}

/** USDG, subscribed with USDC or USDT and redeemable to USDC only (the routes of OKX's example). */
export function stableRewardsConfig(now: number): SimStableRewards {
  const route = { subFeeRate: '0.0003', redemptFeeRate: '0', minSubAmt: '1', minRedeemAmt: '0.0000001', remainingSubQuota: '1000000', remainingRedemptQuota: '500000' };
  return {
    products: { USDG: [{ ...route, settleCcy: 'USDC', canRedeem: true }, { ...route, settleCcy: 'USDT', canRedeem: false }] },
    holdings: { USDG: { totalEarnAccrual: '0', autoEarn: true, lastRewardDay: Math.floor(now / DAY) } },
    activationThreshold: '1',
  };
}

/** BTC and ETH against USDT, calls and puts. */
export function dualConfig(): SimDual {
  return {
    pairs: [
      { baseCcy: 'BTC', quoteCcy: 'USDT', strikeStep: '500', call: { minSize: '0.001', maxSize: '100', stepSz: '0.001' }, put: { minSize: '10', maxSize: '6000000', stepSz: '1' } },
      { baseCcy: 'ETH', quoteCcy: 'USDT', strikeStep: '50', call: { minSize: '0.01', maxSize: '2000', stepSz: '0.01' }, put: { minSize: '10', maxSize: '6000000', stepSz: '1' } },
    ],
    quotes: [],
    orders: [],
    quoteTtlMs: 30_000,
    redeemDelayMs: 5 * MINUTE,
  };
}

/**
 * The More Earn products' demo holdings: 10 000 OKUSD from two subscriptions less a fast and a standard redemption
 * (the standard one still on its way), with twenty days of yield; 2 500 USDG earning Stable Rewards; a live
 * BTC "sell high" Dual Investment order and an ETH "buy low" one settled into ETH.
 */
function demoMoreEarnProducts(state: SimState, now: number): void {
  const okusd = state.okusd;
  const placed: [SimOkusdOrder['kind'], string, number][] = [['subscribe', '8000', 20 * DAY], ['subscribe', '3000', 6 * DAY], ['fast', '500', 4 * DAY], ['standard', '500', 2 * DAY]];
  for (const [kind, amt, ago] of placed) {
    const ts = now - ago;
    const feeRate = kind === 'fast' ? okusd.fast.feeRate : kind === 'standard' ? okusd.std.feeRate : '0';
    const fee = roundDown(mul(amt, feeRate), 8);
    const settleAt = standardSettlement(ts);
    okusd.orders.push({
      ordId: nextId(state), clOrdId: `demo-${kind}-${ago / DAY}d`, kind, amt, fee, net: sub(amt, fee), ts,
      status: kind === 'standard' && settleAt > now ? 'pending' : 'success', ...(kind === 'standard' ? { settleAt } : {}),
    });
  }
  const today = Math.floor(now / DAY);
  for (let day = Math.floor((now - 20 * DAY) / DAY) + 1; day <= today; day++) {
    const ts = day * DAY;
    const held = sum(okusd.orders.filter((o) => o.ts < ts).map((o) => (o.kind === 'subscribe' ? o.amt : `-${o.amt}`)));
    const apr = okusdApr((day - 1) * DAY);
    const earnAmt = roundDown(div(mul(held, apr), '365'), 8);
    okusd.rewards.push({ earnAmt, amt: held, apr, ts });
    okusd.totalEarnAccrual = add(okusd.totalEarnAccrual, earnAmt);
  }
  const usdg = state.stableRewards.holdings.USDG;
  if (usdg !== undefined) usdg.totalEarnAccrual = '6.8412';

  const expiry = (days: number): number => (today + days) * DAY + 8 * HOUR;
  const dualOrder = (o: Omit<SimDualOrder, 'ordId' | 'quoteId' | 'settleSz' | 'settleCcy' | 'settlePx' | 'uTime'> & Partial<SimDualOrder>): void => {
    const ordId = nextId(state);
    state.dual.orders.push({ settleSz: '', settleCcy: '', settlePx: '', uTime: o.settleTime ?? o.cTime, ...o, ordId, quoteId: `qtDCD-QUOTE${ordId}` });
  };
  dualOrder({
    state: 'live', productId: `BTC-USDT-${yymmddOf(expiry(3))}-95500-C`, baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C', strike: '95500',
    notionalSz: '0.05', notionalCcy: 'BTC', annualizedYield: '0.1148', absYield: roundDown(mul('0.1148', div('4', '365', 12)), 8),
    expTime: expiry(3), redeemStartTime: now - DAY, redeemEndTime: expiry(3) - HOUR, cTime: now - DAY,
  });
  const settled = expiry(-2);
  dualOrder({
    state: 'settled', productId: `ETH-USDT-${yymmddOf(settled)}-3000-P`, baseCcy: 'ETH', quoteCcy: 'USDT', optType: 'P', strike: '3000',
    notionalSz: '2000', notionalCcy: 'USDT', annualizedYield: '0.0945', absYield: '0.00181233', settleCcy: 'ETH',
    settleSz: roundDown(div(add('2000', '3.62466'), '3000', 18), 8), settlePx: '2987.15', settleTime: settled,
    expTime: settled, redeemStartTime: settled - 7 * DAY, redeemEndTime: settled - HOUR, cTime: settled - 7 * DAY,
  });
}

/** When an OKUSD standard redemption asked at `ts` settles: D+5, or D+6 at or after 16:00 UTC+8 (at the same time of day). */
export function standardSettlement(ts: number): number {
  const hourUtc8 = new Date(ts + 8 * HOUR).getUTCHours();
  return ts + (hourUtc8 < 16 ? 5 : 6) * DAY;
}

/** A Dual Investment product id's date part (YYMMDD, UTC). */
export function yymmddOf(ts: number): string {
  const d = new Date(ts);
  return `${String(d.getUTCFullYear() % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}
