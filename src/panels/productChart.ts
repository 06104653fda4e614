/**
 * The product panel's rate chart: the histories (kept between sessions where they are long), loaded as a range
 * asks for them, and what the chart shows of them: the points in range, whether more are on their way, and
 * what to say when the range has no point at all.
 */
import * as vscode from 'vscode';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import { syncLendingRates, syncStakingApy, type RateHistoryStore, type RateProduct, type RateSeries } from '../portfolio/historyCache';
import { DAILY_BANDS_FROM, dailyBands } from './chartSeries';
import { loadOkusdApr, stableApySeries } from './moreEarnSeries';
import { productKey, type ProductTarget } from './productTarget';
import type { ChartPoint, ProductState, RangeDays } from './protocol';


const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A series whose newest points were fetched this recently is not asked for again. */
const FRESH_MS = 60_000;
/** After a failure, a render does not try again sooner than this. */
const RETRY_MS = 10_000;

export interface ChartEntry {
  points: ChartPoint[];
  loading: boolean;
  error: string | undefined;
  /** What is known reaches back over the whole range (kept from before, or fetched). */
  covered: boolean;
  /** The newest point known, in this range or not (said when the range has none). */
  latest?: ChartPoint | undefined;
}

/** Where a series is kept between sessions, and under which host (see portfolio/historyCache). */
export interface ChartStore {
  readonly history: RateHistoryStore;
  readonly host: () => string;
}

interface SeriesState {
  series: RateSeries | undefined;
  /** The oldest time any range asked for. */
  since: number;
  running: Promise<void> | undefined;
  syncedAt: number | undefined;
  failedAt: number | undefined;
  error: string | undefined;
  update: () => void;
}

/** The targets with a rate history. */
type Charted = Exclude<ProductTarget, { kind: 'onchain' | 'dual' }>;
/** The histories kept between sessions (OKUSD's and Stable Rewards' are short: fetched again each session). */
type Kept = Extract<Charted, { kind: 'eth' | 'sol' | 'savings' }>;
const kept = (target: Charted): target is Kept => target.kind === 'eth' || target.kind === 'sol' || target.kind === 'savings';
/** Stable Rewards' APY history goes back 100 days at most. */
const STABLE_DAYS = 100;

function seriesKey(target: Kept): { product: RateProduct; ccy: string } {
  return target.kind === 'savings' ? { product: 'savings', ccy: target.ccy } : { product: target.kind, ccy: target.kind.toUpperCase() };
}

/**
 * Rate histories, one series per product (and savings currency), each range a view of it. ETH/SOL APY comes
 * daily in one request; savings lending rates come hourly, 100 a page, so a year is 88 pages that arrive a few at
 * a time (OKX allows 6 requests a second to this public endpoint) and the chart is redrawn as they come. Kept
 * between sessions in `store`: a chart opened again shows what was kept at once and fetches only what is newer.
 */
export class ChartCache {
  private readonly series = new Map<string, SeriesState>();

  constructor(
    private readonly client: () => OkxClient | undefined,
    private readonly store?: ChartStore,
  ) {}

  clear(): void {
    this.series.clear();
  }

  get(target: ProductTarget, range: RangeDays): ChartEntry | undefined {
    if (target.kind === 'onchain' || target.kind === 'dual') return undefined;
    const state = this.series.get(productKey(target));
    if (state === undefined) return undefined;
    const since = this.now() - range * DAY;
    const points = (state.series?.points ?? []).filter((p) => p.ts >= since);
    const covered = covers(state.series, since);
    // A longer range loading (a year's pages) does not make a shorter one that is all there "loading".
    const longer = state.since < since - HOUR;
    return { points, loading: state.running !== undefined && !(covered && longer), error: state.error, covered, latest: state.series?.points.at(-1) };
  }

  /** Loads a range's history when it is not known and fresh yet; `update` is called as points arrive and when done. */
  load(target: ProductTarget, range: RangeDays, update: () => void): void {
    if (target.kind === 'onchain' || target.kind === 'dual') return;
    const client = this.client();
    if (client === undefined) return;
    const key = productKey(target);
    const since = Date.now() + client.clockOffsetMs - range * DAY;
    let state = this.series.get(key);
    if (state === undefined) {
      state = { series: undefined, since, running: undefined, syncedAt: undefined, failedAt: undefined, error: undefined, update };
      this.series.set(key, state);
    }
    state.update = update;
    state.since = Math.min(state.since, since);
    if (state.running !== undefined || upToDate(state)) return;
    if (state.failedAt !== undefined && Date.now() - state.failedAt < RETRY_MS) return;
    state.running = this.sync(state, target, client);
  }

  private now(): number {
    return Date.now() + (this.client()?.clockOffsetMs ?? 0);
  }

  private async sync(state: SeriesState, target: Charted, client: OkxClient): Promise<void> {
    if (!kept(target)) return this.syncWhole(state, target, client);
    const key = { host: this.store?.host() ?? '', ...seriesKey(target) };
    await settleSync(state, async () => {
      if (state.series === undefined && this.store !== undefined) {
        state.series = await this.store.history.read(key);
        if (state.series !== undefined) state.update();
      }
      // A longer range asked for while this ran is loaded before it ends.
      while (!upToDate(state)) {
        const options = {
          now: Date.now() + client.clockOffsetMs,
          since: state.since,
          cached: state.series,
          newer: !fresh(state),
          onProgress: (series: RateSeries) => {
            state.series = series;
            state.update();
          },
        };
        const series = target.kind === 'savings' ? await syncLendingRates(client, target.ccy, options) : await syncStakingApy(client, target.kind, options);
        state.series = series;
        state.syncedAt = Date.now();
        if (this.store !== undefined) await this.store.history.write(key, series, options.now);
      }
    });
  }

  /**
   * OKUSD's APR (daily, 100 snapshots a page, newest first) or a Stable Rewards coin's APY (one request of 100
   * days): fetched again whole when stale or a longer range is asked for, never kept on disk.
   */
  private async syncWhole(state: SeriesState, target: Exclude<Charted, Kept>, client: OkxClient): Promise<void> {
    await settleSync(state, async () => {
      while (!upToDate(state)) {
        const now = Date.now() + client.clockOffsetMs;
        const since = state.since;
        const series =
          target.kind === 'okusd'
            ? await loadOkusdApr(client.okusd.aprHistory({ limit: '100' }), now, since, (s) => {
                state.series = s;
                state.update();
              })
            : stableApySeries(await client.stableRewards.apyHistory({ ccy: target.ccy, days: String(STABLE_DAYS) }), now, STABLE_DAYS);
        // Stable Rewards has nothing older than its 100 days: a longer range is as covered as it can be.
        state.series = target.kind === 'stable' ? { ...series, start: true } : series;
        state.syncedAt = Date.now();
      }
    });
  }
}

/**
 * The host a kept history belongs to: any environment by its base URL, demo trading apart from live, and the
 * sandbox by name (its simulator's port changes every session; its curves are the same every time).
 */
export function historyHost(environment: string, client: OkxClient | undefined): string {
  if (environment === 'sandbox') return 'sandbox';
  return client === undefined ? '' : `${client.environment.baseUrl}${client.environment.simulated ? ' (demo trading)' : ''}`;
}

function covers(series: RateSeries | undefined, since: number): boolean {
  return series !== undefined && (series.start || series.from <= since);
}

function fresh(state: SeriesState): boolean {
  return state.syncedAt !== undefined && Date.now() - state.syncedAt < FRESH_MS;
}

function upToDate(state: SeriesState): boolean {
  return fresh(state) && covers(state.series, state.since);
}

/** The ranges Stable Rewards' 100 days of APY can show. */
export const STABLE_RANGES: readonly RangeDays[] = [7, 30, 90];

export function chartFor(target: ProductTarget, range: RangeDays, entry: ChartEntry | undefined, now = Date.now()): ProductState['chart'] {
  if (target.kind === 'onchain') return { unavailable: vscode.l10n.t('OKX publishes no APY history for on-chain earn products.') };
  if (target.kind === 'dual') return { unavailable: vscode.l10n.t('OKX publishes no yield history for Dual Investment products: each product has its own fixed yield.') };
  const bands = target.kind === 'savings' && range >= DAILY_BANDS_FROM;
  const label =
    target.kind === 'okusd' ? vscode.l10n.t('OKUSD APR (daily)')
    : target.kind === 'stable' ? vscode.l10n.t('{0} Stable Rewards APY at your VIP level (daily)', target.ccy)
    : target.kind !== 'savings' ? vscode.l10n.t('{0} staking APY (daily)', target.kind === 'eth' ? 'ETH' : 'SOL')
    : bands ? vscode.l10n.t("{0} lending rate: what savers earn (each day's average, with its lowest and highest hour)", target.ccy)
    : vscode.l10n.t('{0} lending rate: what savers earn (hourly)', target.ccy);
  const note =
    entry?.error !== undefined ? vscode.l10n.t('Could not load the history: {0}', entry.error)
    : target.kind === 'savings' && range === 365 && entry?.covered !== true ? vscode.l10n.t('A year of hourly rates takes about 15 seconds to load.')
    : target.kind === 'stable' ? vscode.l10n.t('OKX keeps the last 100 days of this history.')
    : '';
  const points = entry?.points ?? [];
  const loading = entry === undefined || entry.loading;
  const date = (ts: number): string => new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium' }).format(new Date(ts));
  const [first] = points;
  return {
    label,
    range,
    points: bands ? dailyBands(points) : points,
    step: target.kind === 'savings' && !bands ? 'hour' : 'day',
    loading,
    // A range still loading draws what is in so far: said, with how far back that reaches.
    progress: loading && first !== undefined && first.ts > now - range * DAY + DAY ? vscode.l10n.t('So far it reaches back to {0} ({1} of {2} days): the rest is still loading.', date(first.ts), String(Math.ceil((now - first.ts) / DAY)), String(range)) : '',
    empty:
      loading || points.length > 0 || entry?.error !== undefined ? ''
      : entry?.latest === undefined ? vscode.l10n.t('No data in this range: OKX has no point of this history yet.')
      : vscode.l10n.t('No data in this range. The latest point is from {0}.', date(entry.latest.ts)),
    note,
    ...(target.kind === 'stable' ? { ranges: STABLE_RANGES } : {}),
  };
}

/** Runs one load of a series: its error (or none) recorded, its end marked and the panel told, whatever happened. */
async function settleSync(state: SeriesState, load: () => Promise<void>): Promise<void> {
  try {
    await load();
    state.error = undefined;
    state.failedAt = undefined;
  } catch (error) {
    state.error = errorText(error);
    state.failedAt = Date.now();
  } finally {
    state.running = undefined;
    state.update();
  }
}
