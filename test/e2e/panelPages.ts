import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { chartTests } from './charts';
import { ONCE, SCREENSHOT_DIR, type Workbench } from './workbench';

/**
 * The panels (a product's page, the LTV panel, the Portfolio panel) and their charts, in one theme's workbench
 * (sandboxWorkbench.e2e.ts runs them once per theme in a single workbench, the theme switched between).
 */
export function panelTests(current: () => Workbench, slug: string, cspViolations: readonly string[]): void {
  describe(`Panels in the sandbox (${slug} theme)`, function () {
    let workbench: Workbench;

    before(function () {
      workbench = current();
    });

    it('the ETH staking product panel: facts, position and a 30-day APY chart', async function () {
      await workbench.showOnly('Staking');
      const pane = workbench.pane('Staking');
      await pane.getByText('ETH staking', { exact: true }).waitFor({ timeout: 30_000 });
      const frame = await workbench.panelFromMenu(pane.getByText('ETH staking', { exact: true }), 'Show Product Details…', 'Your position');
      await frame.locator('.plot canvas').waitFor({ timeout: 30_000 });
      const text = await frame.locator('#app').innerText();
      assert.match(text, /APY today\s+\d+(\.\d+)?%/);
      assert.match(text, /Staked\s+[\d,.]+ BETH/);
      // The chosen range says so without colour: a check mark and aria-pressed.
      const chosen = frame.locator('.ranges vscode-button[aria-pressed="true"]');
      assert.equal(await chosen.count(), 1);
      assert.equal((await chosen.textContent())?.trim(), '✓30 days');
      // (the tooltip of the item the mouse stopped on would cover the panel)
      await workbench.page.mouse.move(900, 16);
      await workbench.page.locator('.monaco-hover').waitFor({ state: 'hidden' }).catch(() => undefined);
      await workbench.screenshot(`panel-product-eth-${slug}`);
    });

    it('the LTV panel from the status bar: gauge, breakdown and a what-if', async function () {
      await workbench.page.locator('[id="okx-earn.okx-earn.okxEarn.ltv"]').click();
      const frame = await workbench.panelFrame('What if');
      await frame.locator('.gauge .track').waitFor();
      // Prices come with OKX's limits for the order, just after the order itself.
      await frame.locator('table.prices').waitFor();
      const text = await frame.locator('#app').innerText();
      assert.match(text, /BTC\s+0\.5\s+[\d,.]+ USD/);
      // The gauge names its bands (not colour alone) and marks today's LTV.
      assert.match(await frame.locator('.gauge .legend').innerText(), /Safe < 60%\s+Near margin call 60%–70%\s+Margin call 70%–80%\s+Liquidation ≥ 80%/);
      assert.match(await frame.locator('.mark-now').innerText(), /^now \d+(\.\d+)?%$/);
      const output = frame.locator('.whatif output');
      const input = frame.locator('.whatif input');
      // One collateral falls: the level the result lands in, said, and the what-if marked on the gauge.
      await frame.locator('.whatif select').selectOption('BTC');
      await input.fill('20');
      await output.filter({ hasText: /^\d+(\.\d+)?% · / }).waitFor();
      assert.match(await output.innerText(), /^\d+(\.\d+)?% · (safe: [\d.]+ points below margin call|near margin call: [\d.]+ points below it|past margin call \(70%\): add collateral or repay; [\d.]+ points from liquidation|would be liquidated: at or past the liquidation LTV \(80%\))$/);
      assert.match(await frame.locator('.mark-whatif').innerText(), /^what-if \d+(\.\d+)?%$/);
      await workbench.screenshot(`panel-ltv-${slug}`);
      // Every collateral falls by 10 %: today's LTV / 0.9 (the sandbox's prices move: about 66 % → 73 %), past margin call.
      const now = Number(/([\d.]+)%/.exec(await frame.locator('.mark-now').innerText())?.[1]);
      await frame.locator('.whatif select').selectOption('*');
      await input.fill('10');
      await output.filter({ hasText: /past margin call/ }).waitFor();
      const all = /^(\d+(?:\.\d+)?)% · past margin call \(70%\): add collateral or repay; (\d+\.\d\d) points from liquidation$/.exec(await output.innerText());
      assert.ok(all !== null, await output.innerText());
      // LTVs read to one decimal, rounded down (as everywhere); the points, to two, from the exact figure.
      assert.ok(Math.abs(Number(all[1]) - now / 0.9) < 0.25, `${all[1]} ≈ ${now} / 0.9`);
      assert.ok(Math.abs(Number(all[2]) - (80 - Number(all[1]))) < 0.111, `${all[2]} points from 80 %`);
      await workbench.screenshot(`panel-ltv-whatif-all-${slug}`);
      // Half of everything gone: liquidated, not "−… points from liquidation".
      await input.fill('50');
      await output.filter({ hasText: /would be liquidated/ }).waitFor();
      assert.match(await output.innerText(), /^\d+(\.\d+)?% · would be liquidated: at or past the liquidation LTV \(80%\)$/);
      assert.equal(await frame.locator('.mark-whatif').isVisible(), true);
      await workbench.screenshot(`panel-ltv-whatif-liquidated-${slug}`);
      // Bad input is explained in words, and the what-if marker goes away.
      for (const [typed, said] of [['-10', /cannot be negative/], ['abc', /"abc" is not a number/], ['', /Type how far the price falls/], ['150', /cannot fall by 100% or more/]] as const) {
        await input.fill(typed);
        await output.filter({ hasText: said }).waitFor();
        assert.equal(await input.getAttribute('aria-invalid'), '');
        assert.equal(await frame.locator('.mark-whatif').isVisible(), false);
      }
      await workbench.screenshot(`panel-ltv-whatif-invalid-${slug}`);
      // Each collateral's margin-call and liquidation price (computed: this order has three collateral).
      const prices = frame.locator('table.prices');
      await prices.scrollIntoViewIfNeeded();
      const table = await prices.innerText();
      // (A collateral too small to take the order there alone says so: SOL's 10 units here.)
      const at = (ccy: string): string => `(?:[\\d,.]+ USD \\([\\d.]+% below now\\)|[\\d,.]+ USD or below: reached now|no price of ${ccy} alone reaches it)`;
      for (const ccy of ['BTC', 'ETH', 'SOL']) assert.match(table, new RegExp(`${ccy}\\s+[\\d,.]+\\.\\d\\d USD\\s+${at(ccy)}\\s+${at(ccy)}`));
      assert.match(table, /BTC\s+[\d,.]+ USD\s+[\d,.]+ USD \([\d.]+% below now\)\s+[\d,.]+ USD \([\d.]+% below now\)/);
      await workbench.screenshot(`panel-ltv-prices-${slug}`);
      // The status-bar item: near margin call, with the warning icon (and its theme's warning colour).
      const item = workbench.page.locator('[id="okx-earn.okx-earn.okxEarn.ltv"]');
      assert.equal(await item.locator('.codicon-warning').count(), 1, 'a warning icon, not colour alone');
      await workbench.page.locator('.part.statusbar').screenshot({ path: path.join(SCREENSHOT_DIR, `statusbar-ltv-${slug}.png`) });
      assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations');
    });

    it('the Overview view and the Portfolio panel: holdings, shares, earnings per day, what comes next', async function () {
      await workbench.showOnly('Overview');
      const pane = workbench.pane('Overview');
      await pane.getByText('Holdings', { exact: true }).waitFor({ timeout: 30_000 });
      for (const text of ['On-chain earn', 'ETH staking', 'Earned in 24 hours', 'Earned in total', 'Weighted APY', 'Loans net', 'What comes next']) {
        await pane.getByText(text, { exact: true }).first().waitFor({ timeout: 30_000 });
      }
      assert.match(await pane.locator('.monaco-list-row').first().innerText(), /^[\d,]+\.\d\d USD\s*Holdings/, 'the figure first, the name after it');
      await workbench.screenshot(`overview-${slug}`);
      await pane.getByText('Show Portfolio…', { exact: true }).click();
      const frame = await workbench.panelFrame('By currency');
      await frame.locator('.plot canvas').waitFor({ timeout: 30_000 });
      const text = await frame.locator('#app').innerText();
      assert.match(text, /Holdings\s+[\d,]+\.\d\d USD/);
      assert.match(text, /OKX keeps no history of earnings for on-chain earn/);
      await workbench.screenshot(`panel-portfolio-${slug}`);
      assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations');
    });

    it('the LTV panel of the second loan order, from its item in the Loans view', async function () {
      await workbench.showOnly('Loans');
      const pane = workbench.pane('Loans');
      const second = pane.getByText(/^USDC loan · order …\d{6}$/);
      await second.waitFor({ timeout: 30_000 });
      const frame = await workbench.panelFromMenu(second, 'Show Loan LTV…', 'USDC loan');
      await frame.locator('.gauge .track').waitFor();
      // (the order is drawn first, its prices and OKX's limits for it just after: what they fill in is waited for)
      // (matched on the text content, whose table cells run together with no space between them)
      await frame.locator('#app').filter({ hasText: /Could borrow more\s*USDC\s*[\d,.]+ USDC/ }).waitFor({ timeout: 15_000 }).catch(() => undefined);
      const text = await frame.locator('#app').innerText();
      assert.match(text, /Order ID \d+/);
      assert.match(text, /Liquidation price\s+[\d,]+\.\d\d USDC \(BTC-USDC\)/, "OKX's liquidation price in the pair's quote currency, to the cent");
      assert.match(text, /Could borrow more\s+USDC\s+[\d,.]+ USDC/);
      await frame.locator('.collateral-grid vscode-button').first().waitFor();
      await workbench.screenshot(`panel-ltv-second-order-${slug}`);
      assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations');
    });

    // A narrow editor's layout is the same in every theme: once (ONCE), its colours shot at full width.
    if (slug === ONCE) it('the LTV panel in a narrow editor: every button whole, nothing cut', async function () {
      const frame = await workbench.panelFrame('USDC loan');
      await workbench.page.setViewportSize({ width: 820, height: 900 });
      try {
        const panel = await (await frame.frameElement()).boundingBox();
        assert.ok(panel !== null && panel.width < 560, `a narrow editor (${String(panel?.width)} px)`);
        await workbench.page.waitForTimeout(500);
        const buttons = await frame.locator('vscode-button').all();
        assert.ok(buttons.length >= 4);
        for (const b of buttons) {
          const box = await b.boundingBox();
          assert.ok(box !== null && box.x >= panel.x - 1 && box.x + box.width <= panel.x + panel.width + 1, `"${await b.innerText()}" within the panel`);
        }
        await workbench.screenshot(`panel-ltv-narrow-${slug}`);
      } finally {
        await workbench.page.setViewportSize({ width: 1400, height: 900 });
      }
    });

    // The rate charts, in this theme's workbench (one workbench a theme: each costs a code-server start).
    chartTests(() => workbench, slug);
  });
}
