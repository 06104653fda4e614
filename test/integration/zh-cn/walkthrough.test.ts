import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkxEarnApi } from '../../../src/extension';
import { Simulator, type SimKey } from '../../../src/simulator/server';
import type { WalkthroughStepState } from '../../host/pageProbes';
import { EXTENSION_ID, ScriptedWindow, configure, extensionApi, probe, probesAvailable, waitFor } from '../helpers';

const KEY: SimKey = { apiKey: 'wt-key-5d2a', secretKey: 'wt-secret-8Hq3', passphrase: 'wt-pass-K1', permission: 'read', demo: false, region: 'global' };
const WALKTHROUGH = `${EXTENSION_ID}#okxEarn.gettingStarted`;
const STEPS = ['sandbox', 'createKey', 'setKey', 'tour', 'ltvBand', 'firstPurchase'] as const;
type StepName = (typeof STEPS)[number];

/** What the walkthrough page shows as done, step by step. */
async function done(): Promise<Record<StepName, boolean>> {
  const states = await probe<WalkthroughStepState[]>('walkthroughSteps');
  return Object.fromEntries(STEPS.map((s) => [s, states.find((state) => state.id === `${WALKTHROUGH}#${s}`)?.done === true])) as Record<StepName, boolean>;
}

/** Waits until exactly `names` are done (and no other step). */
async function expectDone(...names: StepName[]): Promise<void> {
  const want = Object.fromEntries(STEPS.map((s) => [s, names.includes(s)]));
  let last: Record<StepName, boolean> | undefined;
  try {
    await waitFor(async () => {
      last = await done();
      return JSON.stringify(last) === JSON.stringify(want) || undefined;
    }, `steps done: ${names.join(', ')}`, 10_000);
  } catch {
    assert.deepEqual(last, want);
  }
}

describe('Walkthrough, in a fresh window: each step is done on its own event, and only then', function () {
  this.timeout(90_000);
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;

  before(async function () {
    // The checkmarks are read from the page: only where the test host drives one (code-server).
    if (!probesAvailable()) this.skip();
    api = await extensionApi();
    sim = await Simulator.start({ keys: [KEY], priceMotion: false });
  });

  beforeEach(() => {
    ui = new ScriptedWindow().install();
  });

  afterEach(() => ui?.restore());

  after(async () => {
    await sim?.close();
  });

  it('OKX 赚币: 入门指南 opens it with its six steps, titled in Chinese, none done', async () => {
    await vscode.commands.executeCommand('okxEarn.openWalkthrough');
    const states = await waitFor(async () => {
      const found = await probe<WalkthroughStepState[]>('walkthroughSteps');
      return found.length === STEPS.length ? found : undefined;
    }, 'the walkthrough page');
    assert.deepEqual(states.map((s) => s.id), STEPS.map((s) => `${WALKTHROUGH}#${s}`));
    assert.deepEqual(states.map((s) => s.title), ['试用沙盒', '在 OKX 上创建 API Key', '设置您的 API Key', '了解视图和状态栏', '设置质押率预警区间', '在沙盒中完成第一次申购']);
    await expectDone();
  });

  it('the tour is done when a view of the OKX Earn sidebar is shown', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.okxEarn');
    await expectDone('tour');
  });

  it('the LTV band is done when okxEarn.ltvWarningPoints changes', async () => {
    await configure({ ltvWarningPoints: 7.5 });
    await expectDone('tour', 'ltvBand');
  });

  it("creating a key is done when the link to OKX's API page is followed", async () => {
    await probe('clickStepButton', { step: `${WALKTHROUGH}#createKey`, index: 0 });
    await expectDone('tour', 'ltvBand', 'createKey');
  });

  it('setting the key is done when a key is saved, not when OKX refused it', async () => {
    await configure({ customBaseUrl: sim.url, environment: 'custom' });
    await api.whenConnected();
    ui.inputs.push('walk', KEY.apiKey, 'not-the-secret', KEY.passphrase);
    assert.equal(await vscode.commands.executeCommand('okxEarn.setApiKey'), false);
    assert.match(ui.messages('error').join('\n'), /API Key 未保存。Secret Key 与此 API Key 不匹配。/);
    await expectDone('tour', 'ltvBand', 'createKey');

    ui.inputs.push('walk', KEY.apiKey, KEY.secretKey, KEY.passphrase);
    assert.equal(await vscode.commands.executeCommand('okxEarn.setApiKey'), true);
    assert.match(ui.messages('info').join('\n'), /已将配置“walk”（自定义地址）的 API Key 保存到 VS Code 的机密存储中。/);
    await expectDone('tour', 'ltvBand', 'createKey', 'setKey');
  });

  it('trying the Sandbox is done when the Sandbox is in use', async () => {
    await vscode.commands.executeCommand('okxEarn.trySandbox');
    assert.match(ui.messages('info').join('\n'), /^沙盒：在 VS Code 内运行的模拟 OKX 账户/);
    await expectDone('tour', 'ltvBand', 'createKey', 'setKey', 'sandbox');
  });

  it('the first purchase is done when a practice purchase in the Sandbox goes through, not when it is cancelled', async () => {
    await api.whenConnected();
    ui.picks.push('USDT · On-Chain Defi');
    ui.inputs.push('100');
    ui.choose = () => undefined;
    assert.equal(await vscode.commands.executeCommand('okxEarn.walkthrough.purchaseInSandbox'), false);
    const [cancelled] = ui.shown.filter((s) => s.modal);
    assert.equal(cancelled?.message, '申购 100 USDT（USDT · On-Chain Defi）？');
    assert.match(cancelled?.detail ?? '', /数量: 100 USDT[\s\S]*环境: 沙盒[\s\S]*沙盒：模拟操作，不涉及真实资金。/);
    await expectDone('tour', 'ltvBand', 'createKey', 'setKey', 'sandbox');

    ui.picks.push('USDT · On-Chain Defi');
    ui.inputs.push('100');
    ui.choose = (_message, items) => items.find((item) => item === '申购');
    assert.equal(await vscode.commands.executeCommand('okxEarn.walkthrough.purchaseInSandbox'), true);
    assert.match(ui.messages('info').join('\n'), /已申购 100 USDT（USDT · On-Chain Defi）：订单 \S+。/);
    await expectDone('tour', 'ltvBand', 'createKey', 'setKey', 'sandbox', 'firstPurchase');
  });
});
