import * as assert from 'node:assert/strict';
import type { Frame, Locator } from 'playwright-core';
import { ONCE, type Workbench } from './workbench';

/**
 * The product pages of OKUSD, a Stable Rewards coin and Dual Investment (an order and a product), opened from the
 * More Earn view of the packaged extension in the sandbox, read as a user reads them, with a screenshot of each
 * (sandboxWorkbench.e2e.ts runs them once per theme in a single workbench).
 */
export function productPageTests(current: () => Workbench, slug: string, cspViolations: readonly string[]): void {
  describe(`The OKUSD, Stable Rewards and Dual Investment pages in the sandbox (${slug} theme)`, function () {
    let workbench: Workbench;

    before(async function () {
      workbench = current();
      await workbench.clearHover();
      await workbench.showOnly('More Earn');
    });

    it('the OKUSD page: holding, quotas, redemption timing and the APR chart', async function () {
      const pane = workbench.pane('More Earn');
      const item = pane.locator('.monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: /^OKUSD$/ }) }).first();
      await item.waitFor({ timeout: 30_000 });
      await item.click();
      const frame = await workbench.panelFrame("Today's quotas");
      await frame.locator('.plot canvas').waitFor({ timeout: 30_000 });
      const text = await frame.locator('#app').innerText();
      assert.match(text, /Held\s+[\d,.]+ OKUSD/);
      assert.match(text, /Earned in total\s+[\d,.]+ USDT/);
      assert.match(text, /Latest APR\s+[\d.]+% · /);
      assert.match(text, /Quota\s+Subscription\s+Fast redemption\s+Standard redemption\s+Left today\s+[\d,.]+ USDT\s+[\d,.]+ OKUSD\s+[\d,.]+ OKUSD/);
      assert.match(text, /Fee\s+no fee\s+0\.1%\s+0\.025%/);
      assert.match(text, /Standard redemption\s+After 5 calendar days \(D\+5\)/);
      assert.equal(await frame.locator('vscode-button').filter({ hasText: 'Subscribe OKUSD…' }).count(), 1);
      assert.equal(await frame.locator('vscode-button').filter({ hasText: 'Redeem OKUSD…' }).count(), 1);
      await frame.locator('.readout').filter({ hasText: /^Latest: [A-Z][a-z]{2} \d{1,2}, \d{4}: [\d.]+%$/ }).waitFor({ timeout: 30_000 });
      await workbench.clearHover();
      await workbench.screenshot(`panel-okusd-${slug}`);
      await frame.locator('.chart').scrollIntoViewIfNeeded();
      await workbench.screenshot(`panel-okusd-chart-${slug}`);
      assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations');
    });

    it('the Stable Rewards page: the statement, the routes, the APY chart, and no buy or redeem button', async function () {
      const pane = workbench.pane('More Earn');
      const item = pane.locator('.monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: /^USDG$/ }) }).first();
      await item.waitFor({ timeout: 30_000 });
      await item.click();
      const frame = await workbench.panelFrame('Settlement currencies');
      await frame.locator('.plot canvas').waitFor({ timeout: 30_000 });
      const text = await frame.locator('#app').innerText();
      assert.match(await frame.locator('.notice').innerText(), /^Since 14 July 2026 OKX's API has no Stable Rewards subscription or redemption\./);
      assert.match(text, /Held\s+[\d,.]+ USDG/);
      assert.match(text, /State\s+earning/);
      assert.match(text, /Settlement currency\s+USDC\s+USDT\s+Subscription fee\s+0\.03%\s+0\.03%/);
      assert.match(text, /Redemption now\s+available\s+not available/);
      // Only Refresh: no action of its own.
      assert.deepEqual(await frame.locator('.actions vscode-button').allInnerTexts(), ['Refresh']);
      // OKX keeps 100 days: no year.
      assert.equal(await frame.locator('.ranges vscode-button:visible').count(), 3);
      await workbench.clearHover();
      await workbench.screenshot(`panel-stable-${slug}`);
      await frame.locator('.chart').scrollIntoViewIfNeeded();
      await workbench.screenshot(`panel-stable-chart-${slug}`);
      assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations');
    });

    // A narrow editor's layout is the same in every theme: once (ONCE), its colours shot at full width.
    if (slug === ONCE) it('the Stable Rewards and OKUSD pages in a narrow editor: their tables fit, nothing cut', async function () {
      const frame = await workbench.panelFrame('Settlement currencies');
      await workbench.page.setViewportSize({ width: 820, height: 900 });
      try {
        const fits = async (page: typeof frame, name: string): Promise<void> => {
          const panel = await (await page.frameElement()).boundingBox();
          assert.ok(panel !== null);
          for (const scroller of await page.locator('.grid-scroll').all()) {
            const box = await scroller.boundingBox();
            assert.ok(box !== null && box.x + box.width <= panel.x + panel.width + 1, `${name}: the table's box within the panel`);
            assert.equal(await scroller.evaluate((e: { scrollWidth: number; clientWidth: number }) => e.scrollWidth <= e.clientWidth), true, `${name}: no column hidden to the side`);
          }
        };
        const panel = await (await frame.frameElement()).boundingBox();
        assert.ok(panel !== null && panel.width < 560, `a narrow editor (${String(panel?.width)} px)`);
        await workbench.page.waitForTimeout(500);
        const scroller = frame.locator('.grid-scroll');
        const box = await scroller.boundingBox();
        assert.ok(box !== null && box.x + box.width <= panel.x + panel.width + 1, 'the table\'s box within the panel');
        assert.equal(await scroller.evaluate((e: { scrollWidth: number; clientWidth: number }) => e.scrollWidth <= e.clientWidth), true, 'no column hidden to the side');
        const notice = await frame.locator('.notice').boundingBox();
        assert.ok(notice !== null && notice.x + notice.width <= panel.x + panel.width + 1, 'the statement wraps');
        await frame.locator('.grid-scroll').scrollIntoViewIfNeeded();
        await workbench.clearHover();
        await workbench.screenshot(`panel-stable-narrow-${slug}`);
        await fits(frame, 'Stable Rewards');
        await workbench.page.locator('.tabs-container .tab').filter({ hasText: /^OKUSD$/ }).click();
        const okusd = await workbench.panelFrame("Today's quotas");
        await workbench.page.waitForTimeout(500);
        await fits(okusd, 'OKUSD');
        await okusd.locator('.grid-scroll').scrollIntoViewIfNeeded();
        await workbench.clearHover();
        await workbench.screenshot(`panel-okusd-narrow-${slug}`);
      } finally {
        await workbench.page.setViewportSize({ width: 1400, height: 900 });
      }
    });

    it('a live Dual Investment order: strike against the index, both outcomes, Redeem Early', async function () {
      const pane = workbench.pane('More Earn');
      const item = pane.locator('.monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: /^BTC · Sell high 95,500$/ }) }).first();
      await item.waitFor({ timeout: 30_000 });
      await item.click();
      const frame = await workbench.panelFrame('At expiry, either way');
      await frame.locator('#app').filter({ hasText: /the strike is [\d.]+% (above|below) it/ }).waitFor({ timeout: 30_000 });
      const text = await frame.locator('#app').innerText();
      assert.match(text, /Direction\s+Sell high/);
      assert.match(text, /If BTC settles at or above 95,500 USDT: you receive [\d,.]+ USDT\./);
      assert.match(text, /If it settles below 95,500 USDT: you receive [\d.]+ BTC\./);
      assert.equal(await frame.locator('vscode-button').filter({ hasText: 'Redeem Early…' }).count(), 1);
      await workbench.clearHover();
      await workbench.screenshot(`panel-dual-order-${slug}`);
      assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations');
    });

    it('a Dual Investment product on offer: the outcomes for the minimum, then for an amount typed', async function () {
      const pane = workbench.pane('More Earn');
      const offers = pane.locator('.monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: /^On offer$/ }) }).first();
      await offers.waitFor({ timeout: 30_000 });
      if ((await offers.getAttribute('aria-expanded')) !== 'true') await offers.click();
      // The first pair: BTC/USDT, buy low (put) or sell high (call).
      const pair = pane.locator('.monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: /^BTC\/USDT$/ }) }).first();
      await pair.waitFor({ timeout: 30_000 });
      if ((await pair.getAttribute('aria-expanded')) !== 'true') await pair.click();
      const product = pane.locator('.monaco-list-row[aria-level="4"]').filter({ hasText: /^\s*[\d,]+ USDT/ }).first();
      // The sandbox's prices move, and OKX's list of products with them: a row clicked just before the list is
      // read again can open a product no longer on offer (its page says so, with no Buy button). Then the first
      // row of the list as it is now.
      const open = async (): Promise<{ frame: Frame; section: Locator }> => {
        await product.waitFor({ timeout: 30_000 });
        await product.click();
        const opened = await workbench.panelFrame('Amount to invest');
        const expiry = opened.locator('section').filter({ has: opened.locator('h2', { hasText: /^At expiry, for / }) });
        await expiry.waitFor({ timeout: 30_000 });
        return { frame: opened, section: expiry };
      };
      let { frame, section } = await open();
      for (let attempt = 1; attempt < 3 && (await frame.getByText('OKX no longer offers this product').count()) > 0; attempt++) {
        await workbench.closeAllEditors();
        ({ frame, section } = await open());
      }
      const heading = await section.locator('h2').innerText();
      assert.match(heading, /^At expiry, for [\d,.]+ (BTC|USDT)$/);
      assert.equal(await section.locator('li').count(), 3, 'the yield and both outcomes');
      const ccy = /(BTC|USDT)$/.exec(heading)?.[1] ?? '';
      const typed = ccy === 'BTC' ? '0.05' : '2500';
      await frame.locator('.amount input').fill(typed);
      await section.locator('h2').filter({ hasText: `At expiry, for ${ccy === 'BTC' ? '0.05' : '2,500'} ${ccy}` }).waitFor({ timeout: 10_000 });
      assert.equal(await frame.locator('vscode-button').filter({ hasText: 'Buy This Product…' }).count(), 1);
      await workbench.clearHover();
      await workbench.screenshot(`panel-dual-product-${slug}`);
      await frame.locator('.amount input').fill('abc');
      await frame.locator('.field-error').filter({ hasText: /^Type an amount in / }).waitFor({ timeout: 10_000 });
      assert.equal(await frame.locator('.amount input').getAttribute('aria-invalid'), 'true');
      await workbench.screenshot(`panel-dual-product-invalid-${slug}`);
      assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations');
    });
  });
}
