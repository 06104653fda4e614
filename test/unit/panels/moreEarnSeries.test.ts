import * as assert from 'node:assert/strict';
import { checkAmount, loadOkusdApr, okusdStandardSettlement, restorableDual, stableApySeries, strikeFromIndex, type AprPager } from '../../../src/panels/moreEarnSeries';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 2, 10);
const TODAY = Date.UTC(2026, 11, 2);

/** OKUSD's APR history as OKX pages it: one snapshot a day back to `first`, newest first, `size` a page. */
function pager(first: number, size = 100, apr = (ts: number) => `0.04${String(ts / DAY % 10)}`): AprPager & { pages: number } {
  const days: number[] = [];
  for (let ts = TODAY; ts >= first; ts -= DAY) days.push(ts);
  let at = 0;
  const p = {
    pages: 0,
    done: false,
    next: () => {
      p.pages += 1;
      const page = days.slice(at, at + size).map((ts) => ({ apr: apr(ts), ts: String(ts) }));
      at += size;
      p.done = page.length < size || at >= days.length;
      return Promise.resolve(page);
    },
  };
  return p;
}

describe('panels/moreEarnSeries: the More Earn products\' figures', () => {
  describe('OKUSD APR history', () => {
    it('pages back until a snapshot reaches the start of the range, oldest first', async () => {
      const pages = pager(TODAY - 400 * DAY);
      const progress: number[] = [];
      const series = await loadOkusdApr(pages, NOW, NOW - 365 * DAY, (s) => progress.push(s.points.length));
      assert.equal(pages.pages, 4, 'a year is four pages of 100');
      assert.deepEqual(progress, [100, 200, 300], 'drawn as the pages arrive');
      assert.equal(series.points.length, 400);
      assert.ok(series.points.every((p, i, all) => i === 0 || (all[i - 1]?.ts ?? 0) < p.ts), 'oldest first');
      assert.equal(series.points[series.points.length - 1]?.ts, TODAY);
      assert.ok(series.from <= NOW - 365 * DAY);
      assert.equal(series.to, NOW);
    });

    it('30 days is one page; a history shorter than the range ends where OKX has nothing older', async () => {
      const one = pager(TODAY - 400 * DAY);
      assert.equal((await loadOkusdApr(one, NOW, NOW - 30 * DAY)).points.length, 100);
      assert.equal(one.pages, 1);
      const young = await loadOkusdApr(pager(TODAY - 9 * DAY), NOW, NOW - 30 * DAY);
      assert.equal(young.points.length, 10);
      assert.equal(young.start, true);
    });

    it('a snapshot that is not plain decimal text is left out, never guessed', async () => {
      const series = await loadOkusdApr(pager(TODAY - 2 * DAY, 100, (ts) => (ts === TODAY - DAY ? '4.1%' : '0.0418')), NOW, NOW - 7 * DAY);
      assert.deepEqual(series.points.map((p) => p.rate), ['0.0418', '0.0418']);
    });
  });

  describe('Stable Rewards APY history', () => {
    it('OKX\'s newest-first days as a series oldest first, covering the days asked', () => {
      const records = [0, 1, 2].map((i) => ({ rate: `0.04${i}`, ts: String(TODAY - i * DAY) }));
      const series = stableApySeries(records, NOW, 100);
      assert.deepEqual(series.points, [{ ts: TODAY - 2 * DAY, rate: '0.042' }, { ts: TODAY - DAY, rate: '0.041' }, { ts: TODAY, rate: '0.040' }]);
      assert.equal(series.from, NOW - 100 * DAY);
      assert.equal(series.start, true, 'fewer days than asked: nothing older');
      assert.deepEqual(stableApySeries([{ rate: 'x', ts: String(TODAY) }, { rate: '0.05', ts: 'soon' }], NOW, 1).points, []);
    });
  });

  describe('OKUSD standard redemption', () => {
    it('D+5 when asked before 16:00 UTC+8, D+6 at or after it', () => {
      const at = (hourUtc8: number, minute = 0): number => Date.UTC(2026, 11, 2, hourUtc8 - 8, minute);
      assert.equal(okusdStandardSettlement(at(15, 59)), at(15, 59) + 5 * DAY);
      assert.equal(okusdStandardSettlement(at(16)), at(16) + 6 * DAY);
      assert.equal(okusdStandardSettlement(at(9)), at(9) + 5 * DAY);
      // 23:30 UTC+8 is 15:30 UTC: after 16:00 in UTC+8.
      assert.equal(okusdStandardSettlement(at(23, 30)), at(23, 30) + 6 * DAY);
    });
  });

  describe('a Dual Investment amount', () => {
    const limits = { minSize: '0.001', maxSize: '100', stepSz: '0.001' };
    it('accepts a whole number of steps within the limits, with spaces and thousands commas', () => {
      assert.deepEqual(checkAmount('0.05', limits), { ok: true, amount: '0.05' });
      assert.deepEqual(checkAmount(' 0.0500 ', limits), { ok: true, amount: '0.05' });
      assert.deepEqual(checkAmount('1,000', { minSize: '10', maxSize: '6000000', stepSz: '1' }), { ok: true, amount: '1000' });
    });
    it('says what is wrong otherwise', () => {
      assert.deepEqual(checkAmount('abc', limits), { ok: false, problem: 'notNumber' });
      assert.deepEqual(checkAmount('-1', limits), { ok: false, problem: 'notNumber' });
      assert.deepEqual(checkAmount('1e3', limits), { ok: false, problem: 'notNumber' });
      assert.deepEqual(checkAmount('0', limits), { ok: false, problem: 'notPositive' });
      assert.deepEqual(checkAmount('0.0005', { ...limits, stepSz: '0.0001' }), { ok: false, problem: 'belowMin' });
      assert.deepEqual(checkAmount('100.001', limits), { ok: false, problem: 'aboveMax' });
      assert.deepEqual(checkAmount('0.0015', limits), { ok: false, problem: 'notStep' });
    });
  });

  describe('the strike against the index price', () => {
    it('how far, as a fraction of the index, and on which side', () => {
      assert.deepEqual(strikeFromIndex('95500', '93000'), { side: 'above', fraction: '0.026881' });
      assert.deepEqual(strikeFromIndex('3000', '3200'), { side: 'below', fraction: '0.0625' });
      assert.deepEqual(strikeFromIndex('3000', '3000'), { side: 'at', fraction: '0' });
      assert.equal(strikeFromIndex('3000', ''), undefined);
      assert.equal(strikeFromIndex('3000', '0'), undefined);
    });
  });

  describe('a Dual Investment panel restored after a reload', () => {
    it('is restored only when its saved target names its order or product', () => {
      assert.equal(restorableDual({ kind: 'dual', order: { ordId: '3000005', baseCcy: 'BTC', quoteCcy: 'USDT' } }), true);
      assert.equal(restorableDual({ kind: 'dual', product: { productId: 'BTC-USDT-261205-95500-C', baseCcy: 'BTC', quoteCcy: 'USDT' } }), true);
      for (const bad of [{ kind: 'dual' }, { kind: 'dual', order: null }, { kind: 'dual', order: { ordId: 5, baseCcy: 'BTC', quoteCcy: 'USDT' } }, { kind: 'dual', product: { productId: '', baseCcy: 'BTC', quoteCcy: 'USDT' } }, { kind: 'dual', product: { productId: 'x' } }, null, 'dual']) {
        assert.equal(restorableDual(bad), false, JSON.stringify(bad));
      }
    });
  });
});
