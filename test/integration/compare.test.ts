import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { dualProductPickLabel } from '../../src/commands/dual';
import * as D from '../../src/decimal';
import { formatDisplayAmount } from '../../src/portfolio/format';
import type { OkxEarnApi } from '../../src/extension';
import type { EndpointId } from '../../src/okx/endpoints';
import { OkxClient } from '../../src/okx/client';
import { customEnvironment } from '../../src/okx/environments';
import type { CompareState } from '../../src/panels/protocol';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import { ScriptedWindow, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows, TEST_RATE_LIMIT_SCALE } from './helpers';

describe('Compare panel: every product that takes a currency, each row running its own flow, against the simulator', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;
  let client: OkxClient;
  const posts = (endpoint: EndpointId): number => sim.received(endpoint).length;
  const modals = (): string[] => ui.shown.filter((s) => s.modal).map((s) => s.message);
  const compareState = (): CompareState | undefined => {
    const state = api.panels().find((p) => p.key === 'compare')?.state;
    return state?.kind === 'compare' ? state : undefined;
  };
  /** The panel's state for `ccy` once its Dual Investment products are read. */
  const settled = (ccy: string): Promise<CompareState> =>
    waitFor(() => {
      const s = compareState();
      return s !== undefined && s.ccy === ccy && s.loading === '' && s.rows.length > 0 ? s : undefined;
    }, `the Compare panel for ${ccy}`);
  /** A row's button, as the webview sends it, with the prompts answered and the confirmation answered `confirmWith`. */
  const press = async (id: string, answers: { inputs?: string[]; picks?: string[]; confirmWith?: string }): Promise<void> => {
    ui.inputs.push(...(answers.inputs ?? []));
    ui.picks.push(...(answers.picks ?? []));
    ui.choose = (_message, items) => items.find((i) => i === answers.confirmWith);
    await api.deliverToPanel('compare', { type: 'compare', id });
  };

  before(async () => {
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false });
    client = new OkxClient({ environment: customEnvironment(sim.url), credentials: SANDBOX_KEY, rateLimitScale: TEST_RATE_LIMIT_SCALE });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, 'compare-tests', SANDBOX_KEY);
  });

  beforeEach(() => {
    ui = new ScriptedWindow().install();
  });
  afterEach(() => ui.restore());

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeTestKey('compare-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined });
    await sim.close();
  });

  it('opens from the palette for a currency picked (held ones first) and ranks what takes it, saying the rates are today\'s', async () => {
    ui.picks.push('USDT');
    await vscode.commands.executeCommand('okxEarn.compare');
    const state = await settled('USDT');
    assert.equal(api.panels().find((p) => p.key === 'compare')?.title, 'Compare: USDT');
    assert.ok(state.held.includes('USDT') && state.held.includes('BTC'), `held first: ${state.held.join(', ')}`);
    assert.ok(!state.others.includes('USDT'));
    assert.match(state.honest, /they change .* and are not promised/);
    const ids = state.rows.map((r) => r.id);
    for (const id of ['savings', 'okusd', 'onchain:4005', 'dual:BTC-USDT:P', 'dual:ETH-USDT:P']) assert.ok(ids.includes(id), id);
    for (const row of state.rows) assert.ok(row.rateKind !== '' && row.term !== '' && row.payback !== '' && row.min !== '' && row.risk !== '', `${row.id} is described in full`);
    const csp = (api.panels().find((p) => p.key === 'compare')?.csp ?? '').split(';').map((d) => d.trim());
    assert.ok(csp.includes("default-src 'none'"));
  });

  it('a savings row subscribes to USDT savings through the savings flow and its confirmation', async () => {
    const before = posts('savingsPurchaseRedempt');
    await press('savings', { inputs: ['5', ''], confirmWith: 'Subscribe' });
    assert.equal(posts('savingsPurchaseRedempt'), before + 1, ui.messages().join('\n'));
    const sent = sim.received('savingsPurchaseRedempt').at(-1)?.params;
    assert.equal(sent?.ccy, 'USDT', 'for the compared currency, not asked');
    assert.equal(sent?.amt, '5');
    assert.equal(sent?.side, 'purchase');
    assert.equal(modals().length, 1, 'the flow\'s own confirmation');
  });

  it('a cancelled confirmation sends nothing: the panel never moves money itself', async () => {
    const before = posts('okusdSubscribe');
    await press('okusd', { inputs: ['10'], confirmWith: undefined });
    assert.equal(modals().length, 1, 'asked');
    assert.equal(posts('okusdSubscribe'), before, 'nothing sent');
  });

  it('the OKUSD row subscribes OKUSD; the on-chain row buys that very offer', async () => {
    const okusd = posts('okusdSubscribe');
    await press('okusd', { inputs: ['10'], confirmWith: 'Subscribe' });
    assert.equal(posts('okusdSubscribe'), okusd + 1, ui.messages().join('\n'));
    assert.equal(sim.received('okusdSubscribe').at(-1)?.params?.amt, '10');

    const purchases = posts('onchainPurchase');
    await press('onchain:4005', { inputs: ['10'], confirmWith: 'Purchase' });
    assert.equal(posts('onchainPurchase'), purchases + 1, ui.messages().join('\n'));
    assert.equal(sim.received('onchainPurchase').at(-1)?.params?.productId, '4005', 'the row\'s offer, not one picked');
  });

  it('a Dual Investment row runs the Dual flow for its pair and direction: the strikes of BTC/USDT "buy low" to pick from', async () => {
    const products = await client.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'P' });
    const product = products.find((p) => Number(p.tradeEndTime) > sim.clock.now());
    assert.ok(product, 'an open product');
    const trades = posts('dualTrade');
    // Only the product is picked: the pair and direction come from the row.
    await press('dual:BTC-USDT:P', { picks: [dualProductPickLabel(product)], inputs: ['100'], confirmWith: 'Buy' });
    assert.equal(posts('dualTrade'), trades + 1, ui.messages().join('\n'));
    const order = sim.state.dual.orders.at(-1);
    assert.equal(order?.productId, product.productId);
    assert.equal(order?.notionalCcy, 'USDT');
  });

  it('the currency picker switches the comparison; ETH staking stakes from its row', async () => {
    await api.deliverToPanel('compare', { type: 'ccy', ccy: 'ETH' });
    const state = await settled('ETH');
    assert.equal(api.panels().find((p) => p.key === 'compare')?.title, 'Compare: ETH');
    assert.ok(state.rows.some((r) => r.id === 'eth' && r.rateKind === 'staking APY today'));
    const stakes = posts('ethPurchase');
    await press('eth', { inputs: ['0.1'], confirmWith: 'Stake' });
    assert.equal(posts('ethPurchase'), stakes + 1, ui.messages().join('\n'));
  });

  it('opens from a holding row\'s menu and from an idle-money row, for that row\'s currency', async () => {
    await vscode.commands.executeCommand('okxEarn.compare', { payload: { kind: 'savings', ccy: 'USDC' } });
    await settled('USDC');
    await vscode.commands.executeCommand('okxEarn.compare', { ccy: 'BTC' });
    const btc = await settled('BTC');
    assert.ok(btc.rows.some((r) => r.id === 'dual:BTC-USDT:C'), 'BTC "sell high" takes BTC');
    assert.equal(api.panels().filter((p) => p.key === 'compare').length, 1, 'one Compare panel');
  });

  it('the Overview lists idle money with the best product and which rate it is; a click compares that currency', async () => {
    await vscode.commands.executeCommand('okxEarn.refresh');
    const idle = await waitFor(async () => (await api.renderView('overview', 2)).find((i) => i.id === 'overview:idle'), 'the idle-money group');
    const usdt = idle.children.find((c) => c.id === 'overview:idle:USDT');
    assert.ok(usdt, idle.children.map((c) => c.id ?? '').join(', '));
    // What the funding account holds now (25,000 USDT less what the rows above bought, read again after each);
    // the trading account's USDT are all lent by auto-earn, so not idle.
    const funding = sim.state.funding.USDT ?? '0';
    assert.ok(D.lt(funding, '25000') && D.gt(funding, '24000'), funding);
    assert.equal(usdt.label, `${formatDisplayAmount(funding)} USDT idle`);
    assert.match(usdt.description, /^(Simple Earn|OKUSD|On-chain earn( \(\d+ days\))?) pays \d+(\.\d+)?% now \((lending rate|APR|estimated APY)\)$/);
    assert.equal(usdt.contextValue, 'okxEarn.idle', 'its menu offers Compare too');
    for (const earning of ['BETH', 'OKSOL', 'OKUSD', 'USDG']) assert.ok(!idle.children.some((c) => c.id === `overview:idle:${earning}`), `${earning} earns where it is held`);
    assert.equal(usdt.command?.command, 'okxEarn.compare');
    await vscode.commands.executeCommand(usdt.command.command, ...usdt.command.arguments);
    const state = await settled('USDT');
    // The row's product is the panel's best one that keeps the money in USDT.
    const best = state.rows.find((r) => !r.id.startsWith('dual:') && r.action !== undefined && /%$/.test(r.rate));
    assert.ok(best !== undefined && usdt.description.includes(best.rate), `${usdt.description} names ${best?.product ?? ''} at ${best?.rate ?? ''}`);
  });

  it('drops malformed messages and stale ids, sending nothing', async () => {
    const requests = sim.requests.length;
    const dropped = api.panels().find((p) => p.key === 'compare')?.dropped ?? 0;
    for (const message of [{ type: 'compare' }, { type: 'compare', id: 'okxEarn.savings.subscribe' }, { type: 'ccy', ccy: '<b>' }, { type: 'action', action: 'purchase' }]) {
      await api.deliverToPanel('compare', message);
    }
    assert.equal(api.panels().find((p) => p.key === 'compare')?.dropped, dropped + 4);
    await api.deliverToPanel('compare', { type: 'compare', id: 'onchain:999999' });
    assert.deepEqual(sim.requests.slice(requests).filter((r) => r.method === 'POST').map((r) => r.endpoint), [], 'nothing posted');
    assert.deepEqual(ui.shown, [], 'nothing shown to the user');
  });
});
