import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkxEarnApi, RenderedItem } from '../../../src/extension';
import { EXTENSION_ID, configure, extensionApi, probe, probesAvailable, waitFor } from '../helpers';

type Title = string | { value: string; original: string };
const text = (title: Title): string => (typeof title === 'string' ? title : title.value);

function find(items: readonly RenderedItem[], label: string): RenderedItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `"${label}" among ${items.map((i) => i.label).join(', ')}`);
  return item;
}

describe('zh-cn: the extension in Simplified Chinese, amounts and rates as OKX sent them', function () {
  this.timeout(60_000);
  let api: OkxEarnApi;

  before(async () => {
    api = await extensionApi();
    // The walkthrough test left the Sandbox in use; without it (Electron host), use it now.
    await configure({ environment: 'sandbox' });
    await api.whenConnected();
  });

  it('VS Code runs in zh-cn', () => {
    assert.equal(vscode.env.language, 'zh-cn');
  });

  it('command titles, the views and the settings come from package.nls.zh-cn.json', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: {
        commands: { command: string; title: Title; category: Title }[];
        views: Record<string, { id: string; name: string }[]>;
        viewsContainers: { activitybar: { title: string }[] };
        configuration: { properties: Record<string, { markdownDescription: string }> };
      };
    };
    const command = (id: string): { title: string; category: string } => {
      const found = manifest.contributes.commands.find((c) => c.command === id);
      assert.ok(found, id);
      return { title: text(found.title), category: text(found.category) };
    };
    assert.deepEqual(command('okxEarn.setApiKey'), { title: '设置 API Key…', category: 'OKX 赚币' });
    assert.equal(command('okxEarn.onchain.purchase').title, '申购链上赚币…');
    assert.equal(command('okxEarn.loan.addCollateral').title, '追加借币质押物…');
    assert.equal(command('okxEarn.okusd.subscribe').title, '申购 OKUSD…');
    assert.equal(command('okxEarn.dual.purchase').title, '申购双币赢…');
    assert.deepEqual(manifest.contributes.views.okxEarn?.map((v) => v.name), ['总览', '质押', '活期简单赚币', '更多赚币', '活期借币', '产品']);
    assert.equal(manifest.contributes.viewsContainers.activitybar[0]?.title, 'OKX 赚币');
    assert.match(manifest.contributes.configuration.properties['okxEarn.ltvWarningPoints']?.markdownDescription ?? '', /^当借币订单的质押率距离其预警质押率/);
  });

  it('the views: OKX\'s Chinese names, with the figures unchanged', async () => {
    const staking = await waitFor(async () => {
      const items = await api.renderView('staking', 3);
      return items.length >= 3 ? items : undefined;
    }, 'the Staking view');
    const onchain = find(staking, '链上赚币');
    assert.match(onchain.description, /^\d+ 个订单$/);
    assert.ok(onchain.children.some((c) => c.label === '收益中'), 'the earning orders are grouped as 收益中');
    assert.match(find(staking, 'ETH质押').description, /^[\d,.]+ BETH$/);
    assert.match(find(staking, 'SOL质押').description, /^[\d,.]+ OKSOL$/);
    const earning = find(onchain.children, '收益中');
    assert.ok(earning.children.every((order) => /^\d+(\.\d+)?% · [\d,.]+( \w+)? · .+$/.test(order.description)), earning.children.map((o) => o.description).join(' | '));

    const savings = await api.renderView('savings', 1);
    // Auto-earn (issue 26): OKX's name for it, 自动赚币, and each currency's state in Chinese.
    const autoEarn = savings.find((i) => i.id === 'autoEarn');
    assert.equal(autoEarn?.label, '自动赚币');
    assert.match(autoEarn.description, /^\d+ 个已开启 · \d+ 个赚币中$/);
    assert.match(find(autoEarn.children, 'USDT').description, /^[\d,.]+ USDT · 已开启 · 赚币中 · \d+(\.\d+)?%$/);
    assert.match(find(autoEarn.children, 'ATOM').description, /^[\d,.]+ ATOM · 该币种不支持$/);
    const currencies = savings.filter((i) => i !== autoEarn);
    assert.ok(currencies.length > 0);
    for (const currency of currencies) {
      assert.match(currency.description, /^([\d,.]+ · 最低 \d+(\.\d+)?%|未出借 · 最低 \d+(\.\d+)?% > \d+(\.\d+)?%)$/);
      const flagged = currency.description.startsWith('未出借');
      assert.deepEqual(currency.children.map((c) => c.label), [...(flagged ? ['未出借'] : []), '数量', '已出借', '待处理', '收益', '您的最低出借利率', '出借明细']);
    }

    // The Sandbox account has two loan orders, so each is named with the tail of its id.
    const [loan] = await api.renderView('loans', 1);
    assert.ok(loan);
    assert.match(loan.description, /^USDT 借币 · 订单 …\d{6}$/);
    assert.match(loan.label, /^质押率 \d+\.\d% · 预警 70%$/, 'the term of the LTV panel (质押率), not "LTV"');
    assert.deepEqual(loan.children.map((c) => c.label).slice(0, 3), ['当前质押率', '已借', '质押物']);

    const products = await api.renderView('products', 1);
    assert.match(find(products, '链上赚币项目').description, /^\d+ 个项目$/);
    find(products, '活期简单赚币利率');
  });

  it('More Earn: OKUSD and Stable Rewards by their names, 双币赢 with both outcomes in Chinese, figures unchanged', async () => {
    const items = await waitFor(async () => {
      const list = await api.renderView('moreEarn', 3);
      return list.some((i) => i.label === '双币赢') ? list : undefined;
    }, 'the More Earn view');
    const okusd = find(items, 'OKUSD');
    assert.match(okusd.description, /^[\d,.]+ OKUSD · 年化 \d+(\.\d+)?%$/, '年化, as the Overview says 年化收益率, not "APR"');
    assert.deepEqual(okusd.children.map((c) => c.label).slice(0, 4), ['持有', '累计收益', '最新每日收益', '今日额度']);
    assert.match(find(okusd.children, '今日额度').description, /^最多可申购 [\d,.]+ USDT$/);
    const stable = find(items, 'Stable Rewards');
    assert.equal(find(stable.children, '申购或赎回').description, '在 OKX 上交易该币');
    const dual = find(items, '双币赢');
    assert.equal(dual.description, '1 个进行中的订单');
    const order = find(dual.children, 'BTC · 高卖 95,500');
    assert.match(order.description, /^0\.05 BTC · 11\.48% · .+到期$/);
    assert.deepEqual(order.children.slice(0, 2).map((c) => c.label), ['≥ 95,500 USDT', '< 95,500 USDT']);
    assert.match(order.children[0]?.tooltip ?? '', /^若 BTC 结算价高于或等于 95,500 USDT：您将获得 [\d,.]+ USDT。$/);
    assert.match(order.children[1]?.tooltip ?? '', /^若结算价低于 95,500 USDT：您将获得 [\d.]+ BTC。$/);
  });

  it('the status-bar indicator and its tooltip', async () => {
    const indicator = await waitFor(() => (api.ltvIndicator().visible ? api.ltvIndicator() : undefined), 'the LTV indicator');
    // Near margin call (default band of 10 points): the warning icon before the figure.
    assert.match(indicator.text, /^\$\(warning\) 质押率 \d+\.\d%$/);
    assert.match(indicator.tooltip, /\*\*OKX 活期借币\*\*/);
    assert.match(indicator.tooltip, /\| 借币 \| 质押率 \(LTV\) \| 预警质押率 \| 强平质押率 \|/);
  });

  it('the product panel: its facts and position in Chinese', async () => {
    await vscode.commands.executeCommand('okxEarn.openProduct', { payload: { kind: 'eth' } });
    const panel = await waitFor(() => api.panels().find((p) => p.key === 'product:eth' && p.state !== undefined), 'the ETH staking panel');
    assert.equal(panel.title, 'ETH质押');
    const state = panel.state;
    assert.ok(state?.kind === 'product');
    assert.equal(state.subtitle, '质押 ETH，按 1:1 获得 BETH');
    assert.deepEqual(state.facts.map(([label]) => label), ['今日年化收益率', '最新年化收益率（产品信息）', '您将获得', '最低质押数量', '标准赎回需要', '快速赎回每日限额']);
    assert.deepEqual(state.position.slice(0, 3).map(([label]) => label), ['已质押', '最新奖励', '累计奖励']);
  });

  it('the LTV panel, as its webview shows it: every label in Chinese', async function () {
    // As the status bar opens it: the riskiest order (with two orders, the command alone would ask which).
    const riskiest = await waitFor(() => api.ltvIndicator().order, 'the LTV indicator');
    await vscode.commands.executeCommand('okxEarn.openLtv', riskiest);
    const panel = await waitFor(() => api.panels().find((p) => p.viewType === 'okxEarn.ltv' && p.state !== undefined), 'the LTV panel');
    assert.match(panel.title, /^质押率：USDT 借币 · 订单 …\d{6}$/);
    assert.match(panel.state?.title ?? '', /^USDT 借币 · 订单 …\d{6}$/);
    if (!probesAvailable()) this.skip();
    const shown = await waitFor(async () => (await probe<string>('panelText', { contains: '假设' })) || undefined, 'the LTV panel page');
    for (const label of ['当前质押率', '接近预警线', '预警线', '强平线', '触及预警线和强平线的价格', '追加质押物…', '已借', '质押物', '美元价值', '当前可取回', '还可借', '计息记录', '如果', '更新于']) {
      assert.ok(shown.includes(label), `"${label}" in:\n${shown}`);
    }
    assert.match(shown, /\d+(\.\d+)?% · (安全|接近预警线|已超过预警线|已达强平线)/);
    // Each collateral row offers to take some back, or says there is nothing to take back now.
    assert.ok(shown.includes('取回…') || shown.includes('暂无'), shown);
  });
});
