/** What loads on first use only: the Sandbox's simulator (dist/sandbox.js) and the panel hosts. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OkxEarnApi } from '../../src/extension';
import type { ProductState } from '../../src/panels/protocol';
import { EXTENSION_ID, configure, extensionApi, waitFor, withShortRateLimitWindows } from './helpers';

describe('Lazy loading: the sandbox and the panels, on first use', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sandboxBundle: string;

  before(async () => {
    api = await extensionApi();
    await api.whenConnected();
    sandboxBundle = path.join(vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '', 'dist', 'sandbox.js');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await configure({ environment: undefined });
    await waitFor(() => api.sandboxUrl() === undefined || undefined, 'the sandbox to stop');
  });

  it('the simulator is not loaded until the Sandbox is chosen; then it starts and the views fill', async () => {
    assert.equal(api.sandboxUrl(), undefined);
    assert.equal(require.cache[sandboxBundle], undefined, `${sandboxBundle} is not loaded at start-up`);
    await configure({ environment: 'sandbox' });
    await waitFor(() => api.sandboxUrl(), 'the sandbox to start');
    assert.ok(require.cache[sandboxBundle] !== undefined, `${sandboxBundle} is loaded now`);
    await waitFor(() => api.connectionLabel() === 'Sandbox' || undefined, 'the sandbox connection');
    const staking = await waitFor(async () => {
      const items = await api.renderView('staking', 1);
      return items.length > 0 && items.every((item) => item.contextValue !== 'okxEarn.error') ? items : undefined;
    }, 'the sandbox portfolio in the Staking view');
    assert.ok(staking.length > 0);
  });

  it('a panel opens in the sandbox, its host loaded on the way', async () => {
    await vscode.commands.executeCommand('okxEarn.openProduct', { payload: { kind: 'sol' } });
    const state = await waitFor(() => {
      const s = api.panels().find((p) => p.key === 'product:sol')?.state as ProductState | undefined;
      return s !== undefined && 'points' in s.chart && !s.chart.loading && s.chart.points.length > 0 ? s : undefined;
    }, 'the SOL panel with its chart');
    assert.equal(state.title, 'SOL staking');
    assert.ok('points' in state.chart && state.chart.points.length === 30);
    await waitFor(() => api.panels().find((p) => p.key === 'product:sol')?.firstPaintMs, 'the first paint');
  });
});
