import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { earningsByProduct, yesterdayUtc } from '../../../src/portfolio/earningsByProduct';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { OverviewView } from '../../../src/views/overviewView';
import { moneyIn } from '../../../src/views/unitText';
import { startSim, type SimHarness } from '../support/sim';
import { byId, render } from './render';

describe('views/overview: earnings by product, and totals in the unit chosen', function () {
  this.timeout(20_000);
  let h: SimHarness;
  let portfolio: Portfolio;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    portfolio = new Portfolio(h.client);
  });
  afterEach(() => h.sim.close());

  it('"Earned yesterday" beside the 24 hours: a row per product held, its figure first, or that OKX gives no figure for a day', async () => {
    const items = await render(new OverviewView(portfolio), 2);
    const ids = items.map((i) => i.id);
    assert.ok(ids.indexOf('overview:earned24h') + 1 === ids.indexOf('overview:earnedYesterday'), 'right after the rolling 24 hours');
    const group = byId(items, 'overview:earnedYesterday');
    assert.equal(group.description, 'Earned yesterday');
    assert.match(group.label, /^[\d,]+\.\d\d USD$/, 'complete: every product with a daily figure was read for the day');
    assert.match(group.tooltip, /\| Day \| .*2026.*00:00–24:00 UTC \|/);
    const row = (product: string): (typeof group.children)[number] => byId(group.children, `overview:earnedYesterday:${product}`);
    // Auto-earn (USDT earning in the demo): OKX gives no earnings figure for it, never a 0.00 for the day.
    for (const product of ['onchain', 'stable', 'dual', 'autoEarn']) {
      assert.equal(row(product).label, 'no daily figure', product);
      assert.equal(row(product).collapsible, 0);
    }
    assert.match(row('onchain').tooltip, /OKX gives the earnings of On-chain earn as totals only/);
    assert.match(row('dual').tooltip, /pays its yield at expiry/);
    assert.match(row('autoEarn').tooltip, /no earnings figure for auto-earn/);
    // Simple Earn: exactly the simulator's lending records of yesterday (UTC), at the index prices.
    const { overview, input } = OverviewView.compute(portfolio);
    const byProduct = earningsByProduct(input, overview.positions);
    const savings = byProduct.yesterday.rows.find((r) => r.product === 'savings');
    assert.ok(savings?.kind === 'figure');
    const day = yesterdayUtc(Date.now());
    const usdt = D.sum(h.sim.state.lendingHistory.filter((r) => r.ccy === 'USDT' && r.ts >= day.from && r.ts < day.to).map((r) => r.earnings));
    assert.equal(savings.amounts.find((a) => a.ccy === 'USDT')?.amt, usdt);
    assert.match(row('savings').label, /^[\d,]+\.\d\d USD$/);
    assert.equal(row('savings').description, 'Simple Earn (savings)');
    assert.match(row('okusd').tooltip, /the daily reward distributed on/);
    assert.equal(row('eth').description, 'ETH staking · latest daily reward');
    // The day's total is its rows' figures added up.
    assert.equal(byProduct.yesterday.usd, D.sum(byProduct.yesterday.rows.flatMap((r) => (r.kind === 'figure' ? [r.usd] : []))));
  });

  it('"Earned in total", broken down by product; Dual Investment paid at expiry', async () => {
    const items = await render(new OverviewView(portfolio), 2);
    const total = byId(items, 'overview:earnedTotal');
    assert.equal(total.description, 'Earned in total');
    assert.match(total.label, /^[\d,]+\.\d\d USD$/);
    assert.deepEqual(total.children.map((c) => c.id), ['onchain', 'eth', 'sol', 'savings', 'okusd', 'stable', 'dual'].map((p) => `overview:earnedTotal:${p}`));
    assert.equal(byId(total.children, 'overview:earnedTotal:dual').label, 'paid at expiry');
    assert.match(byId(total.children, 'overview:earnedTotal:okusd').tooltip, /\| Earned \| [\d,\\.]+ USDT \|/);
  });

  it('a unit without an index price: the figure stays in USD and says so, never a USD figure called BTC', () => {
    const money = moneyIn({ usd: new Map([['USDT', '1']]) }, 'BTC');
    assert.equal(money.missing, true);
    assert.equal(money.text('1234.567'), '1,234.56 USD (no BTC price)');
    assert.match(money.note, /OKX's index gives no BTC-USD price now/);
    const btc = moneyIn({ usd: new Map([['BTC', '90000']]), at: new Map([['BTC', Date.UTC(2026, 11, 6, 14)]]) }, 'BTC');
    assert.equal(btc.text('9000'), '0.10000000 BTC');
    assert.match(btc.note, /^In BTC: USD values at OKX's index prices, divided by the BTC-USD index, 90,000, at /);
    assert.equal(moneyIn(undefined, 'USD').text('5'), '5.00 USD', 'USD needs no price');
  });
});
