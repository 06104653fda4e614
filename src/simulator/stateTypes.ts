/**
 * The simulator's state, as types: every product's records and the trading account, as the state file keeps them.
 * Below the state's seeding (./state), the engine and each product's handlers alike.
 */
import type { EarningType, OfferState, OrderState, StakingHistoryStatus, StakingHistoryType } from '../okx/types';
import type * as T from '../okx/types';

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
  /** The order it belongs to (OKX's history rows do not carry it; `ordId` filters by it). */
  ordId: string;
  type: string;
  ccy: string;
  amt: string;
  ts: number;
}

export interface SimInterestRecord {
  refId: string;
  ordId: string;
  ccy: string;
  loan: string;
  interest: string;
  interestRate: string;
  ts: number;
}

/** One flexible-loan order: its own borrowed currency, collateral and LTV. */
export interface SimLoanOrder {
  ordId: string;
  /** E-Mode orders take only the collateral of their pair, at the E-Mode LTVs. */
  eMode: boolean;
  /** When the order was opened: without `ordId`, OKX acts on the earliest. */
  createdAt: number;
  /** One borrowed currency per order (repay must name it). */
  loan: { ccy: string; amt: string }[];
  collateral: { ccy: string; amt: string }[];
}

export interface SimLtvLimits {
  /** The most a loan may be at when borrowing or taking collateral back. */
  initialLTV: string;
  marginCallLTV: string;
  liqLTV: string;
}

/** A repayment accepted but not yet settled (OKX settles repayments asynchronously). */
export interface SimRepayment {
  ordId: string;
  ccy: string;
  amt: string;
  settleAt: number;
}

/** A client order id OKX keeps for 60 s per endpoint: a duplicate gets 51016 (done) or 51784 (in flight). */
export interface SimClientOrderId {
  endpoint: 'borrow' | 'repay';
  clOrdId: string;
  at: number;
  /** Until when it is still being processed (repayments). */
  busyUntil: number;
}

export interface SimLoans {
  orders: SimLoanOrder[];
  standard: SimLtvLimits;
  emode: SimLtvLimits;
  /** Collateral/borrow pairs eligible for E-Mode. */
  emodePairs: { collateralCcy: string; borrowCcy: string }[];
  /** Annual interest rate per borrowable currency. */
  interestRate: Record<string, string>;
  /** Remaining quota per borrowable currency. */
  quota: Record<string, string>;
  collateralCurrencies: string[];
  restricted: string[];
  minCollateral: Record<string, string>;
  history: SimLoanRecord[];
  interest: SimInterestRecord[];
  repayments: SimRepayment[];
  clientOrderIds: SimClientOrderId[];
  /** How long a repayment takes to settle. */
  repaySettleMs: number;
}

/** One OKUSD order: a subscription, or a fast or standard redemption. */
export interface SimOkusdOrder {
  ordId: string;
  clOrdId: string;
  kind: 'subscribe' | 'fast' | 'standard';
  /** USDT subscribed, or OKUSD redeemed. */
  amt: string;
  /** Redemptions: the USDT fee and what reaches the funding account. */
  fee: string;
  net: string;
  status: 'pending' | 'success';
  ts: number;
  /** Standard redemptions: when the USDT arrives. */
  settleAt?: number;
}

/** One daily quota: the user's limit and the platform's, and what was used on `day` (a UTC day number). */
export interface SimOkusdQuota {
  personalDailyLimit: string;
  platformDailyLimit: string;
  /** What the rest of the platform has used by the start of each day (the simulator's one other user). */
  platformBaseline: string;
  personalUsed: string;
  platformUsed: string;
  day: number;
}

/** OKUSD: held in the funding account (1:1 with USDT), with daily quotas and a daily USDT yield. */
export interface SimOkusd {
  sub: SimOkusdQuota;
  fast: SimOkusdQuota & { feeRate: string };
  std: SimOkusdQuota & { feeRate: string };
  /** The instant-redemption pool: fast redemptions beyond it are refused with 51772. */
  fastPool: string;
  totalEarnAccrual: string;
  /** UTC day number of the last daily yield. */
  lastRewardDay: number;
  orders: SimOkusdOrder[];
  rewards: { earnAmt: string; amt: string; apr: string; ts: number }[];
  /** Tests: the OKUSD API answers 51774 while true. */
  maintenance: boolean;
}

/** Stable Rewards: per stablecoin, its settlement routes, and the holding's lifetime earnings. */
export interface SimStableRewards {
  products: Record<string, {
    settleCcy: string; subFeeRate: string; redemptFeeRate: string; minSubAmt: string; minRedeemAmt: string;
    remainingSubQuota: string; remainingRedemptQuota: string; canRedeem: boolean;
  }[]>;
  holdings: Record<string, { totalEarnAccrual: string; autoEarn: boolean; lastRewardDay: number }>;
  /** The least balance that earns. */
  activationThreshold: string;
}

export interface SimDualPair {
  baseCcy: string;
  quoteCcy: string;
  /** The strike grid, in the quote currency. */
  strikeStep: string;
  /** Size limits in the investment currency: the base for a call, the quote for a put. */
  call: { minSize: string; maxSize: string; stepSz: string };
  put: { minSize: string; maxSize: string; stepSz: string };
}

/** A quote (to trade, or to redeem early): usable once, until `validUntil`. */
export interface SimDualQuote {
  quoteId: string;
  kind: 'trade' | 'redeem';
  productId: string;
  /** Redeem quotes: the order. */
  ordId: string;
  notionalSz: string;
  notionalCcy: string;
  absYield: string;
  annualizedYield: string;
  interestAccrualTime: number;
  idxPx: string;
  /** Redeem quotes: what comes back. */
  redeemSz: string;
  termRate: string;
  validUntil: number;
  used: boolean;
}

export interface SimDualOrder {
  ordId: string;
  quoteId: string;
  state: 'live' | 'settled' | 'pending_redeem' | 'redeemed';
  productId: string;
  baseCcy: string;
  quoteCcy: string;
  optType: 'C' | 'P';
  strike: string;
  notionalSz: string;
  notionalCcy: string;
  absYield: string;
  annualizedYield: string;
  settleSz: string;
  settleCcy: string;
  settlePx: string;
  settleTime?: number;
  expTime: number;
  redeemStartTime: number;
  redeemEndTime: number;
  cTime: number;
  uTime: number;
  /** Early redemption: what comes back, and when. */
  redeemSz?: string;
  redeemAt?: number;
}

export interface SimDual {
  pairs: SimDualPair[];
  quotes: SimDualQuote[];
  orders: SimDualOrder[];
  /** How long a quote may be traded. */
  quoteTtlMs: number;
  /** How long an accepted early redemption takes to pay out. */
  redeemDelayMs: number;
}

export interface SimState {
  version: 2;
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
  loans: SimLoans;
  okusd: SimOkusd;
  stableRewards: SimStableRewards;
  dual: SimDual;
  /** The trading account (spot mode) and its auto-earn: ./accounts. */
  trading: SimTrading;
  basePrices: Record<string, string>;
}

export interface SimAutoEarn {
  earnType: T.AutoEarnType;
  /** When it was turned on. */
  since: number;
  /** When the market matched it (absent: pending). */
  matchedAt?: number;
  matched: string;
  /** Earned since it was turned on (the simulator's own record: OKX's balance page does not show it). */
  earned: string;
}

export interface SimTradingCcy {
  cashBal: string;
  uTime: number;
  /** Absent while auto-earn is off. */
  autoEarn?: SimAutoEarn;
}

export interface SimTrading {
  balances: Record<string, SimTradingCcy>;
  /** The currencies OKX auto-earns, each with the earnType that does it; any other currency is `unsupported`. */
  autoEarnTypes: Record<string, T.AutoEarnType>;
  /** How long a currency turned on waits to be matched. */
  matchDelayMs: number;
}
