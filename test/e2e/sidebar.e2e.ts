import * as assert from 'node:assert/strict';
import { Workbench, screenshotOnFailure } from './workbench';

describe('Sidebar (packaged extension in the workbench)', function () {
  let workbench: Workbench;

  before(async function () {
    workbench = await Workbench.open();
  });

  screenshotOnFailure(() => workbench);

  after(async function () {
    await workbench?.close();
  });

  it('shows the OKX Earn container in the activity bar and opens it', async function () {
    const item = workbench.activityBarItem('OKX Earn');
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await item.click();
    await workbench.page.locator('.part.sidebar .composite.title').filter({ hasText: 'OKX Earn' }).waitFor({ timeout: 15_000 });
  });

  it('lists the six views, each with its welcome text until data arrives', async function () {
    for (const name of ['Overview', 'Staking', 'Savings', 'More Earn', 'Loans', 'Products']) {
      await workbench.pane(name).locator('.pane-header').waitFor({ timeout: 15_000 });
    }
    // The first layout: Overview and Loans open, the four others collapsed, so each open view has room.
    const expanded: string[] = [];
    for (const name of ['Overview', 'Staking', 'Savings', 'More Earn', 'Loans', 'Products']) {
      if ((await workbench.pane(name).locator('.pane-header').getAttribute('aria-expanded')) === 'true') expanded.push(name);
    }
    assert.deepEqual(expanded, ['Overview', 'Loans']);
    await workbench.showOnly('Staking');
    const staking = workbench.pane('Staking');
    const welcome = staking.locator('.welcome-view-content');
    await welcome.waitFor({ timeout: 15_000 });
    assert.match(await welcome.innerText(), /on-chain earn orders/);
    const file = await workbench.screenshot('sidebar-welcome');
    console.log(`      screenshot: ${file}`);
  });
});
