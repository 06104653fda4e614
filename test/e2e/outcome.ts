import * as assert from 'node:assert/strict';
import type { Workbench } from './workbench';

/** A money move OKX does not answer (run in sandboxLiveWorkbench.e2e.ts, whose workbench times requests out at 3 s). */
export function outcomeTests(current: () => Workbench): void {
  describe('Exactly once when OKX is slow: checking with OKX, then a pending row (sandbox)', function () {
    let workbench: Workbench;

    before(async function () {
      workbench = current();
      await workbench.showOkxEarn();
      await workbench.showOnly('More Earn');
      await workbench.pane('More Earn').getByText('OKUSD', { exact: true }).waitFor({ timeout: 30_000 });
    });

    it('a subscription OKX does not answer: "Checking with OKX…", never "did not go through", then a pending row', async function () {
      const page = workbench.page;
      await workbench.runCommand("OKX Earn: Sandbox: Play OKX's Bad Day…");
      const pick = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'No answer, carried out after 2 minutes' });
      await pick.waitFor();
      await pick.click();
      await page.locator('.notifications-toasts').getByText(/your next money move of each kind meets/).waitFor({ timeout: 10_000 });

      await workbench.runCommand('OKX Earn: Subscribe to OKUSD…');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('50');
      await input.press('Enter');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 15_000 });
      assert.match(await dialog.innerText(), /Subscribe 50 USDT to OKUSD\?/);
      await dialog.getByRole('button', { name: 'Subscribe', exact: true }).click();

      // The request times out (3 s here): unknown, so OKX is asked about it by its client order id.
      const checking = page.locator('.notifications-toasts .notification-list-item').filter({ hasText: /Checking with OKX whether it went through: OKUSD subscription of 50 USDT/ });
      await checking.waitFor({ timeout: 30_000 });
      await checking.filter({ hasText: /Look-up \d of 6/ }).waitFor({ timeout: 15_000 });
      await workbench.screenshot('outcome-checking');

      // The user stops waiting: still unknown, said plainly, and kept as a pending row.
      await checking.hover();
      await checking.getByRole('button', { name: 'Cancel' }).click();
      const unknown = page.locator('.notifications-toasts').getByText(/Still unknown whether OKX carried out the OKUSD subscription of 50 USDT/);
      await unknown.waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('.notifications-toasts').getByText(/did not go through/).count(), 0);
      const pane = workbench.pane('More Earn');
      const row = pane.locator('.monaco-list-row').filter({ hasText: 'Pending: OKUSD subscription of 50 USDT' });
      await row.waitFor({ timeout: 15_000 });
      assert.match(await row.innerText(), /outcome unknown · checking with OKX/);
      await workbench.screenshot('outcome-pending-row');
    });
  });
}
