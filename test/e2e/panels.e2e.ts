import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { Workbench, screenshotOnFailure } from './workbench';

/** The panel's content frame (VS Code nests a webview's page inside two iframes). */
async function panelFrame(workbench: Workbench, text: string): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const frame of workbench.page.frames()) {
      try {
        if ((await frame.locator('#app').count()) > 0 && (await frame.locator('#app').innerText()).includes(text)) return frame;
      } catch {
        // a frame that went away
      }
    }
    await workbench.page.waitForTimeout(200);
  }
  throw new Error(`No panel showing "${text}"`);
}

for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
  const slug = theme.includes('Dark') ? 'dark' : 'light';
  describe(`Panels in the sandbox (${slug} theme)`, function () {
    let workbench: Workbench;
    const cspViolations: string[] = [];

    before(async function () {
      workbench = await Workbench.open({ 'okxEarn.environment': 'sandbox', 'workbench.colorTheme': theme });
      workbench.page.on('console', (message) => {
        if (/Content Security Policy|Refused to/.test(message.text())) cspViolations.push(message.text());
      });
      await workbench.activityBarItem('OKX Earn').click();
    });

    screenshotOnFailure(() => workbench);

    after(async function () {
      await workbench?.close();
    });

    it('the ETH staking product panel: facts, position and a 30-day APY chart', async function () {
      await workbench.showOnly('Staking');
      const pane = workbench.pane('Staking');
      await pane.getByText('ETH staking', { exact: true }).waitFor({ timeout: 30_000 });
      await workbench.contextMenu(pane.getByText('ETH staking', { exact: true }), 'Show Product Details…');
      const frame = await panelFrame(workbench, 'Your position');
      await frame.locator('.plot canvas').waitFor({ timeout: 30_000 });
      const text = await frame.locator('#app').innerText();
      assert.match(text, /APY today\s+\d+(\.\d+)?%/);
      assert.match(text, /Staked\s+[\d,.]+ BETH/);
      await workbench.screenshot(`panel-product-eth-${slug}`);
    });

    it('the LTV panel from the status bar: gauge, breakdown and a what-if', async function () {
      await workbench.page.locator('[id="okx-earn.okx-earn.okxEarn.ltv"]').click();
      const frame = await panelFrame(workbench, 'What if');
      await frame.locator('.gauge svg').waitFor();
      const text = await frame.locator('#app').innerText();
      assert.match(text, /Margin call 70% · Liquidation 80%/);
      assert.match(text, /BTC\s+0\.5\s+[\d,.]+ USD/);
      await frame.locator('.whatif input').fill('20');
      await frame.locator('.whatif output').filter({ hasText: /%$/ }).waitFor();
      await workbench.screenshot(`panel-ltv-${slug}`);
      assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations');
    });

    it('the Overview view and the Portfolio panel: holdings, shares, earnings per day, what comes next', async function () {
      await workbench.showOnly('Overview');
      const pane = workbench.pane('Overview');
      await pane.getByText('Holdings', { exact: true }).waitFor({ timeout: 30_000 });
      for (const text of ['On-chain earn', 'ETH staking', 'Earned in 24 hours', 'Earned in total', 'Weighted APY', 'Loans net', 'What comes next']) {
        await pane.getByText(text, { exact: true }).first().waitFor({ timeout: 30_000 });
      }
      assert.match(await pane.locator('.monaco-list-row').first().innerText(), /Holdings\s*[\d,]+\.\d\d USD/);
      await workbench.screenshot(`overview-${slug}`);
      await pane.getByText('Show Portfolio…', { exact: true }).click();
      const frame = await panelFrame(workbench, 'By currency');
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
      await workbench.contextMenu(second, 'Show Loan LTV…');
      const frame = await panelFrame(workbench, 'USDC loan');
      await frame.locator('.gauge svg').waitFor();
      const text = await frame.locator('#app').innerText();
      assert.match(text, /Order ID \d+/);
      assert.match(text, /Liquidation price\s+[\d,.]+ \(BTC-USDC\)/);
      assert.match(text, /Could borrow more\s+USDC\s+[\d,.]+ USDC/);
      await frame.locator('.collateral-grid vscode-button').first().waitFor();
      await workbench.screenshot(`panel-ltv-second-order-${slug}`);
      assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations');
    });
  });
}
