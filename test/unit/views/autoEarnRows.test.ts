import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { OverviewView } from '../../../src/views/overviewView';
import { SavingsView } from '../../../src/views/savingsView';
import { startSim, type SimHarness } from '../support/sim';
import { byId, render } from './render';

/** A tooltip's Markdown as read (its escapes taken out). */
const plain = (markdown: string): string => markdown.replace(/\\(.)/g, '$1');

describe('views: auto-earn in the Savings view and the Overview (issue 26)', function () {
  this.timeout(20_000);
  let h: SimHarness;
  let portfolio: Portfolio;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    portfolio = new Portfolio(h.client, () => h.sim.clock.now());
    await portfolio.refresh(['savings', 'market', 'trading']);
  });
  afterEach(() => h.sim.close());

  it('Savings: an "Auto-earn" group, each currency with its state, the matched amount while earning, and its menu', async () => {
    const group = byId(await render(new SavingsView(portfolio), 2), 'autoEarn');
    assert.equal(group.label, 'Auto-earn');
    assert.equal(group.description, 'on for 1 · 1 earning');
    assert.equal(group.collapsible, 2, 'expanded');
    assert.deepEqual(group.children.map((c) => [c.label, c.contextValue]), [
      ['USDT', 'okxEarn.autoEarn.on'], ['BTC', 'okxEarn.autoEarn.off'], ['ETH', 'okxEarn.autoEarn.off'], ['USDC', 'okxEarn.autoEarn.off'],
      ['USDG', 'okxEarn.autoEarn.off'], ['ATOM', 'okxEarn.autoEarn.unsupported'], ['AVAX', 'okxEarn.autoEarn.unsupported'],
    ]);
    const usdt = byId(group.children, 'autoEarn:USDT');
    assert.match(usdt.description, /^3,2\d\d(\.\d+)? USDT · on · earning · \d+(\.\d+)?%$/);
    assert.match(plain(usdt.tooltip), /\| Matched \(lent or staked\) \| 3,2\d\d(\.\d+)? USDT \|/);
    assert.equal(byId(group.children, 'autoEarn:BTC').command?.command, 'okxEarn.autoEarn.turnOn', 'a click on a row that is off turns it on');
    assert.match(plain(byId(group.children, 'autoEarn:ATOM').tooltip), /OKX does not offer auto-earn for ATOM, so it cannot be turned on\./);
  });

  it('Savings: with nothing on, the group says so and its first row says what auto-earn is', async () => {
    await h.client.account.setAutoEarn({ ccy: 'USDT', action: 'turn_off' });
    await portfolio.refresh(['trading'], { fresh: true });
    const group = byId(await render(new SavingsView(portfolio), 2), 'autoEarn');
    assert.equal(group.description, 'off for every currency');
    const welcome = group.children[0];
    assert.equal(welcome?.label, 'What is auto-earn?');
    assert.match(welcome.tooltip, /^Auto-earn \(自动赚币\): while it is on for a currency, OKX lends/);
    assert.equal(welcome.command?.command, 'okxEarn.autoEarn.turnOn');
  });

  it('Savings: a currency turned on shows as waiting to be matched, then as earning', async () => {
    await h.client.account.setAutoEarn({ ccy: 'BTC', action: 'turn_on' });
    await portfolio.refresh(['trading'], { fresh: true });
    let btc = byId(await render(new SavingsView(portfolio), 2), 'autoEarn:BTC');
    assert.equal(btc.description, '0.05 BTC · on · waiting to be matched');
    h.sim.advance(h.sim.state.trading.matchDelayMs);
    await portfolio.refresh(['trading'], { fresh: true });
    btc = byId(await render(new SavingsView(portfolio), 2), 'autoEarn:BTC');
    assert.match(btc.description, /^0\.05 BTC · on · earning/);
  });

  it("Overview: auto-earn among the holdings while it earns, opening the Savings view", async () => {
    const view = new OverviewView(portfolio);
    await portfolio.refresh(view.areas);
    const holdings = byId(await render(view, 2), 'overview:holdings');
    const row = byId(holdings.children, 'overview:holdings:autoEarn');
    assert.equal(row.description, 'Auto-earn');
    assert.equal(row.command?.command, 'okxEarn.savings.focus');
  });
});
