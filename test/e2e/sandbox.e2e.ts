import * as assert from 'node:assert/strict';
import { Workbench, screenshotOnFailure } from './workbench';

describe('Sandbox: every view and the status bar, as a newcomer sees them', function () {
  let workbench: Workbench;

  before(async function () {
    workbench = await Workbench.open({ 'okxEarn.environment': 'sandbox', 'okxEarn.ltvWarningPoints': 10 });
    await workbench.activityBarItem('OKX Earn').click();
  });

  screenshotOnFailure(() => workbench);

  after(async function () {
    await workbench?.close();
  });

  it('Staking: on-chain orders by state, ETH and SOL staking', async function () {
    await workbench.showOnly('Staking');
    const pane = workbench.pane('Staking');
    await pane.getByText('On-chain earn', { exact: true }).waitFor({ timeout: 30_000 });
    for (const text of ['Earning', 'Redeeming', 'Pending', 'ETH staking', 'SOL staking']) {
      await pane.getByText(text, { exact: true }).waitFor();
    }
    await workbench.screenshot('sandbox-staking');
  });

  it('Savings: one row per currency with amount and minimum rate', async function () {
    await workbench.showOnly('Savings');
    const pane = workbench.pane('Savings');
    for (const ccy of ['USDT', 'USDC', 'BTC', 'ETH']) await pane.getByText(ccy, { exact: true }).waitFor({ timeout: 30_000 });
    await workbench.screenshot('sandbox-savings');
  });

  it('Loans: both loan orders, each with its id, LTV against margin call and liquidation, and collateral', async function () {
    await workbench.showOnly('Loans');
    const pane = workbench.pane('Loans');
    const first = pane.getByText(/^USDT loan · order …\d{6}$/);
    const second = pane.getByText(/^USDC loan · order …\d{6}$/);
    await first.waitFor({ timeout: 30_000 });
    await second.waitFor({ timeout: 30_000 });
    assert.match(await pane.locator('.monaco-list-row').first().innerText(), /LTV \d+(\.\d+)?% · margin call 70% · liquidation 80%/);
    for (const ccy of ['ETH', 'SOL']) await pane.getByText(ccy, { exact: true }).first().waitFor();
    await pane.getByText('Liquidation price', { exact: true }).waitFor();
    await workbench.screenshot('sandbox-loans');
  });

  it('Products: offers by currency, ETH and SOL staking, savings rates', async function () {
    await workbench.showOnly('Products');
    const pane = workbench.pane('Products');
    for (const text of ['On-chain earn offers', 'ETH staking', 'SOL staking', 'Savings rates']) {
      await pane.getByText(text, { exact: true }).waitFor({ timeout: 30_000 });
    }
    await workbench.screenshot('sandbox-products');
  });

  it("the status bar shows the riskiest loan's LTV, on a warning background near margin call", async function () {
    const item = workbench.page.locator('[id="okx-earn.okx-earn.okxEarn.ltv"]');
    await item.waitFor({ timeout: 30_000 });
    assert.match(await item.innerText(), /^\s*LTV \d+(\.\d)?%$/);
    assert.equal(await item.locator('.codicon-warning').count(), 1, 'a warning icon, not colour alone');
    const background = String(await item.evaluate('(el) => getComputedStyle(el).backgroundColor'));
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'a warning background');
    await item.hover();
    await workbench.page.locator('.monaco-hover').getByText('OKX flexible loans').waitFor({ timeout: 10_000 });
    await workbench.screenshot('sandbox-status-bar');
  });
});
