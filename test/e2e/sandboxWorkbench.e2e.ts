import { earnPageTests } from './earnPageScreens';
import { firstHourTests } from './firstHourScreens';
import { narrowSideBarTests } from './narrowSideBar';
import { panelTests } from './panelPages';
import { productPageTests } from './productPages';
import { purchaseTests } from './purchase';
import { sandboxViewTests } from './sandboxViews';
import { ONCE, Workbench, screenshotOnFailure } from './workbench';

/**
 * One workbench on the sandbox for everything that needs no setting of its own: every view as a newcomer sees it,
 * a purchase, then in each theme (light, dark, High Contrast) the panels and their charts, the OKUSD, Stable
 * Rewards and Dual Investment pages, the narrow side bar, and what a newcomer reads before trusting it. The theme
 * is switched as a user does (a workbench costs a code-server start; a theme, a second); each theme's suites start
 * from no open editor and the side bar at its first width. Every page and view is shot in every theme; what a test
 * does that no theme changes (a range picked mid-refresh, a slow refresh, a re-quoted confirmation, the side bar at
 * 300 px) runs in the light theme only (ONCE), and the 250 px side bar in light and High Contrast.
 */
describe('The sandbox in one workbench: the views, a purchase, then panels, product pages and a narrow side bar in each theme', function () {
  let workbench: Workbench;
  let sideBarWidth = 0;
  const cspViolations: string[] = [];

  before(async function () {
    workbench = await Workbench.open({ 'okxEarn.environment': 'sandbox', 'workbench.colorTheme': 'Default Light Modern' });
    workbench.page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) cspViolations.push(message.text());
    });
    await workbench.showOkxEarn();
    sideBarWidth = (await workbench.page.locator('.part.sidebar').boundingBox())?.width ?? 0;
  });

  screenshotOnFailure(() => workbench);

  after(async function () {
    await workbench?.close();
  });

  sandboxViewTests(() => workbench);
  purchaseTests(() => workbench);

  for (const [theme, slug] of [['Default Light Modern', 'light'], ['Default Dark Modern', 'dark'], ['Default High Contrast', 'hc']] as const) {
    describe(`${slug} theme`, function () {
      before(async function () {
        await workbench.clearHover();
        await workbench.page.keyboard.press('Escape');
        await workbench.useTheme(theme);
        await workbench.closeAllEditors();
        await workbench.page.setViewportSize({ width: 1400, height: 900 });
        await workbench.showOkxEarn();
        const width = (await workbench.page.locator('.part.sidebar').boundingBox())?.width ?? 0;
        if (Math.abs(width - sideBarWidth) > 2) await workbench.sideBarWidth(sideBarWidth);
      });

      panelTests(() => workbench, slug, cspViolations);
      productPageTests(() => workbench, slug, cspViolations);
      narrowSideBarTests(() => workbench, slug, slug === ONCE ? [300, 250] : slug === 'hc' ? [250] : []);
      firstHourTests(() => workbench, slug);
      earnPageTests(() => workbench, slug, () => sideBarWidth);
    });
  }
});
