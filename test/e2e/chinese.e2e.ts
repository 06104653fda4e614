import * as assert from 'node:assert/strict';
import { Workbench, screenshotOnFailure } from './workbench';

describe('zh-cn: the walkthrough, the sidebar and the LTV panel in Simplified Chinese', function () {
  let workbench: Workbench;

  before(async function () {
    workbench = await Workbench.open(
      { 'okxEarn.environment': 'sandbox', 'okxEarn.ltvWarningPoints': 10, 'workbench.welcomePage.walkthroughs.openOnInstall': true },
      { locale: 'zh-cn' },
    );
  });

  screenshotOnFailure(() => workbench);

  after(async function () {
    await workbench?.close();
  });

  it('the walkthrough opens in Chinese on the first start', async function () {
    const page = workbench.walkthrough();
    await page.getByText('OKX 赚币入门').first().waitFor({ timeout: 60_000 });
    assert.deepEqual((await page.locator('button.getting-started-step .step-title').allInnerTexts()).map((t) => t.trim()), [
      '试用沙盒', '在 OKX 上创建 API Key', '设置您的 API Key', '了解视图和状态栏', '设置质押率预警区间', '在沙盒中完成第一次申购',
    ]);
    await page.locator('button.getting-started-step[data-step-id$="#createKey"]').click();
    await page.getByRole('button', { name: '在 www.okx.com 上创建 API Key' }).waitFor();
    await workbench.mediaFrame('用于 OKX 赚币的 API Key');
    await workbench.screenshot('zh-cn-walkthrough');
    await page.locator('button.getting-started-step[data-step-id$="#ltvBand"]').click();
    await page.getByRole('button', { name: '设置预警区间' }).waitFor();
    await workbench.mediaFrame('预警区间：10 个百分点');
    await workbench.screenshot('zh-cn-walkthrough-ltv-band');
  });

  it('the sidebar: the container, its views and their items', async function () {
    // Its badge (a loan near margin call) covers the icon's centre.
    await workbench.activityBarItem('OKX 赚币').click({ force: true });
    for (const name of ['质押', '活期简单赚币', '更多赚币', '活期借币', '产品']) await workbench.pane(name).locator('.pane-header').waitFor({ timeout: 15_000 });
    await workbench.sideBarWidth(640);
    await workbench.showOnly('质押');
    const staking = workbench.pane('质押');
    for (const text of ['链上赚币', '收益中', 'ETH质押', 'SOL质押']) await staking.getByText(text, { exact: true }).first().waitFor({ timeout: 30_000 });
    await workbench.screenshot('zh-cn-sidebar-staking');

    await workbench.showOnly('活期简单赚币');
    await workbench.pane('活期简单赚币').getByText('USDT', { exact: true }).first().waitFor({ timeout: 30_000 });
    assert.match(await workbench.pane('活期简单赚币').locator('.monaco-list-row').first().innerText(), /最低 \d+(\.\d+)?%/);
    await workbench.screenshot('zh-cn-sidebar-savings');

    await workbench.showOnly('活期借币');
    const loans = workbench.pane('活期借币');
    // The Sandbox account has two loan orders: each is named with the tail of its id (the LTV leads the row).
    await loans.getByText(/^USDT 借币 · 订单 …\d{6}$/).first().waitFor({ timeout: 30_000 });
    assert.match(await loans.locator('.monaco-list-row').first().innerText(), /质押率 (≈ )?\d+\.\d% · 预警 70%/);
    await workbench.screenshot('zh-cn-sidebar-loans');

    await workbench.showOnly('更多赚币');
    const more = workbench.pane('更多赚币');
    for (const text of ['OKUSD', 'Stable Rewards', '双币赢', '今日额度']) await more.getByText(text, { exact: true }).first().waitFor({ timeout: 30_000 });
    await more.getByText('BTC · 高卖 95,500', { exact: true }).waitFor();
    await workbench.screenshot('zh-cn-sidebar-more-earn');

    await workbench.showOnly('产品');
    const products = workbench.pane('产品');
    for (const text of ['链上赚币项目', 'ETH质押', 'SOL质押', '活期简单赚币利率']) await products.getByText(text, { exact: true }).waitFor({ timeout: 30_000 });
    await workbench.screenshot('zh-cn-sidebar-products');
  });

  it('the LTV panel from the status bar, with no English left but codes and abbreviations', async function () {
    await workbench.page.locator('[id="okx-earn.okx-earn.okxEarn.ltv"]').click();
    const frame = await workbench.panelFrame('假设');
    await frame.locator('.gauge .track').waitFor();
    await frame.locator('.whatif input').fill('20');
    await frame.locator('.whatif output').filter({ hasText: /^\d+(\.\d+)?% · / }).waitFor();
    const text = await frame.locator('#app').innerText();
    assert.match(text, /安全 < 60%\s+接近预警线 60%–70%\s+预警线 70%–80%\s+强平线 ≥ 80%/);
    assert.match(await frame.locator('.whatif output').innerText(), /^\d+(\.\d+)?% · (安全|接近预警线|已超过预警线（70%）|将被强平)/);
    assert.match(text, /触及预警线和强平线的价格/);
    for (const label of ['当前质押率', '追加质押物…', '已借', '质押物', '数量', '美元价值', '当前可取回', '还可借', '计息记录', '更新于']) assert.ok(text.includes(label), label);
    // Words with a lower-case letter would be English left in: only currency codes, LTV and USD may remain.
    assert.deepEqual(text.match(/\b[A-Za-z]*[a-z][A-Za-z]*\b/g) ?? [], []);
    await workbench.screenshot('zh-cn-panel-ltv');
  });
});
