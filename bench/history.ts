/**
 * The product panel's history chart over 365 days, opened twice, as two sessions would: the first time with
 * nothing kept, the second with what the first kept on disk (a new client, the series read from the store).
 * Against the simulator with OKX's rate limits, answering after 50 ms. The same sync functions and store as
 * the panel's ChartCache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { OkxClient } from '../src/okx/client';
import { ENDPOINTS } from '../src/okx/endpoints';
import { customEnvironment } from '../src/okx/environments';
import { RateHistoryStore, syncLendingRates, syncStakingApy, type RateSeries, type SeriesKey } from '../src/portfolio/historyCache';
import { SANDBOX_CREDENTIALS, Simulator } from '../src/simulator/server';
import { LATENCY_MS } from './refresh';

const DAY = 86_400_000;

export interface ChartOpen {
  /** From opening to the first points on screen (kept ones, or the first page). */
  readonly firstPointsMs: number;
  /** From opening to the whole range, up to the newest hour. */
  readonly fullMs: number;
  readonly requests: number;
  readonly points: number;
}

export interface ChartResult {
  readonly chart: string;
  /** The least time the first open can take: the rate limit's windows, or one round trip per page. */
  readonly floorMs: number;
  readonly first: ChartOpen;
  readonly again: ChartOpen;
}

async function open(sim: Simulator, store: RateHistoryStore, key: SeriesKey, days: number): Promise<ChartOpen> {
  const client = new OkxClient({ environment: customEnvironment(sim.url), credentials: SANDBOX_CREDENTIALS });
  const requests = sim.requests.length;
  const started = performance.now();
  let firstPointsMs: number | undefined;
  const shown = (series: RateSeries | undefined): void => {
    if (firstPointsMs === undefined && series !== undefined && series.points.length > 0) firstPointsMs = performance.now() - started;
  };
  const cached = await store.read(key);
  shown(cached);
  const now = sim.clock.now();
  const options = { now, since: now - days * DAY, cached, onProgress: shown };
  const series = key.product === 'savings' ? await syncLendingRates(client, key.ccy, options) : await syncStakingApy(client, key.product, options);
  const fullMs = performance.now() - started;
  shown(series);
  await store.write(key, series, now);
  return { firstPointsMs: firstPointsMs ?? fullMs, fullMs, requests: sim.requests.length - requests, points: series.points.filter((p) => p.ts >= now - days * DAY).length };
}

/** 365 days answering after LATENCY_MS; the quick mode of `npm test` asks for a few days answering at once. */
export async function historyCharts(days = 365, latencyMs = LATENCY_MS): Promise<ChartResult[]> {
  const sim = await Simulator.start({ priceMotion: false });
  sim.faults.add({ fault: { kind: 'latency', ms: latencyMs } });
  const dir = mkdtempSync(path.join(tmpdir(), 'okx-earn-bench-history-'));
  try {
    const store = new RateHistoryStore(dir);
    const results: ChartResult[] = [];
    for (const [chart, key] of [
      [`Savings USDT lending rate, hourly, ${days} days`, { host: 'bench', product: 'savings', ccy: 'USDT' }],
      [`ETH staking APY, daily, ${days} days`, { host: 'bench', product: 'eth', ccy: 'ETH' }],
    ] as const) {
      const first = await open(sim, store, key, days);
      const again = await open(sim, store, key, days);
      const limit = ENDPOINTS[key.product === 'savings' ? 'savingsLendingRateHistory' : 'ethApyHistory'].rateLimit;
      const floorMs = Math.max((Math.ceil(first.requests / limit.count) - 1) * limit.windowMs + latencyMs, first.requests * latencyMs);
      results.push({ chart, floorMs, first, again });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sim.close();
  }
}
