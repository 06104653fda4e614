import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { LoansView } from '../../../src/views/loansView';
import { MoreEarnView } from '../../../src/views/moreEarnView';
import { startSim, type SimHarness } from '../support/sim';
import { byId, render } from './render';

describe('views: More Earn\'s fees as OKX gives them; a loan order\'s row opens its LTV panel', function () {
  this.timeout(20_000);
  let h: SimHarness;
  let portfolio: Portfolio;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    portfolio = new Portfolio(h.client);
  });
  afterEach(() => h.sim.close());

  it('issue 25, item 5: the standard-redemption fee reads 0.025 % (OKX\'s 0.00025), as in the Redeem picker and the panel, not 0.02 %', async () => {
    assert.equal(h.sim.state.okusd.std.feeRate, '0.00025');
    const quotas = byId(await render(new MoreEarnView(portfolio), 3), 'okusd:quotas');
    assert.match(byId(quotas.children, 'okusd:quotas:1').description, /left · fee 0\.1%$/);
    assert.match(byId(quotas.children, 'okusd:quotas:2').description, /left · fee 0\.025%$/);
  });

  it('issue 25, item 7: a click on a loan order\'s row opens that order\'s LTV panel; the row stays expandable, and expanded', async () => {
    const rows = await render(new LoansView(portfolio, () => '0.1'), 0);
    const orders = h.sim.state.loans.orders;
    assert.equal(rows.length, orders.length);
    for (const order of orders) {
      const row = byId(rows, LoansView.nodeId(order.ordId));
      assert.equal(row.command?.command, 'okxEarn.openLtv', `${row.label}: a click opens the LTV panel`);
      const [arg] = (row.command?.arguments ?? []) as { payload?: { kind: string; loan?: { ordId?: string } } }[];
      assert.equal(arg?.payload?.kind, 'loan');
      assert.equal(arg.payload.loan?.ordId, order.ordId, 'its own order');
      assert.equal(row.collapsible, 2, 'expanded, and a twistie to fold it');
    }
  });
});
