import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { launchBrowser, type HeadlessBrowser } from '../host/browser';
import { PROJECT_ROOT } from '../host/codeServer';
import { SCREENSHOT_DIR } from './workbench';

describe('`npm run sandbox`: a newcomer\'s first minute', function () {
  let child: ChildProcess | undefined;
  let browser: HeadlessBrowser | undefined;

  after(async function () {
    await browser?.close();
    if (child?.pid !== undefined) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      process.kill(-child.pid, 'SIGINT');
      await exited;
    }
  });

  it('prints a URL that opens VS Code with the sandbox portfolio in the sidebar, and the result of a practice action shows as a notification', async function () {
    this.timeout(180_000);
    const started = Date.now();
    child = spawn('npm', ['run', '--silent', 'sandbox'], { cwd: PROJECT_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OKX_EARN_SANDBOX_HOST: 'code-server' } });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /(http:\/\/127\.0\.0\.1:\d+\/\?\S+)/.exec(out)?.[1];
        if (found !== undefined) resolve(found);
      });
      child?.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child?.once('exit', (code) => reject(new Error(`npm run sandbox exited (${String(code)}):\n${out}`)));
    });
    console.log(`      "npm run sandbox" printed its URL after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.locator('.part.activitybar .action-item a[aria-label^="OKX Earn"]').click({ timeout: 60_000 });
    const failed = async (error: unknown): Promise<never> => {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'FAILED-npm-run-sandbox.png') });
      throw error;
    };
    // The Overview, first in the container, is filled once the portfolio has loaded.
    const holdings = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: /[\d,]+\.\d\d USD\s*Holdings/ }).first();
    await holdings.waitFor({ timeout: 60_000 }).catch(failed);
    const seconds = (Date.now() - started) / 1000;
    console.log(`      from "npm run sandbox" to a full sidebar: ${seconds.toFixed(1)} s`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'npm-run-sandbox.png') });

    // A practice subscription from the Command Palette ends in a notification the user can see: the workbench
    // runs without a test driver, which would drop every toast. In a light and a dark theme, switched as a user
    // switches it (Preferences: Color Theme), each with a fresh amount so each toast is its own.
    const input = page.locator('.quick-input-widget input');
    const palette = async (command: string): Promise<void> => {
      // F1 right after a quick pick or a theme change can land while the last one is still closing: try again.
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('F1');
        try {
          await input.waitFor({ state: 'visible', timeout: 5000 });
          await input.fill(`>${command}`, { timeout: 5000 });
          break;
        } catch (error) {
          if (attempt === 3) throw error;
          await page.keyboard.press('Escape');
          await page.waitForTimeout(500);
        }
      }
      await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: command }).first().click();
    };
    const subscribe = async (amount: string): Promise<void> => {
      await palette('OKX Earn: Subscribe to Savings');
      await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: /^USDT/ }).first().click();
      await input.fill(amount);
      await input.press('Enter');
      await page.locator('.quick-input-widget').getByText('Minimum lending rate', { exact: false }).first().waitFor();
      await input.press('Enter');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 15_000 });
      assert.match(await dialog.innerText(), /Sandbox: simulated, no real money\./);
      await dialog.getByRole('button', { name: 'Subscribe', exact: true }).click();
      await page.locator('.notifications-toasts').getByText(`${amount} USDT added to your savings`, { exact: false }).waitFor({ timeout: 30_000 });
    };
    try {
      for (const [theme, slug, amount] of [[undefined, 'light', '100'], ['Dark Modern', 'dark', '101']] as const) {
        if (theme !== undefined) {
          await palette('Preferences: Color Theme');
          await input.fill(theme);
          await page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: theme }).first().waitFor();
          await input.press('Enter');
          await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
          await page.waitForTimeout(500);
        }
        await subscribe(amount);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `npm-run-sandbox-toast-${slug}.png`) });
      }
    } catch (error) {
      await failed(error);
    }
  });
});
