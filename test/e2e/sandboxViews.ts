import * as assert from 'node:assert/strict';
import type { Workbench } from './workbench';

/** Every view and the status bar of the sandbox, as a newcomer sees them (run in sandboxWorkbench.e2e.ts). */
export function sandboxViewTests(current: () => Workbench): void {
  describe('Sandbox: every view and the status bar, as a newcomer sees them', function () {
    let workbench: Workbench;

    before(async function () {
      workbench = current();
      await workbench.showOkxEarn();
    });

    it('Staking: on-chain orders by state (a lone order in its state without a folder), ETH and SOL staking', async function () {
      await workbench.showOnly('Staking');
      const pane = workbench.pane('Staking');
      await pane.getByText('On-chain earn', { exact: true }).waitFor({ timeout: 30_000 });
      for (const text of ['Earning', 'ETH staking', 'SOL staking']) {
        await pane.getByText(text, { exact: true }).waitFor();
      }
      for (const state of ['Redeeming', 'Pending']) await pane.getByText(new RegExp(`^${state} · \\d+(\\.\\d+)?% · `)).waitFor();
      await workbench.screenshot('sandbox-staking');
    });

    it('Savings: one row per currency with amount and minimum rate', async function () {
      await workbench.showOnly('Savings');
      const pane = workbench.pane('Savings');
      // (.first(): the savings row; the Auto-earn group below names currencies too)
      for (const ccy of ['USDT', 'USDC', 'BTC', 'ETH']) await pane.getByText(ccy, { exact: true }).first().waitFor({ timeout: 30_000 });
      await workbench.screenshot('sandbox-savings');
    });

    it('Loans: both loan orders, each with its id, LTV against margin call and liquidation, and collateral', async function () {
      await workbench.showOnly('Loans');
      const pane = workbench.pane('Loans');
      const first = pane.getByText(/^USDT loan · order …\d{6}$/);
      const second = pane.getByText(/^USDC loan · order …\d{6}$/);
      await first.waitFor({ timeout: 30_000 });
      await second.waitFor({ timeout: 30_000 });
      assert.match(await pane.locator('.monaco-list-row').first().innerText(), /LTV (≈ )?\d+\.\d% · call 70%/);
      for (const ccy of ['ETH', 'SOL']) await pane.getByText(ccy, { exact: true }).first().waitFor();
      await pane.getByText('Liquidation price', { exact: true }).waitFor();
      await workbench.screenshot('sandbox-loans');
    });

    it('More Earn: OKUSD with its quotas, Stable Rewards, and a Dual Investment order with both outcomes', async function () {
      await workbench.showOnly('More Earn');
      const pane = workbench.pane('More Earn');
      for (const text of ['OKUSD', 'Stable Rewards', 'Dual Investment']) await pane.getByText(text, { exact: true }).waitFor({ timeout: 30_000 });
      await pane.getByText("Today's quotas", { exact: true }).waitFor();
      await pane.getByText('USDG', { exact: true }).waitFor();
      // The live order, opened by its twistie (a click on the row opens its panel): both outcomes in amounts.
      const order = pane.locator('.monaco-list-row').filter({ hasText: 'BTC · Sell high 95,500' });
      await order.waitFor();
      await order.locator('.monaco-tl-twistie').click();
      await pane.locator('.monaco-list-row').filter({ hasText: /≥ 95,500 USDT\s*→ [\d,.]+ USDT/ }).waitFor({ timeout: 10_000 });
      await pane.locator('.monaco-list-row').filter({ hasText: /< 95,500 USDT\s*→ [\d.]+ BTC/ }).waitFor();
      await workbench.screenshot('sandbox-more-earn');
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
      assert.match(await item.innerText(), /^\s*LTV (≈ )?\d+(\.\d)?%( live)?$/);
      assert.equal(await item.locator('.codicon-warning').count(), 1, 'a warning icon, not colour alone');
      const background = String(await item.evaluate('(el) => getComputedStyle(el).backgroundColor'));
      assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'a warning background');
      await item.hover();
      await workbench.page.locator('.monaco-hover').getByText('OKX flexible loans').waitFor({ timeout: 10_000 });
      await workbench.screenshot('sandbox-status-bar');
    });
  });
}
