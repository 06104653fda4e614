import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { drawnRows, type DrawnRow } from './narrowSideBar';
import { ONCE, type Workbench } from './workbench';

/**
 * What a newcomer reads before trusting the extension (issue 25), in one theme's workbench (run in
 * sandboxWorkbench.e2e.ts): the Portfolio panel in the middle of a slow refresh, the savings subscribe prompt,
 * a Dual Investment confirmation after the quote changed, the borrow confirmation, and the Overview in a 260 px
 * side bar. Each is shot; nothing is bought or borrowed (every confirmation is cancelled).
 */
export function firstHourTests(current: () => Workbench, slug: string): void {
  describe(`What a newcomer reads before trusting it (${slug} theme)`, function () {
    let workbench: Workbench;

    before(function () {
      workbench = current();
    });

    const row = (pane: Locator, label: RegExp): Locator => pane.locator('.monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: label }) }).first();

    // A slow refresh and a re-quote, once (in the light theme): neither changes with the theme.
    if (slug === ONCE) it('the Portfolio panel while a slow refresh is on its way: the last figures, marked as refreshing, never 0.00', async function () {
      await workbench.closeAllEditors();
      await workbench.runCommand('OKX Earn: Show Portfolio');
      const frame = await workbench.panelFrame('By currency');
      const app = frame.locator('#app');
      await frame.locator('.plot canvas').waitFor({ timeout: 30_000 });
      const before = /Holdings\s+([\d,]+\.\d\d) USD/.exec(await app.innerText())?.[1];
      assert.ok(before !== undefined && before !== '0.00', `holdings before the refresh: ${String(before)}`);

      await workbench.focusWorkbench();
      await workbench.runCommand("OKX Earn: Sandbox: Play OKX's Bad Day…");
      await workbench.pick('Slow: every answer takes 5 s');
      try {
        await frame.locator('.actions vscode-button').filter({ hasText: 'Refresh' }).first().click();
        await frame.locator('p.refreshing').filter({ hasText: /^⟳\s*Refreshing… the figures below are those read at / }).waitFor({ timeout: 15_000 });
        const during = await app.innerText();
        assert.match(during, /Holdings\s+[\d,]+\.\d\d USD/);
        assert.doesNotMatch(during, /Holdings\s+0\.00 USD/, 'never a zero that is not a zero');
        assert.doesNotMatch(during, /no USD price/);
        await workbench.clearHover();
        await workbench.screenshot(`portfolio-refreshing-${slug}`);
      } finally {
        await workbench.focusWorkbench();
        await workbench.runCommand("OKX Earn: Sandbox: Play OKX's Bad Day…");
        await workbench.pick('Off: a good day');
      }
      await frame.locator('p.refreshing').waitFor({ state: 'detached', timeout: 60_000 });
    });

    it('the savings subscribe prompt says which rate is the lending rate and which the borrowing rate', async function () {
      await workbench.showOnly('Savings');
      const usdt = row(workbench.pane('Savings'), /^USDT$/);
      await usdt.waitFor({ timeout: 30_000 });
      await workbench.contextMenu(usdt, 'Subscribe to Savings…');
      const widget = workbench.page.locator('.quick-input-widget');
      await workbench.answerIfAsked(/which currency/i, 'USDT'); // (seen once in CI)
      await widget.getByText(/Lending rate \(what savers earn\)/).first().waitFor({ timeout: 15_000 });
      assert.match(await widget.innerText(), /Borrowing rate \(what borrowers pay, not what you earn\)/);
      await workbench.screenshot(`savings-subscribe-prompt-${slug}`);
      await workbench.page.keyboard.press('Escape');
    });

    if (slug === ONCE) it('a Dual Investment purchase whose quote changed: the confirmation shows listed → quoted', async function () {
      await workbench.closeAllEditors();
      await workbench.showOnly('More Earn');
      const pane = workbench.pane('More Earn');
      const offers = row(pane, /^On offer$/);
      await offers.waitFor({ timeout: 30_000 });
      const pair = row(pane, /^BTC\/USDT$/);
      const product = pane.locator('.monaco-list-row[aria-level="4"]').filter({ hasText: /^\s*[\d,]+ USDT/ }).first();
      // (a click that lands while the tree re-renders, as data arrives, opens nothing, and a refresh can fold the
      // offers up again under the pointer: the rows are unfolded again and the click repeated)
      let frame: Awaited<ReturnType<Workbench['panelFrame']>> | undefined;
      for (let attempt = 1; frame === undefined; attempt++) {
        try {
          if ((await offers.getAttribute('aria-expanded')) !== 'true') await offers.click({ timeout: 10_000 });
          await pair.waitFor({ timeout: 30_000 });
          if ((await pair.getAttribute('aria-expanded')) !== 'true') await pair.click({ timeout: 10_000 });
          await product.waitFor({ timeout: 30_000 });
          await product.click({ timeout: 10_000 });
          frame = await workbench.panelFrame('Amount to invest', 10_000);
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
      // The products were listed; now BTC falls 5 %, so OKX's quote differs from what the list said.
      await workbench.focusWorkbench();
      await workbench.runCommand('OKX Earn: Sandbox: Move a Price…');
      await workbench.pick('BTC');
      await workbench.pick('-5%');
      const minimum = /^At expiry, for ([\d,.]+) (BTC|USDT)$/.exec(await frame.locator('section h2').filter({ hasText: /^At expiry, for / }).innerText());
      assert.ok(minimum !== null);
      const input = workbench.page.locator('.quick-input-widget input');
      const dialog = workbench.page.locator('.monaco-dialog-box');
      // The amount is asked for (the panel's minimum, accepted as it is) unless the panel passed it along. (One
      // CI run saw the click land, the button focused, and nothing asked for 30 s: the click is repeated once after
      // 10 s; a flow that hangs fails all the same.)
      const buy = frame.locator('vscode-button').filter({ hasText: 'Buy This Product…' });
      const asked = (ms: number): Promise<unknown> => Promise.race([input.waitFor({ timeout: ms }), dialog.waitFor({ timeout: ms })]);
      await buy.click();
      if (!(await asked(10_000).then(() => true, () => false))) {
        await buy.click();
        await asked(20_000);
      }
      if (await input.isVisible()) {
        await input.fill(minimum[1]?.replaceAll(',', '') ?? '');
        await input.press('Enter');
      }
      await dialog.waitFor({ timeout: 30_000 });
      const text = await dialog.innerText();
      assert.match(text, /on the quoted terms\?/);
      assert.match(text, /→/);
      await workbench.screenshot(`dual-confirmation-quote-changed-${slug}`);
      await workbench.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
      // BTC back up (to 99.75 % of where it was), so the next theme's loans are where they were.
      await workbench.focusWorkbench();
      await workbench.runCommand('OKX Earn: Sandbox: Move a Price…');
      await workbench.pick('BTC');
      await workbench.pick('+5%');
    });

    it('the borrow confirmation: the interest rate to be paid and where the money goes', async function () {
      await workbench.showOnly('Loans');
      const order = workbench.pane('Loans').locator('.monaco-list-row[aria-level="1"]').filter({ hasText: /USDC loan/ }).first();
      await order.waitFor({ timeout: 30_000 });
      await workbench.contextMenu(order, 'Borrow…');
      const input = workbench.page.locator('.quick-input-widget input');
      // Which order, when asked, then the currency, when asked, then the amount: each told by the prompt's title,
      // as its rows may not be drawn yet.
      await workbench.answerIfAsked(/which loan order/i, 'USDC loan');
      await workbench.answerIfAsked(/which currency/i, 'USDC');
      await input.fill('100');
      await input.press('Enter');
      const dialog = workbench.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      const text = await dialog.innerText();
      assert.match(text, /Interest rate: about [\d.]+% a year/);
      assert.match(text, /Goes to: your funding account/);
      await workbench.screenshot(`borrow-confirmation-${slug}`);
      await workbench.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    });

    it('the Overview in a 260 px side bar: every row keeps its figure', async function () {
      await workbench.sideBarWidth(260);
      await workbench.showOnly('Overview');
      const pane = workbench.pane('Overview');
      await pane.getByText('Holdings', { exact: true }).waitFor({ timeout: 30_000 });
      const box = await workbench.page.locator('.part.sidebar').boundingBox();
      assert.ok(box !== null && Math.abs(box.width - 260) < 8, `a 260 px side bar (${String(box?.width)})`);
      // Each row leads with its figure, drawn whole; only the name after it may be cut. Measured again for up to
      // 10 s while the side bar settles at its width and a refresh redraws the rows; the last measure decides.
      const figureRows = async (): Promise<DrawnRow[]> => (await drawnRows(workbench, 'Overview')).filter((r) => /^[\d,]+(\.\d+)? USD/.test(r.label));
      let rows = await figureRows();
      for (let tries = 0; tries < 20 && (rows.length < 5 || rows.some((r) => r.labelVisible !== r.label)); tries++) {
        await workbench.page.waitForTimeout(500);
        rows = await figureRows();
      }
      assert.ok(rows.length >= 5, `figure rows: ${rows.map((r) => r.label).join(' | ')}`);
      for (const r of rows) assert.equal(r.labelVisible, r.label, `"${r.label}" drawn whole`);
      await workbench.page.screenshot({ path: await workbench.screenshot(`overview-260-${slug}`), clip: { x: 0, y: 0, width: box.x + box.width + 40, height: box.y + box.height } });
    });
  });
}
