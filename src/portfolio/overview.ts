/**
 * The Overview's figures, computed from what the portfolio holds: the Earn holdings in USD and their share per
 * product and currency, earnings in the last 24 hours and in total (from the figures OKX gives per position),
 * the holdings-weighted APY, the loans' net value, what comes next (redemptions arriving, fixed terms ending),
 * and a cross-check against OKX's own valuation of the Earn account. Exact decimals throughout; a figure that
 * cannot be had (no price, an area not loaded) makes its total **incomplete**, never a silent zero.
 * No `vscode` import.
 */
import * as D from '../decimal';
import type * as T from '../okx/types';
import { dualOrderOpen, type AreaData } from './portfolio';

export type EarnProduct = 'onchain' | 'eth' | 'sol' | 'savings' | 'okusd' | 'stable' | 'dual' | 'autoEarn';
export const EARN_PRODUCTS: readonly EarnProduct[] = ['onchain', 'eth', 'sol', 'savings', 'okusd', 'stable', 'dual', 'autoEarn'];
/** Products whose earnings OKX gives as totals only (no figure for a day): left out of the 24-hour earnings. */
export const TOTALS_ONLY: readonly EarnProduct[] = ['onchain', 'stable', 'dual'];
/** Products for whose earnings OKX gives no figure at all (auto-earn: the trading balance grows by them). */
export const NO_EARNINGS_FIGURE: readonly EarnProduct[] = ['autoEarn'];

const DAY_MS = 86_400_000;
/** Staking tokens OKX issues 1:1 for what was staked: valued at that currency's price where OKX gives none of their own. */
const ONE_TO_ONE: Readonly<Record<string, string>> = { BETH: 'ETH', OKSOL: 'SOL', OKUSD: 'USDT' };

export interface Amount {
  readonly ccy: string;
  readonly amt: string;
}

/**
 * One holding: an on-chain order's investment, the staked BETH/OKSOL, a savings currency, the OKUSD held, a
 * Stable Rewards coin, an open Dual Investment order's principal, or what auto-earn has matched of a trading balance.
 */
export interface Position {
  readonly product: EarnProduct;
  readonly ccy: string;
  readonly amt: string;
  /** USD value at the index price, when there is one. */
  readonly usd: string | undefined;
  /** Priced through the currency it is issued 1:1 for (BETH as ETH), when OKX gives no price of its own. */
  readonly pricedAs: string | undefined;
  /** The annual yield on this position, as a fraction, when known. */
  readonly apy: string | undefined;
  /** The USD amount the APY applies to (savings: only what is lent). */
  readonly earningUsd: string | undefined;
  /** Earned so far, as OKX states it per position. */
  readonly earned: readonly Amount[];
  /** Earned in the last 24 hours, where OKX gives a figure for it; undefined where it gives only totals. */
  readonly earned24h: readonly Amount[] | undefined;
  /** What to open for it: the order id, or the currency. */
  readonly ref: string;
}

export interface Total {
  readonly usd: string;
  /** False when some part could not be valued; `missing` says which. */
  readonly complete: boolean;
  /** Currencies without a USD price, and areas not loaded, that the total leaves out. */
  readonly missing: readonly string[];
}

export interface Share {
  readonly key: string;
  readonly usd: string;
  /** Of the valued total, as a fraction to 8 places (rounded only where it is shown: formatShare). */
  readonly share: string;
  /** Amount in the currency itself (by currency only). */
  readonly amt?: string;
}

export type UpcomingKind = 'ethRedemption' | 'onchainRedemption' | 'termEnd' | 'okusdRedemption' | 'dualExpiry';

export interface Upcoming {
  readonly at: number;
  readonly kind: UpcomingKind;
  readonly ccy: string;
  readonly amt: string;
  readonly ref: string;
  readonly product: EarnProduct;
}

export interface Overview {
  readonly positions: readonly Position[];
  readonly holdings: Total;
  readonly byProduct: readonly Share[];
  readonly byCurrency: readonly Share[];
  /** Savings (from the hourly lending history) and ETH/SOL (the latest daily reward); on-chain gives totals only. */
  readonly earned24h: Total & { readonly covers: readonly EarnProduct[] };
  readonly earnedTotal: Total;
  /**
   * The holdings-weighted APY; without a value, `unknown` says why: nothing is held, or nothing held could be
   * valued (no USD price, an area not loaded).
   */
  readonly apy: { readonly value: string | undefined; readonly complete: boolean; readonly unknown?: 'nothingHeld' | 'unvalued' };
  readonly loans: { readonly collateralUsd: string; readonly debtUsd: string; readonly netUsd: string; readonly orders: number } | undefined;
  readonly upcoming: readonly Upcoming[];
  /** OKX's valuation of the Earn account beside ours (on-chain earn and savings: what OKX counts there). */
  readonly valuation: { readonly okxUsd: string; readonly oursUsd: string; readonly difference: string; readonly disagrees: boolean } | undefined;
}

export type OverviewInput = { readonly [K in keyof AreaData]?: AreaData[K] } & { readonly now: number };

const plain = (value: string | undefined): value is string => value !== undefined && D.isPlainDecimal(value);

export function priceOf(prices: ReadonlyMap<string, string> | undefined, ccy: string): { price: string; as: string | undefined } | undefined {
  const own = prices?.get(ccy);
  if (own !== undefined) return { price: own, as: undefined };
  const base = ONE_TO_ONE[ccy];
  const proxy = base === undefined ? undefined : prices?.get(base);
  return proxy === undefined || base === undefined ? undefined : { price: proxy, as: base };
}

/** The sum of `amounts` in USD, and what could not be valued. */
export function valueOf(prices: ReadonlyMap<string, string> | undefined, amounts: readonly Amount[]): { usd: string; missing: string[] } {
  let usd = '0';
  const missing: string[] = [];
  for (const { ccy, amt } of amounts) {
    if (!plain(amt) || D.isZero(amt)) continue;
    const price = priceOf(prices, ccy);
    if (price === undefined) missing.push(ccy);
    else usd = D.add(usd, D.mul(amt, price.price));
  }
  return { usd, missing };
}

function positions(input: OverviewInput): Position[] {
  const prices = input.prices?.usd;
  const list: Position[] = [];
  const position = (p: Omit<Position, 'usd' | 'pricedAs'>): void => {
    const price = plain(p.amt) ? priceOf(prices, p.ccy) : undefined;
    list.push({ ...p, usd: price === undefined ? undefined : D.mul(p.amt, price.price), pricedAs: price?.as });
  };
  for (const order of input.onchain?.orders ?? []) {
    for (const invest of order.investData) {
      const price = priceOf(prices, invest.ccy);
      position({
        product: 'onchain', ccy: invest.ccy, amt: invest.amt, apy: plain(order.apy) ? order.apy : undefined,
        earningUsd: price === undefined || !plain(invest.amt) ? undefined : D.mul(invest.amt, price.price),
        earned: order.earningData.map((e) => ({ ccy: e.ccy, amt: e.earnings })), earned24h: undefined, ref: order.ordId,
      });
    }
  }
  const staking = (product: 'eth' | 'sol', balance: T.StakingBalance | undefined, apy: string | undefined): void => {
    if (balance === undefined) return;
    const price = priceOf(prices, balance.ccy);
    position({
      product, ccy: balance.ccy, amt: balance.amt, apy: plain(apy) ? apy : undefined,
      earningUsd: price === undefined || !plain(balance.amt) ? undefined : D.mul(balance.amt, price.price),
      earned: [{ ccy: balance.ccy, amt: balance.totalInterestAccrual }],
      // OKX rewards staking once a day: the latest reward is the last 24 hours' earnings.
      earned24h: [{ ccy: balance.ccy, amt: balance.latestInterestAccrual }],
      ref: balance.ccy,
    });
  };
  staking('eth', input.eth?.balance, input.market?.ethApy?.rate);
  staking('sol', input.sol?.balance, input.market?.solApy?.rate);
  for (const b of input.savings?.balances ?? []) {
    const lending = input.market?.latestRates.find((r) => r.ccy === b.ccy)?.lendingRate;
    const price = priceOf(prices, b.ccy);
    position({
      product: 'savings', ccy: b.ccy, amt: b.amt, apy: plain(lending) ? lending : undefined,
      // Only what is lent earns; what waits for the market to reach the minimum rate earns nothing yet.
      earningUsd: price === undefined || !plain(b.loanAmt) ? undefined : D.mul(b.loanAmt, price.price),
      earned: [{ ccy: b.ccy, amt: b.earnings }],
      earned24h: input.recent === undefined ? undefined : input.recent.lending.filter((r) => r.ccy === b.ccy && Number(r.ts) >= (input.recent?.since ?? 0)).map((r) => ({ ccy: r.ccy, amt: r.earnings })),
      ref: b.ccy,
    });
  }
  const okusd = input.okusd?.account;
  if (okusd !== undefined) {
    const apr = input.okusd?.apr?.apr;
    const reward = input.okusd?.latestReward;
    // Rewarded once a day, like staking: the latest reward is the last day's earnings, if it is that recent.
    const recentReward = reward !== undefined && /^\d+$/.test(reward.ts) && Number(reward.ts) >= input.now - 2 * DAY_MS;
    const price = priceOf(prices, okusd.ccy);
    position({
      product: 'okusd', ccy: okusd.ccy, amt: okusd.amt, apy: plain(apr) ? apr : undefined,
      earningUsd: price === undefined || !plain(okusd.amt) ? undefined : D.mul(okusd.amt, price.price),
      earned: [{ ccy: 'USDT', amt: okusd.totalEarnAccrual }],
      earned24h: [{ ccy: 'USDT', amt: recentReward ? reward.earnAmt : '0' }],
      ref: okusd.ccy,
    });
  }
  for (const h of input.stable?.holdings ?? []) {
    const apy = input.stable?.apy.get(h.ccy)?.rate;
    const price = priceOf(prices, h.ccy);
    position({
      product: 'stable', ccy: h.ccy, amt: h.amt,
      // A holding that is not earning (auto-earn off, below the threshold) yields nothing, whatever the APY.
      apy: h.state === 'earning' ? (plain(apy) ? apy : undefined) : '0',
      earningUsd: price === undefined || !plain(h.amt) ? undefined : D.mul(h.amt, price.price),
      earned: [{ ccy: h.ccy, amt: h.totalEarnAccrual }],
      earned24h: undefined,
      ref: h.ccy,
    });
  }
  for (const order of (input.dual?.orders ?? []).filter(dualOrderOpen)) {
    const price = priceOf(prices, order.notionalCcy);
    position({
      product: 'dual', ccy: order.notionalCcy, amt: order.notionalSz, apy: plain(order.annualizedYield) ? order.annualizedYield : undefined,
      earningUsd: price === undefined || !plain(order.notionalSz) ? undefined : D.mul(order.notionalSz, price.price),
      // The yield is paid with the principal at expiry: nothing is earned before.
      earned: [],
      earned24h: undefined,
      ref: order.ordId,
    });
  }
  // Auto-earn, while it earns: what OKX has matched of a trading balance, at the savings lending rate.
  for (const d of input.trading?.details ?? []) {
    if (d.autoLendStatus !== 'active' || !plain(d.autoLendMtAmt) || D.isZero(d.autoLendMtAmt)) continue;
    const lending = input.market?.latestRates.find((r) => r.ccy === d.ccy)?.lendingRate;
    const price = priceOf(prices, d.ccy);
    position({
      product: 'autoEarn', ccy: d.ccy, amt: d.autoLendMtAmt, apy: plain(lending) ? lending : undefined,
      earningUsd: price === undefined ? undefined : D.mul(d.autoLendMtAmt, price.price),
      earned: [], earned24h: undefined, ref: d.ccy,
    });
  }
  return list;
}

function upcoming(input: OverviewInput): Upcoming[] {
  const events: Upcoming[] = [];
  const when = (ms: string | undefined): number | undefined => (ms !== undefined && /^\d+$/.test(ms) ? Number(ms) : undefined);
  for (const r of input.eth?.pendingRedemptions ?? []) {
    const at = when(r.estCompletedTime);
    if (at !== undefined) events.push({ at, kind: 'ethRedemption', ccy: 'BETH', amt: r.amt, ref: r.ordId ?? '', product: 'eth' });
  }
  for (const order of input.onchain?.orders ?? []) {
    const [invest] = order.investData;
    if (invest === undefined) continue;
    const settles = when(order.estSettlementTime);
    if (order.state === '2' && settles !== undefined) {
      events.push({ at: settles, kind: 'onchainRedemption', ccy: invest.ccy, amt: invest.amt, ref: order.ordId, product: 'onchain' });
    }
    const purchased = when(order.purchasedTime);
    if (order.state === '1' && /^\d+$/.test(order.term) && order.term !== '0' && purchased !== undefined) {
      const ends = purchased + Number(order.term) * DAY_MS;
      if (ends >= input.now) events.push({ at: ends, kind: 'termEnd', ccy: invest.ccy, amt: invest.amt, ref: order.ordId, product: 'onchain' });
    }
  }
  for (const r of input.okusd?.pendingRedemptions ?? []) {
    const at = when(r.estSettlementTime);
    if (at !== undefined) events.push({ at, kind: 'okusdRedemption', ccy: r.settleCcy, amt: r.settleCcyAmt, ref: r.ordId, product: 'okusd' });
  }
  for (const order of (input.dual?.orders ?? []).filter(dualOrderOpen)) {
    const at = when(order.expTime);
    if (at !== undefined && at >= input.now) events.push({ at, kind: 'dualExpiry', ccy: order.notionalCcy, amt: order.notionalSz, ref: order.ordId, product: 'dual' });
  }
  return events.sort((a, b) => a.at - b.at);
}

function shares(entries: Map<string, { usd: string; amt?: string }>, total: string): Share[] {
  return [...entries.entries()]
    .map(([key, v]) => ({ key, usd: v.usd, share: D.isPositive(total) ? D.div(v.usd, total, 8) : '0', ...(v.amt === undefined ? {} : { amt: v.amt }) }))
    .sort((a, b) => D.cmp(b.usd, a.usd));
}

/**
 * Which areas the Overview is built from, and are not there: their figures are missing from every total. The
 * trading account (auto-earn while it earns) is not among them: without it there is no auto-earn row, and the
 * Overview says the area failed.
 */
const AREAS_FOR_TOTALS = ['onchain', 'eth', 'sol', 'savings', 'okusd', 'stable', 'dual', 'prices'] as const;

export function computeOverview(input: OverviewInput): Overview {
  const list = positions(input);
  const absentAreas = AREAS_FOR_TOTALS.filter((area) => input[area] === undefined);
  const unpriced = [...new Set(list.filter((p) => p.usd === undefined && plain(p.amt) && !D.isZero(p.amt)).map((p) => p.ccy))];

  const holdingsUsd = D.sum(list.flatMap((p) => (p.usd === undefined ? [] : [p.usd])));
  const holdings: Total = { usd: holdingsUsd, complete: absentAreas.length === 0 && unpriced.length === 0, missing: [...absentAreas, ...unpriced] };

  const byProduct = new Map<string, { usd: string }>();
  const byCurrency = new Map<string, { usd: string; amt: string }>();
  for (const p of list) {
    if (p.usd === undefined) continue;
    byProduct.set(p.product, { usd: D.add(byProduct.get(p.product)?.usd ?? '0', p.usd) });
    const held = byCurrency.get(p.ccy);
    byCurrency.set(p.ccy, { usd: D.add(held?.usd ?? '0', p.usd), amt: D.add(held?.amt ?? '0', p.amt) });
  }

  const prices = input.prices?.usd;
  const earned = valueOf(prices, list.flatMap((p) => p.earned));
  const covered = list.filter((p) => p.earned24h !== undefined);
  const earned24 = valueOf(prices, covered.flatMap((p) => p.earned24h ?? []));
  // Savings are covered by the lending history; OKUSD by its latest daily reward.
  const covers = EARN_PRODUCTS.filter((product) => !TOTALS_ONLY.includes(product) && !NO_EARNINGS_FIGURE.includes(product) && (product !== 'savings' || input.recent !== undefined) && (product !== 'okusd' || input.okusd?.account !== undefined));

  // Holdings-weighted APY: each position's yield on what earns, over everything held (valued).
  let weighted = '0';
  let weight = '0';
  let apyComplete = holdings.complete;
  for (const p of list) {
    if (p.usd === undefined) continue;
    weight = D.add(weight, p.usd);
    if (p.apy === undefined || p.earningUsd === undefined) {
      if (!D.isZero(p.usd)) apyComplete = false;
      continue;
    }
    weighted = D.add(weighted, D.mul(p.earningUsd, p.apy));
  }

  const loanOrders = input.loans?.loans ?? [];
  const loans =
    input.loans === undefined
      ? undefined
      : (() => {
          const collateralUsd = D.sum(loanOrders.map((l) => (plain(l.collateralNotionalUsd) ? l.collateralNotionalUsd : '0')));
          const debtUsd = D.sum(loanOrders.map((l) => (plain(l.loanNotionalUsd) ? l.loanNotionalUsd : '0')));
          return { collateralUsd, debtUsd, netUsd: D.sub(collateralUsd, debtUsd), orders: loanOrders.length };
        })();

  // OKX's Earn account holds on-chain earn and savings; BETH and OKSOL are tokens in the funding account.
  const okxEarn = input.valuation?.valuation?.details.earn;
  const inEarnAccount = list.filter((p) => p.product === 'onchain' || p.product === 'savings');
  const oursComplete = inEarnAccount.every((p) => p.usd !== undefined) && input.onchain !== undefined && input.savings !== undefined;
  const oursUsd = D.sum(inEarnAccount.flatMap((p) => (p.usd === undefined ? [] : [p.usd])));
  const valuation =
    !plain(okxEarn) || !oursComplete
      ? undefined
      : (() => {
          const larger = D.max(okxEarn, oursUsd);
          const difference = D.isPositive(larger) ? D.roundDown(D.div(D.sub(D.max(okxEarn, oursUsd), D.min(okxEarn, oursUsd)), larger, 12), 6) : '0';
          return { okxUsd: okxEarn, oursUsd, difference, disagrees: D.gt(difference, '0.01') };
        })();

  return {
    positions: list,
    holdings,
    byProduct: shares(byProduct, holdingsUsd),
    byCurrency: shares(byCurrency, holdingsUsd),
    earned24h: { usd: earned24.usd, complete: earned24.missing.length === 0 && absentAreas.length === 0 && input.recent !== undefined, missing: [...absentAreas, ...earned24.missing], covers },
    earnedTotal: { usd: earned.usd, complete: earned.missing.length === 0 && absentAreas.length === 0, missing: [...absentAreas, ...earned.missing] },
    apy: D.isPositive(weight)
      ? { value: D.roundDown(D.div(weighted, weight, 12), 6), complete: apyComplete }
      : { value: undefined, complete: apyComplete, unknown: holdings.complete && D.isZero(holdingsUsd) ? 'nothingHeld' : 'unvalued' },
    loans,
    upcoming: upcoming(input),
    valuation,
  };
}
