import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WalkthroughStepState } from '../host/pageProbes';
import { EXTENSION_ID, extensionApi, probe, probesAvailable, waitFor } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; svg?: string };
  completionEvents: string[];
}

interface Manifest {
  contributes: {
    walkthroughs: { id: string; title: string; steps: Step[] }[];
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, unknown> };
  };
}

/**
 * What VS Code reads from the manifest. That each step completes on its event, as VS Code counts them, is
 * tested in a fresh window of its own (zh-cn/walkthrough.test.ts): VS Code counts each event once a window.
 */
describe('Walkthrough: contributed, and every step completes on something that exists', () => {
  const extension = (): vscode.Extension<unknown> => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found);
    return found;
  };
  let manifest: Manifest;
  let steps: Step[];

  before(async () => {
    await extensionApi();
    manifest = extension().packageJSON as Manifest;
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough);
    assert.equal(walkthrough.id, 'okxEarn.gettingStarted');
    assert.equal(walkthrough.title, 'Get started with OKX Earn');
    steps = walkthrough.steps;
  });

  it('has the six steps, from trying the Sandbox to a first purchase', () => {
    assert.deepEqual(steps.map((s) => s.id), ['sandbox', 'createKey', 'setKey', 'tour', 'ltvBand', 'firstPurchase']);
    assert.deepEqual(steps.map((s) => s.title), [
      'Try the Sandbox', 'Create an API key on OKX', 'Set your API key', 'Views and status bar', 'Set the LTV warning band', 'Your first purchase',
    ]);
  });

  it('each step has its media, and every button runs a command that is registered', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of steps) {
      const media = step.media.markdown ?? step.media.svg;
      assert.ok(media !== undefined && existsSync(path.join(extension().extensionPath, media)), `${step.id}: ${String(media)}`);
      for (const [, target] of step.description.matchAll(/\]\(command:(?:toSide:)?([\w.]+)/g)) {
        assert.ok(target !== undefined && commands.has(target), `${step.id}: command ${String(target)} is registered`);
      }
    }
  });

  it('completes on events that refer to real views, settings and context keys', () => {
    const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));
    const settings = new Set(Object.keys(manifest.contributes.configuration.properties));
    for (const step of steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} completes on something`);
      for (const event of step.completionEvents) {
        const [kind, argument = ''] = event.split(/:(.*)/s);
        if (kind === 'onView') assert.ok(views.has(argument), event);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(argument), event);
        else if (kind === 'onContext') assert.match(argument, /^okxEarn\.(environment == sandbox|hasApiKey|walkthrough\.purchased|walkthrough\.viewsSeen)$/, event);
        else if (kind === 'onLink') assert.match(argument, /^https:\/\/(www|us|eea)\.okx\.com\/(zh-hans\/)?account\/my-api$/, event);
        else assert.fail(`unexpected completion event ${event}`);
      }
    }
  });

  it('OKX Earn: Get Started opens it, showing its steps', async function () {
    // What the page shows can only be read from the page: where the test host drives one.
    if (!probesAvailable()) this.skip();
    await vscode.commands.executeCommand('okxEarn.openWalkthrough');
    const shown = await waitFor(async () => {
      const found = await probe<WalkthroughStepState[]>('walkthroughSteps');
      return found.length === steps.length ? found : undefined;
    }, 'the walkthrough page');
    assert.deepEqual(shown.map((s) => s.id), steps.map((s) => `${EXTENSION_ID}#okxEarn.gettingStarted#${s.id}`));
    assert.deepEqual(shown.map((s) => s.title), steps.map((s) => s.title));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
