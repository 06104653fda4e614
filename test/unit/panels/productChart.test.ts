import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { ChartCache, chartFor } from '../../../src/panels/productChart';
import { startSim, type SimHarness } from '../support/sim';
import { until } from '../support/until';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 10, 12);

describe('panels/productChart: what a rate chart says besides its points', () => {
  it('a range with no point says so, and when the latest point is (not an empty frame)', () => {
    const chart = chartFor({ kind: 'eth' }, 7, { points: [], loading: false, error: undefined, covered: true, latest: { ts: NOW - 40 * DAY, rate: '0.03' } }, NOW);
    assert.ok('points' in chart);
    assert.equal(chart.empty, 'No data in this range. The latest point is from May 1, 2026.');
    const none = chartFor({ kind: 'eth' }, 7, { points: [], loading: false, error: undefined, covered: true, latest: undefined }, NOW);
    assert.ok('points' in none && none.empty === 'No data in this range: OKX has no point of this history yet.');
    const loading = chartFor({ kind: 'eth' }, 7, { points: [], loading: true, error: undefined, covered: false }, NOW);
    assert.ok('points' in loading && loading.empty === '', 'still loading: not "no data" yet');
    const drawn = chartFor({ kind: 'eth' }, 7, { points: [{ ts: NOW - DAY, rate: '0.03' }], loading: false, error: undefined, covered: true }, NOW);
    assert.ok('points' in drawn && drawn.empty === '');
  });

  it('a year still loading says how far back the points drawn so far reach (not a silent 3.5 months)', () => {
    const points = Array.from({ length: 105 }, (_, i) => ({ ts: NOW - (104 - i) * DAY, rate: '0.03' }));
    const chart = chartFor({ kind: 'eth' }, 365, { points, loading: true, error: undefined, covered: false }, NOW);
    assert.ok('points' in chart);
    assert.equal(chart.progress, 'So far it reaches back to Feb 26, 2026 (104 of 365 days): the rest is still loading.');
    const done = chartFor({ kind: 'eth' }, 365, { points, loading: false, error: undefined, covered: true }, NOW);
    assert.ok('points' in done && done.progress === '', 'loaded: nothing to add');
    const whole = chartFor({ kind: 'eth' }, 30, { points: points.slice(-30), loading: true, error: undefined, covered: false }, NOW);
    assert.ok('points' in whole && whole.progress === '', 'the whole range is in: no word of a part');
  });
});

describe('panels/productChart: the chart cache against the simulator', () => {
  let h: SimHarness;
  before(async () => {
    h = await startSim({ rateLimits: false });
  });
  after(() => h.sim.close());

  it('a shorter range that is all there is not "loading" while a longer one loads (back from a year to 7 days)', async () => {
    const cache = new ChartCache(() => h.client);
    cache.load({ kind: 'eth' }, 7, () => undefined);
    await until(() => cache.get({ kind: 'eth' }, 7)?.loading === false, 'the week', 10_000);
    assert.ok((cache.get({ kind: 'eth' }, 7)?.points.length ?? 0) >= 7);
    cache.load({ kind: 'eth' }, 365, () => undefined);
    assert.equal(cache.get({ kind: 'eth' }, 365)?.loading, true, 'the year is loading');
    assert.equal(cache.get({ kind: 'eth' }, 7)?.loading, false, 'the week is complete: no "Loading the history…" under it');
    await until(() => cache.get({ kind: 'eth' }, 365)?.loading === false, 'the year', 10_000);
    const latest = cache.get({ kind: 'eth' }, 7)?.latest;
    assert.ok(latest !== undefined && latest.ts > Date.now() - 2 * DAY, 'the newest point is known');
  });
});
