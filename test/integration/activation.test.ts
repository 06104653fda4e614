import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkxEarnApi } from '../../src/extension';

const EXTENSION_ID = 'okx-earn.okx-earn';

describe('Activation', () => {
  let api: OkxEarnApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<OkxEarnApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
  });

  it('activates and reports how long activate() took', () => {
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(api.activationMs >= 0);
    console.log(`      activate() took ${api.activationMs.toFixed(1)} ms`);
  });

  it('contributes the container and its six views, the Overview first', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { viewsContainers: { activitybar: { id: string }[] }; views: Record<string, { id: string }[]> };
    };
    assert.deepEqual(manifest.contributes.viewsContainers.activitybar.map((c) => c.id), ['okxEarn']);
    assert.deepEqual(
      manifest.contributes.views.okxEarn?.map((v) => v.id),
      ['okxEarn.overview', 'okxEarn.staking', 'okxEarn.savings', 'okxEarn.moreEarn', 'okxEarn.loans', 'okxEarn.products'],
    );
  });

  it('registers a data provider for every view, so each can be focused', async () => {
    for (const id of ['okxEarn.overview', 'okxEarn.staking', 'okxEarn.savings', 'okxEarn.moreEarn', 'okxEarn.loans', 'okxEarn.products']) {
      // `<view>.focus` exists only for registered views and fails for an unknown one.
      await vscode.commands.executeCommand(`${id}.focus`);
    }
  });

  it('registers every command package.json contributes, those whose code loads on first use included', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id)), []);
  });

  it('registers okxEarn.refresh and runs it', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('okxEarn.refresh'));
    await vscode.commands.executeCommand('okxEarn.refresh');
  });
});
