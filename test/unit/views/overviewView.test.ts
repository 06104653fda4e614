import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { formatShare } from '../../../src/portfolio/format';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { OverviewView, productName } from '../../../src/views/overviewView';
import type { EarnProduct } from '../../../src/portfolio/overview';
import { startSim, type SimHarness } from '../support/sim';
import { byId, render } from './render';

const USD = /^[\d,]+\.\d\d USD$/;

describe('views/overview: each figure first, and never a blank without a reason', function () {
  this.timeout(20_000);
  let h: SimHarness;
  let portfolio: Portfolio;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    portfolio = new Portfolio(h.client);
  });
  afterEach(() => h.sim.close());

  it('issue 25, item 8: a row\'s figure is its label and its name the description, so a 260 px sidebar cuts the name, never the figure', async () => {
    const items = await render(new OverviewView(portfolio), 1);
    const { overview } = OverviewView.compute(portfolio);
    const holdings = byId(items, 'overview:holdings');
    assert.match(holdings.label, USD);
    assert.equal(holdings.description, 'Holdings');
    assert.ok(overview.byProduct.length >= 5, 'the demo holds most products');
    for (const p of overview.byProduct) {
      const row = byId(holdings.children, `overview:holdings:${p.key}`);
      assert.equal(row.description, productName(p.key as EarnProduct));
      // The share as shown everywhere: rounded half up to one decimal (issue 25, item 4).
      assert.match(row.label, new RegExp(`^[\\d,]+\\.\\d\\d USD · ${formatShare(p.share).replace('.', '\\.')}$`));
    }
    for (const [id, name] of [['overview:earned24h', 'Earned in 24 hours'], ['overview:earnedTotal', 'Earned in total'], ['overview:loans', 'Loans net']]) {
      const row = byId(items, id ?? '');
      assert.match(row.label, USD, id);
      assert.equal(row.description, name);
    }
    const apy = byId(items, 'overview:apy');
    assert.match(apy.label, /^\d+(\.\d+)?%$/);
    assert.equal(apy.description, 'Weighted APY');
  });

  it('issue 25, item 20: with no USD price, the weighted APY says it is unknown and what is left out (it used to be blank)', async () => {
    h.sim.faults.add({ endpoint: 'indexTickers', fault: { kind: 'okx', code: '50001', msg: 'Service temporarily unavailable' } });
    const items = await render(new OverviewView(portfolio), 0);
    const apy = byId(items, 'overview:apy');
    assert.equal(apy.label, 'unknown (incomplete)');
    assert.match(apy.tooltip, /Left out \| prices/);
  });

  it('issue 25, item 20: with nothing to come, "What comes next" is one row that says so, not an empty folder', async () => {
    const s = h.sim.state;
    s.orders = [];
    s.eth.history = s.eth.history.filter((r) => r.status !== 'pending');
    s.okusd.orders = s.okusd.orders.filter((o) => o.status !== 'pending');
    s.dual.orders = s.dual.orders.filter((o) => o.state !== 'live');
    const upcoming = byId(await render(new OverviewView(portfolio), 1), 'overview:upcoming');
    assert.equal(upcoming.collapsible, 0, 'nothing to expand');
    assert.equal(upcoming.label, 'What comes next');
    assert.equal(upcoming.description, 'nothing scheduled');
    assert.match(upcoming.tooltip, /No redemption on its way, no fixed term ending and no Dual Investment order settling/);
  });

  it('with something to come, it lists it (expanded), one row each', async () => {
    const upcoming = byId(await render(new OverviewView(portfolio), 1), 'overview:upcoming');
    assert.equal(upcoming.collapsible, 2);
    assert.ok(upcoming.children.length >= 3);
    assert.equal(upcoming.description, String(upcoming.children.length));
  });
});
