/**
 * Everything the simulator knows about its one account, as plain JSON (so `--state FILE` can save and restore
 * it), and the seeded demo portfolio that the sandbox and the tests start from.
 */
import { add, div, mul, roundDown, sum } from '../decimal';
import type { EarningType, OfferState, OrderState, StakingHistoryStatus, StakingHistoryType } from '../okx/types';
import { DAY, HOUR, MINUTE } from './clock';
import { lendingRate, stakingApy } from './market';

export interface SimOffer {
  productId: string;
  ccy: string;
  protocol: string;
  /** Days; '0' for flexible. */
  term: string;
  apy: string;
  earlyRedeem: boolean;
  state: OfferState;
  invest: { ccy: string; minAmt: string; maxAmt: string }[];
  earning: { ccy: string; earningType: EarningType }[];
  redeemPeriod: [string, string];
  fastRedemptionDailyLimit: string;
}

export interface SimOrder {
  ordId: string;
  productId: string;
  ccy: string;
  protocol: string;
  term: string;
  apy: string;
  state: OrderState;
  /** When the order entered its current state. */
  stateSince: number;
  invest: { ccy: string; amt: string }[];
  earnings: { ccy: string; earningType: EarningType; earnings: string }[];
  purchasedTime: number;
  /** Redeeming: when the money is back. */
  estSettlementTime?: number;
  /** Redeeming: until when the redemption may be cancelled. */
  cancelRedemptionDeadline?: number;
  redeemedTime?: number;
  /** Redeeming through fast redemption: what is on its way back. */
  fastRedeeming?: { ccy: string; redeemingAmt: string }[];
  tag: string;
}

export interface SimStakingRecord {
  ordId: string;
  type: StakingHistoryType;
  amt: string;
  redeemingAmt: string;
  status: StakingHistoryStatus;
  requestTime: number;
  completedTime?: number;
  estCompletedTime?: number;
}

export interface SimStaking {
  /** BETH / OKSOL. */
  ccy: string;
  /** ETH / SOL. */
  base: string;
  latestInterest: string;
  totalInterest: string;
  /** UTC day number of the last daily reward. */
  lastRewardDay: number;
  fastDailyLimit: string;
  /** Fast redemption used on `fastUsedDay`. */
  fastUsed: string;
  fastUsedDay: number;
  minPurchase: string;
  /** How long a redemption that is not fast takes. */
  redeemDelayMs: number;
  history: SimStakingRecord[];
}

export interface SimSavings {
  amt: string;
  loanAmt: string;
  pendingAmt: string;
  earnings: string;
  rate: string;
}

export interface SimLendingRecord {
  ccy: string;
  amt: string;
  earnings: string;
  rate: string;
  ts: number;
}

export interface SimLoanRecord {
  refId: string;
  type: string;
  ccy: string;
  amt: string;
  ts: number;
}

export interface SimInterestRecord {
  refId: string;
  ccy: string;
  loan: string;
  interest: string;
  interestRate: string;
  ts: number;
}

export interface SimLoan {
  loan: { ccy: string; amt: string }[];
  collateral: { ccy: string; amt: string }[];
  initialLTV: string;
  marginCallLTV: string;
  liqLTV: string;
  /** Annual interest rate per borrowable currency. */
  interestRate: Record<string, string>;
  /** Remaining quota per borrowable currency. */
  quota: Record<string, string>;
  collateralCurrencies: string[];
  restricted: string[];
  minCollateral: Record<string, string>;
  history: SimLoanRecord[];
  interest: SimInterestRecord[];
}

export interface SimState {
  version: 1;
  /** Simulated time up to which the portfolio has been brought. */
  lastTick: number;
  nextId: number;
  savingsActivated: boolean;
  /** Funding account: what purchases are paid from and redemptions paid into. */
  funding: Record<string, string>;
  offers: SimOffer[];
  /** Active orders and, with state '3', the history. */
  orders: SimOrder[];
  eth: SimStaking;
  sol: SimStaking;
  savings: Record<string, SimSavings>;
  lendingHistory: SimLendingRecord[];
  loan: SimLoan;
  basePrices: Record<string, string>;
}

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
};

export function nextId(state: SimState): string {
  state.nextId += 1;
  return String(state.nextId);
}

/** Collateral, loan and LTV in USD at the given prices. */
export function loanFigures(loan: SimLoan, usd: (ccy: string) => string): { loanUsd: string; collateralUsd: string; ltv: string } {
  const loanUsd = sum(loan.loan.map((l) => mul(l.amt, usd(l.ccy))));
  const collateralUsd = sum(loan.collateral.map((c) => mul(c.amt, usd(c.ccy))));
  const ltv = collateralUsd === '0' ? '0' : div(loanUsd, collateralUsd, 4);
  return { loanUsd: roundDown(loanUsd, 8), collateralUsd: roundDown(collateralUsd, 8), ltv };
}

/**
 * The demo account: on-chain orders in several states and terms, BETH and OKSOL with history, four savings
 * currencies, and a loan on three collaterals a little under its margin-call LTV.
 */
export function demoState(now: number): SimState {
  const day = Math.floor(now / DAY);
  const state: SimState = {
    version: 1,
    lastTick: now,
    nextId: 3_000_000,
    savingsActivated: true,
    funding: { USDT: '25000', USDC: '5000', BTC: '0.75', ETH: '4.2', SOL: '120', DOT: '500', ATOM: '40', BETH: '2.2', OKSOL: '84.5' },
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
    loan: {
      loan: [{ ccy: 'USDT', amt: '0' }],
      collateral: [
        { ccy: 'BTC', amt: '0.5' },
        { ccy: 'ETH', amt: '6' },
        { ccy: 'SOL', amt: '10' },
      ],
      initialLTV: '0.6',
      marginCallLTV: '0.7',
      liqLTV: '0.8',
      interestRate: { USDT: '0.0841', USDC: '0.0793' },
      quota: { USDT: '3395000', USDC: '2500000' },
      collateralCurrencies: ['BTC', 'ETH', 'SOL', 'USDC', 'USDT', 'DOT', 'ATOM', 'LUNA'],
      restricted: ['LUNA'],
      minCollateral: { BTC: '0.0001', ETH: '0.001', SOL: '0.01', USDC: '1', USDT: '1', DOT: '1', ATOM: '0.1' },
      history: [],
      interest: [],
    },
    basePrices: { ...DEMO_PRICES },
  };

  // A loan a little under its margin-call LTV (0.7): 0.66 of the collateral's value, borrowed in USDT.
  const { collateralUsd } = loanFigures(state.loan, (ccy) => DEMO_PRICES[ccy] ?? '0');
  const borrowed = roundDown(mul(collateralUsd, '0.66'), 4);
  state.loan.loan[0] = { ccy: 'USDT', amt: borrowed };
  const opened = now - 21 * DAY;
  state.loan.history.push(
    { refId: nextId(state), type: 'collateral_locked', ccy: 'BTC', amt: '-0.5', ts: opened },
    { refId: nextId(state), type: 'collateral_locked', ccy: 'ETH', amt: '-6', ts: opened + MINUTE },
    { refId: nextId(state), type: 'collateral_locked', ccy: 'SOL', amt: '-10', ts: opened + 2 * MINUTE },
    { refId: nextId(state), type: 'borrowed', ccy: 'USDT', amt: borrowed, ts: opened + 3 * MINUTE },
  );
  for (let h = 72; h >= 1; h--) {
    const ts = Math.floor(now / HOUR) * HOUR - h * HOUR;
    state.loan.interest.push({
      refId: nextId(state), ccy: 'USDT', loan: borrowed, interest: roundDown(div(mul(borrowed, '0.0841'), '8760'), 8), interestRate: '0.0841', ts,
    });
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
      if (savings.loanAmt === '0') continue;
      const rate = lendingRate(ccy, ts);
      state.lendingHistory.push({ ccy, amt: savings.loanAmt, earnings: roundDown(div(mul(savings.loanAmt, rate), '8760'), 8), rate, ts });
    }
  }
  // ETH staking rewards follow the day's APY.
  state.eth.latestInterest = roundDown(div(mul(add(state.funding.BETH ?? '0', '0.3'), stakingApy('eth', now)), '365'), 8);
  state.sol.latestInterest = roundDown(div(mul(state.funding.OKSOL ?? '0', stakingApy('sol', now)), '365'), 8);
  return state;
}
