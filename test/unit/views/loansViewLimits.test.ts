import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { LoansView } from '../../../src/views/loansView';
import { startSim, type SimHarness } from '../support/sim';
import { render } from './render';

describe('views: the Loans view draws its orders without waiting for what can be taken back', function () {
  this.timeout(20_000);
  let h: SimHarness;
  let portfolio: Portfolio;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    // OKX slow to say what can be taken back: each answer a second after it is asked.
    h.sim.faults.add({ endpoint: 'loanMaxCollateralRedeem', fault: { kind: 'round-trip', ms: 1000 } });
    portfolio = new Portfolio(h.client);
  });
  afterEach(() => h.sim.close());

  it('issue 27: on an account\'s first look the orders show after loan-info alone; the menus follow the limits when they come', async () => {
    const view = new LoansView(portfolio, () => '0.1');
    let redraws = 0;
    view.onDidChangeTreeData(() => (redraws += 1));
    const orders = h.sim.state.loans.orders;
    const first = await render(view, 0);
    assert.equal(first.length, orders.length, 'every order drawn');
    assert.equal(portfolio.get('loanLimits').status, 'loading', 'drawn before OKX said what can be taken back');
    assert.ok(first.every((row) => row.contextValue === 'okxEarn.loan'), 'until then, Reduce Collateral… is offered on every order (its command asks OKX)');

    await portfolio.ensure('loanLimits');
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(redraws > 0, 'the limits\' answer redraws the view');
    const rows = await render(view, 0);
    const limits = portfolio.get('loanLimits');
    assert.equal(limits.status, 'ready');
    const locked = rows.filter((row) => row.contextValue === 'okxEarn.loan.locked');
    assert.equal(locked.length, 1, 'the demo has one order with nothing to take back, and its menu now says so');
    view.dispose();
  });
});
