import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as D from '../../src/decimal';
import type { OkxEarnApi } from '../../src/extension';
import { Simulator, type SimKey } from '../../src/simulator/server';
import { ScriptedWindow, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows } from './helpers';

const READ_TOOLS = ['okxEarn_autoEarn', 'okxEarn_compare', 'okxEarn_dualProducts', 'okxEarn_history', 'okxEarn_loanRisk', 'okxEarn_offers', 'okxEarn_portfolio', 'okxEarn_positions', 'okxEarn_rateHistory'];
const ACTION_TOOLS = [
  'okxEarn_adjustCollateral', 'okxEarn_borrow', 'okxEarn_cancelEthRedemption', 'okxEarn_dualPurchase', 'okxEarn_dualRedeemEarly', 'okxEarn_okusdRedeem', 'okxEarn_okusdSubscribe', 'okxEarn_onchainCancel', 'okxEarn_onchainPurchase', 'okxEarn_onchainRedeem',
  'okxEarn_repay', 'okxEarn_savingsRedeem', 'okxEarn_savingsSubscribe', 'okxEarn_setAutoEarn', 'okxEarn_setLendingRate', 'okxEarn_stake', 'okxEarn_unstake',
];

/**
 * A key of the chat suite's own: the client keeps OKX's rate limits per key for the whole window, so trades made
 * here (OKX takes two Dual Investment trades a minute) cannot hold up another suite's.
 */
const CHAT_KEY: SimKey = { apiKey: 'chat-it-key', secretKey: 'chat-it-secret', passphrase: 'Chat-it-1', permission: 'trade', demo: false, region: 'global' };

/** Calls a tool through VS Code, as the chat does, and returns its text. */
async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

describe('Chat tools (vscode.lm.invokeTool), against the simulator', function () {
  this.timeout(120_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;
  const sent = (): number => (['onchainPurchase', 'onchainRedeem', 'onchainCancel', 'ethPurchase', 'ethRedeem', 'solPurchase', 'solRedeem', 'ethCancelRedeem', 'savingsPurchaseRedempt', 'savingsSetLendingRate', 'loanAdjustCollateral', 'loanBorrow', 'loanRepay'] as const).reduce((n, e) => n + sim.received(e).length, 0);

  before(async () => {
    sim = await Simulator.start({ keys: [CHAT_KEY], priceMotion: false, rateLimits: false });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, 'chat-tests', CHAT_KEY);
  });
  beforeEach(() => {
    ui = new ScriptedWindow().install();
  });
  afterEach(() => ui.restore());
  after(async () => {
    await removeTestKey('chat-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined, 'chat.actionTools': undefined });
    await sim.close();
  });

  it('contributes and registers every tool, each referable from the chat', () => {
    const contributed = vscode.lm.tools.filter((t) => t.name.startsWith('okxEarn_')).map((t) => t.name).sort();
    assert.deepEqual(contributed, [...READ_TOOLS, ...ACTION_TOOLS].sort());
    assert.deepEqual(api.chatTools(), [...READ_TOOLS, ...ACTION_TOOLS].sort());
  });

  it('portfolio: the Overview\'s figures as text, naming where they come from', async () => {
    const answer = await invoke('okxEarn_portfolio', {});
    assert.match(answer, /^Portfolio \(OKX Earn, Custom host, profile chat-tests\)\. USD values at OKX index prices\./);
    assert.match(answer, /Holdings: [\d,]+\.\d\d USD\n/);
    assert.match(answer, /- On-chain earn: [\d,]+\.\d\d USD \(\d+(\.\d+)?%\)/);
    assert.match(answer, /Loans: 2 orders; collateral [\d,.]+ USD, borrowed [\d,.]+ USD, net [\d,.]+ USD/);
    assert.match(answer, /What comes next:\n- \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: /);
    assert.match(answer, /\n- \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: 0\.3 BETH redeemed to ETH/);
    assert.match(answer, /\n- \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: Dual Investment order \d+ \(0\.05 BTC\) expires and settles/);
    assert.match(answer, /\n- \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: [\d.]+ USDT from OKUSD standard redemption \d+/);
    for (const secret of [CHAT_KEY.secretKey, CHAT_KEY.passphrase, CHAT_KEY.apiKey]) assert.ok(!answer.includes(secret));
  });

  it('positions: exact amounts and ids as OKX states them', async () => {
    const answer = await invoke('okxEarn_positions', {});
    for (const order of sim.state.orders.filter((o) => o.state !== '3')) assert.ok(answer.includes(`order ${order.ordId}: ${order.invest[0]?.amt ?? ''} ${order.ccy}`), order.ordId);
    for (const order of sim.state.loans.orders) assert.ok(answer.includes(`order ${order.ordId}: borrowed`), order.ordId);
    assert.ok(answer.includes(`ETH staking: ${D.trim(D.add(sim.state.funding.BETH ?? '0', '0.3'))} BETH`));
    const savingsOnly = await invoke('okxEarn_positions', { product: 'savings' });
    assert.match(savingsOnly, /Simple Earn \(savings\)/);
    assert.doesNotMatch(savingsOnly, /On-chain earn orders/);
  });

  it('loan risk: every order, riskiest first, with a what-if for a price change', async () => {
    const [first, second] = sim.state.loans.orders;
    assert.ok(first && second);
    const answer = await invoke('okxEarn_loanRisk', { ccy: 'BTC', priceChangePercent: '-50' });
    assert.ok(answer.indexOf(`order ${first.ordId}`) < answer.indexOf(`order ${second.ordId}`), 'the riskier first');
    assert.match(answer, new RegExp(`order ${second.ordId}: borrowed [\\d.]+ USDC; collateral 0\\.2 BTC; LTV [\\d.]+%, margin call at 70%, liquidation at 80%; liquidation price [\\d.]+ \\(BTC-USDC\\): safe`));
    assert.match(answer, /if BTC changes by -50%: LTV 7\d(\.\d+)?%, at or over margin call/);
    assert.match(answer, /if BTC changes by -50%: LTV (9\d|1\d\d)(\.\d+)?%, at liquidation/);
  });

  it('offers by APY, rate history and history', async () => {
    const offers = await invoke('okxEarn_offers', { ccy: 'USDT' });
    assert.match(offers, /on-chain earn USDT · On-Chain Defi \(product 4005\): APY 3\.23%, flexible/);
    assert.match(offers, /Simple Earn USDT: savers earned [\d.]+% in the last hour/);
    const apy = await invoke('okxEarn_rateHistory', { product: 'eth', days: '7' });
    assert.match(apy, /ETH staking APY, daily \(.*\), 7 points from \d{4}-\d\d-\d\dT00:00:00Z to/);
    const lending = await invoke('okxEarn_rateHistory', { product: 'savings', ccy: 'USDC', days: '7' });
    assert.match(lending, /USDC savings lending rate \(what savers earn\), hourly .*, 16\d points/);
    const history = await invoke('okxEarn_history', { kind: 'interest', ordId: sim.state.loans.orders[1]?.ordId ?? '', limit: '3', days: '7' });
    assert.match(history, /interest history, last 7 days/);
    assert.equal((history.match(/\n- /g) ?? []).length, 3);
    assert.match(history, /ccy USDC, loan [\d.]+, interest [\d.]+, interestRate 0\.0793/);
  });

  it('the More Earn products: positions with both Dual outcomes, the OKUSD APR and a Stable Rewards APY, their histories', async () => {
    const positions = await invoke('okxEarn_positions', {});
    assert.match(positions, /\nOKUSD: [\d.]+ OKUSD; earned [\d.]+ USDT in total; APR [\d.]+%\n/);
    assert.match(positions, /- USDG: 2500 USDG held, earned [\d.]+ USDG, APY [\d.]+%, earning\n/);
    const live = sim.state.dual.orders.find((o) => o.state === 'live');
    assert.ok(live);
    assert.match(positions, new RegExp(`- order ${live.ordId}: ${live.productId}, 0\\.05 BTC invested, strike 95500 USDT, APY 11\\.48%, state live, expires [^ ]+ If BTC settles at or above 95,500 USDT: you receive [\\d,.]+ USDT\\. If it settles below 95,500 USDT: you receive [\\d.]+ BTC\\.`));
    const portfolio = await invoke('okxEarn_portfolio', {});
    for (const product of ['OKUSD', 'Stable Rewards', 'Dual Investment']) assert.match(portfolio, new RegExp(`\n- ${product}: [\\d,]+\\.\\d\\d USD`));
    assert.match(await invoke('okxEarn_rateHistory', { product: 'okusd', days: '7' }), /OKUSD APR \(.*\), \d+ points from/);
    assert.match(await invoke('okxEarn_rateHistory', { product: 'stable', ccy: 'USDG', days: '7' }), /USDG Stable Rewards APY, daily \(.*\), 7 points/);
    assert.match(await invoke('okxEarn_history', { kind: 'okusdSubscribe', days: '30' }), /okusdSubscribe history, last 30 days.*\n- .*settleCcy OKUSD/s);
    assert.match(await invoke('okxEarn_history', { kind: 'dual', days: '30' }), new RegExp(`\n- .*ordId ${live.ordId}`));
  });

  it('compare by chat: every product that takes USDT, the highest rate first, with which rate each is and what can be lost', async () => {
    const text = await invoke('okxEarn_compare', { ccy: 'USDT' });
    assert.match(text, /^Compared on .+\.\n\nEvery product that takes USDT, the highest rate first:\n\n1\. /);
    for (const row of [/\d+\. Simple Earn savings: [\d.]+% \(lending rate savers earned in the last hour\)/, /\d+\. OKUSD: [\d.]+% \(latest daily APR\)/, /\d+\. On-chain earn · On-Chain Defi: [\d.]+% \(OKX's estimated APY\)/, /\d+\. Dual Investment · BTC\/USDT · Buy low: [\d.]+% \(annualised yield of the best product on offer, if the strike is not reached\)/]) {
      assert.match(text, row);
    }
    assert.match(text, /What can be lost: Converted to BTC at the strike/);
    assert.match(text, /they change .* and are not promised/);
    const rates = [...text.matchAll(/^\d+\. [^:]+: ([\d.]+)% \(/gm)].map((m) => m[1] ?? '');
    for (let i = 1; i < rates.length; i++) assert.ok(D.lte(rates[i] ?? '', rates[i - 1] ?? ''), `${rates.join(' ')}: the highest first`);
    assert.match(await invoke('okxEarn_compare', { ccy: 'usdt' }), /The input was refused, nothing was done/);
  });

  it('Dual Investment by chat: the products on offer, then a purchase in OKX Earn\'s own confirmation with both outcomes, sent once', async () => {
    const list = await invoke('okxEarn_dualProducts', { baseCcy: 'BTC', direction: 'sellHigh' });
    const id = /product (BTC-USDT-\d{6}-\d+-C): strike/.exec(list)?.[1];
    assert.ok(id, list);
    assert.match(list, /Sell high: you invest BTC; at expiry, at or above the strike you receive USDT/);
    const trades = sim.received('dualTrade').length;
    ui.choose = () => undefined;
    const declined = await invoke('okxEarn_dualPurchase', { productId: id, amount: '0.01' });
    assert.match(declined, /^Not sent: Dual Investment purchase of 0\.01 BTC/);
    const modal = ui.shown.find((m) => m.modal);
    assert.match(modal?.detail ?? '', /If BTC settles at or above [\d,]+ USDT: you receive [\d,.]+ USDT\./);
    assert.equal(sim.received('dualTrade').length, trades, 'declined: nothing traded');
    ui.choose = (_m, items) => items.find((i) => i === 'Buy');
    const done = await invoke('okxEarn_dualPurchase', { productId: id, amount: '0.01' });
    assert.match(done, /^Done: Dual Investment purchase of 0\.01 BTC/);
    assert.equal(sim.received('dualTrade').length, trades + 1, 'sent exactly once');
    assert.match(await invoke('okxEarn_dualPurchase', { productId: 'BTC-USDT-990101-1-C', amount: '0.01' }), /there is no Dual Investment product BTC-USDT-990101-1-C on offer/);
  });

  it('OKUSD by chat: a fast redemption confirmed in OKX Earn\'s dialog and sent once; an amount over the quota refused, nothing sent', async () => {
    const before = sim.received('okusdRedeem').length;
    ui.choose = (_m, items) => items.find((i) => i === 'Redeem');
    const done = await invoke('okxEarn_okusdRedeem', { amount: '10', type: 'fast' });
    assert.match(done, /^Done: OKUSD fast redemption of 10 /);
    assert.equal(sim.received('okusdRedeem').length, before + 1, 'sent exactly once');
    assert.equal(sim.received('okusdRedeem').at(-1)?.params?.redeemType, '1');
    const over = await invoke('okxEarn_okusdSubscribe', { amount: '100000000' });
    assert.match(over, /^Not sent: OKUSD subscription of 100000000 USDT/);
    assert.equal(sim.received('okusdSubscribe').length, 0, 'refused before sending');
  });

  it('an action tool opens OKX Earn\'s own confirmation, sends nothing when declined, and exactly once when confirmed', async () => {
    const before = sent();
    ui.choose = () => undefined;
    const declined = await invoke('okxEarn_onchainPurchase', { productId: '4005', amount: '100' });
    assert.match(declined, /^Not sent: purchase of 100 USDT in USDT · On-Chain Defi \(.*\)\. The user declined it in OKX Earn's confirmation\.$/);
    assert.equal(sent(), before, 'nothing sent');
    const modal = ui.shown.find((s) => s.modal);
    assert.match(modal?.message ?? '', /^Purchase 100 USDT of USDT · On-Chain Defi\?$/, 'the same confirmation as the command');

    const orders = sim.state.orders.length;
    ui.choose = (_m, items) => items.find((i) => i === 'Purchase');
    const done = await invoke('okxEarn_onchainPurchase', { productId: '4005', amount: '100' });
    assert.match(done, /^Done: purchase of 100 USDT in USDT · On-Chain Defi \(.*\)\. Purchased 100 USDT of USDT · On-Chain Defi: order \d+\.$/);
    assert.equal(sim.received('onchainPurchase').length, 1, 'sent exactly once');
    assert.equal(sim.state.orders.length, orders + 1);
  });

  it('the other action tools run their command\'s flow: a repay on one order, confirmed', async () => {
    const [, second] = sim.state.loans.orders;
    assert.ok(second);
    ui.choose = (_m, items) => items.find((i) => i === 'Repay');
    const answer = await invoke('okxEarn_repay', { ordId: second.ordId, amount: '25' });
    assert.match(answer, /^Done: repaying 25 on order \d+ \(.*\)\. 25 USDC repaid: USDC loan · order …\d{6} now owes [\d,.]+ USDC\.$/);
    assert.equal(sim.received('loanRepay').at(-1)?.params?.ordId, second.ordId);
  });

  it('bad input is refused with a clear message, nothing sent and nothing asked', async () => {
    const before = sent();
    const cases: [string, object, RegExp][] = [
      ['okxEarn_onchainPurchase', { productId: '4005', amount: 100 }, /"amount" must be text, not a number/],
      ['okxEarn_onchainPurchase', { productId: '4005', amount: '100', extra: 'x' }, /Unknown field\(s\): extra/],
      ['okxEarn_onchainPurchase', { productId: 'x'.repeat(500), amount: '1' }, /"productId" is too long/],
      ['okxEarn_onchainPurchase', { productId: '4005', amount: '1e3' }, /"amount" is not valid/],
      ['okxEarn_onchainPurchase', { productId: '4005' }, /"amount" is required/],
      ['okxEarn_onchainPurchase', { productId: '999', amount: '1' }, /there is no on-chain earn product 999/],
      ['okxEarn_onchainPurchase', { productId: '4005', amount: '0.5' }, /^Not sent: .* The minimum is 1 USDT\./],
      ['okxEarn_stake', { product: 'eth', amount: '100000' }, /That is more than the [\d.]+ ETH available in your funding account\./],
      ['okxEarn_repay', { ordId: '999', amount: '1' }, /there is no loan order 999/],
      ['okxEarn_setLendingRate', { ccy: 'USDT', ratePercent: '400' }, /The rate must be from 1% to 365%\./],
      ['okxEarn_positions', { product: 'stocks' }, /"product" must be one of onchain, eth, sol, savings, loans/],
      ['okxEarn_positions', [], /The input must be an object/],
    ];
    for (const [name, input, expected] of cases) assert.match(await invoke(name, input), expected, `${name} ${JSON.stringify(input).slice(0, 60)}`);
    assert.equal(sent(), before, 'nothing sent');
    assert.equal(ui.shown.filter((s) => s.modal).length, 0, 'no confirmation asked');
  });

  it('the off switch removes the action tools and keeps the read tools', async () => {
    await configure({ 'chat.actionTools': false });
    await waitFor(() => (api.chatTools().length === READ_TOOLS.length ? true : undefined), 'the action tools gone');
    assert.deepEqual(api.chatTools(), READ_TOOLS);
    await assert.rejects(Promise.resolve(vscode.lm.invokeTool('okxEarn_onchainPurchase', { input: { productId: '4005', amount: '1' }, toolInvocationToken: undefined })));
    assert.match(await invoke('okxEarn_portfolio', {}), /^Portfolio/);
    await configure({ 'chat.actionTools': undefined });
    await waitFor(() => (api.chatTools().length === READ_TOOLS.length + ACTION_TOOLS.length ? true : undefined), 'the action tools back');
  });

  it('without a key, every tool says how to set one', async () => {
    await removeTestKey('chat-tests');
    await waitFor(() => (api.connectionLabel() === 'Custom host' ? true : undefined), 'no key');
    for (const name of ['okxEarn_portfolio', 'okxEarn_onchainPurchase']) {
      assert.match(await invoke(name, name === 'okxEarn_portfolio' ? {} : { productId: '4005', amount: '1' }), /No OKX API key is set in this VS Code window\. Run "OKX Earn: Set API Key…"/);
    }
    await useTestKey(api, 'chat-tests', CHAT_KEY);
  });
});
