import * as assert from 'node:assert/strict';
import { Workbench, screenshotOnFailure } from './workbench';

describe('Sandbox: every view and the status bar, as a newcomer sees them', function () {
  let workbench: Workbench;

  before(async function () {
    workbench = await Workbench.open({ 'okxEarn.environment': 'sandbox', 'okxEarn.ltvWarningPoints': 10 });
    await workbench.activityBarItem('OKX Earn').click();
  });

  screenshotOnFailure(() => workbench);

  after(async function () {
    await workbench?.close();
  });

  it('Staking: on-chain orders by state (a lone order in its state without a folder), ETH and SOL staking', async function () {
    await workbench.showOnly('Staking');
    const pane = workbench.pane('Staking');
    await pane.getByText('On-chain earn', { exact: true }).waitFor({ timeout: 30_000 });
    for (const text of ['Earning', 'ETH staking', 'SOL staking']) {
      await pane.getByText(text, { exact: true }).waitFor();
    }
    for (const state of ['Redeeming', 'Pending']) await pane.getByText(new RegExp(`^${state} · \\d+(\\.\\d+)?% · `)).waitFor();
    await workbench.screenshot('sandbox-staking');
  });

  it('Savings: one row per currency with amount and minimum rate', async function () {
    await workbench.showOnly('Savings');
    const pane = workbench.pane('Savings');
    for (const ccy of ['USDT', 'USDC', 'BTC', 'ETH']) await pane.getByText(ccy, { exact: true }).waitFor({ timeout: 30_000 });
    await workbench.screenshot('sandbox-savings');
  });

  it('Loans: both loan orders, each with its id, LTV against margin call and liquidation, and collateral', async function () {
    await workbench.showOnly('Loans');
    const pane = workbench.pane('Loans');
    const first = pane.getByText(/^USDT loan · order …\d{6}$/);
    const second = pane.getByText(/^USDC loan · order …\d{6}$/);
    await first.waitFor({ timeout: 30_000 });
    await second.waitFor({ timeout: 30_000 });
    assert.match(await pane.locator('.monaco-list-row').first().innerText(), /LTV (≈ )?\d+\.\d% · call 70%/);
    for (const ccy of ['ETH', 'SOL']) await pane.getByText(ccy, { exact: true }).first().waitFor();
    await pane.getByText('Liquidation price', { exact: true }).waitFor();
    await workbench.screenshot('sandbox-loans');
  });

  it('More Earn: OKUSD with its quotas, Stable Rewards, and a Dual Investment order with both outcomes', async function () {
    await workbench.showOnly('More Earn');
    const pane = workbench.pane('More Earn');
    for (const text of ['OKUSD', 'Stable Rewards', 'Dual Investment']) await pane.getByText(text, { exact: true }).waitFor({ timeout: 30_000 });
    await pane.getByText("Today's quotas", { exact: true }).waitFor();
    await pane.getByText('USDG', { exact: true }).waitFor();
    // The live order, opened by its twistie (a click on the row opens its panel): both outcomes in amounts.
    const order = pane.locator('.monaco-list-row').filter({ hasText: 'BTC · Sell high 95,500' });
    await order.waitFor();
    await order.locator('.monaco-tl-twistie').click();
    await pane.locator('.monaco-list-row').filter({ hasText: /≥ 95,500 USDT\s*→ [\d,.]+ USDT/ }).waitFor({ timeout: 10_000 });
    await pane.locator('.monaco-list-row').filter({ hasText: /< 95,500 USDT\s*→ [\d.]+ BTC/ }).waitFor();
    await workbench.screenshot('sandbox-more-earn');
  });

  it('Products: offers by currency, ETH and SOL staking, savings rates', async function () {
    await workbench.showOnly('Products');
    const pane = workbench.pane('Products');
    for (const text of ['On-chain earn offers', 'ETH staking', 'SOL staking', 'Savings rates']) {
      await pane.getByText(text, { exact: true }).waitFor({ timeout: 30_000 });
    }
    await workbench.screenshot('sandbox-products');
  });

  it("the status bar shows the riskiest loan's LTV, on a warning background near margin call", async function () {
    const item = workbench.page.locator('[id="okx-earn.okx-earn.okxEarn.ltv"]');
    await item.waitFor({ timeout: 30_000 });
    assert.match(await item.innerText(), /^\s*LTV (≈ )?\d+(\.\d)?%( live)?$/);
    assert.equal(await item.locator('.codicon-warning').count(), 1, 'a warning icon, not colour alone');
    const background = String(await item.evaluate('(el) => getComputedStyle(el).backgroundColor'));
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'a warning background');
    await item.hover();
    await workbench.page.locator('.monaco-hover').getByText('OKX flexible loans').waitFor({ timeout: 10_000 });
    await workbench.screenshot('sandbox-status-bar');
  });
});

/** A tree row as drawn: its label, its whole description, and the part of the description not cut off. */
interface DrawnRow {
  readonly label: string;
  readonly description: string;
  /** What is drawn of the description (a prefix). */
  readonly visible: string;
  /** What is drawn of the label. */
  readonly labelVisible: string;
}

/**
 * The rows of a view's pane, measuring where the row's text is cut: the characters of the description whose
 * right edge is inside the row's label container (VS Code ends the rest with an ellipsis).
 */
async function drawnRows(workbench: Workbench, name: string): Promise<DrawnRow[]> {
  // Source run in the page, as an expression (this project compiles without the DOM's types; Playwright runs a
  // string as an expression, so the function is called here, on the pane found as workbench.pane finds it).
  const measure = `((name) => {
    const pane = [...document.querySelectorAll('.part.sidebar .pane')].find((p) => (p.querySelector('.pane-header')?.getAttribute('aria-label') ?? '').startsWith(name));
    if (!pane) return [];
    const shown = (text, right) => {
      let visible = '';
      if (text && text.nodeType === Node.TEXT_NODE) {
        const range = document.createRange();
        const all = text.textContent ?? '';
        for (let i = 1; i <= all.length; i++) {
          range.setStart(text, 0);
          range.setEnd(text, i);
          if (range.getBoundingClientRect().right > right + 0.5) break;
          visible = all.slice(0, i);
        }
      }
      return visible;
    };
    return [...pane.querySelectorAll('.monaco-list-row')].map((row) => {
      const container = row.querySelector('.monaco-icon-label-container');
      const name = row.querySelector('.label-name');
      const description = row.querySelector('.label-description');
      const right = Math.min(container?.getBoundingClientRect().right ?? 0, row.getBoundingClientRect().right);
      const nameText = name?.querySelector('*')?.firstChild ?? name?.firstChild;
      return {
        label: name?.textContent ?? '',
        description: description?.textContent ?? '',
        visible: shown(description?.firstChild, right),
        labelVisible: shown(nameText, right),
      };
    });
  })(${JSON.stringify(name)})`;
  const rows: DrawnRow[] = await workbench.page.evaluate(measure);
  return rows;
}

/** Notes each row (of those chosen) whose description does not show at least what `deciding` matches at its start. */
function checkShown(problems: string[], rows: readonly DrawnRow[], which: (row: DrawnRow) => boolean, deciding: RegExp, what: string): void {
  const chosen = rows.filter(which);
  if (chosen.length === 0) problems.push(`${what}: no such row among ${rows.map((r) => r.label).join(', ')}`);
  for (const row of chosen) {
    const needed = deciding.exec(row.description)?.[0];
    if (needed === undefined) problems.push(`${what}: "${row.label}" reads "${row.description}"`);
    else if (!row.visible.startsWith(needed)) problems.push(`${what}: "${row.label}" shows only "${row.visible}" of "${row.description}" (needs "${needed}")`);
  }
}

/**
 * Issue 17, items 4 and 9: at the default side-bar width (about 300 px) and at 250 px, in the light, dark and
 * high-contrast themes, every row keeps what decides (APY, Sold out / Suspended, the margin call, the not-lending
 * flag, a day's interest) visible; what is cut is only the rest. Screenshots of each view, clipped to the side bar.
 */
for (const theme of ['Default Light Modern', 'Default Dark Modern', 'Default High Contrast']) {
  const slug = theme.includes('High Contrast') ? 'hc' : theme.includes('Dark') ? 'dark' : 'light';
  describe(`Narrow side bar (${slug} theme): what decides stays visible`, function () {
    let workbench: Workbench;

    before(async function () {
      workbench = await Workbench.open({ 'okxEarn.environment': 'sandbox', 'okxEarn.ltvWarningPoints': 10, 'workbench.colorTheme': theme });
      await workbench.activityBarItem('OKX Earn').click();
    });

    screenshotOnFailure(() => workbench);

    after(async function () {
      await workbench?.close();
    });

    const shoot = async (name: string): Promise<void> => {
      const box = await workbench.page.locator('.part.sidebar').boundingBox();
      assert.ok(box !== null);
      await workbench.page.screenshot({ path: await workbench.screenshot(name), clip: { x: 0, y: 0, width: box.x + box.width + 40, height: box.y + box.height } });
    };

    for (const width of [300, 250]) {
      it(`at ${width} px: products, staking, savings and loans keep their deciding figures`, async function () {
        await workbench.sideBarWidth(width);
        // Every view is shot and measured before the verdict, so one run shows every cut row.
        const problems: string[] = [];

        await workbench.showOnly('Products');
        const products = workbench.pane('Products');
        await products.getByText('On-chain earn offers', { exact: true }).waitFor({ timeout: 30_000 });
        let rows = await drawnRows(workbench, 'Products');
        checkShown(problems, rows, (r) => /^((Sold out|Suspended) · )?[\d.]+% · /.test(r.description), /^((Sold out|Suspended) · )?[\d.]+%/, 'an offer: its state, then its APY');
        checkShown(problems, rows, (r) => /^(Sold out|Suspended)/.test(r.description), /^(Sold out|Suspended) · [\d.]+%/, 'an offer that cannot be bought');
        await shoot(`narrow-${slug}-${width}-products`);

        await workbench.showOnly('Staking');
        await workbench.pane('Staking').getByText('On-chain earn', { exact: true }).waitFor({ timeout: 30_000 });
        rows = await drawnRows(workbench, 'Staking');
        checkShown(problems, rows, (r) => /^[A-Z]+$/.test(r.label) && /%/.test(r.description), /^((Pending|Redeeming|On chain|Cancelling) · )?[\d.]+%/, 'an on-chain order: its APY');
        await shoot(`narrow-${slug}-${width}-staking`);

        await workbench.showOnly('Savings');
        await workbench.pane('Savings').getByText('ETH', { exact: true }).waitFor({ timeout: 30_000 });
        // The flagged currency opens on its own the first time; VS Code then keeps what the user made of it.
        const flag = workbench.pane('Savings').getByText('Not lending', { exact: true });
        if (!(await flag.isVisible())) {
          await workbench.pane('Savings').locator('.monaco-list-row').filter({ has: workbench.page.locator('.label-name', { hasText: /^ETH$/ }) }).locator('.monaco-tl-twistie').click();
        }
        await flag.waitFor({ timeout: 30_000 });
        rows = await drawnRows(workbench, 'Savings');
        checkShown(problems, rows, (r) => ['USDT', 'USDC', 'BTC'].includes(r.label), /^[\d,.]+ · min [\d.]+%/, 'a savings currency: amount and minimum');
        checkShown(problems, rows, (r) => r.label === 'ETH', /^not lending · min [\d.]+%/, 'savings that lend nothing');
        await shoot(`narrow-${slug}-${width}-savings`);

        await workbench.showOnly('Loans');
        const loans = workbench.pane('Loans');
        await loans.getByText('Accrued interest', { exact: true }).first().waitFor({ timeout: 30_000 });
        const total = loans.getByText(/^(Total|Total so far)$/).first();
        if (!(await total.isVisible())) await loans.getByText('Accrued interest', { exact: true }).first().click();
        await total.waitFor({ timeout: 30_000 });
        rows = await drawnRows(workbench, 'Loans');
        for (const loan of rows.filter((r) => r.label.startsWith('LTV'))) {
          if (loan.labelVisible !== loan.label) problems.push(`a loan order: "${loan.labelVisible}" of "${loan.label}" is drawn`);
        }
        if (!rows.some((r) => /^LTV (≈ )?[\d.]+% · call \d+%$/.test(r.label))) problems.push(`no loan order among ${rows.map((r) => r.label).join(', ')}`);
        checkShown(problems, rows, (r) => /^(Total|Total so far)$/.test(r.label), /^[\d,.]+ USDT/, 'the interest total');
        checkShown(problems, rows, (r) => /^[A-Z][a-z]{2} \d{1,2}$/.test(r.label), /^[\d,.]+ USDT/, "a day's interest (a UTC day)");
        assert.ok(rows.every((r) => !/\d\.\d{5,}/.test(r.description)), `no amount shown to eight places: ${rows.map((r) => r.description).join(' | ')}`);
        await shoot(`narrow-${slug}-${width}-loans`);
        assert.deepEqual(problems, []);
      });
    }
  });
}
