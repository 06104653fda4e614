import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RateLimiter, type Release } from '../../../src/okx/rateLimiter';
import { RateHistoryStore, parseSeries, syncLendingRates, syncStakingApy, type RateSeries, type SeriesKey } from '../../../src/portfolio/historyCache';
import { startSim, type SimHarness } from '../support/sim';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** No client-side waiting: the simulator's limits are off too, so a year of pages takes no 15 s here. */
class NoWait extends RateLimiter {
  override acquire(): Promise<Release> {
    return Promise.resolve(() => undefined);
  }
}

const KEY: SeriesKey = { host: 'http://127.0.0.1:8787', product: 'savings', ccy: 'USDT' };

describe('Rate history cache', function () {
  this.timeout(20_000);

  describe('syncing with OKX (the simulator)', () => {
    let harness: SimHarness;
    const client = () => harness.clientWith({ limiter: new NoWait() });
    const now = () => harness.sim.clock.now();
    const requests = () => harness.sim.received('savingsLendingRateHistory').map((r) => new URL(r.url, 'http://x').searchParams);

    beforeEach(async () => {
      harness = await startSim({ rateLimits: false });
    });
    afterEach(() => harness.sim.close());

    it('a first load pages from the newest hour back to the range, the chart filling in as pages arrive', async () => {
      const progress: number[] = [];
      const since = now() - 30 * DAY;
      const series = await syncLendingRates(client(), 'USDT', { now: now(), since, cached: undefined, onProgress: (s) => progress.push(s.points.length) });
      const sent = requests();
      assert.equal(sent.length, Math.ceil((30 * 24 + 1) / 100));
      assert.ok(series.from <= since && !series.start);
      assert.ok(series.points.every((p, i) => i === 0 || p.ts - (series.points[i - 1]?.ts ?? 0) === HOUR), 'every hour, oldest first');
      assert.ok(progress.length >= sent.length - 1 && progress.every((n, i) => i === 0 || n > (progress[i - 1] ?? 0)), `progress ${progress.join(', ')}`);
    });

    it('opened again later, asks only for what is newer, and ends with what a full load gives', async () => {
      const since = () => now() - 30 * DAY;
      const kept = await syncLendingRates(client(), 'USDT', { now: now(), since: since(), cached: undefined });
      harness.sim.advance(5 * HOUR);
      const before = requests().length;
      const again = await syncLendingRates(client(), 'USDT', { now: now(), since: since(), cached: kept });
      const sent = requests().slice(before);
      assert.equal(sent.length, 1, 'one page: the newest');
      assert.equal(sent[0]?.get('after'), null);
      assert.equal(again.to, kept.to + 5 * HOUR);
      const full = await syncLendingRates(client(), 'USDT', { now: now(), since: kept.from, cached: undefined });
      assert.deepEqual(again.points, full.points.filter((p) => p.ts >= again.from));

      // Ten days on: the pages down to the newest kept hour, not one below it.
      harness.sim.advance(10 * DAY);
      const before2 = requests().length;
      const third = await syncLendingRates(client(), 'USDT', { now: now(), since: since(), cached: again });
      const sent2 = requests().slice(before2);
      assert.equal(sent2.length, Math.ceil((10 * 24 + 1) / 100));
      for (const query of sent2) assert.ok(query.get('after') === null || Number(query.get('after')) > again.to, `after ${query.get('after')} is newer than what was kept`);
      const full2 = await syncLendingRates(client(), 'USDT', { now: now(), since: third.from, cached: undefined });
      assert.deepEqual(third.points, full2.points.filter((p) => p.ts >= third.from));
    });

    it('a longer range fetches only what is older than anything kept, from the oldest kept hour on', async () => {
      const kept = await syncLendingRates(client(), 'USDT', { now: now(), since: now() - 7 * DAY, cached: undefined });
      const before = requests().length;
      const since = now() - 365 * DAY;
      const year = await syncLendingRates(client(), 'USDT', { now: now(), since, cached: kept, newer: false });
      const sent = requests().slice(before);
      assert.equal(sent[0]?.get('after'), String(kept.from));
      // Page k reaches 100·k hours below the oldest kept hour; the last one reaches the range's start.
      assert.equal(sent.length, Math.ceil((kept.from - since) / (100 * HOUR)));
      assert.ok(year.from <= since && year.to === kept.to);
      const full = await syncLendingRates(client(), 'USDT', { now: now(), since: year.from, cached: undefined });
      assert.deepEqual(year.points, full.points.filter((p) => p.ts >= year.from));
    });

    it('a kept series wholly older than the range is not used (it would leave a gap)', async () => {
      const kept = await syncLendingRates(client(), 'USDT', { now: now(), since: now() - 2 * DAY, cached: undefined });
      harness.sim.advance(40 * DAY);
      const fresh = await syncLendingRates(client(), 'USDT', { now: now(), since: now() - 7 * DAY, cached: kept });
      assert.ok(fresh.from > kept.to, 'nothing of the old series');
      assert.ok(fresh.points.every((p, i) => i === 0 || p.ts - (fresh.points[i - 1]?.ts ?? 0) === HOUR));
    });

    it('ETH APY: the whole range in one request, then only the days since the newest kept day', async () => {
      const apy = () => harness.sim.received('ethApyHistory').map((r) => new URL(r.url, 'http://x').searchParams.get('days'));
      const kept = await syncStakingApy(client(), 'eth', { now: now(), since: now() - 30 * DAY, cached: undefined });
      assert.deepEqual(apy(), ['30']);
      assert.equal(kept.points.length, 30);
      harness.sim.advance(3 * DAY);
      const again = await syncStakingApy(client(), 'eth', { now: now(), since: now() - 30 * DAY, cached: kept });
      assert.deepEqual(apy(), ['30', '4']);
      assert.equal(again.points.length, 33);
      const full = await syncStakingApy(client(), 'eth', { now: now(), since: now() - 33 * DAY, cached: undefined });
      assert.deepEqual(again.points, full.points.filter((p) => p.ts >= (again.points[0]?.ts ?? 0)));
      // Asked again at once, with `newer: false` and the range covered: nothing sent.
      await syncStakingApy(client(), 'eth', { now: now(), since: now() - 7 * DAY, cached: again, newer: false });
      assert.equal(apy().length, 3);
    });

    it('a year of staking APY asked a moment after its start was worked out counts as covered: OKX gives no more than 365 days, so no request could cover more (the chart asked forever)', async () => {
      const since = now() - 365 * DAY;
      const at = since + 365 * DAY + 5; // 5 ms later, as a busy machine or a read of the kept series makes it
      const year = await syncStakingApy(client(), 'eth', { now: at, since, cached: undefined });
      assert.deepEqual(harness.sim.received('ethApyHistory').map((r) => new URL(r.url, 'http://x').searchParams.get('days')), ['365']);
      assert.ok(year.start || year.from <= since, `covers the year: from ${year.from}, since ${since}`);
      assert.equal(year.points.length, 365);
    });
  });

  describe('the store', () => {
    let dir: string;
    const series: RateSeries = { from: 1_700_000_000_000, to: 1_700_000_000_000 + 2 * HOUR, start: false, points: [
      { ts: 1_700_000_000_000, rate: '0.0412' },
      { ts: 1_700_000_000_000 + 2 * HOUR, rate: '0.043' },
    ] };
    const now = series.to + HOUR;

    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'okx-earn-history-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps a series per host, product and currency and gives it back', async () => {
      const store = new RateHistoryStore(dir);
      assert.equal(await store.write(KEY, series, now), true);
      assert.deepEqual(await store.read(KEY), series);
      assert.equal(await store.read({ ...KEY, host: 'sandbox' }), undefined);
      assert.equal(await store.read({ ...KEY, ccy: 'USDC' }), undefined);
    });

    const dropped = async (store: RateHistoryStore, text: string): Promise<void> => {
      writeFileSync(store.fileOf(KEY), text);
      assert.equal(await store.read(KEY), undefined, 'nothing is shown');
      assert.deepEqual(readdirSync(dir), [], 'the file is deleted');
    };

    it('drops a file that is not JSON, or cut off', async () => {
      const store = new RateHistoryStore(dir);
      await store.write(KEY, series, now);
      const text = await readFile(store.fileOf(KEY), 'utf8');
      await dropped(store, text.slice(0, text.length - 5));
      await dropped(store, '\u0000\u0001garbage');
    });

    it('drops a file whose content is not exactly a series of its key', async () => {
      const store = new RateHistoryStore(dir);
      await store.write(KEY, series, now);
      const valid = JSON.parse(await readFile(store.fileOf(KEY), 'utf8')) as Record<string, unknown>;
      const variants: Record<string, unknown>[] = [
        { ...valid, host: 'https://www.okx.com' },
        { ...valid, version: 2 },
        { ...valid, points: [[series.points[1]?.ts, '0.04'], [series.points[0]?.ts, '0.04']] },
        { ...valid, points: [[series.from, '4.1e-2']] },
        { ...valid, points: [[series.from, 0.0412]] },
        { ...valid, points: [[series.from - HOUR, '0.04']] },
        { ...valid, from: series.to + 1 },
        { ...valid, start: 'yes' },
      ];
      for (const variant of variants) await dropped(store, JSON.stringify(variant));
    });

    it('drops a file over the size cap without reading it, and never writes one', async () => {
      const store = new RateHistoryStore(dir, { maxFileBytes: 400, maxSeries: 4, keepMs: 366 * DAY });
      await store.write(KEY, series, now);
      await dropped(store, `${await readFile(store.fileOf(KEY), 'utf8')}${' '.repeat(400)}`);
      const long: RateSeries = { ...series, to: series.from + 20 * HOUR, points: Array.from({ length: 20 }, (_, i) => ({ ts: series.from + i * HOUR, rate: '0.0412' })) };
      assert.equal(await store.write(KEY, long, now), false);
      assert.deepEqual(readdirSync(dir), []);
      // A parse of more points than a year and a day holds is refused too.
      assert.equal(parseSeries(JSON.stringify({ format: 'okx-earn-rate-history', version: 1, ...KEY, from: 0, to: 2, start: false, points: [[0, '1'], [1, '1'], [2, '1']] }), KEY, { maxFileBytes: 1e6, maxSeries: 4, keepMs: HOUR }), undefined);
    });

    it('keeps a year and a day: older points are trimmed when written', async () => {
      const store = new RateHistoryStore(dir);
      const old: RateSeries = { from: now - 400 * DAY, to: now - HOUR, start: true, points: [{ ts: now - 400 * DAY, rate: '0.01' }, { ts: now - 10 * DAY, rate: '0.02' }] };
      await store.write(KEY, old, now);
      const read = await store.read(KEY);
      assert.deepEqual(read?.points, [{ ts: now - 10 * DAY, rate: '0.02' }]);
      assert.equal(read?.from, now - 366 * DAY);
      assert.equal(read?.start, false, 'what was trimmed is not "the start of history"');
    });

    it('keeps at most maxSeries files, dropping the least recently used', async () => {
      const store = new RateHistoryStore(dir, { maxFileBytes: 1e6, maxSeries: 2, keepMs: 366 * DAY });
      const keys = ['USDT', 'USDC', 'BTC'].map((ccy) => ({ ...KEY, ccy }));
      const [usdt, usdc, btc] = keys as [SeriesKey, SeriesKey, SeriesKey];
      await store.write(usdt, series, now);
      await store.write(usdc, series, now);
      const past = new Date(Date.now() - 60_000);
      for (const key of [usdt, usdc]) utimesSync(store.fileOf(key), past, past);
      await store.read(usdt); // used: kept
      await store.write(btc, series, now);
      assert.equal(readdirSync(dir).length, 2);
      assert.ok(statSync(store.fileOf(usdt)).isFile());
      assert.equal(await store.read(usdc), undefined);
      assert.deepEqual(await store.read(btc), series);
    });
  });
});
