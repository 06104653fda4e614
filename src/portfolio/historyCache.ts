/**
 * Public rate histories (ETH/SOL staking APY, the savings lending rate) kept between sessions. They do not change
 * after the fact, so a chart opened again shows what was fetched before at once and asks OKX only for what is
 * newer (and, for a longer range, what is older than anything kept).
 *
 * One file per host, product and currency in the extension's global storage, so that the sandbox, demo trading
 * and production never mix. Bounded: a year and a day of points per series, a size cap per file, a count cap on
 * files (the least recently used go first). A file that cannot be read, is too large, or does not hold exactly
 * what it should is deleted and never shown. No `vscode` import.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type RateProduct = 'eth' | 'sol' | 'savings';

export interface SeriesKey {
  /** The environment: its base URL (and whether demo trading), or 'sandbox'. */
  readonly host: string;
  readonly product: RateProduct;
  readonly ccy: string;
}

export interface RatePoint {
  readonly ts: number;
  /** As OKX sent it: a decimal fraction ("0.0123" for 1.23 %). */
  readonly rate: string;
}

export interface RateSeries {
  /** Every record OKX has from `from` to `to` (inclusive) was fetched; hours or days without a rate have no point. */
  readonly from: number;
  readonly to: number;
  /** OKX has nothing older than `from`. */
  readonly start: boolean;
  /** Oldest first. */
  readonly points: readonly RatePoint[];
}

export interface CacheLimits {
  readonly maxFileBytes: number;
  readonly maxSeries: number;
  /** Points older than this (before now) are not kept. */
  readonly keepMs: number;
}

/** A year of hourly points is about 250 KB. */
export const DEFAULT_LIMITS: CacheLimits = { maxFileBytes: 1_000_000, maxSeries: 32, keepMs: 366 * DAY };

const FORMAT = 'okx-earn-rate-history';
const VERSION = 1;
const MAX_RATE_LENGTH = 40;

const validRate = (rate: unknown): rate is string => typeof rate === 'string' && rate.length <= MAX_RATE_LENGTH && D.isPlainDecimal(rate);

/** The file's content when it holds a valid series for `key`, else undefined. */
export function parseSeries(text: string, key: SeriesKey, limits: CacheLimits = DEFAULT_LIMITS): RateSeries | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const file = raw as Record<string, unknown>;
  if (file.format !== FORMAT || file.version !== VERSION || file.host !== key.host || file.product !== key.product || file.ccy !== key.ccy) return undefined;
  const { from, to, start, points } = file;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || (from as number) > (to as number) || typeof start !== 'boolean' || !Array.isArray(points)) return undefined;
  // A year and a day of hourly points at most; anything longer was not written by us.
  if (points.length > Math.ceil(limits.keepMs / HOUR) + 1) return undefined;
  const parsed: RatePoint[] = [];
  let previous = -Infinity;
  for (const point of points as unknown[]) {
    if (!Array.isArray(point) || point.length !== 2) return undefined;
    const [ts, rate] = point as unknown[];
    if (!Number.isSafeInteger(ts) || (ts as number) <= previous || (ts as number) < (from as number) || (ts as number) > (to as number) || !validRate(rate)) return undefined;
    previous = ts as number;
    parsed.push({ ts: ts as number, rate });
  }
  return { from: from as number, to: to as number, start, points: parsed };
}

function serialize(key: SeriesKey, series: RateSeries): string {
  return JSON.stringify({
    format: FORMAT,
    version: VERSION,
    host: key.host,
    product: key.product,
    ccy: key.ccy,
    from: series.from,
    to: series.to,
    start: series.start,
    points: series.points.map((p) => [p.ts, p.rate]),
  });
}

/** The series without what is older than `cutoff`. */
export function trimSeries(series: RateSeries, cutoff: number): RateSeries {
  if (series.from >= cutoff) return series;
  return { from: Math.min(cutoff, series.to), to: series.to, start: false, points: series.points.filter((p) => p.ts >= cutoff) };
}

export class RateHistoryStore {
  constructor(
    private readonly dir: string,
    private readonly limits: CacheLimits = DEFAULT_LIMITS,
  ) {}

  fileOf(key: SeriesKey): string {
    const name = createHash('sha256').update(JSON.stringify([key.host, key.product, key.ccy])).digest('hex').slice(0, 32);
    return path.join(this.dir, `${name}.json`);
  }

  /** The kept series, or undefined; a file that is not a valid series of this key is deleted. */
  async read(key: SeriesKey): Promise<RateSeries | undefined> {
    const file = this.fileOf(key);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return undefined;
    }
    const series = size <= this.limits.maxFileBytes ? parseSeries(await readFile(file, 'utf8').catch(() => ''), key, this.limits) : undefined;
    if (series === undefined) {
      await rm(file, { force: true }).catch(() => undefined);
      return undefined;
    }
    // The modification time orders files for eviction: reading one keeps it.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return series;
  }

  /** Keeps `series` (trimmed to the kept span); true when written. Never throws. */
  async write(key: SeriesKey, series: RateSeries, now: number): Promise<boolean> {
    const file = this.fileOf(key);
    const text = serialize(key, trimSeries(series, now - this.limits.keepMs));
    if (Buffer.byteLength(text) > this.limits.maxFileBytes) return false;
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temporary, text);
      await rename(temporary, file);
      await this.evict();
      return true;
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
      return false;
    }
  }

  /** Deletes the least recently used files beyond the count cap. */
  private async evict(): Promise<void> {
    const names = (await readdir(this.dir)).filter((name) => name.endsWith('.json'));
    if (names.length <= this.limits.maxSeries) return;
    const files = await Promise.all(
      names.map(async (name) => {
        const full = path.join(this.dir, name);
        return { full, used: await stat(full).then((s) => s.mtimeMs, () => 0) };
      }),
    );
    files.sort((a, b) => a.used - b.used);
    await Promise.all(files.slice(0, files.length - this.limits.maxSeries).map((f) => rm(f.full, { force: true }).catch(() => undefined)));
  }
}

export interface SyncOptions {
  /** OKX's time now. */
  readonly now: number;
  /** The oldest time the chart shows. */
  readonly since: number;
  /** What is known already (kept from before, or fetched earlier in this session). */
  readonly cached: RateSeries | undefined;
  /** Whether to ask for what is newer than `cached` (false right after it was asked). */
  readonly newer?: boolean;
  /** Called with the series so far as pages arrive (a first load, or older pages). */
  readonly onProgress?: (series: RateSeries) => void;
}

/** Points in [low, high] replaced by `fresh`. */
function splice(points: readonly RatePoint[], low: number, high: number, fresh: readonly RatePoint[]): RatePoint[] {
  return [...points.filter((p) => p.ts < low), ...fresh, ...points.filter((p) => p.ts > high)].sort((a, b) => a.ts - b.ts);
}

/**
 * The savings lending rate (what savers earn) of `ccy`, hourly, 100 records a page, newest first. Pages from
 * the newest down to the newest kept record (usually one page), then, when the chart reaches further back
 * than anything kept, on from the oldest kept record. With nothing kept: from the newest down to `since`.
 */
export async function syncLendingRates(client: OkxClient, ccy: string, options: SyncOptions): Promise<RateSeries> {
  const { since, onProgress } = options;
  // A kept series wholly older than the chart would leave a gap: start again.
  let series = options.cached !== undefined && options.cached.to >= since ? options.cached : undefined;

  if (series === undefined || options.newer !== false) {
    const kept = series;
    const stopAt = kept?.to ?? since;
    const fresh: RatePoint[] = [];
    let oldest = Infinity;
    let newest = -Infinity;
    const pager = client.savings.lendingRateHistory({ ccy, limit: '100' });
    for (;;) {
      const page = await pager.next();
      for (const record of page) {
        const ts = Number(record.ts);
        if (!Number.isSafeInteger(ts)) continue;
        oldest = Math.min(oldest, ts);
        newest = Math.max(newest, ts);
        // `lendingRate` is what savers earn; `rate` is what borrowers pay. Hours without a lending rate are left out.
        if (validRate(record.lendingRate)) fresh.push({ ts, rate: record.lendingRate });
      }
      const reachedStart = pager.done;
      if (oldest === Infinity) {
        // Nothing at all: an empty history, or nothing yet.
        series = kept ?? { from: options.now, to: options.now, start: true, points: [] };
        break;
      }
      if (kept !== undefined && oldest <= kept.to) {
        series = { from: Math.min(kept.from, oldest), to: Math.max(kept.to, newest), start: kept.start, points: splice(kept.points, oldest, newest, fresh) };
        break;
      }
      series = { from: oldest, to: newest, start: reachedStart, points: [...fresh].sort((a, b) => a.ts - b.ts) };
      if (reachedStart || oldest <= stopAt) break;
      // A first load: the chart fills in as pages arrive.
      if (kept === undefined) onProgress?.(series);
    }
  }

  if (!series.start && series.from > since) {
    const older = client.savings.lendingRateHistory({ ccy, limit: '100', after: String(series.from) });
    while (!series.start && series.from > since) {
      const page = await older.next();
      const fresh: RatePoint[] = [];
      let oldest: number = series.from;
      for (const record of page) {
        const ts = Number(record.ts);
        if (!Number.isSafeInteger(ts) || ts >= series.from) continue;
        oldest = Math.min(oldest, ts);
        if (validRate(record.lendingRate)) fresh.push({ ts, rate: record.lendingRate });
      }
      // A page with nothing older than what is known: OKX has nothing older.
      const start: boolean = older.done || oldest === series.from;
      series = { from: oldest, to: series.to, start, points: [...fresh.sort((a, b) => a.ts - b.ts), ...series.points] };
      onProgress?.(series);
    }
  }
  return series;
}

/** The most days of ETH or SOL staking APY OKX gives in one request (`days`, at most 365). */
const MAX_APY_DAYS = 365;

/**
 * ETH or SOL staking APY, daily, in one request of up to 365 days: only the days since the newest kept point,
 * or the whole range when it reaches further back than anything kept.
 */
export async function syncStakingApy(client: OkxClient, product: 'eth' | 'sol', options: SyncOptions): Promise<RateSeries> {
  const { now, since } = options;
  const kept = options.cached !== undefined && options.cached.to >= since - DAY ? options.cached : undefined;
  const older = kept === undefined || kept.from > since;
  if (!older && options.newer === false) return kept;
  // Newer only: back to the newest kept day, which is asked for again (today's figure may still change).
  const newestKept = kept?.points[kept.points.length - 1]?.ts ?? kept?.to ?? since;
  const wanted = Math.max(1, older ? Math.ceil((now - since) / DAY) : Math.floor((now - newestKept) / DAY) + 1);
  const days = Math.min(MAX_APY_DAYS, wanted);
  const records = product === 'eth' ? await client.eth.apyHistory({ days: String(days) }) : await client.sol.apyHistory({ days: String(days) });
  const fresh: RatePoint[] = [];
  for (const record of records) {
    const ts = Number(record.ts);
    if (Number.isSafeInteger(ts) && validRate(record.rate)) fresh.push({ ts, rate: record.rate });
  }
  fresh.sort((a, b) => a.ts - b.ts);
  // What this request covered: the `days` days up to now; and back to `since` when that is further than OKX gives
  // (a year's range asked a moment after its start was worked out: 365 days and a few milliseconds), as no request
  // could give more. Otherwise a year never counted as covered, and the chart asked again and again.
  const low = Math.min(now - days * DAY, fresh[0]?.ts ?? Infinity, older && wanted > MAX_APY_DAYS ? since : Infinity);
  const high = Math.max(now, fresh[fresh.length - 1]?.ts ?? -Infinity);
  if (kept === undefined) return { from: low, to: high, start: false, points: fresh };
  return { from: Math.min(kept.from, low), to: Math.max(kept.to, high), start: false, points: splice(kept.points, low, high, fresh) };
}
