/**
 * What a rate chart draws, from the points OKX gives: an hourly series over months is thousands of points,
 * a solid blob at a panel's width, so from 90 days on it is drawn as each day's average with the day's lowest
 * and highest as a band. Decimal text throughout (the average is exact to 12 places, rounded down); no `vscode`
 * import, so it is unit-tested in plain Node.
 */
import * as D from '../decimal';
import type { ChartPoint, RangeDays } from './protocol';

/** The shortest range drawn as daily bands rather than every hour. */
export const DAILY_BANDS_FROM: RangeDays = 90;

/** The start of the local day `ts` falls in (the extension host's time zone, which is the user's). */
export function localDayStart(ts: number): number {
  const d = new Date(ts);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/**
 * One point a day, at the day's start: the average of its rates, with `min` and `max`. Points must be oldest
 * first (as the chart cache keeps them); a rate that is not plain decimal text is left out, never guessed.
 */
export function dailyBands(points: readonly ChartPoint[], dayStart: (ts: number) => number = localDayStart): ChartPoint[] {
  const days: { ts: number; rates: string[] }[] = [];
  for (const point of points) {
    if (!D.isPlainDecimal(point.rate)) continue;
    const ts = dayStart(point.ts);
    const last = days[days.length - 1];
    if (last !== undefined && last.ts === ts) last.rates.push(point.rate);
    else days.push({ ts, rates: [point.rate] });
  }
  return days.map(({ ts, rates }) => ({
    ts,
    rate: D.trim(D.roundDown(D.div(D.sum(rates), String(rates.length), 18), 12)),
    min: rates.reduce((a, b) => D.min(a, b)),
    max: rates.reduce((a, b) => D.max(a, b)),
  }));
}
