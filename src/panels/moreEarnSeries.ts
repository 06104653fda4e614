/**
 * The figures of the More Earn products' pages that need no `vscode`: OKUSD's APR history and Stable Rewards' APY
 * history as chart series, when an OKUSD standard redemption asked now settles, a Dual Investment amount typed
 * by the user checked against the product's limits, and how far a strike is from the index price. Decimal
 * text throughout; unit-tested in plain Node.
 */
import * as D from '../decimal';
import type { RatePoint, RateSeries } from '../portfolio/historyCache';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The pages of OKUSD's APR history, newest first (OkxClient's `okusd.aprHistory` pager). */
export interface AprPager {
  readonly done: boolean;
  next(): Promise<readonly { readonly apr: string; readonly ts: string }[]>;
}

const point = (ts: string, rate: string): RatePoint | undefined => {
  const at = Number(ts);
  return /^\d{1,16}$/.test(ts) && Number.isSafeInteger(at) && rate.length <= 40 && D.isPlainDecimal(rate) ? { ts: at, rate } : undefined;
};

/**
 * OKUSD's daily APR snapshots from now back to `since`: pages of 100, newest first, until one reaches past
 * `since` or OKX has no more (`start`). A snapshot that is not plain decimal text is left out, never guessed.
 * `onProgress` gets the series so far after each page but the last.
 */
export async function loadOkusdApr(pager: AprPager, now: number, since: number, onProgress?: (series: RateSeries) => void): Promise<RateSeries> {
  const points: RatePoint[] = [];
  let oldest = now;
  for (;;) {
    const page = await pager.next();
    for (const record of page) {
      const p = point(record.ts, record.apr);
      if (p === undefined) continue;
      points.push(p);
      oldest = Math.min(oldest, p.ts);
    }
    const series: RateSeries = { from: oldest, to: now, start: pager.done, points: [...points].sort((a, b) => a.ts - b.ts) };
    if (pager.done || oldest <= since || page.length === 0) return { ...series, start: pager.done || page.length === 0 };
    onProgress?.(series);
  }
}

/**
 * Stable Rewards' daily APY (the user's VIP level) from OKX's one answer of up to 100 days, newest first: oldest
 * first here. It covers `days` days back from now; fewer records than asked means OKX has nothing older.
 */
export function stableApySeries(records: readonly { readonly rate: string; readonly ts: string }[], now: number, days: number): RateSeries {
  const points = records.flatMap((r) => point(r.ts, r.rate) ?? []).sort((a, b) => a.ts - b.ts);
  return { from: Math.min(now - days * DAY, points[0]?.ts ?? Infinity), to: now, start: records.length < days, points };
}

/**
 * When an OKUSD standard redemption asked at `ts` is expected: five calendar days later, or six when asked at or
 * after 16:00 in UTC+8 (OKX's rule for redeemType 2).
 */
export function okusdStandardSettlement(ts: number): number {
  const hourUtc8 = new Date(ts + 8 * HOUR).getUTCHours();
  return ts + (hourUtc8 < 16 ? 5 : 6) * DAY;
}

/** A product's size limits, as OKX gives them (in its notional currency). */
export interface SizeLimits {
  readonly minSize: string;
  readonly maxSize: string;
  readonly stepSz: string;
}

export type AmountCheck =
  | { readonly ok: true; readonly amount: string }
  | { readonly ok: false; readonly problem: 'notNumber' | 'notPositive' | 'belowMin' | 'aboveMax' | 'notStep' };

/**
 * What a user typed as an amount (spaces and thousands commas allowed), checked against the product's limits:
 * at least the minimum, at most the maximum, a whole number of steps. The amount is returned as plain decimal text.
 */
export function checkAmount(typed: string, limits: SizeLimits): AmountCheck {
  const text = typed.replace(/[\s,]/g, '');
  if (text === '' || text.length > 40 || !D.isPlainDecimal(text)) return { ok: false, problem: 'notNumber' };
  const amount = D.trim(text);
  if (!D.isPositive(amount)) return { ok: false, problem: 'notPositive' };
  if (D.isPlainDecimal(limits.minSize) && D.lt(amount, limits.minSize)) return { ok: false, problem: 'belowMin' };
  if (D.isPlainDecimal(limits.maxSize) && D.isPositive(limits.maxSize) && D.gt(amount, limits.maxSize)) return { ok: false, problem: 'aboveMax' };
  if (D.isPlainDecimal(limits.stepSz) && D.isPositive(limits.stepSz)) {
    const steps = D.div(amount, limits.stepSz, 18);
    if (!D.isZero(D.sub(steps, D.roundDown(steps, 0)))) return { ok: false, problem: 'notStep' };
  }
  return { ok: true, amount };
}

/**
 * How far the strike is from the index price, as a fraction of the index (rounded down to 6 places), and on
 * which side. Undefined when either is not a positive decimal.
 */
export function strikeFromIndex(strike: string, index: string): { readonly side: 'above' | 'below' | 'at'; readonly fraction: string } | undefined {
  if (!D.isPlainDecimal(strike) || !D.isPlainDecimal(index) || !D.isPositive(index) || !D.isPositive(strike)) return undefined;
  const side = D.gt(strike, index) ? 'above' : D.lt(strike, index) ? 'below' : 'at';
  const distance = side === 'below' ? D.sub(index, strike) : D.sub(strike, index);
  return { side, fraction: D.roundDown(D.div(distance, index, 18), 6) };
}

/**
 * Whether a Dual Investment target saved with a panel (restored after a reload) still names its order or product:
 * an object with a string id and both currencies. Anything else is not restored.
 */
export function restorableDual(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const t = target as { order?: unknown; product?: unknown };
  const [of, idKey] = t.order !== undefined ? [t.order, 'ordId'] : [t.product, 'productId'];
  if (typeof of !== 'object' || of === null) return false;
  const fields = of as Record<string, unknown>;
  return typeof fields[idKey] === 'string' && fields[idKey] !== '' && typeof fields.baseCcy === 'string' && typeof fields.quoteCcy === 'string';
}
