import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { HOUR } from '../../../src/simulator/clock';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { SavingsView } from '../../../src/views/savingsView';
import { startSim, type SimHarness } from '../support/sim';
import { byId, render } from './render';

describe('views/savings: the "not lending" flag shows where the sandbox does not lend', function () {
  this.timeout(20_000);
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
  });
  afterEach(() => h.sim.close());

  it('issue 25, item 15: a minimum set above the market flags the currency an hour later (it used to stay lent, unflagged)', async () => {
    // The portfolio reads freshness on the simulator's clock, so the hour that passes there makes the areas stale.
    const portfolio = new Portfolio(h.client, () => h.sim.clock.now());
    // The flag needs the market's rates: loaded first, as the view re-renders once they are in.
    await portfolio.refresh(['savings', 'market']);
    let items = await render(new SavingsView(portfolio), 0);
    assert.deepEqual(items.filter((i) => i.description.startsWith('not lending')).map((i) => i.label), ['ETH'], 'the demo flags ETH alone');
    await h.client.savings.setLendingRate({ ccy: 'USDT', rate: '3.65' });
    h.sim.advance(HOUR);
    await portfolio.refresh(['savings', 'market']);
    items = await render(new SavingsView(portfolio), 1);
    const usdt = byId(items, 'savings:USDT');
    assert.match(usdt.description, /^not lending · min 365% > \d+(\.\d+)?%$/);
    assert.equal(usdt.children[0]?.label, 'Not lending');
  });
});
