import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkxEarnApi } from '../../src/extension';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import { ScriptedWindow, configure, extensionApi, pastRateWindows, removeTestKey, useTestKey, waitFor } from './helpers';

/**
 * Issue 24: the LTV watch follows OKX's index prices over its public WebSocket. A jump across margin call turns
 * the status bar within 2 s, asking OKX for loan-info at most once; a socket that dies pauses the live figure
 * and the watch falls back to polling.
 */
describe('Live loan risk: OKX index prices over the public WebSocket, against the simulator', function () {
  this.timeout(60_000);
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;
  const loanInfos = (): number => sim.received('loanInfo').length;

  before(async () => {
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600, ltvWarningPoints: 3, livePrices: true });
    await useTestKey(api, 'live-tests', SANDBOX_KEY);
    await api.whenConnected();
    ui = new ScriptedWindow().install();
  });

  after(async () => {
    ui.restore();
    await configure({ livePrices: false });
    await removeTestKey('live-tests');
    await sim.close();
  });

  it('opens the socket for the loans\' currencies and shows the LTV as live ("LTV ≈ … live")', async () => {
    await waitFor(() => (api.livePrices() === 'live' ? true : undefined), 'live prices', 20_000).catch((error: Error) => {
      throw new Error(`${error.message}: ${api.livePrices()}; loans shown: ${api.ltvIndicator().text}`);
    });
    const shown = await waitFor(() => (api.ltvIndicator().text.includes('≈') ? api.ltvIndicator() : undefined), 'the live figure in the status bar', 20_000);
    assert.match(shown.text, /LTV ≈ \d+\.\d% live/);
    assert.match(shown.tooltip, /Live from OKX's index prices/);
    assert.match(shown.tooltip, /OKX confirmed \d+\.\d% at /);
    const subscribed = sim.publicSocket.subscriptions().flat();
    for (const instId of ['BTC-USD', 'ETH-USD', 'SOL-USD']) assert.ok(subscribed.includes(instId), `${instId} in ${subscribed.join(', ')}`);
    const row = (await api.renderView('loans', 0)).find((i) => i.label.startsWith('LTV ≈'));
    assert.match(row?.label ?? '', /^LTV ≈ \d+\.\d% · call 70%$/);
  });

  it('a price jump across margin call turns the status bar within 2 s, with at most one loan-info request', async () => {
    const before = loanInfos();
    const started = Date.now();
    sim.publicSocket.jump('BTC', '-25%');
    const turned = await waitFor(() => (api.ltvIndicator().background === 'statusBarItem.errorBackground' ? api.ltvIndicator() : undefined), 'the status bar at margin call', 5_000);
    const took = Date.now() - started;
    assert.ok(took <= 2_000, `turned after ${took} ms`);
    assert.match(turned.text, /\$\(error\) LTV ≈? ?\d+\.\d%/);
    // OKX is asked once, and the alert rests on its confirmed figure.
    await waitFor(() => (ui.messages('error').some((m) => /margin call/i.test(m)) || ui.messages('warning').some((m) => /margin call/i.test(m)) ? true : undefined), 'the alert on OKX\'s figure', 10_000);
    assert.ok(loanInfos() - before <= 1, `${loanInfos() - before} loan-info requests`);
  });

  it('a price move that crosses nothing costs no request', async () => {
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const before = loanInfos();
    sim.publicSocket.jump('SOL', '+1%');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(loanInfos() - before, 0);
  });

  it('a socket that dies: "live prices paused", the figure from the last poll, polling goes on', async () => {
    sim.publicSocket.refuseUpgrades();
    sim.publicSocket.dropAll();
    await waitFor(() => (api.livePrices().startsWith('paused') ? true : undefined), 'live prices paused', 15_000);
    const shown = await waitFor(() => (api.ltvIndicator().text.includes('≈') ? undefined : api.ltvIndicator()), 'the confirmed figure', 10_000);
    assert.match(shown.text, /LTV \d+\.\d%/);
    assert.match(shown.tooltip, /Live prices paused/);
    const before = loanInfos();
    // Loans read within their rate window are fresh, and a Refresh does not ask for them again.
    await pastRateWindows(1);
    await vscode.commands.executeCommand('okxEarn.refresh');
    await waitFor(() => (loanInfos() > before ? true : undefined), 'a poll');
  });
});
