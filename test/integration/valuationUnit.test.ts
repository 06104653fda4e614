import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as D from '../../src/decimal';
import type { OkxEarnApi, RenderedItem } from '../../src/extension';
import type { PortfolioState } from '../../src/panels/protocol';
import { formatAmount } from '../../src/portfolio/format';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import { configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows } from './helpers';

const byId = (items: readonly RenderedItem[], id: string): RenderedItem => {
  const item = items.find((i) => i.id === id);
  assert.ok(item, `${id} among ${items.map((i) => i.id ?? '').join(', ')}`);
  return item;
};
/** A Markdown tooltip's source as read (its escapes taken out). */
const plain = (markdown: string): string => markdown.replace(/\\(.)/g, '$1');
/** "12,345.67 USD" → "12345.67". */
const figure = (label: string, unit: string): string => {
  const match = new RegExp(`^([\\d,]+\\.\\d+) ${unit}$`).exec(label);
  assert.ok(match?.[1], `"${label}" is a figure in ${unit}`);
  return match[1].replace(/,/g, '');
};

describe('Totals in the user\'s unit (okxEarn.valuationUnit), against the simulator', function () {
  this.timeout(90_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;

  before(async () => {
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600, valuationUnit: undefined });
    await useTestKey(api, 'unit-tests', SANDBOX_KEY);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeTestKey('unit-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined, valuationUnit: undefined });
    await sim.close();
  });

  it("changing the setting changes the Overview's totals to BTC, then USDT, from the prices already read (no request), with the index price in the tooltip", async () => {
    await vscode.commands.executeCommand('okxEarn.refresh');
    const inUsd = await waitFor(async () => {
      const list = await api.renderView('overview', 1);
      const holdings = list.find((i) => i.id === 'overview:holdings');
      return holdings !== undefined && /^[\d,]+\.\d\d USD$/.test(holdings.label) ? list : undefined;
    }, 'the Overview in USD');
    const usd = figure(byId(inUsd, 'overview:holdings').label, 'USD');
    const earnedUsd = figure(byId(inUsd, 'overview:earnedTotal').label, 'USD');
    // The Portfolio panel, open: it is drawn again only when the portfolio says something changed.
    await vscode.commands.executeCommand('okxEarn.openPortfolio');
    const panel = (): PortfolioState | undefined => api.panels().find((p) => p.key === 'portfolio')?.state as PortfolioState | undefined;
    const holdingsIn = (unit: string): boolean => panel()?.totals.some(([name, value]) => name === 'Holdings' && value.endsWith(` ${unit}`)) === true;
    await waitFor(() => holdingsIn('USD') && panel()?.earnings.loading === false, 'the Portfolio panel in USD, its earnings read');
    // Everything shown is read: from here on, a re-render must not ask OKX for anything.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const asked = sim.received().length;

    await configure({ valuationUnit: 'BTC' });
    const inBtc = await waitFor(async () => {
      const list = await api.renderView('overview', 1);
      return / BTC$/.test(list.find((i) => i.id === 'overview:holdings')?.label ?? '') ? list : undefined;
    }, 'the Overview in BTC');
    const btcPrice = sim.prices.usd('BTC', sim.clock.now());
    const holdings = byId(inBtc, 'overview:holdings');
    const btc = figure(holdings.label, 'BTC');
    assert.equal(btc.split('.')[1]?.length, 8, 'to the satoshi');
    // The USD total divided by the BTC-USD index: within the roundings of both labels (a cent, a satoshi).
    const back = D.mul(btc, btcPrice);
    assert.ok(D.lte(D.sub(D.max(back, usd), D.min(back, usd)), D.add('0.01', D.mul('0.00000001', btcPrice))), `${btc} BTC · ${btcPrice} ≈ ${usd} USD`);
    assert.match(plain(holdings.tooltip), /In BTC: USD values at OKX's index prices, divided by the BTC-USD index/);
    assert.ok(plain(holdings.tooltip).includes(formatAmount(btcPrice)), `the price ${btcPrice} in ${holdings.tooltip}`);
    for (const id of ['overview:earned24h', 'overview:earnedYesterday', 'overview:earnedTotal']) assert.match(byId(inBtc, id).label, /^[\d,]+\.\d{8} BTC( \(incomplete\))?$/, id);
    assert.ok(D.lte(D.sub(D.mul(figure(byId(inBtc, 'overview:earnedTotal').label, 'BTC'), btcPrice), earnedUsd), D.add('0.01', D.mul('0.00000001', btcPrice))));
    for (const row of byId(inBtc, 'overview:holdings').children.filter((c) => /^overview:holdings:(?!panel|missing)/.test(c.id ?? ''))) {
      assert.match(row.label, /^[\d,]+\.\d{8} BTC · [<\d.]+%$/, row.id);
    }
    // The open Portfolio panel is drawn again in BTC: totals, shares and the word on the price.
    const state = await waitFor(() => (holdingsIn('BTC') ? panel() : undefined), 'the Portfolio panel in BTC');
    assert.ok(state.byProduct.every((s) => / BTC · /.test(s.text)), state.byProduct.map((s) => s.text).join('; '));
    assert.ok(state.totals.some(([name, value]) => name === 'Valued' && /BTC-USD index/.test(value)));
    assert.equal(sim.received().length, asked, 'nothing asked of OKX for the new unit');

    await configure({ valuationUnit: 'USDT' });
    const inUsdt = await waitFor(async () => {
      const list = await api.renderView('overview', 1);
      return / USDT$/.test(list.find((i) => i.id === 'overview:holdings')?.label ?? '') ? list : undefined;
    }, 'the Overview in USDT');
    assert.match(byId(inUsdt, 'overview:holdings').label, /^[\d,]+\.\d\d USDT$/);
    assert.match(plain(byId(inUsdt, 'overview:holdings').tooltip), /USDT-USD index/);
    assert.equal(sim.received().length, asked, 'nothing asked of OKX for the new unit');
    await waitFor(() => holdingsIn('USDT'), 'the Portfolio panel in USDT');

    await configure({ valuationUnit: undefined });
    await waitFor(async () => / USD$/.test((await api.renderView('overview', 0)).find((i) => i.id === 'overview:holdings')?.label ?? ''), 'back in USD');
  });

  it('"Earned yesterday" has a row per product held: a figure, or that OKX gives none for a day', async () => {
    const items = await waitFor(async () => {
      const list = await api.renderView('overview', 1);
      const group = list.find((i) => i.id === 'overview:earnedYesterday');
      return group !== undefined && group.children.length > 0 ? list : undefined;
    }, '"Earned yesterday"');
    const group = byId(items, 'overview:earnedYesterday');
    assert.equal(group.description, 'Earned yesterday');
    const row = (product: string): RenderedItem => byId(group.children, `overview:earnedYesterday:${product}`);
    for (const product of ['onchain', 'stable', 'dual']) assert.equal(row(product).label, 'no daily figure', product);
    assert.match(row('savings').label, /^[\d,]+\.\d\d USD$/);
    assert.match(row('okusd').label, /^[\d,]+\.\d\d USD$/);
    assert.match(row('eth').description, /latest daily reward/);
    const total = byId(items, 'overview:earnedTotal');
    assert.ok(total.children.length >= 5, 'earned in total, per product');
    assert.equal(byId(total.children, 'overview:earnedTotal:dual').label, 'paid at expiry');
  });
});
