import * as assert from 'node:assert/strict';
import { Workbench, screenshotOnFailure } from './workbench';

const TITLES = ['Try the Sandbox', 'Create an API key on OKX', 'Set your API key', 'Views and status bar', 'Set the LTV warning band', 'Your first purchase'];

describe('Walkthrough: opens by itself the first time the extension runs, and never again', function () {
  let workbench: Workbench;

  before(async function () {
    // A new user's profile, with VS Code's own default of opening walkthroughs on install.
    workbench = await Workbench.open({ 'okxEarn.environment': 'sandbox', 'workbench.welcomePage.walkthroughs.openOnInstall': true });
  });

  screenshotOnFailure(() => workbench);

  after(async function () {
    await workbench?.close();
  });

  it('opens on the first start with its six steps; the Sandbox step is done, as the Sandbox is in use', async function () {
    const page = workbench.walkthrough();
    await page.getByText('Get started with OKX Earn').first().waitFor({ timeout: 60_000 });
    assert.deepEqual((await page.locator('button.getting-started-step .step-title').allInnerTexts()).map((t) => t.trim()), TITLES);
    await page.locator('button.getting-started-step[data-step-id$="#sandbox"][aria-checked="true"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('button.getting-started-step[aria-checked="true"]').count(), 1);
    await workbench.screenshot('walkthrough');
  });

  it('the LTV band step: its button and a picture of the band in the theme\'s colours', async function () {
    const page = workbench.walkthrough();
    await page.locator('button.getting-started-step[data-step-id$="#ltvBand"]').click();
    await page.getByRole('button', { name: 'Set the Warning Band' }).waitFor();
    const frame = await workbench.mediaFrame('warning band: 10 points');
    assert.deepEqual((await frame.locator('svg text').allTextContents()).slice(0, 3), ['Where the status-bar indicator warns', 'safe', 'warning band: 10 points']);
    await workbench.screenshot('walkthrough-ltv-band');
  });

  it('does not open again on the next start', async function () {
    const page = workbench.page;
    await workbench.closeTab('Welcome');
    await workbench.walkthrough().waitFor({ state: 'detached', timeout: 10_000 });
    // VS Code's own reload saves the window's state (no editor open) before starting again.
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await workbench.runCommand('Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
    // The extension has run again: the Sandbox loan's LTV is in the status bar.
    await page.locator('[id="okx-earn.okx-earn.okxEarn.ltv"]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3000);
    assert.equal(await workbench.walkthrough().count(), 0, 'no walkthrough on the second start');
    await workbench.screenshot('walkthrough-not-again');
  });
});
