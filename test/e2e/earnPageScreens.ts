import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { Workbench } from './workbench';

/**
 * What OKX's own Earn page shows, in ours (issue 26), in one theme's workbench (run in sandboxWorkbench.e2e.ts):
 * the Compare panel for USDT and for ETH, the Savings view's Auto-earn group, and the Overview's idle money; in the
 * light theme, the last two again in a 260 px side bar. Each is shot; nothing is bought or switched.
 */
export function earnPageTests(current: () => Workbench, slug: string, sideBarWidth: () => number): void {
  describe(`What OKX's Earn page shows, in ours (${slug} theme)`, function () {
    let workbench: Workbench;

    before(async function () {
      workbench = current();
      await workbench.closeAllEditors();
      await workbench.sideBarWidth(sideBarWidth());
    });

    /** The cards' rates, top to bottom, as numbers (for the order only: the figures themselves are text). */
    async function rates(cards: Locator): Promise<number[]> {
      return (await cards.locator('.rate-figure').allInnerTexts()).map((t) => Number(/([\d.]+)%/.exec(t)?.[1] ?? 'NaN'));
    }

    it('the Compare panel: every product that takes USDT, the highest rate first, each saying which rate it is', async function () {
      await workbench.runCommand('OKX Earn: Compare Products for a Currency…');
      await workbench.pick('USDT');
      const frame = await workbench.panelFrame('Rates as OKX gives them now');
      const cards = frame.locator('article.option');
      await cards.nth(2).waitFor({ timeout: 30_000 });
      const text = await frame.locator('#app').innerText();
      assert.match(text, /Simple Earn savings/);
      assert.match(text, /OKUSD/);
      assert.match(text, /Dual Investment · BTC\/USDT/);
      for (const kind of await cards.locator('.rate-kind').allInnerTexts()) assert.notEqual(kind.trim(), '', 'each rate says which rate it is');
      const shown = (await rates(cards)).filter((r) => !Number.isNaN(r));
      assert.deepEqual(shown, [...shown].sort((a, b) => b - a), 'the highest rate first');
      await workbench.clearHover();
      await workbench.screenshot(`compare-usdt-${slug}`);
      // The panel's own picker: ETH brings ETH staking among its products.
      await frame.locator('select#ccy').selectOption('ETH');
      await frame.locator('article.option h2').filter({ hasText: 'ETH staking (BETH)' }).waitFor({ timeout: 30_000 });
      await workbench.screenshot(`compare-eth-${slug}`);
      await workbench.closeAllEditors();
    });

    it('the Savings view: auto-earn per currency, earning, off, or not offered', async function () {
      await workbench.showOnly('Savings');
      const pane = workbench.pane('Savings');
      const group = pane.locator('.monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: /^Auto-earn$/ }) }).first();
      await group.waitFor({ timeout: 30_000 });
      if ((await group.getAttribute('aria-expanded')) === 'false') await group.click();
      await pane.getByText(/not offered for this currency/).first().waitFor({ timeout: 15_000 });
      const text = await pane.innerText();
      assert.match(text, /USDT/);
      assert.match(text, /earning/);
      await workbench.clearHover();
      await workbench.screenshot(`savings-auto-earn-${slug}`);
    });

    it('the Overview: money that sits idle, and where it would earn most', async function () {
      await workbench.showOnly('Overview');
      const pane = workbench.pane('Overview');
      await pane.getByText(/USDT idle/).first().waitFor({ timeout: 30_000 });
      assert.match(await pane.innerText(), /pays [\d.]+% now/);
      await workbench.clearHover();
      await workbench.screenshot(`overview-idle-${slug}`);
      if (slug !== 'light') return;
      // In a 260 px side bar the amount stays whole; only the product after it may be cut.
      await workbench.sideBarWidth(260);
      await pane.getByText(/USDT idle/).first().waitFor();
      const box = await workbench.page.locator('.part.sidebar').boundingBox();
      assert.ok(box !== null && Math.abs(box.width - 260) < 8, `a 260 px side bar (${String(box?.width)})`);
      await workbench.page.screenshot({ path: await workbench.screenshot('overview-idle-260'), clip: { x: 0, y: 0, width: box.x + box.width + 40, height: box.y + box.height } });
      await workbench.showOnly('Savings');
      await workbench.pane('Savings').getByText(/not offered for this currency/).first().waitFor({ timeout: 15_000 });
      await workbench.page.screenshot({ path: await workbench.screenshot('savings-auto-earn-260'), clip: { x: 0, y: 0, width: box.x + box.width + 40, height: box.y + box.height } });
      await workbench.sideBarWidth(sideBarWidth());
    });
  });
}
