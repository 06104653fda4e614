/**
 * What the extension asks OKX for, counted at the simulator: with the sidebar closed only what the status bar
 * needs (loan-info), and a view's areas once it is shown.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkxEarnApi } from '../../src/extension';
import type { EndpointId } from '../../src/okx/endpoints';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import { TEST_RATE_LIMIT_SCALE, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows } from './helpers';

describe('Refresh: only what is shown is asked for', function () {
  this.timeout(90_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  const count = (id: EndpointId): number => sim.received(id).length;
  const endpointsSince = (from: number): string[] => [...new Set(sim.received().slice(from).flatMap((r) => (r.endpoint === undefined ? [] : [r.endpoint])))].sort();

  before(async () => {
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimitScale: TEST_RATE_LIMIT_SCALE });
    api = await extensionApi();
    // The sidebar closed before the connection is made: no view is on screen to ask for anything.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, 'refresh-plan', SANDBOX_KEY);
    await waitFor(() => (api.ltvIndicator().visible ? true : undefined), 'the status bar showing the loans');
  });

  after(async () => {
    await configure({ autoRefreshSeconds: undefined });
    await removeTestKey('refresh-plan');
    await configure({ environment: undefined, customBaseUrl: undefined });
    await sim.close();
  });

  it('with the sidebar closed, a poll asks loan-info only (no max-collateral-redeem-amount)', async () => {
    const from = sim.received().length;
    const before = count('loanInfo');
    await configure({ autoRefreshSeconds: 5 });
    await waitFor(() => (count('loanInfo') > before ? true : undefined), 'a poll of the loans', 12_000);
    await configure({ autoRefreshSeconds: 3600 });
    // The live LTV reads the index prices once, when it opens with the first loans (not a poll's request).
    assert.deepEqual(endpointsSince(from).filter((id) => id !== 'indexTickers'), ['loanInfo'], 'nothing but the loans');
    assert.ok(count('indexTickers') <= 1, `the index prices read ${count('indexTickers')} times`);
    assert.equal(count('loanMaxCollateralRedeem'), 0, 'what can be taken back was never asked: no view showed it');
    assert.equal(count('savingsBalance'), 0);
    assert.equal(count('onchainActiveOrders'), 0);
  });

  it('opening a hidden view fetches its areas: the Loans view its limits, the Savings view its balances and rates', async () => {
    assert.equal(count('savingsBalance'), 0, 'savings never asked while hidden');
    await vscode.commands.executeCommand('okxEarn.loans.focus');
    const collaterals = sim.state.loans.orders.reduce((n, o) => n + o.collateral.length, 0);
    await waitFor(() => (count('loanMaxCollateralRedeem') >= collaterals ? true : undefined), "the Loans view's max-redeem look-ups");
    await vscode.commands.executeCommand('okxEarn.savings.focus');
    await waitFor(() => (count('savingsBalance') > 0 && count('savingsLendingRateSummary') > 0 ? true : undefined), "the Savings view's balances and market rates");
    const savings = await api.renderView('savings', 0);
    assert.ok(savings.some((item) => item.label === 'USDT'), savings.map((i) => i.label).join(', '));
  });

  it("a new connection to an account seen before sends its kept collateral look-ups alongside the loans: one round trip", async () => {
    // The Loans view was shown (above): its look-ups are kept for this host and profile.
    await vscode.commands.executeCommand('okxEarn.loans.focus');
    const collaterals = sim.state.loans.orders.reduce((n, o) => n + o.collateral.length, 0);
    await removeTestKey('refresh-plan');
    const latencyMs = 800;
    sim.faults.add({ fault: { kind: 'latency', ms: latencyMs } });
    try {
      const from = sim.received().length;
      await useTestKey(api, 'refresh-plan', SANDBOX_KEY);
      const since = (id: EndpointId): number[] => sim.received().slice(from).filter((r) => r.endpoint === id).map((r) => r.at);
      await waitFor(() => (since('loanMaxCollateralRedeem').length >= collaterals ? true : undefined), "the Loans view's look-ups on the new connection");
      const loans = Math.min(...since('loanInfo'));
      const lookups = since('loanMaxCollateralRedeem').slice(0, collaterals);
      assert.ok(lookups.every((at) => at - loans < latencyMs), `sent before loan-info answered (${lookups.map((at) => at - loans).join(', ')} ms after it, answers take ${latencyMs} ms)`);
    } finally {
      sim.faults.clear();
    }
  });
});
