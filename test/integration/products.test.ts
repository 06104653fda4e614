import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkxEarnApi, RenderedItem } from '../../src/extension';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import { demoState, type SimOffer } from '../../src/simulator/state';
import { ScriptedWindow, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows, pastRateWindows } from './helpers';

/** More USDT offers than the demo's one: flexible and fixed, one sold out with the highest APY. */
const USDT_OFFERS: SimOffer[] = [
  { productId: '4010', ccy: 'USDT', protocol: 'Compound', term: '0', apy: '0.041', earlyRedeem: false, state: 'purchasable', invest: [{ ccy: 'USDT', minAmt: '1', maxAmt: '50000' }], earning: [{ ccy: 'USDT', earningType: '0' }], redeemPeriod: ['1D', '1D'], fastRedemptionDailyLimit: '' },
  { productId: '4011', ccy: 'USDT', protocol: 'Locked Vault', term: '30', apy: '0.095', earlyRedeem: false, state: 'sold_out', invest: [{ ccy: 'USDT', minAmt: '10', maxAmt: '5000' }], earning: [{ ccy: 'USDT', earningType: '0' }], redeemPeriod: ['30D', '30D'], fastRedemptionDailyLimit: '' },
  { productId: '4012', ccy: 'USDT', protocol: 'Yearn', term: '60', apy: '0.05', earlyRedeem: false, state: 'purchasable', invest: [{ ccy: 'USDT', minAmt: '10', maxAmt: '5000' }], earning: [{ ccy: 'USDT', earningType: '0' }], redeemPeriod: ['60D', '60D'], fastRedemptionDailyLimit: '' },
];

function find(items: readonly RenderedItem[], label: string): RenderedItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `"${label}" among ${items.map((i) => i.label).join(', ')}`);
  return item;
}

/** Every offer listed: in its currency's folder, or on its own when it is its currency's only one. */
function offersIn(list: RenderedItem): RenderedItem[] {
  return list.children.flatMap((c) => (c.id?.startsWith('offer:') === true ? [c] : c.children));
}

const isBest = (offer: RenderedItem): boolean => offer.tooltip.includes('Best offer');

describe('Products: offers by APY with the best marked, and a filter that is remembered', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;
  const offers = async (): Promise<RenderedItem> => find(await api.renderView('products', 3), 'On-chain earn offers');

  before(async () => {
    const state = demoState(Date.now());
    state.offers.push(...USDT_OFFERS);
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false, state });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, 'products-tests', SANDBOX_KEY);
    // Refresh reloads what is on screen: the Products view is.
    await vscode.commands.executeCommand('okxEarn.products.focus');
  });

  beforeEach(() => {
    ui = new ScriptedWindow().install();
  });
  afterEach(() => ui.restore());

  after(async () => {
    await vscode.commands.executeCommand('okxEarn.clearProductsFilter');
    await removeTestKey('products-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined });
    await sim.close();
  });

  it("sorts each currency's offers by APY, highest first, and marks the best one you can buy", async () => {
    const all = await offers();
    assert.equal(all.description, '9 products');
    const usdt = find(all.children, 'USDT');
    // Highest APY first; 9.5% is sold out, so the best offer to buy is the 5% one.
    assert.deepEqual(usdt.children.map((o) => o.id), ['offer:4011', 'offer:4012', 'offer:4010', 'offer:4005']);
    // What decides comes first, so a narrow sidebar cuts only the rest: the state of one that cannot be bought, the APY.
    assert.deepEqual(usdt.children.map((o) => o.description), [
      'Sold out · 9.5% · 30 days',
      '5% · 60 days',
      '4.1% · Flexible',
      '3.23% · Flexible',
    ]);
    assert.deepEqual(usdt.children.filter(isBest).map((o) => o.id), ['offer:4012'], 'the best one you can buy is marked');
    assert.ok(usdt.children.every((o) => o.label === o.label.replace(/^USDT · /, '')), 'under its folder an offer does not repeat the currency');
    assert.equal(usdt.description, 'best APY 5% · 4 offers');
    // A currency with one offer is that offer, not a folder of one.
    const dot = all.children.find((c) => c.label === 'DOT');
    assert.ok(dot, `DOT's lone offer at the top: ${all.children.map((c) => c.label).join(', ')}`);
    assert.equal(dot.id, 'offer:101');
    assert.equal(dot.description, '17.67% · Flexible · Polkadot', 'the currency is the label, the protocol last');
    assert.ok(isBest(dot), 'a lone offer you can buy is the best');
    const atom = all.children.find((c) => c.label === 'ATOM');
    assert.ok(atom);
    assert.match(atom.description, /^(Sold out|Suspended) · \d+(\.\d+)?% · /, 'nothing to buy: the state first');
    assert.ok(!isBest(atom), 'nothing to buy: no best');
    for (const folder of all.children.filter((c) => c.id?.startsWith('offers:') === true)) {
      assert.ok(folder.children.length > 1, `${folder.label} is a folder of more than one`);
      assert.ok(folder.children.filter(isBest).length <= 1);
    }
    assert.equal(offersIn(all).length, 9);
  });

  it('filters by currency and term, says so, and keeps the filter through a refresh and new data', async () => {
    ui.picks.push('USDT', 'Flexible only');
    assert.deepEqual(await vscode.commands.executeCommand('okxEarn.filterProducts'), { ccy: 'USDT', term: 'flexible' });
    let filtered = await offers();
    assert.equal(filtered.description, '2 of 9 products · filtered: USDT · flexible only');
    assert.deepEqual(filtered.children.map((c) => c.label), ['USDT']);
    assert.deepEqual(filtered.children[0]?.children.map((o) => o.id), ['offer:4010', 'offer:4005']);
    const rest = await api.renderView('products', 1);
    for (const label of ['ETH staking', 'SOL staking', 'Savings rates']) find(rest, label);

    // OKX lists one more USDT flexible offer and one more DOT: after a refresh, the filter still applies.
    sim.state.offers.push(
      { ...USDT_OFFERS[0], productId: '4013', protocol: 'Morpho', apy: '0.062' },
      { ...USDT_OFFERS[0], productId: '1010', ccy: 'DOT', protocol: 'Kusama', invest: [{ ccy: 'DOT', minAmt: '1', maxAmt: '10' }] },
    );
    await pastRateWindows();
    await vscode.commands.executeCommand('okxEarn.refresh');
    filtered = await waitFor(async () => {
      const now = await offers();
      return now.description.startsWith('3 of 11') ? now : undefined;
    }, 'the refreshed offers');
    assert.deepEqual(filtered.children.map((c) => c.label), ['USDT']);
    assert.deepEqual(filtered.children[0]?.children.map((o) => [o.id, o.description]), [
      ['offer:4013', '6.2% · Flexible'],
      ['offer:4010', '4.1% · Flexible'],
      ['offer:4005', '3.23% · Flexible'],
    ]);
  });

  it('Escape at either question leaves the filter as it was', async () => {
    ui.picks.push('All currencies', undefined);
    assert.equal(await vscode.commands.executeCommand('okxEarn.filterProducts'), undefined);
    ui.picks.push(undefined);
    assert.equal(await vscode.commands.executeCommand('okxEarn.filterProducts'), undefined);
    assert.equal((await offers()).description, '3 of 11 products · filtered: USDT · flexible only');
  });

  it('fixed term only, across currencies; a filter nothing matches says so', async () => {
    ui.picks.push('All currencies', 'Fixed term only');
    await vscode.commands.executeCommand('okxEarn.filterProducts');
    const fixed = await offers();
    assert.deepEqual(fixed.children.map((c) => c.label.split(' · ')[0]), ['AVAX', 'SOL', 'USDC', 'USDT']);
    assert.deepEqual(find(fixed.children, 'USDT').children.map((o) => o.id), ['offer:4011', 'offer:4012']);
    assert.ok(offersIn(fixed).every((o) => !o.description.includes('Flexible')));

    ui.picks.push('ATOM', 'Fixed term only');
    await vscode.commands.executeCommand('okxEarn.filterProducts');
    const none = await offers();
    assert.deepEqual(none.children.map((c) => [c.label, c.description]), [['No offer matches the filter', 'ATOM · fixed term only']]);
  });

  it('Clear Products Filter lists every offer again', async () => {
    assert.deepEqual(await vscode.commands.executeCommand('okxEarn.clearProductsFilter'), {});
    const all = await offers();
    assert.equal(all.description, '11 products');
    assert.equal(offersIn(all).length, 11);
  });
});
