/**
 * The simulator's market: USD prices (set by tests, or gently moving in the sandbox) and deterministic
 * histories for ETH/SOL APY and the savings lending rates, so the same moment always shows the same rate.
 */
import { div, max, min, mul, roundDown } from '../decimal';
import type { IndexTicker } from '../okx/types';
import { DAY, HOUR } from './clock';

/** A repeatable pseudo-random number in [0, 1) for (key, n). */
export function noise(key: string, n: number): number {
  let h = 2166136261 ^ n;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/** A synthetic rate as a decimal string with 8 places (generated, not an amount anybody sends). */
function rateText(value: number): string {
  return Math.max(0.0001, value).toFixed(8);
}

/** ETH or SOL staking APY on the UTC day containing `ts`. */
export function stakingApy(product: 'eth' | 'sol', ts: number): string {
  const day = Math.floor(ts / DAY);
  const base = product === 'eth' ? 0.029 : 0.081;
  const swing = product === 'eth' ? 0.004 : 0.012;
  return rateText(base + swing * Math.sin(day / 23) + swing * 0.4 * (noise(product, day) - 0.5));
}

/** OKUSD's APR (a fraction) on the UTC day containing `ts`. */
export function okusdApr(ts: number): string {
  const day = Math.floor(ts / DAY);
  return Math.max(0.01, 0.041 + 0.004 * Math.sin(day / 19) + 0.002 * (noise('OKUSD', day) - 0.5)).toFixed(4);
}

/** A Stable Rewards stablecoin's APY (a fraction) on the UTC day containing `ts`. */
export function stableRewardsApy(ccy: string, ts: number): string {
  const day = Math.floor(ts / DAY);
  return Math.max(0.001, 0.038 + 0.005 * Math.sin(day / 29) + 0.002 * (noise(ccy, day) - 0.5)).toFixed(4);
}

/**
 * Each currency's lending rate around which the market moves (±45 % at most): never below OKX's 1 % floor for a
 * minimum lending rate where the demo lends (BTC at 1 % lends in every hour), so a balance lent in the demo is
 * lent at or above its minimum, as OKX lends.
 */
const SAVINGS_BASE: Readonly<Record<string, number>> = { USDT: 0.052, USDC: 0.047, BTC: 0.021, ETH: 0.019, SOL: 0.031, DOT: 0.024 };

export function savingsCurrencies(): string[] {
  return Object.keys(SAVINGS_BASE);
}

/** The lending market's annual rate for `ccy` in the hour containing `ts`: what savers earn. */
export function lendingRate(ccy: string, ts: number): string {
  const hour = Math.floor(ts / HOUR);
  const base = SAVINGS_BASE[ccy] ?? 0.01;
  return rateText(base * (1 + 0.35 * Math.sin(hour / 37) + 0.2 * (noise(ccy, hour) - 0.5)));
}

/** The share of what borrowers pay that reaches savers (the rest is OKX's). */
const SAVERS_SHARE = '0.85';

/** Borrowing rates worked out, by coin and hour: a rate summary reads 26 hours of each coin on every request. */
const borrowingRates = new Map<string, string>();
const REMEMBERED_RATES = 20_000;

/** The annual rate borrowers pay for `ccy` in that hour: above the lending rate by OKX's cut. */
export function borrowingRate(ccy: string, ts: number): string {
  const key = `${ccy}@${Math.floor(ts / HOUR)}`;
  let rate = borrowingRates.get(key);
  if (rate === undefined) {
    rate = roundDown(div(lendingRate(ccy, ts), SAVERS_SHARE, 12), 8);
    if (borrowingRates.size >= REMEMBERED_RATES) borrowingRates.clear();
    borrowingRates.set(key, rate);
  }
  return rate;
}

/** Held at their base price even in the sandbox's moving market. */
const STABLECOINS = new Set(['USDT', 'USDC', 'OKUSD', 'USDG']);

export class PriceFeed {
  /** Test-set prices win over motion. */
  private readonly pinned = new Map<string, string>();
  /** A moving price's path scaled by a jump (see `jump`). */
  private readonly scaled = new Map<string, string>();

  constructor(
    private readonly base: Readonly<Record<string, string>>,
    /** In the sandbox prices drift ±1.5% over ten minutes, so the LTV moves. */
    private readonly motion: boolean,
  ) {}

  /**
   * Index prices worked out at whole hours and minutes (an index ticker's day range, starts of day), by base,
   * quote and time: every ticker samples the day before it, and `GET /api/v5/market/index-tickers` answers one per
   * priced currency. Forgotten whenever a price is set or jumps (a path moved moves its past too).
   */
  private readonly atMarks = new Map<string, string>();
  private static readonly REMEMBERED_MARKS = 20_000;

  set(ccy: string, usd: string): void {
    this.pinned.set(ccy, usd);
    this.atMarks.clear();
  }

  /** `indexPx` at `ts`, a whole hour or minute, worked out once per path. */
  indexPxAtMark(base: string, quote: string, ts: number): string {
    const key = `${base}-${quote}@${ts}`;
    let px = this.atMarks.get(key);
    if (px === undefined) {
      px = indexPx(this, base, quote, ts);
      if (this.atMarks.size >= PriceFeed.REMEMBERED_MARKS) this.atMarks.clear();
      this.atMarks.set(key, px);
    }
    return px;
  }

  /**
   * Moves the price path at `ts` to `to`: a price ("80000") or a change ("-10%", "+2.5%"). A moving price keeps
   * moving, from the new level; a still one is set. Returns the new price.
   */
  jump(ccy: string, to: string, ts: number): string {
    const now = this.usd(ccy, ts);
    const change = /^([+-]?\d+(?:\.\d+)?)%$/.exec(to);
    if (change === null && !/^\d+(?:\.\d+)?$/.test(to)) throw new Error(`A jump is a price or a change in percent, not ${to}`);
    const target = change === null ? to : roundDown(mul(now, div(`${100 + Number(change[1])}`, '100', 12)), 8);
    if (this.pinned.has(ccy) || !this.motion || STABLECOINS.has(ccy)) {
      this.set(ccy, target);
      return target;
    }
    this.scaled.set(ccy, div(mul(this.scaled.get(ccy) ?? '1', target), now, 18));
    this.atMarks.clear();
    return this.usd(ccy, ts);
  }

  has(ccy: string): boolean {
    return this.pinned.has(ccy) || ccy in this.base;
  }

  usd(ccy: string, ts: number): string {
    const pinned = this.pinned.get(ccy);
    if (pinned !== undefined) {
      return pinned;
    }
    const base = this.base[ccy];
    if (base === undefined) {
      throw new Error(`No price for ${ccy}`);
    }
    if (!this.motion || STABLECOINS.has(ccy)) {
      return base;
    }
    const factor = (1 + 0.015 * Math.sin((ts / 600_000) * 2 * Math.PI + noise(ccy, 0) * 6)).toFixed(6);
    return roundDown(mul(mul(base, factor), this.scaled.get(ccy) ?? '1'), 8);
  }

  snapshot(): Record<string, string> {
    return Object.fromEntries(this.pinned);
  }
}

/** The quote currencies OKX indexes against. */
export const INDEX_QUOTES: readonly string[] = ['USD', 'USDT', 'USDC', 'BTC'];

/** `base` in `quote` at `ts`, as OKX's index tickers give it (8 places), from the price feed. */
export function indexPx(prices: PriceFeed, base: string, quote: string, ts: number): string {
  const usd = prices.usd(base, ts);
  return roundDown(quote === 'USD' ? usd : div(usd, prices.usd(quote, ts), 12), 8);
}

/** The sandbox's prices swing over ten minutes (PriceFeed.usd): the minutes an index ticker's day range samples. */
const SWING_MINUTES = 10;
const MINUTE = 60_000;

/**
 * One index ticker, the same for `GET /api/v5/market/index-tickers` and the public WebSocket's `index-tickers`
 * channel. The 24 h figures sample the feed's own path: 24 h ago, every whole hour since, every whole minute of
 * the last ten (one swing of a moving price), and now; what falls on a whole hour or minute is worked out once.
 */
export function indexTicker(prices: PriceFeed, base: string, quote: string, now: number): IndexTicker {
  const at = (ts: number): string => prices.indexPxAtMark(base, quote, ts);
  const idxPx = indexPx(prices, base, quote, now);
  const open24h = indexPx(prices, base, quote, now - DAY);
  const lastHour = Math.floor(now / HOUR) * HOUR;
  const lastMinute = Math.floor(now / MINUTE) * MINUTE;
  const hours = Array.from({ length: 24 }, (_, i) => lastHour - i * HOUR);
  const minutes = Array.from({ length: SWING_MINUTES }, (_, i) => lastMinute - i * MINUTE);
  // (distinct first: a still price, or the whole hours of a ten-minute swing, give the same figure many times)
  const day = [...new Set([open24h, ...hours.map(at), ...minutes.map(at), idxPx])];
  const utc0 = Math.floor(now / DAY) * DAY;
  return {
    instId: `${base}-${quote}`, idxPx, high24h: day.reduce(max), low24h: day.reduce(min), open24h,
    sodUtc0: at(utc0), sodUtc8: at(utc0 - 8 * HOUR), ts: String(now),
  };
}

/**
 * Units OKX values an account in besides BTC, USDT and USD, at fixed simulated rates (units per USD): the
 * simulator has no foreign-exchange market, and says so in the README.
 */
export const FIAT_PER_USD: Readonly<Record<string, string>> = {
  CNY: '7.12', JP: '149.5', KRW: '1382', RUB: '92.4', EUR: '0.92', VND: '25340', IDR: '15800', INR: '83.3', PHP: '56.1',
  THB: '35.6', TRY: '32.4', AUD: '1.52', SGD: '1.34', ARS: '905', SAR: '3.75', AED: '3.6725', IQD: '1310',
};
