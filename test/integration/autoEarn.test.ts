import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkxEarnApi, RenderedItem } from '../../src/extension';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import { ScriptedWindow, TEST_CHECK_WINDOW, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows } from './helpers';

/**
 * Issue 26, item 1: auto-earn turned on and off in VS Code against the simulator: the extension's own
 * confirmation, pending → active in the Savings view, off again, a refused currency explained, and an unknown
 * outcome shown as pending until the currency's state settles it.
 */
describe('Auto-earn, against the simulator (issue 26)', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;
  const row = (ccy: string): unknown => ({ payload: { kind: 'autoEarn', ccy } });
  const modal = (): { message: string; detail: string } | undefined => ui.shown.filter((s) => s.modal).at(-1);

  /** The Savings view's auto-earn row of `ccy`, read again from OKX first. */
  async function autoEarnRow(ccy: string): Promise<RenderedItem | undefined> {
    await vscode.commands.executeCommand('okxEarn.retry', 'trading');
    const group = (await api.renderView('savings', 2)).find((i) => i.id === 'autoEarn');
    return group?.children.find((i) => i.id === `autoEarn:${ccy}`);
  }

  const waitForRow = (ccy: string, description: RegExp, what: string): Promise<RenderedItem> =>
    waitFor(async () => {
      const found = await autoEarnRow(ccy);
      return found !== undefined && description.test(found.description) ? found : undefined;
    }, what);

  before(async () => {
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, 'autoearn-tests', SANDBOX_KEY);
  });

  beforeEach(() => {
    ui = new ScriptedWindow().install();
    sim.faults.clear();
    api.forgetRecentMoves();
  });
  afterEach(() => ui.restore());

  after(async () => {
    await removeTestKey('autoearn-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined });
    await sim.close();
  });

  it('turns auto-earn on from the row\'s menu: confirmed in the extension\'s dialog, pending, then active with the amount matched', async () => {
    const btc = await waitForRow('BTC', /^0\.05 BTC · off$/, 'BTC off in the Savings view');
    assert.equal(btc.contextValue, 'okxEarn.autoEarn.off');
    ui.choose = (_m, items) => items.find((i) => i === 'Turn On');
    assert.equal(await vscode.commands.executeCommand('okxEarn.autoEarn.turnOn', row('BTC')), true);
    assert.equal(modal()?.message, 'Turn auto-earn on for BTC?');
    assert.match(modal()?.detail ?? '', /Sent as: earnType 0, ccy BTC, action turn_on/);
    assert.deepEqual(sim.received('setAutoEarn').map((r) => r.params), [{ earnType: '0', ccy: 'BTC', action: 'turn_on' }]);
    await waitForRow('BTC', /^0\.05 BTC · on · waiting to be matched$/, 'BTC pending');
    sim.advance(sim.state.trading.matchDelayMs);
    const active = await waitForRow('BTC', /^0\.05 BTC · on · earning/, 'BTC active');
    assert.equal(active.contextValue, 'okxEarn.autoEarn.on');
  });

  it('turns it off again: off, nothing matched, and it shows so', async () => {
    ui.choose = (_m, items) => items.find((i) => i === 'Turn Off');
    assert.equal(await vscode.commands.executeCommand('okxEarn.autoEarn.turnOff', row('BTC')), true);
    assert.equal(modal()?.message, 'Turn auto-earn off for BTC?');
    await waitForRow('BTC', /· off$/, 'BTC off again');
    assert.equal(sim.state.trading.balances.BTC?.autoEarn, undefined);
  });

  it('a currency OKX does not auto-earn is explained, with what to do instead, and nothing is sent', async () => {
    const sent = sim.received('setAutoEarn').length;
    const atom = await waitForRow('ATOM', /not offered for this currency$/, 'ATOM unsupported');
    assert.equal(atom.contextValue, 'okxEarn.autoEarn.unsupported');
    assert.equal(await vscode.commands.executeCommand('okxEarn.autoEarn.turnOn', row('ATOM')), false);
    assert.equal(ui.shown.filter((s) => s.modal).length, 0, 'no confirmation');
    assert.match(ui.messages('error').join('\n'), /^OKX does not offer auto-earn for ATOM, so it cannot be turned on\. To earn on ATOM, move it to your funding account .+ Nothing was sent\.$/);
    assert.equal(sim.received('setAutoEarn').length, sent);
  });

  it("OKX's refusal of a currency (51000) is explained in words: not done, sent once", async () => {
    sim.faults.add({ fault: { kind: 'okx', code: '51000', msg: 'Parameter ccy error', status: 400 }, endpoint: 'setAutoEarn', times: 1 });
    const sent = sim.received('setAutoEarn').length;
    ui.choose = (_m, items) => items.find((i) => i === 'Turn On');
    assert.equal(await vscode.commands.executeCommand('okxEarn.autoEarn.turnOn', row('ETH')), false);
    assert.equal(sim.received('setAutoEarn').length, sent + 1);
    assert.match(ui.messages('error').join('\n'), /^Turn On: OKX refused it \(code 51000\): OKX does not offer auto-earn for ETH, so it cannot be turned on\./);
    assert.equal(sim.state.trading.balances.ETH?.autoEarn, undefined);
  });

  it('the chat: the read tool tells each currency\'s state; the toggle tool waits for the user\'s click in the extension\'s dialog', async () => {
    const text = async (name: string, input: object): Promise<string> =>
      (await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined })).content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    const read = await text('okxEarn_autoEarn', {});
    assert.match(read, /^Auto-earn in the trading account \(OKX Earn, Custom host, profile autoearn-tests\):\n- USDT: on, [\d,.]+ USDT matched \(lent or staked\)/);
    assert.match(read, /\n- ATOM: OKX does not offer auto-earn for it/);
    const sent = sim.received('setAutoEarn').length;
    ui.choose = () => undefined;
    assert.match(await text('okxEarn_setAutoEarn', { ccy: 'AVAX', action: 'on' }), /OKX does not offer auto-earn for AVAX/);
    assert.match(await text('okxEarn_setAutoEarn', { ccy: 'USDG', action: 'on' }), /^Not sent: turning auto-earn on for USDG/);
    assert.equal(modal()?.message, 'Turn auto-earn on for USDG?', 'asked in the extension\'s own dialog');
    assert.equal(sim.received('setAutoEarn').length, sent, 'declined: nothing sent');
    ui.choose = (_m, items) => items.find((i) => i === 'Turn On');
    assert.match(await text('okxEarn_setAutoEarn', { ccy: 'USDG', action: 'on' }), /^Done: /);
    assert.deepEqual(sim.received('setAutoEarn').at(-1)?.params, { earnType: '1', ccy: 'USDG', action: 'turn_on' });
  });

  it('an answer that never comes: a pending row in the Savings view until the currency\'s state settles it', async () => {
    api.setCheckTimings([0, 100], [100]);
    try {
      sim.faults.add({ fault: { kind: 'late', afterMs: 1500 }, endpoint: 'setAutoEarn', times: 1 });
      ui.choose = (_m, items) => items.find((i) => i === 'Turn On');
      assert.equal(await vscode.commands.executeCommand('okxEarn.autoEarn.turnOn', row('USDC')), false);
      assert.match(ui.messages('warning').join('\n'), /Still unknown whether OKX carried out the turning auto-earn on for USDC.+kept as pending in the Savings view/);
      const pending = await waitFor(async () => (await api.renderView('savings', 0)).find((i) => i.label === 'Pending: turning auto-earn on for USDC'), 'the pending row');
      assert.match(pending.description, /outcome unknown/);
      await waitFor(() => (sim.state.trading.balances.USDC?.autoEarn !== undefined ? true : undefined), 'carried out late');
      await waitFor(async () => {
        await api.checkPendingNow();
        return api.pendingMoves().length === 0 ? true : undefined;
      }, 'settled by the state');
      await waitForRow('USDC', /· on · /, 'USDC on');
      assert.equal(sim.received('setAutoEarn').filter((r) => r.params?.ccy === 'USDC').length, 1, 'sent once');
    } finally {
      api.setCheckTimings(TEST_CHECK_WINDOW, [500]);
    }
  });
});
