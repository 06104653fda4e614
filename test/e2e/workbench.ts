/**
 * An end-to-end session: the packaged .vsix installed into code-server exactly as a user installs it, the
 * workbench opened in headless Chromium, and helpers to click around and save screenshots.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { launchBrowser, type HeadlessBrowser } from '../host/browser';
import { PROJECT_ROOT, ensureCodeServer, installVsix, startCodeServer, vsixPath, workbenchUrl, type CodeServerInstall, type RunningCodeServer } from '../host/codeServer';
import { seedUserSettings } from '../host/vscodeStandIn';

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

/**
 * The theme in which the sandbox workbench's tests of what does not change with the theme run (once); the others
 * shoot every page and view again in their colours (sandboxWorkbench.e2e.ts).
 */
export const ONCE = 'light';

/** The extensions folder the .vsix was installed into, once per run. */
let installedOnce: string | undefined;

/**
 * The packaged .vsix installed into `extensionsDir`: with `code-server --install-extension`, as a user installs
 * it, the first time in a run (so that what `.vscodeignore` lets through is what runs); for every later
 * workbench, a copy of that install, with the folder's own path in its extensions.json (a CLI start saved).
 */
function installExtension(install: CodeServerInstall, extensionsDir: string): void {
  if (installedOnce === undefined) {
    const first = mkdtempSync(path.join(os.tmpdir(), 'okx-earn-e2e-installed-'));
    process.once('exit', () => rmSync(first, { recursive: true, force: true }));
    installVsix(install, first, vsixPath());
    installedOnce = first;
  }
  cpSync(installedOnce, extensionsDir, { recursive: true });
  const list = path.join(extensionsDir, 'extensions.json');
  writeFileSync(list, readFileSync(list, 'utf8').replaceAll(installedOnce, extensionsDir));
}

/** The run's one Chromium: each workbench gets a context of its own in it (as fresh as a new browser's, without its start). */
let runBrowser: Promise<HeadlessBrowser> | undefined;

async function browserForRun(): Promise<HeadlessBrowser> {
  // (one that went away, a crash, is replaced rather than failing every later workbench)
  if (runBrowser === undefined || !(await runBrowser).browser.isConnected()) runBrowser = launchBrowser();
  return runBrowser;
}

/** Closes the run's Chromium (mocha's global teardown, setup.ts). */
export async function closeRunBrowser(): Promise<void> {
  const browser = runBrowser;
  runBrowser = undefined;
  if (browser !== undefined) await (await browser).close();
}

/** A workbench's name in the run's log: its environment, the other settings it was opened with, its locale. */
function workbenchLabel(settings: Record<string, unknown>, locale: string | undefined): string {
  const environment = settings['okxEarn.environment'];
  const others = Object.keys(settings).filter((key) => key !== 'okxEarn.environment').map((key) => key.replace(/^(okxEarn|workbench)\./, ''));
  return [typeof environment === 'string' ? environment : 'default environment', ...others, ...(locale === undefined ? [] : [locale])].join(', ');
}

/** Times the steps of an open or a close: "14.2 s (code-server 3.1 s, …)". */
class StepTimer {
  private readonly started = Date.now();
  private last = this.started;
  private readonly steps: string[] = [];

  step(name: string): void {
    const now = Date.now();
    this.steps.push(`${name} ${((now - this.last) / 1000).toFixed(1)} s`);
    this.last = now;
  }

  summary(): string {
    return `${((this.last - this.started) / 1000).toFixed(1)} s (${this.steps.join(', ')})`;
  }
}

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly server: RunningCodeServer,
    private readonly context: BrowserContext,
    private readonly scratch: string,
    private readonly label: string,
  ) {}

  /** `options.locale` runs the workbench in that display language (a test-only language pack, see test/host). */
  static async open(settings: Record<string, unknown> = {}, options: { locale?: string } = {}): Promise<Workbench> {
    const label = workbenchLabel(settings, options.locale);
    const timer = new StepTimer();
    const install = ensureCodeServer();
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'okx-earn-e2e-'));
    const userDataDir = path.join(scratch, 'user-data');
    const extensionsDir = path.join(scratch, 'extensions');
    const workspace = path.join(scratch, 'workspace');
    for (const dir of [userDataDir, extensionsDir, workspace]) {
      mkdirSync(dir, { recursive: true });
    }
    // Live prices move the LTV rows as the sandbox's prices drift: off unless a suite is about them (liveLtv.e2e).
    seedUserSettings(userDataDir, { 'okxEarn.livePrices': false, ...settings });

    installExtension(install, extensionsDir);
    timer.step('extension');

    const server = await startCodeServer(install, { userDataDir, extensionsDir, ...(options.locale === undefined ? {} : { locale: options.locale }) });
    timer.step('code-server');
    const context = await (await browserForRun()).browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    timer.step('chromium');
    await page.goto(workbenchUrl(server, workspace, []));
    timer.step('page load');
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
    timer.step('activity bar');
    console.log(`      workbench (${label}) ready in ${timer.summary()}`);
    return new Workbench(page, server, context, scratch, label);
  }

  /**
   * Switches the colour theme as a user does (Preferences: Color Theme) and waits until the workbench is drawn in
   * it (each theme's file names a class on the workbench: light_modern, dark_modern, hc_black).
   */
  async useTheme(theme: 'Default Light Modern' | 'Default Dark Modern' | 'Default High Contrast'): Promise<void> {
    const file = theme === 'Default High Contrast' ? 'hc_black' : theme === 'Default Dark Modern' ? 'dark_modern' : 'light_modern';
    const drawn = this.page.locator(`.monaco-workbench[class*="-themes-${file}-json"]`);
    // The picker lists a theme by its label, not its setting's value; the first match is the one chosen by Enter.
    const label = theme === 'Default High Contrast' ? 'Dark High Contrast' : theme.replace('Default ', '');
    const input = this.page.locator('.quick-input-widget input');
    // (a picker can close before it is used, when something else takes the focus: it is then opened again)
    for (let attempt = 1; !(await drawn.isVisible()); attempt++) {
      try {
        await this.focusWorkbench();
        await this.runCommand('Preferences: Color Theme');
        await input.fill(label, { timeout: 5000 });
        await this.page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: label }).waitFor({ timeout: 5000 });
        await input.press('Enter');
        await drawn.waitFor({ timeout: 10_000 });
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
    await drawn.waitFor({ timeout: 30_000 });
  }

  /** Moves the pointer where nothing shows a tooltip (the editor's right margin), and waits for any hover to go. */
  async clearHover(): Promise<void> {
    await this.page.mouse.move(1385, 450);
    await this.page.locator('.monaco-hover').waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  /** Closes every editor (panels included), so that a suite starts from an empty editor area. */
  async closeAllEditors(): Promise<void> {
    await this.focusWorkbench();
    await this.runCommand('View: Close All Editors');
    await this.page.locator('.editor-group-container .tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
  }

  /** Opens the OKX Earn view container if it is not the one showing (a click on a shown one would hide it). */
  async showOkxEarn(): Promise<void> {
    const overview = this.page.locator('.part.sidebar .pane-header[aria-label^="Overview"]');
    if (!(await overview.isVisible())) await this.activityBarItem('OKX Earn').click();
    await overview.waitFor();
  }

  /** The frame of the webview panel whose content includes `text` (VS Code nests a webview's page in two iframes). */
  async panelFrame(text: string, timeoutMs = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        try {
          if ((await frame.locator('#app').count()) > 0 && (await frame.locator('#app').innerText()).includes(text)) return frame;
        } catch {
          // a frame that went away
        }
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error(`No panel showing "${text}"`);
  }

  /** The frame of the walkthrough step's media (Markdown or SVG, shown in a webview) whose text includes `text`. */
  async mediaFrame(text: string): Promise<Frame> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames().filter((f) => f !== this.page.mainFrame())) {
        try {
          if ((await frame.locator('body').innerText({ timeout: 500 })).includes(text) || (await frame.locator('svg text').filter({ hasText: text }).count()) > 0) return frame;
        } catch {
          // a frame that went away, or has no body yet
        }
      }
      await this.page.waitForTimeout(200);
    }
    throw new Error(`No walkthrough media showing "${text}"`);
  }

  /** Gives the workbench the focus (keys pressed in a webview stay in the webview): a click on the side bar's title. */
  async focusWorkbench(): Promise<void> {
    const title = this.page.locator('.part.sidebar .composite.title .title-label');
    if (await title.isVisible()) await title.click();
  }

  /**
   * Runs a command from the palette by its title (the workbench, not a webview, must have the focus): the row
   * whose title is exactly `title` is chosen, wherever the palette's ranking put it.
   */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const titles = (await rows.allInnerTexts()).map((text) => text.split('\n')[0]?.trim());
      const index = titles.indexOf(title);
      if (index >= 0) {
        // By keyboard, as a click would take the focus from what the command opens next.
        for (let moves = 0; moves < titles.length && (await rows.nth(index).getAttribute('class'))?.includes('focused') !== true; moves++) {
          await input.press('ArrowDown');
        }
        await input.press('Enter');
        return;
      }
      if (Date.now() > deadline) throw new Error(`No command "${title}" in the palette (it lists: ${titles.join(' | ')})`);
      await this.page.waitForTimeout(200);
    }
  }

  /** Answers a quick pick a command opened: types `label` and takes the focused row once it shows it. */
  async pick(label: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(label);
    await this.page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: label }).waitFor({ timeout: 15_000 });
    await input.press('Enter');
  }

  /**
   * Answers the quick input with `answer` if its title asks `question`: a right-click that lands on a row a
   * refresh has just redrawn runs the command without its item, and the command asks for it (a user is asked
   * too, never given the wrong item).
   */
  async answerIfAsked(question: RegExp, answer: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    await widget.locator('input').waitFor();
    const title = widget.locator('.quick-input-title');
    if (!question.test(await title.innerText())) return;
    await this.pick(answer);
    await title.filter({ hasNotText: question }).waitFor({ timeout: 15_000 });
  }

  /** Drags the side bar's edge so that it is `width` pixels wide (long rows then show whole). */
  async sideBarWidth(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (box === null) throw new Error('No side bar');
    const edge = box.x + box.width + 1;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(edge, y);
    await this.page.mouse.down();
    await this.page.mouse.move(edge + 20, y, { steps: 2 });
    await this.page.mouse.move(box.x + width, y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Closes the editor tab with this label, with a middle click as on a desktop. */
  async closeTab(label: string): Promise<void> {
    await this.page.locator('.tabs-container .tab').filter({ hasText: label }).click({ button: 'middle' });
  }

  /** The walkthrough page open in the editor area, and its steps. */
  walkthrough(): Locator {
    return this.page.locator('.gettingStartedContainer');
  }

  /** The activity-bar entry of a view container, by its title. */
  activityBarItem(title: string): Locator {
    return this.page.locator(`.part.activitybar .action-item a[aria-label^="${title}"]`);
  }

  /** A view's pane (header and body) in the open side bar, by the view's name. */
  pane(name: string): Locator {
    return this.page.locator('.part.sidebar .pane').filter({ has: this.page.locator(`.pane-header[aria-label^="${name}"]`) });
  }

  /**
   * Right-clicks `target` and chooses `item` from its context menu. A right-click that lands while the tree
   * re-renders (as data arrives) opens no menu, and a click that lands while the menu fades in is lost: both
   * are repeated until the menu has opened, and then closed on the chosen item.
   */
  async contextMenu(target: Locator, item: string): Promise<void> {
    const entry = this.page.locator('.monaco-menu .action-label').getByText(item, { exact: true });
    for (let attempt = 0; attempt < 6 && !(await entry.isVisible()); attempt++) {
      await target.click({ button: 'right' });
      const opened = await entry.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
      if (!opened) await this.page.keyboard.press('Escape');
    }
    await entry.waitFor({ state: 'visible', timeout: 1000 });
    for (let attempt = 0; attempt < 5 && (await entry.isVisible()); attempt++) {
      await entry.hover();
      await this.page.waitForTimeout(150);
      if (await entry.isVisible()) await entry.click({ timeout: 2000 }).catch(() => undefined);
      await this.page.waitForTimeout(150);
    }
  }

  /**
   * Opens a panel through a row's context menu and returns its frame (the panel's text includes `text`). A tree that
   * re-renders while the menu is open (a refresh landing) closes the menu before the click lands; then the menu is
   * opened once more.
   */
  async panelFromMenu(target: Locator, item: string, text: string): Promise<Frame> {
    await this.contextMenu(target, item);
    try {
      return await this.panelFrame(text, 15_000);
    } catch {
      await this.contextMenu(target, item);
      return this.panelFrame(text);
    }
  }

  /** Expands the named view's pane and collapses the others, so the whole view is on screen. */
  async showOnly(name: string): Promise<void> {
    const headers = this.page.locator('.part.sidebar .pane-header');
    // (a click on a header can be lost while the side bar lays out, after a resize: the headers are read again,
    // once the wanted view shows as open or 2 s have passed, and any still in the wrong state clicked again)
    for (let pass = 1; pass <= 3; pass++) {
      let clicked = false;
      for (let i = 0; i < (await headers.count()); i++) {
        const header = headers.nth(i);
        const label = (await header.getAttribute('aria-label')) ?? '';
        const expanded = (await header.getAttribute('aria-expanded')) === 'true';
        if (label.startsWith(name) !== expanded) {
          await header.click();
          clicked = true;
        }
      }
      if (!clicked) break;
      await this.page.locator(`.part.sidebar .pane-header[aria-label^="${name}"][aria-expanded="true"]`).waitFor({ timeout: 2000 }).catch(() => undefined);
    }
    // (the pointer left on a header would soon show its tooltip over the view's first rows)
    await this.clearHover();
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    const timer = new StepTimer();
    await this.context.close();
    timer.step('chromium');
    await this.server.stop();
    timer.step('code-server');
    rmSync(this.scratch, { recursive: true, force: true });
    timer.step('files');
    console.log(`      workbench (${this.label}) closed in ${timer.summary()}`);
  }
}

/** Registers an afterEach that saves a screenshot of the workbench when a test failed. */
export function screenshotOnFailure(current: () => Workbench | undefined): void {
  afterEach(async function () {
    const workbench = current();
    if (this.currentTest?.state === 'failed' && workbench !== undefined) {
      const name = `FAILED-${(this.currentTest.fullTitle() || 'test').replace(/[^\w-]+/g, '-').slice(0, 80)}`;
      console.log(`      screenshot of the failure: ${await workbench.screenshot(name)}`);
    }
  });
}
