/**
 * Earnings per product, as OKX's Earn page shows them: **yesterday's**, for the last complete UTC day (00:00 to
 * 24:00 UTC, what was credited in it), and **in total**. Yesterday comes from what OKX gives per day:
 * - Simple Earn: the hourly lending records credited that day (the `recent` area reads back to its start);
 * - OKUSD: the daily reward distributed that day (the `okusd` area reads the latest two);
 * - ETH and SOL staking: OKX's latest daily reward (it gives no date for it; said so where it is shown).
 * On-chain earn, Stable Rewards and Dual Investment have no figure for a day (OKX states totals only; Dual pays
 * at expiry): their rows say so, never a zero. Valued in USD at today's index prices, exactly; a currency
 * without a price is left out and named. No `vscode` import.
 */
import * as D from '../decimal';
import { EARN_PRODUCTS, NO_EARNINGS_FIGURE, TOTALS_ONLY, valueOf, type Amount, type EarnProduct, type OverviewInput, type Position } from './overview';

const DAY_MS = 86_400_000;

/** A UTC day: from its 00:00 (inclusive) to the next 00:00 (exclusive), in ms. */
export interface UtcDay {
  readonly from: number;
  readonly to: number;
}

/** The last complete UTC day before `now`. */
export function yesterdayUtc(now: number): UtcDay {
  const to = Math.floor(now / DAY_MS) * DAY_MS;
  return { from: to - DAY_MS, to };
}

/** How a day's figure was had: credited within the day, or OKX's latest daily reward (undated). */
export type DayBasis = 'credited' | 'latestReward';

export type DayEarning =
  | { readonly product: EarnProduct; readonly kind: 'figure'; readonly basis: DayBasis; readonly amounts: readonly Amount[]; readonly usd: string; readonly missing: readonly string[] }
  /** OKX gives this product's earnings as totals only (Dual Investment: paid at expiry). */
  | { readonly product: EarnProduct; readonly kind: 'noDailyFigure' }
  /** Not read (the area is not loaded), or not read back far enough to cover the day. */
  | { readonly product: EarnProduct; readonly kind: 'unknown'; readonly reason: 'notLoaded' | 'partial' };

export interface TotalEarning {
  readonly product: EarnProduct;
  readonly amounts: readonly Amount[];
  readonly usd: string;
  /** Currencies earned that have no USD price (left out of `usd`). */
  readonly missing: readonly string[];
  /** Dual Investment: nothing is earned before expiry, when the yield is paid with the principal. */
  readonly paidAtExpiry: boolean;
}

export interface EarningsByProduct {
  readonly day: UtcDay;
  readonly yesterday: {
    readonly rows: readonly DayEarning[];
    /** The figures' sum in USD (products without a daily figure are not in it). */
    readonly usd: string;
    /** False when a product with a daily figure could not be read for the day or a currency had no price. */
    readonly complete: boolean;
    readonly missing: readonly string[];
  };
  readonly total: readonly TotalEarning[];
}

/** `amounts` added up per currency, in the order they first appear. */
function perCurrency(amounts: readonly Amount[]): Amount[] {
  const sums = new Map<string, string>();
  for (const { ccy, amt } of amounts) {
    if (!D.isPlainDecimal(amt)) continue;
    sums.set(ccy, D.add(sums.get(ccy) ?? '0', amt));
  }
  return [...sums].map(([ccy, amt]) => ({ ccy, amt }));
}

const within = (ts: string, day: UtcDay): boolean => /^\d+$/.test(ts) && Number(ts) >= day.from && Number(ts) < day.to;

type DayRead = { readonly kind: 'unknown'; readonly reason: 'notLoaded' | 'partial' } | { readonly kind: 'records'; readonly amounts: Amount[] };

function savingsDay(input: OverviewInput, day: UtcDay): DayRead {
  const recent = input.recent;
  if (recent === undefined) return { kind: 'unknown', reason: 'notLoaded' };
  // Read back to the day's start, every page, and after the day ended (`since` is a day before the read).
  if (recent.from === undefined || recent.from > day.from || recent.complete === false || recent.since + DAY_MS < day.to) return { kind: 'unknown', reason: 'partial' };
  return { kind: 'records', amounts: perCurrency(recent.lending.filter((r) => within(r.ts, day)).map((r) => ({ ccy: r.ccy, amt: r.earnings }))) };
}

function okusdDay(input: OverviewInput, day: UtcDay): DayRead {
  const okusd = input.okusd;
  if (okusd === undefined) return { kind: 'unknown', reason: 'notLoaded' };
  const rewards = okusd.rewards ?? (okusd.latestReward === undefined ? [] : [okusd.latestReward]);
  // Newest first, one distribution a day: the day is covered when the oldest reward read is from before its end
  // (that day's or an earlier one), or every reward there is was read (fewer than the two asked).
  const oldest = rewards.at(-1);
  const covered = (oldest !== undefined && /^\d+$/.test(oldest.ts) && Number(oldest.ts) < day.to) || (okusd.rewards !== undefined && rewards.length < 2);
  if (!covered) return { kind: 'unknown', reason: 'partial' };
  return { kind: 'records', amounts: perCurrency(rewards.filter((r) => within(r.ts, day)).map((r) => ({ ccy: r.ccy || 'USDT', amt: r.earnAmt }))) };
}

/**
 * Yesterday's earnings and the earnings in total, per product held (and per product that earned yesterday),
 * in the order of EARN_PRODUCTS. `positions`: the Overview's (./overview computeOverview).
 */
export function earningsByProduct(input: OverviewInput, positions: readonly Position[]): EarningsByProduct {
  const day = yesterdayUtc(input.now);
  const prices = input.prices?.usd;
  const held = new Set(positions.map((p) => p.product));
  const rows: DayEarning[] = [];
  for (const product of EARN_PRODUCTS) {
    // OKX gives on-chain earn, Stable Rewards and Dual Investment as totals only, and no figure at all for auto-earn.
    if (TOTALS_ONLY.includes(product) || NO_EARNINGS_FIGURE.includes(product)) {
      if (held.has(product)) rows.push({ product, kind: 'noDailyFigure' });
      continue;
    }
    let result: DayRead;
    if (product === 'savings') result = savingsDay(input, day);
    else if (product === 'okusd') result = okusdDay(input, day);
    else {
      // ETH and SOL staking: OKX's latest daily reward.
      const mine = positions.filter((p) => p.product === product);
      if (mine.length === 0) continue;
      const amounts = perCurrency(mine.flatMap((p) => p.earned24h ?? []));
      const { usd, missing } = valueOf(prices, amounts);
      rows.push({ product, kind: 'figure', basis: 'latestReward', amounts, usd, missing });
      continue;
    }
    if (result.kind === 'records') {
      if (!held.has(product) && result.amounts.every((a) => D.isZero(a.amt))) continue;
      const { usd, missing } = valueOf(prices, result.amounts);
      rows.push({ product, kind: 'figure', basis: 'credited', amounts: result.amounts, usd, missing });
    } else if (held.has(product) || input[product] === undefined) {
      // Held but not read for the day, or its area not read at all (it may be held): said so, not left out.
      rows.push({ product, kind: 'unknown', reason: result.reason });
    }
  }
  const figures = rows.flatMap((r) => (r.kind === 'figure' ? [r] : []));
  const missing = [...new Set([
    ...rows.flatMap((r) => (r.kind === 'unknown' ? [r.product === 'savings' ? 'recent' : r.product] : [])),
    ...figures.flatMap((r) => r.missing),
  ])];
  // Auto-earn has no earnings figure from OKX (its balance grows): left out here, as from the Overview's earnings.
  const total = EARN_PRODUCTS.filter((product) => held.has(product) && !NO_EARNINGS_FIGURE.includes(product)).map((product): TotalEarning => {
    const amounts = perCurrency(positions.filter((p) => p.product === product).flatMap((p) => p.earned));
    const { usd, missing: unpriced } = valueOf(prices, amounts);
    return { product, amounts, usd, missing: [...new Set(unpriced)], paidAtExpiry: product === 'dual' };
  });
  return {
    day,
    yesterday: { rows, usd: D.sum(figures.map((r) => r.usd)), complete: missing.length === 0 && input.prices !== undefined, missing: input.prices === undefined ? ['prices', ...missing] : missing },
    total,
  };
}
