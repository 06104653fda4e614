import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as D from '../../src/decimal';
import type { OkxEarnApi, RenderedItem } from '../../src/extension';
import { formatAmount, formatDisplayAmount, formatPercent } from '../../src/portfolio/format';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import { ScriptedWindow, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows } from './helpers';

function find(items: readonly RenderedItem[], label: string | RegExp): RenderedItem {
  const item = items.find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label)));
  assert.ok(item, `"${String(label)}" among ${items.map((i) => i.label).join(', ')}`);
  return item;
}

const amountOf = (value: string, ccy: string): string => `${formatAmount(value)} ${ccy}`;

describe('More Earn view (OKUSD, Stable Rewards, Dual Investment), against the simulator', function () {
  this.timeout(90_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;

  before(async () => {
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, 'more-earn-tests', SANDBOX_KEY);
  });
  beforeEach(() => {
    ui = new ScriptedWindow().install();
  });
  afterEach(() => {
    ui.restore();
    sim.faults.clear();
  });
  after(async () => {
    await removeTestKey('more-earn-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined });
    await sim.close();
  });

  const view = (depth: number): Promise<RenderedItem[]> =>
    waitFor(async () => {
      const items = await api.renderView('moreEarn', depth);
      return items.some((i) => i.label === 'OKUSD') && items.some((i) => i.label === 'Dual Investment') ? items : undefined;
    }, 'the More Earn view');

  it('OKUSD: the holding, APR, quotas left today, the standard redemption on its way, and its histories', async () => {
    const items = await view(2);
    const okusd = find(items, 'OKUSD');
    const held = D.roundDown(sim.state.funding.OKUSD ?? '0', 8);
    assert.match(okusd.description, new RegExp(`^${formatDisplayAmount(held).replace(/[.]/g, '\\.')} OKUSD · APR \\d+(\\.\\d+)?%$`));
    assert.equal(okusd.contextValue, 'okxEarn.okusd.held');
    assert.equal(find(okusd.children, 'Held').tooltip, amountOf(held, 'OKUSD'), 'exact in the tooltip');
    assert.equal(find(okusd.children, 'Earned in total').tooltip, amountOf(D.toFixedDown(sim.state.okusd.totalEarnAccrual, 8), 'USDT'));
    // Quotas: what is left is the lesser of the user's and OKX's, as the simulator has them.
    const sub = sim.state.okusd.sub;
    const subLeft = D.max('0', D.min(D.sub(sub.personalDailyLimit, sub.personalUsed), D.sub(sub.platformDailyLimit, sub.platformUsed)));
    assert.equal(find(okusd.children, "Today's quotas").description, `subscribe up to ${formatDisplayAmount(subLeft)} USDT`);
    // The demo's standard redemption is still on its way (D+5).
    const pending = sim.state.okusd.orders.filter((o) => o.kind === 'standard' && o.status === 'pending');
    assert.equal(pending.length, 1);
    const onItsWay = find(okusd.children, 'Redemption on its way');
    assert.match(onItsWay.description, new RegExp(`^${formatDisplayAmount(pending[0]?.net ?? '').replace(/[.]/g, '\\.')} USDT · in \\d+ (days|hours)$`));
    // Histories, read when expanded: two subscriptions, a standard and a fast redemption, a reward a day.
    const deeper = await api.renderView('moreEarn', 3);
    const o3 = find(deeper, 'OKUSD');
    assert.equal(find(o3.children, 'Subscriptions').children.length, 2);
    assert.equal(find(o3.children, 'Standard redemptions').children.length, 1);
    assert.equal(find(o3.children, 'Fast redemptions').children.length, 1);
    assert.ok(find(o3.children, 'Daily rewards').children.length >= 20, 'a page of daily rewards, then "Load more"');
    assert.ok(sim.received('okusdRedeemHistory').some((r) => r.params?.type === 'fast'), 'fast redemptions asked for by name (OKX lists standard ones by default)');
  });

  it('Stable Rewards: each coin held with its APY and state, and how one subscribes now that the API cannot', async () => {
    const items = await view(2);
    const stable = find(items, 'Stable Rewards');
    const usdg = find(stable.children, 'USDG');
    const held = D.roundDown(sim.state.funding.USDG ?? '0', 8);
    assert.match(usdg.description, new RegExp(`^${formatDisplayAmount(held).replace(/[.]/g, '\\.')} · APY \\d+(\\.\\d+)?%$`));
    assert.equal(usdg.contextValue, 'okxEarn.stable');
    const howTo = find(stable.children, 'Subscribe or redeem');
    assert.equal(howTo.description, 'by trading the coin on OKX');
    assert.match(howTo.tooltip, /removed Stable Rewards subscription and redemption from its API on 14 July 2026/);
    // Turned off: still held, no longer earning, and the row says so first.
    const holding = sim.state.stableRewards.holdings.USDG;
    assert.ok(holding);
    holding.autoEarn = false;
    try {
      // Read again (the view may not be on screen, so the refresh of what is visible would not reach it).
      await vscode.commands.executeCommand('okxEarn.retry', 'stable');
      const after = await waitFor(async () => {
        const s = find(await api.renderView('moreEarn', 2), 'Stable Rewards');
        const row = s.children.find((c) => c.label === 'USDG');
        return row?.description.endsWith('not earning') === true ? row : undefined;
      }, 'USDG not earning');
      assert.equal(find(after.children, 'State').description, 'not earning yet');
    } finally {
      holding.autoEarn = true;
    }
  });

  it('Dual Investment: the live order with both outcomes in amounts, the settled one with what it paid, products on offer', async () => {
    const items = await view(3);
    const dual = find(items, 'Dual Investment');
    assert.equal(dual.description, '1 open order');
    const live = sim.state.dual.orders.find((o) => o.state === 'live');
    assert.ok(live);
    const order = find(dual.children, 'BTC · Sell high 95,500');
    assert.equal(order.contextValue, 'okxEarn.dualOrder.live');
    assert.match(order.description, /^0\.05 BTC · 11\.48% · expires in \d+ (days|hours)$/);
    // Principal + yield for the term (rounded down), and that converted at the strike.
    const total = D.add(live.notionalSz, D.roundDown(D.mul(live.notionalSz, live.absYield), 8));
    const inUsdt = D.roundDown(D.mul(total, live.strike), 8);
    assert.deepEqual(order.children.slice(0, 2).map((c) => [c.label, c.description, c.tooltip]), [
      ['≥ 95,500 USDT', `→ ${amountOf(inUsdt, 'USDT')}`, `If BTC settles at or above 95,500 USDT: you receive ${amountOf(inUsdt, 'USDT')}.`],
      ['< 95,500 USDT', `→ ${amountOf(total, 'BTC')}`, `If it settles below 95,500 USDT: you receive ${amountOf(total, 'BTC')}.`],
    ]);
    const settled = find(dual.children, 'Settled and redeemed');
    assert.equal(settled.children.length, 1);
    assert.match(settled.children[0]?.description ?? '', /^2,000 USDT · 9\.45% · paid [\d.]+ ETH$/);

    // On offer: the pairs, and each pair's products (read when the pair is expanded).
    const offers = find((await api.renderView('moreEarn', 4)).find((i) => i.label === 'Dual Investment')?.children ?? [], 'On offer');
    const btcCall = find(offers.children, 'BTC/USDT');
    assert.equal(btcCall.description, 'Sell high');
    assert.ok(btcCall.children.length >= 3, 'strikes at several distances and terms');
    assert.match(btcCall.children[0]?.description ?? '', /^\d+(\.\d+)?% · expires in \d+ (days|hours)$/);
    // Each product says what either outcome pays, and in which currency, for the least one can buy (0.001 BTC).
    assert.match(btcCall.children[0]?.tooltip ?? '', /For 0\\\.001 BTC \| If BTC settles at or above [\d,]+(\\\.\d+)? USDT: you receive [\d,]+\\\.\d+ USDT\\\. \|/);
    assert.ok(sim.received('dualProducts').some((r) => r.params?.baseCcy === 'BTC' && r.params.optType === 'C'));
    assert.equal(formatPercent(live.annualizedYield), '11.48%');
  });

  it('one product failing to load leaves the others, with a Retry on the one that failed', async () => {
    sim.faults.add({ fault: { kind: 'okx', code: '51774', msg: 'OKUSD under maintenance' }, endpoint: 'okusdAccount' });
    await vscode.commands.executeCommand('okxEarn.retry', 'okusd');
    const items = await waitFor(async () => {
      const list = await api.renderView('moreEarn', 1);
      return list.some((i) => i.label === 'Could not load OKUSD') ? list : undefined;
    }, 'the OKUSD error');
    const error = find(items, 'Could not load OKUSD');
    assert.equal(error.command?.command, 'okxEarn.retry');
    assert.match(error.tooltip, /maintenance/i);
    assert.ok(items.some((i) => i.label === 'Stable Rewards') && items.some((i) => i.label === 'Dual Investment'), 'the other products are still shown');
    sim.faults.clear();
    await vscode.commands.executeCommand('okxEarn.retry', 'okusd');
    assert.ok(!(await view(1)).some((i) => i.label === 'Could not load OKUSD'), 'Retry brings it back');
  });
});
