import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkxEarnApi } from '../../src/extension';
import { SANDBOX_KEY, Simulator, type SimKey } from '../../src/simulator/server';
import { ScriptedWindow, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows, TEST_RATE_LIMIT_SCALE } from './helpers';

/**
 * Runs after lazyLoading.test.ts (files run in name order): its Sandbox test loads dist/sandbox.js, which the lazy
 * loading suite checks is not loaded before the Sandbox is chosen.
 */

/** The profile every test starts from; the others are keys OKX refuses, or a second account. */
const KEY = { apiKey: 'keys-main-key', secretKey: 'keys-main-secret', passphrase: 'keys-main-pass' };
const KEYS: SimKey[] = [
  SANDBOX_KEY,
  { ...KEY, permission: 'trade', demo: false, region: 'global' },
  { apiKey: 'it-us-key', secretKey: 'it-us-secret', passphrase: 'it-us-pass', permission: 'trade', demo: false, region: 'us' },
  { apiKey: 'it-demo-key', secretKey: 'it-demo-secret', passphrase: 'it-demo-pass', permission: 'trade', demo: true, region: 'global' },
  { apiKey: 'it-sub-key', secretKey: 'it-sub-secret', passphrase: 'it-sub-pass', permission: 'read', demo: false, region: 'global' },
  { apiKey: 'it-locked-key', secretKey: 'it-locked-secret', passphrase: 'it-locked-pass', permission: 'trade', demo: false, region: 'global', ipAllowList: ['10.9.8.7'] },
];

describe('API keys and profiles: refused keys explained, several profiles, the Sandbox', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;

  before(async () => {
    sim = await Simulator.start({ keys: KEYS, priceMotion: false, rateLimitScale: TEST_RATE_LIMIT_SCALE });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await api.whenConnected();
    await useTestKey(api, 'main', KEY);
  });

  beforeEach(() => {
    ui = new ScriptedWindow().install();
  });

  afterEach(() => ui.restore());

  after(async () => {
    await configure({ environment: 'custom', customBaseUrl: sim.url });
    await removeTestKey('main');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined });
    await sim.close();
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
    // The connection follows the store's change (and SecretStorage's) on its own time.
    await waitFor(() => api.connectionLabel() === 'main · Custom host' || undefined, `main still active (${api.connectionLabel()})`);
  });

  it('Try the Sandbox runs the simulator inside VS Code with its demo portfolio', async () => {
    await vscode.commands.executeCommand('okxEarn.trySandbox');
    await waitFor(() => api.sandboxUrl(), 'the sandbox to start');
    await waitFor(() => api.connectionLabel() === 'Sandbox' || undefined, 'the sandbox connection');
    const staking = await waitFor(async () => {
      const items = await api.renderView('staking', 1);
      return items.some((i) => i.label === 'On-chain earn') ? items : undefined;
    }, 'sandbox data');
    assert.match(staking.find((i) => i.label === 'On-chain earn')?.description ?? '', /^\d+ orders$/);
    assert.match(ui.messages('info').join('\n'), /Nothing you do here touches real money/);
    await configure({ environment: 'custom' });
    await waitFor(() => api.sandboxUrl() === undefined || undefined, 'the sandbox to stop');
  });
});
