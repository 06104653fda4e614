/**
 * The Portfolio panel's "Earnings per day": what each product with a history of earnings paid per UTC day, in
 * USD at today's prices. OKX keeps such a history for two Earn products: Simple Earn's hourly lending records
 * and OKUSD's daily rewards. A day with no record of any product has no figure (no bar: it is not a zero); a
 * product's day with records that earned nothing is a zero. Decimal text throughout; no `vscode` import.
 */
import * as D from '../decimal';

export const DAY_MS = 86_400_000;

/** The products whose earnings OKX keeps a history of, in the order their bars are stacked (bottom first). */
export const EARNING_PRODUCTS = ['savings', 'okusd'] as const;
export type EarningProduct = (typeof EARNING_PRODUCTS)[number];

/** One record of earnings: a savings currency's hour, or an OKUSD daily reward. */
export interface EarningRecord {
  readonly product: EarningProduct;
  readonly ccy: string;
  /** Decimal text. */
  readonly amt: string;
  /** Milliseconds. */
  readonly ts: number;
}

export interface EarningDay {
  /** The day's start (UTC), in milliseconds. */
  readonly ts: number;
  /** USD over every product with a priced record that day; undefined when none has one (no data, not zero). */
  readonly usd: string | undefined;
  /** USD per product, for the products with a priced record that day. */
  readonly parts: Readonly<Partial<Record<EarningProduct, string>>>;
}

export interface EarningDays {
  /** The last `range` days (today included), oldest first. */
  readonly days: readonly EarningDay[];
  /** Currencies with records but no USD price (left out, and said so). */
  readonly unpriced: readonly string[];
  /** The newest record's time among all given (in range or not), when there is one. */
  readonly latest: number | undefined;
}

/** The start of the UTC day `ts` falls in. */
export const utcDay = (ts: number): number => Math.floor(ts / DAY_MS) * DAY_MS;

/** The first day (its start) of a range of `range` days ending today. */
export const rangeStart = (range: number, now: number): number => utcDay(now) - (range - 1) * DAY_MS;

/** Earnings per UTC day in USD at today's prices, the last `range` days (today included), oldest first. */
export function earningsPerDay(records: readonly EarningRecord[], prices: ReadonlyMap<string, string>, range: number, now: number): EarningDays {
  const first = rangeStart(range, now);
  const today = utcDay(now);
  const days = new Map<number, Partial<Record<EarningProduct, string>>>();
  for (let day = first; day <= today; day += DAY_MS) days.set(day, {});
  const unpriced = new Set<string>();
  let latest: number | undefined;
  for (const r of records) {
    if (!Number.isFinite(r.ts) || !D.isPlainDecimal(r.amt)) continue;
    latest = latest === undefined ? r.ts : Math.max(latest, r.ts);
    const parts = days.get(utcDay(r.ts));
    if (parts === undefined) continue;
    const price = prices.get(r.ccy);
    if (price === undefined) {
      unpriced.add(r.ccy);
      continue;
    }
    parts[r.product] = D.add(parts[r.product] ?? '0', D.mul(r.amt, price));
  }
  return {
    days: [...days.entries()].map(([ts, parts]) => {
      const values = EARNING_PRODUCTS.flatMap((p) => parts[p] ?? []);
      return { ts, usd: values.length === 0 ? undefined : D.sum(values), parts };
    }),
    unpriced: [...unpriced].sort(),
    latest,
  };
}
