import * as assert from 'node:assert/strict';
import { dailyBands, localDayStart } from '../../../src/panels/chartSeries';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Days in UTC, so the test does not depend on the machine's time zone. */
const utcDay = (ts: number): number => Math.floor(ts / DAY) * DAY;
const START = Date.UTC(2026, 10, 1);

describe('panels/chartSeries: an hourly series as daily bands', () => {
  it("one point a day at the day's start: the exact average, the lowest and the highest", () => {
    const points = [
      { ts: START, rate: '0.01' },
      { ts: START + HOUR, rate: '0.02' },
      { ts: START + 2 * HOUR, rate: '0.06' },
      { ts: START + DAY, rate: '0.05' },
    ];
    assert.deepEqual(dailyBands(points, utcDay), [
      { ts: START, rate: '0.03', min: '0.01', max: '0.06' },
      { ts: START + DAY, rate: '0.05', min: '0.05', max: '0.05' },
    ]);
  });

  it('averages in decimals, rounded down to 12 places (never through a float)', () => {
    const points = ['0.1', '0.2', '0.2'].map((rate, i) => ({ ts: START + i * HOUR, rate }));
    // 0.5 / 3 = 0.1666…: a float average would give 0.16666666666666666.
    assert.deepEqual(dailyBands(points, utcDay), [{ ts: START, rate: '0.166666666666', min: '0.1', max: '0.2' }]);
    assert.deepEqual(dailyBands([{ ts: START, rate: '0.1' }, { ts: START + HOUR, rate: '0.2' }], utcDay)[0]?.rate, '0.15');
  });

  it('a year of hours is 365 points; a rate that is not decimal text is left out, not guessed', () => {
    const year = Array.from({ length: 365 * 24 }, (_, i) => ({ ts: START + i * HOUR, rate: i % 24 === 5 ? 'NaN' : '0.03' }));
    const days = dailyBands(year, utcDay);
    assert.equal(days.length, 365);
    assert.ok(days.every((d) => d.rate === '0.03' && d.min === '0.03' && d.max === '0.03'));
    assert.deepEqual(dailyBands([], utcDay), []);
  });

  it("the local day: midnight in the machine's time zone", () => {
    const ts = START + 15 * HOUR + 1234;
    const start = localDayStart(ts);
    const d = new Date(start);
    assert.deepEqual([d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()], [0, 0, 0, 0]);
    assert.ok(start <= ts && ts - start < 25 * HOUR);
  });
});
