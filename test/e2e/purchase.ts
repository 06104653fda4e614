import * as assert from 'node:assert/strict';
import type { Workbench } from './workbench';

/** A purchase from a product's context menu, in the sandbox (run in sandboxWorkbench.e2e.ts). */
export function purchaseTests(current: () => Workbench): void {
  describe('Purchase from a product\'s context menu, in the sandbox', function () {
    let workbench: Workbench;

    before(async function () {
      workbench = current();
      await workbench.showOkxEarn();
      await workbench.showOnly('Products');
    });

    it('right-click → Purchase, a validated amount, and a confirmation that restates it', async function () {
      const page = workbench.page;
      const pane = workbench.pane('Products');
      // A currency with one offer is that offer's row: its APY first, then term and protocol.
      const offer = pane.locator('.monaco-list-row').filter({ hasText: /^USDT\s*[\d.]+% · Flexible · On-Ch/ }).first();
      await offer.waitFor({ timeout: 30_000 });
      // A click opens its details; an on-chain product has no history chart, and no range buttons either.
      await offer.click();
      const panel = await workbench.panelFrame('OKX publishes no APY history for on-chain earn products.');
      assert.match(await panel.locator('h1').innerText(), /^USDT · On-Chain Defi$/);
      assert.equal(await panel.locator('.ranges').isVisible(), false, 'no range buttons without a chart');
      await workbench.contextMenu(offer, 'Purchase On-chain Earn…');
      await workbench.answerIfAsked(/which on-chain earn product/i, 'USDT · On-Chain Defi'); // (a redrawn row: as with Borrow)

      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('1e3');
      await page.locator('.quick-input-widget').getByText('without an exponent', { exact: false }).waitFor();
      await workbench.screenshot('purchase-invalid-amount');
      await input.fill('250');
      await input.press('Enter');

      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 15_000 });
      const text = await dialog.innerText();
      assert.match(text, /Purchase 250 USDT of USDT · On-Chain Defi\?/);
      assert.match(text, /Sandbox: simulated, no real money\./);
      assert.match(text, /Redemption takes: 1 to 24 hours/, 'the period in words, as the views say it');
      await workbench.screenshot('purchase-confirmation');
      await dialog.getByRole('button', { name: 'Purchase', exact: true }).click();
      await page.locator('.notifications-toasts').getByText(/Purchased 250 USDT of USDT · On-Chain Defi: order \d+\./).waitFor({ timeout: 15_000 });
      await workbench.screenshot('purchase-done');
    });
  });
}
