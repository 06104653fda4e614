import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { EarningsHistory } from '../../../src/panels/earningsHistory';
import { DAY_MS, earningsPerDay, utcDay, type EarningRecord } from '../../../src/panels/earningsSeries';
import { sliceColour } from '../../../src/panels/palette';
import { buildPortfolioState } from '../../../src/panels/portfolioState';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { OVERVIEW_AREAS } from '../../../src/views/overviewView';
import { startSim, type SimHarness } from '../support/sim';

const value = (state: ReturnType<typeof buildPortfolioState>, label: string): string | undefined => state.totals.find(([l]) => l === label)?.[1];

describe('panels/portfolioState: the Portfolio panel against the simulator', () => {
  let h: SimHarness;
  before(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
  });
  after(() => h.sim.close());

  it('keeps the last figures while the portfolio is read again, marked as refreshing: never "0.00 USD (incomplete)"', async () => {
    const portfolio = new Portfolio(h.client);
    const history = new EarningsHistory(() => h.client);
    await portfolio.refresh(OVERVIEW_AREAS);
    const now = h.sim.clock.now();
    const before = buildPortfolioState(portfolio, history, 30, now);
    assert.match(value(before, 'Holdings') ?? '', /^[\d,]+\.\d\d USD$/);
    assert.equal(before.refreshing, '');
    assert.ok(before.byProduct.length >= 5 && before.byCurrency.length >= 5);

    // Every area is being read again (as after the panel's Refresh or the auto-refresh): the figures stay.
    const reading = portfolio.refresh(OVERVIEW_AREAS, { fresh: true });
    assert.ok(OVERVIEW_AREAS.every((a) => portfolio.get(a).status === 'loading'), 'mid-refresh');
    const during = buildPortfolioState(portfolio, history, 30, now);
    assert.equal(value(during, 'Holdings'), value(before, 'Holdings'), 'the last holdings, not 0.00');
    assert.equal(value(during, 'Earned in total'), value(before, 'Earned in total'));
    assert.deepEqual(during.byProduct, before.byProduct, 'the bars stay');
    assert.deepEqual(during.byCurrency, before.byCurrency, 'every coin keeps its USD price');
    assert.equal(during.incomplete, '', 'nothing reads as left out');
    assert.match(during.refreshing, /^Refreshing… the figures below are those read /);
    await reading;
    const after = buildPortfolioState(portfolio, history, 30, now);
    assert.equal(after.refreshing, '');
    assert.equal(value(after, 'Holdings'), value(before, 'Holdings'));
  });

  it('says "loading…" for what is read for the first time, not a zero', () => {
    const portfolio = new Portfolio(h.client);
    void portfolio.refresh(OVERVIEW_AREAS);
    const state = buildPortfolioState(portfolio, new EarningsHistory(() => undefined), 30, h.sim.clock.now());
    assert.equal(value(state, 'Holdings'), 'loading…');
    assert.ok(!state.totals.some(([, v]) => /^0\.00 USD/.test(v)), JSON.stringify(state.totals));
    assert.deepEqual(state.byProduct, []);
    assert.equal(state.refreshing, 'Loading the portfolio…');
  });

  it("earnings per day: Simple Earn's lending and OKUSD's daily rewards, each its own series; a day with no record has no bar", async () => {
    const portfolio = new Portfolio(h.client);
    await portfolio.refresh(OVERVIEW_AREAS);
    const history = new EarningsHistory(() => h.client);
    const now = h.sim.clock.now();
    await history.load(utcDay(now) - 29 * DAY_MS, () => undefined);
    const { earnings } = buildPortfolioState(portfolio, history, 30, now);
    assert.equal(earnings.loading, false);
    assert.deepEqual(earnings.series.map((s) => s.key), ['savings', 'okusd']);
    assert.equal(earnings.points.length, 30);
    // The demo: a week of hourly lending records, 20 days of OKUSD rewards, nothing before.
    const withOkusd = earnings.points.filter((p) => p.parts.okusd !== undefined);
    const withSavings = earnings.points.filter((p) => p.parts.savings !== undefined);
    assert.ok(withOkusd.length >= 19 && withOkusd.length <= 21, `${withOkusd.length} days of OKUSD rewards`);
    assert.ok(withSavings.length >= 7 && withSavings.length <= 8, `${withSavings.length} days of lending`);
    const rewards = h.sim.state.okusd.rewards.filter((r) => r.ts >= utcDay(now) - 29 * DAY_MS);
    const usdt = h.sim.prices.usd('USDT', now);
    assert.equal(D.sum(withOkusd.map((p) => p.parts.okusd ?? '0')), D.mul(D.sum(rewards.map((r) => r.earnAmt)), usdt), 'every OKUSD reward, at the USDT price');
    for (const p of earnings.points) {
      if (p.usd !== undefined) assert.equal(p.usd, D.sum([p.parts.savings ?? '0', p.parts.okusd ?? '0']));
    }
    const empty = earnings.points.filter((p) => p.usd === undefined);
    assert.ok(empty.length >= 9, 'the days before any record');
    assert.ok(empty.every((p) => p.text === 'no data'), 'said, not "0.00 USD"');
    assert.equal(earnings.empty, '');
    assert.match(earnings.label, /OKUSD's daily rewards/);
  });
});

describe('panels/earningsSeries: earnings per UTC day', () => {
  const NOW = Date.UTC(2026, 5, 10, 15);
  const prices = new Map([['USDT', '1'], ['BTC', '60000']]);
  const rec = (product: EarningRecord['product'], ccy: string, amt: string, daysAgo: number, hour = 3): EarningRecord => ({ product, ccy, amt, ts: utcDay(NOW) - daysAgo * DAY_MS + hour * 3_600_000 });

  it('adds each product per day in USD, exactly; a day without records is undefined, a day that earned nothing is zero', () => {
    const { days, unpriced, latest } = earningsPerDay([
      rec('savings', 'USDT', '0.1', 0), rec('savings', 'USDT', '0.2', 0, 4), rec('savings', 'BTC', '0.00000001', 0),
      rec('okusd', 'USDT', '1.5', 0, 0), rec('okusd', 'USDT', '1.4', 1, 0),
      rec('savings', 'USDT', '0', 3),
      rec('savings', 'DOT', '5', 2),
    ], prices, 7, NOW);
    assert.equal(days.length, 7);
    const today = days.at(-1);
    assert.deepEqual(today?.parts, { savings: '0.3006', okusd: '1.5' });
    assert.equal(today?.usd, '1.8006');
    assert.deepEqual(days.at(-2)?.parts, { okusd: '1.4' });
    assert.equal(days.at(-4)?.usd, '0', 'a record that earned nothing is a zero');
    assert.equal(days.at(-3)?.usd, undefined, 'only an unpriced record: no figure');
    assert.equal(days.at(-5)?.usd, undefined, 'no record: no data, not 0');
    assert.deepEqual(unpriced, ['DOT']);
    assert.equal(latest, utcDay(NOW) + 4 * 3_600_000);
  });

  it('says when the latest earnings were when none fall in the range', () => {
    const history = { get: () => ({ records: [], all: [rec('okusd', 'USDT', '1', 40, 0)], complete: true, refreshing: false, error: undefined }) };
    const portfolio = { get: () => ({ status: 'idle' as const }) };
    const { earnings } = buildPortfolioState(portfolio, history, 7, NOW);
    assert.ok(earnings.points.every((p) => p.usd === undefined));
    assert.match(earnings.empty, /^No earnings recorded in this range\. The latest were on May 1, 2026\.$/);
    const never = buildPortfolioState(portfolio, { get: () => ({ records: [], all: [], complete: true, refreshing: false, error: undefined }) }, 7, NOW);
    assert.equal(never.earnings.empty, 'No earnings recorded in this range, nor before it.');
  });
});

describe('panels/palette: a colour of its own for every slice', () => {
  it('no two of the first eighteen slices share a colour (the six theme colours no longer repeat from the seventh)', () => {
    const colours = Array.from({ length: 18 }, (_, i) => sliceColour(i));
    assert.equal(new Set(colours).size, 18, colours.join('\n'));
    assert.notEqual(sliceColour(6), sliceColour(0), 'the seventh product (there are seven) is not the first one\'s blue');
    assert.ok(colours.every((c) => /var\(--vscode-charts-/.test(c)), 'from the theme\'s chart colours, so each theme (High Contrast too) has its own');
    assert.equal(new Set(Array.from({ length: 40 }, (_, i) => sliceColour(i))).size, 40);
  });

  it('a theme that leaves a chart colour out still draws a colour, not nothing (High Contrast had no charts-orange)', () => {
    const colours = Array.from({ length: 18 }, (_, i) => sliceColour(i));
    for (const colour of colours) {
      for (const use of colour.matchAll(/var\((--vscode-charts-[a-z]+)([^)]*)\)/g)) assert.match(use[2] ?? '', /^, #[0-9a-f]{6}$/, `${use[1] ?? ''} with VS Code's default beside it`);
    }
  });
});
