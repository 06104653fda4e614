import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import * as D from '../../src/decimal';
import type { OkxEarnApi, RenderedItem } from '../../src/extension';
import { formatAmount, formatFixed, formatPercent } from '../../src/portfolio/format';
import { loanFigures } from '../../src/simulator/state';
import { SANDBOX_KEY, Simulator, type SimKey } from '../../src/simulator/server';
import { ScriptedWindow, configure, extensionApi, waitFor } from './helpers';

const KEY = { apiKey: 'it-key-8c1f', secretKey: 'it-secret-Q7x9Zr2', passphrase: 'it-pass-W4n' };
const KEYS: SimKey[] = [
  SANDBOX_KEY,
  { ...KEY, permission: 'trade', demo: false, region: 'global' },
  { apiKey: 'it-us-key', secretKey: 'it-us-secret', passphrase: 'it-us-pass', permission: 'trade', demo: false, region: 'us' },
  { apiKey: 'it-demo-key', secretKey: 'it-demo-secret', passphrase: 'it-demo-pass', permission: 'trade', demo: true, region: 'global' },
  { apiKey: 'it-sub-key', secretKey: 'it-sub-secret', passphrase: 'it-sub-pass', permission: 'read', demo: false, region: 'global' },
  { apiKey: 'it-locked-key', secretKey: 'it-locked-secret', passphrase: 'it-locked-pass', permission: 'trade', demo: false, region: 'global', ipAllowList: ['10.9.8.7'] },
];

function find(items: readonly RenderedItem[], label: string): RenderedItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `"${label}" among ${items.map((i) => i.label).join(', ')}`);
  return item;
}

/** Every file under a folder whose text contains `needle` (files over 5 MB skipped). */
function filesContaining(folder: string, needle: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && statSync(full).size < 5_000_000 && readFileSync(full).includes(needle)) found.push(full);
    }
  };
  if (existsSync(folder)) walk(folder);
  return found;
}

describe('Sidebar, keys and the LTV indicator, against the simulator', function () {
  this.timeout(60_000);
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;

  before(async () => {
    sim = await Simulator.start({ keys: KEYS, priceMotion: false });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600, ltvWarningPoints: 3 });
    await api.whenConnected();
  });

  beforeEach(() => {
    ui = new ScriptedWindow().install();
  });

  afterEach(() => ui.restore());

  after(async () => {
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined, ltvWarningPoints: undefined });
    await sim.close();
  });

  it('Set API Key checks the key, keeps it in SecretStorage only, and connects', async () => {
    assert.equal(api.ltvIndicator().visible, false, 'no key: no LTV indicator');
    assert.deepEqual(await api.renderView('loans'), [], 'no key: the welcome view, not an empty tree');
    ui.inputs.push('main', KEY.apiKey, KEY.secretKey, KEY.passphrase);
    await vscode.commands.executeCommand('okxEarn.setApiKey');
    assert.deepEqual(ui.messages('error'), []);
    assert.match(ui.messages('info').join('\n'), /API key saved for profile "main"/);
    assert.deepEqual(await api.storedProfiles(), [{ name: 'main', hasKey: true }]);
    assert.ok(sim.received('ethProductInfo').some((r) => r.apiKey === KEY.apiKey), 'the key was checked with a read call');

    await waitFor(() => api.connectionLabel() === 'main · Custom host', 'the connection to use the new key');
    // Nothing about the key in any setting, in any scope, nor in any file of the profile on disk.
    const config = vscode.workspace.getConfiguration('okxEarn');
    const everySetting = JSON.stringify(['environment', 'customBaseUrl', 'requestTimeoutSeconds', 'autoRefreshSeconds', 'ltvWarningPoints'].map((k) => config.inspect(k)));
    const userData = process.env.OKX_EARN_TEST_USER_DATA;
    for (const secret of [KEY.apiKey, KEY.secretKey, KEY.passphrase]) {
      assert.ok(!everySetting.includes(secret), `${secret} in settings`);
      if (userData !== undefined) assert.deepEqual(filesContaining(userData, secret), [], `${secret} on disk`);
    }
    if (userData !== undefined) assert.ok(existsSync(path.join(userData, 'User', 'settings.json')), 'settings.json was there to be read');
  });

  it("each view's items and figures are the simulator's", async () => {
    const state = sim.state;
    const staking = await api.renderView('staking', 3);
    const active = state.orders.filter((o) => o.state !== '3');
    const onchain = find(staking, 'On-chain earn');
    assert.equal(onchain.description, `${active.length} orders`);
    const earning = find(onchain.children, 'Earning');
    assert.equal(earning.children.length, active.filter((o) => o.state === '1').length);
    const dot = active.find((o) => o.productId === '101' && o.state === '1');
    assert.ok(dot);
    assert.ok(earning.children.some((c) => c.label === 'DOT · Polkadot' && c.description === `${formatAmount(dot.invest[0]?.amt ?? '')} DOT · APY ${formatPercent(dot.apy)}`));
    const redeeming = D.sum(state.eth.history.filter((r) => r.type === 'redeem' && r.status === 'pending').map((r) => r.amt));
    assert.equal(find(staking, 'ETH staking').description, `${formatAmount(D.add(state.funding.BETH ?? '0', redeeming))} BETH`);
    assert.equal(find(staking, 'SOL staking').description, `${formatAmount(state.funding.OKSOL ?? '0')} OKSOL`);

    const savings = await api.renderView('savings', 1);
    assert.deepEqual(savings.map((s) => s.label), Object.keys(state.savings));
    for (const [ccy, s] of Object.entries(state.savings)) {
      const item = find(savings, ccy);
      assert.equal(item.description, `${formatAmount(D.roundDown(s.amt, 16))} ${ccy} · min ${formatPercent(s.rate)}`);
      assert.equal(find(item.children, 'Lent').description, `${formatAmount(D.roundDown(s.loanAmt, 16))} ${ccy}`);
    }

    // Two loan orders, each its own item (named by its currency and order id), in OKX's order.
    const loans = await api.renderView('loans', 2);
    assert.equal(loans.length, 2);
    state.loans.orders.forEach((order, i) => {
      const item = loans[i];
      assert.ok(item);
      assert.equal(item.id, `loan:${order.ordId}`);
      assert.equal(item.label, `${order.loan[0]?.ccy ?? ''} loan · order …${order.ordId.slice(-6)}`);
      const figures = loanFigures(order, (ccy) => sim.prices.usd(ccy, sim.clock.now()));
      assert.equal(item.description, `LTV ${formatPercent(figures.ltv)} · margin call 70% · liquidation 80%`);
      assert.deepEqual(find(item.children, 'Collateral').children.map((c) => c.description), order.collateral.map((c) => `${formatAmount(c.amt)} ${c.ccy}`));
      assert.equal(find(item.children, 'Collateral').description, `${formatFixed(figures.collateralUsd, 2)} USD`);
    });
    assert.ok(find(loans[1]?.children ?? [], 'Liquidation price').description.endsWith('· BTC-USDC'), 'the one-collateral order has a liquidation price');

    const products = await api.renderView('products', 3);
    const offers = find(products, 'On-chain earn offers');
    assert.equal(offers.description, `${state.offers.length} products`);
    assert.equal(offers.children.flatMap((c) => c.children).length, state.offers.length);
    const rates = find(products, 'Savings rates').children;
    assert.ok(rates.length >= 4);
    assert.match(find(rates, 'USDT').description, /^savers earn [\d.]+% · borrowers pay [\d.]+%$/, 'says which rate is which');
  });

  it('histories load a page on expand, with "Load more…" until the end; each loan order its own', async () => {
    const [loan] = await api.renderView('loans', 2);
    const interest = find(loan?.children ?? [], 'Accrued interest');
    assert.equal(interest.children.length, 21, '20 records and "Load more…"');
    assert.equal(interest.children[20]?.label, 'Load more…');
    assert.ok(interest.children.slice(0, 20).every((c) => c.label.endsWith(' USDT')), "only this order's interest (it borrows USDT)");
    const first = sim.state.loans.orders[0]?.ordId;
    await vscode.commands.executeCommand('okxEarn.loadMore', 'interest', first);
    const [again] = await api.renderView('loans', 2);
    assert.equal(find(again?.children ?? [], 'Accrued interest').children.length, 41);
    assert.ok(sim.received('loanInterestAccrued').every((r) => typeof r.params?.ordId === 'string'), 'always asked for with the order id');
  });

  const authCases: [string, { apiKey: string; secretKey: string; passphrase: string }, RegExp][] = [
    ['an unknown key (50111)', { ...KEY, apiKey: 'no-such-key' }, /does not recognise this API key/],
    ['a wrong secret (50113)', { ...KEY, secretKey: 'wrong-secret' }, /secret key does not belong to this API key/],
    ['a wrong passphrase (50105)', { ...KEY, passphrase: 'wrong-pass' }, /passphrase is not the one set for this API key/],
    ["another region's key (50119)", { apiKey: 'it-us-key', secretKey: 'it-us-secret', passphrase: 'it-us-pass' }, /does not exist on the Custom host host|does not exist on the .* host/],
    ['a demo-trading key on a live host (50101)', { apiKey: 'it-demo-key', secretKey: 'it-demo-secret', passphrase: 'it-demo-pass' }, /demo-trading key, but the environment is/],
    ['an IP outside the allow-list (50110)', { apiKey: 'it-locked-key', secretKey: 'it-locked-secret', passphrase: 'it-locked-pass' }, /IP address: add it to the key's IP allow-list/],
  ];
  for (const [name, credentials, message] of authCases) {
    it(`explains ${name} and saves nothing`, async () => {
      ui.inputs.push('other', credentials.apiKey, credentials.secretKey, credentials.passphrase);
      await vscode.commands.executeCommand('okxEarn.setApiKey');
      const errors = ui.messages('error');
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0] ?? '', /^The key was not saved\./);
      assert.match(errors[0] ?? '', message);
      for (const secret of [credentials.secretKey, credentials.passphrase]) assert.ok(!(errors[0] ?? '').includes(secret));
      assert.deepEqual(await api.storedProfiles(), [{ name: 'main', hasKey: true }]);
    });
  }

  it('the status bar follows the riskiest LTV across the thresholds, with one notification per crossing', async () => {
    const btc = sim.state.basePrices.BTC ?? '0';
    await vscode.commands.executeCommand('okxEarn.refresh');
    let shown = await waitFor(() => (api.ltvIndicator().visible ? api.ltvIndicator() : undefined), 'the LTV indicator');
    assert.match(shown.text, /^LTV 6\d\.\d%$/);
    assert.equal(shown.background, undefined, 'more than 3 points under margin call: no warning');

    // BTC falls 10%: the LTV crosses the 70% margin call.
    sim.prices.set('BTC', D.mul(btc, '0.9'));
    await vscode.commands.executeCommand('okxEarn.refresh');
    shown = await waitFor(() => (api.ltvIndicator().background === 'statusBarItem.errorBackground' ? api.ltvIndicator() : undefined), 'the error background');
    assert.match(shown.text, /^\$\(error\) LTV 7\d\.\d%$/, 'the error icon as well as the background');
    await vscode.commands.executeCommand('okxEarn.refresh');
    await vscode.commands.executeCommand('okxEarn.refresh');
    assert.equal(ui.messages('error').filter((m) => /reached margin call/.test(m)).length, 1, 'one notification, not one per poll');
    assert.match(shown.tooltip, /OKX flexible loans/);

    // Back to safe, then into the warning band (within 3 points of margin call).
    sim.prices.set('BTC', btc);
    await vscode.commands.executeCommand('okxEarn.refresh');
    await waitFor(() => api.ltvIndicator().background === undefined || undefined, 'no background');
    sim.prices.set('BTC', D.mul(btc, '0.97'));
    await vscode.commands.executeCommand('okxEarn.refresh');
    shown = await waitFor(() => (api.ltvIndicator().background === 'statusBarItem.warningBackground' ? api.ltvIndicator() : undefined), 'the warning background');
    assert.match(shown.text, /^\$\(warning\) LTV 6\d\.\d%$/, 'the warning icon as well as the background');
    assert.equal(ui.messages('warning').filter((m) => /near margin call/.test(m)).length, 1);
    sim.prices.set('BTC', btc);
    await vscode.commands.executeCommand('okxEarn.refresh');
  });

  it('an area that fails shows an error item with Retry; the other areas keep working', async () => {
    sim.faults.add({ fault: { kind: 'okx', code: '50013', msg: 'System busy', status: 429 }, endpoint: 'savingsBalance' });
    await vscode.commands.executeCommand('okxEarn.refresh');
    const savings = await api.renderView('savings', 0);
    assert.equal(savings[0]?.label, 'Could not load savings');
    assert.match(savings[0]?.description ?? '', /OKX is busy/);
    const staking = await api.renderView('staking', 0);
    assert.ok(staking.some((s) => s.label === 'On-chain earn'), 'staking is intact');
    assert.ok(staking.every((s) => !s.label.startsWith('Could not load')));
    sim.faults.clear();
    await vscode.commands.executeCommand('okxEarn.retry', 'savings');
    const fixed = await api.renderView('savings', 0);
    assert.ok(fixed.some((s) => s.label === 'USDT'));
  });

  it('polls only visible views; with the sidebar closed only the status bar keeps its schedule', async function () {
    this.timeout(90_000);
    const count = (endpoint: Parameters<Simulator['received']>[0]): number => sim.received(endpoint).length;
    await vscode.commands.executeCommand('okxEarn.savings.focus');
    await configure({ autoRefreshSeconds: 5 });
    const visibleStart = count('savingsBalance');
    await waitFor(() => count('savingsBalance') > visibleStart || undefined, 'a poll of the visible Savings view', 12_000);

    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const hidden = { savings: count('savingsBalance'), orders: count('onchainActiveOrders'), loans: count('loanInfo') };
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    assert.equal(count('savingsBalance'), hidden.savings, 'no savings polls while hidden');
    assert.equal(count('onchainActiveOrders'), hidden.orders, 'no staking polls while hidden');
    assert.ok(count('loanInfo') > hidden.loans, 'the status bar kept polling loans');

    await vscode.commands.executeCommand('okxEarn.savings.focus');
    await waitFor(() => count('savingsBalance') > hidden.savings || undefined, 'polling to resume', 12_000);
    await configure({ autoRefreshSeconds: 3600 });
  });

  it('keeps several profiles, switches between them, and removes one only after confirmation', async () => {
    const withSubKey = (): number => sim.received('loanInfo').filter((r) => r.apiKey === 'it-sub-key').length;
    assert.equal(withSubKey(), 0);
    ui.inputs.push('sub account', 'it-sub-key', 'it-sub-secret', 'it-sub-pass');
    await vscode.commands.executeCommand('okxEarn.setApiKey');
    await waitFor(() => api.connectionLabel() === 'sub account · Custom host' || undefined, 'the new profile to be active');
    await waitFor(() => withSubKey() > 0 || undefined, 'requests with the new key');

    ui.picks.push('main');
    await vscode.commands.executeCommand('okxEarn.switchProfile');
    await waitFor(() => api.connectionLabel() === 'main · Custom host' || undefined, 'the switch back to main');

    ui.picks.push('sub account');
    ui.choose = () => undefined; // the confirmation dismissed: nothing removed
    await vscode.commands.executeCommand('okxEarn.removeApiKey');
    assert.equal((await api.storedProfiles()).length, 2);
    ui.picks.push('sub account');
    ui.choose = (_message, items) => items.find((i) => i === 'Remove');
    await vscode.commands.executeCommand('okxEarn.removeApiKey');
    assert.deepEqual(await api.storedProfiles(), [{ name: 'main', hasKey: true }]);
    assert.equal(api.connectionLabel(), 'main · Custom host');
  });

  it('Try the Sandbox runs the simulator inside VS Code with its demo portfolio', async () => {
    await vscode.commands.executeCommand('okxEarn.trySandbox');
    await waitFor(() => api.sandboxUrl(), 'the sandbox to start');
    await waitFor(() => api.connectionLabel() === 'Sandbox' || undefined, 'the sandbox connection');
    const staking = await waitFor(async () => {
      const items = await api.renderView('staking', 1);
      return items.some((i) => i.label === 'On-chain earn') ? items : undefined;
    }, 'sandbox data');
    assert.match(find(staking, 'On-chain earn').description, /^\d+ orders$/);
    assert.match(ui.messages('info').join('\n'), /Nothing you do here touches real money/);
    await configure({ environment: 'custom' });
    await waitFor(() => api.sandboxUrl() === undefined || undefined, 'the sandbox to stop');
  });
});
