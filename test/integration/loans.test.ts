import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as D from '../../src/decimal';
import type { OkxEarnApi } from '../../src/extension';
import { OkxClient } from '../../src/okx/client';
import { customEnvironment } from '../../src/okx/environments';
import type { LoanInfo } from '../../src/okx/types';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import type { SimLoanOrder } from '../../src/simulator/state';
import { ScriptedWindow, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows, TEST_RATE_LIMIT_SCALE, pastRateWindows } from './helpers';

/**
 * Loan orders as OKX runs them since 2026, in VS Code against the simulator's two demo orders: the Loans view and
 * the status bar per order, collateral, borrowing and repaying that reach exactly the order they are meant for.
 */
describe('Loan orders: two of them, each on its own', function () {
  this.timeout(90_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;
  let client: OkxClient;

  const orders = (): SimLoanOrder[] => sim.state.loans.orders;
  const snapshot = (): string[] => orders().map((o) => JSON.stringify({ loan: o.loan, collateral: o.collateral }));
  const loanArg = async (ordId: string): Promise<unknown> => {
    const loan = (await client.loan.info()).find((l) => l.ordId === ordId);
    assert.ok(loan, `order ${ordId}`);
    return { payload: { kind: 'loan', loan } };
  };
  const run = (command: string, options: { arg?: unknown; picks?: string[]; inputs?: string[]; confirmWith?: string }): Thenable<unknown> => {
    ui.picks.push(...(options.picks ?? []));
    ui.inputs.push(...(options.inputs ?? []));
    ui.choose = (_m, items) => items.find((i) => i === options.confirmWith);
    return vscode.commands.executeCommand(command, options.arg);
  };

  before(async function () {
    // The simulator accrues loan interest at the top of each hour. These tests read what an order owes and then
    // repay or borrow against it, so a run that crosses the hour sees the figures move under it (seen in CI at
    // 13:00 UTC): the suite (about a minute) starts clear of the hour.
    const toHour = 3_600_000 - (Date.now() % 3_600_000);
    if (toHour < 120_000) {
      this.timeout(toHour + 60_000);
      await new Promise((resolve) => setTimeout(resolve, toHour + 2_000));
    }
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false });
    client = new OkxClient({ environment: customEnvironment(sim.url), credentials: SANDBOX_KEY, rateLimitScale: TEST_RATE_LIMIT_SCALE });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600, ltvWarningPoints: 10 });
    await useTestKey(api, 'loan-tests', SANDBOX_KEY);
  });
  beforeEach(() => {
    ui = new ScriptedWindow().install();
  });
  afterEach(() => ui.restore());
  after(async () => {
    // The LTV panels opened here would follow the next suite's simulator (its demo orders have the same ids).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeTestKey('loan-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined, ltvWarningPoints: undefined });
    await sim.close();
  });

  it('the status bar watches the riskiest order, lists every order with a link to it, and names the order it warns about', async () => {
    const [first, second] = orders();
    assert.ok(first && second);
    await vscode.commands.executeCommand('okxEarn.refresh');
    let shown = await waitFor(() => (api.ltvIndicator().order === first.ordId ? api.ltvIndicator() : undefined), 'the first order watched');
    assert.match(shown.text, /^\$\(warning\) LTV 66\.\d%$/);
    for (const order of [first, second]) {
      assert.ok(shown.tooltip.includes(`command:okxEarn.revealLoan?${encodeURIComponent(JSON.stringify([order.ordId]))}`), `a link to ${order.ordId}`);
    }
    assert.match(shown.tooltip, /USDT loan · order …\d{6}[\s\S]*USDC loan · order …\d{6}/);

    // Plenty of collateral on the first order; BTC falls by half: the BTC-only second order becomes the riskier one.
    const eth = first.collateral.find((c) => c.ccy === 'ETH');
    assert.ok(eth);
    const ethBefore = eth.amt;
    eth.amt = '40';
    const btc = sim.state.basePrices.BTC ?? '0';
    sim.prices.set('BTC', D.mul(btc, '0.55'));
    await pastRateWindows();
    await vscode.commands.executeCommand('okxEarn.refresh');
    shown = await waitFor(() => (api.ltvIndicator().order === second.ordId ? api.ltvIndicator() : undefined), 'the second order watched');
    assert.match(shown.text, /^\$\(warning\) LTV 63\.\d%$/);
    assert.equal(shown.background, 'statusBarItem.warningBackground');
    const warning = await waitFor(() => ui.messages('warning').find((m) => m.includes(second.ordId)), 'a warning naming the order');
    assert.match(warning, new RegExp(`^Your USDC loan \\(order ${second.ordId}\\) is near margin call: LTV 63`));
    sim.prices.set('BTC', btc);
    eth.amt = ethBefore;
    await pastRateWindows();
    await vscode.commands.executeCommand('okxEarn.refresh');
    await waitFor(() => api.ltvIndicator().order === first.ordId || undefined, 'back to the first order');
  });

  it('collateral added to the second order reaches the second order only', async () => {
    const [first, second] = orders();
    assert.ok(first && second);
    const firstBefore = JSON.stringify(first);
    const eth = second.collateral.find((c) => c.ccy === 'ETH')?.amt ?? '0';
    assert.equal(await run('okxEarn.loan.addCollateral', { arg: await loanArg(second.ordId), picks: ['ETH'], inputs: ['0.5'], confirmWith: 'Add Collateral' }), true);
    assert.equal(second.collateral.find((c) => c.ccy === 'ETH')?.amt, D.add(eth, '0.5'));
    assert.equal(JSON.stringify(first), firstBefore, 'the first order is untouched');
    assert.equal(sim.received('loanAdjustCollateral').at(-1)?.params?.ordId, second.ordId, 'sent with its ordId');
    assert.match(ui.shown.find((s) => s.modal)?.message ?? '', /^Add 0\.5 ETH as collateral to USDC loan · order …\d{6}\?$/);
  });

  it('borrows more on one order: exactly that order grows, within what OKX says it can lend', async () => {
    const [, second] = orders();
    assert.ok(second);
    const before = snapshot();
    const owed = second.loan[0]?.amt ?? '0';
    const usdc = sim.state.funding.USDC ?? '0';
    assert.equal(await run('okxEarn.loan.borrow', { arg: await loanArg(second.ordId), picks: ['USDC'], inputs: ['250'], confirmWith: 'Borrow' }), true);
    assert.equal(second.loan[0]?.amt, D.add(owed, '250'));
    assert.equal(sim.state.funding.USDC, D.add(usdc, '250'), 'into the funding account');
    const after = snapshot();
    assert.deepEqual(after.filter((s, i) => s !== before[i]).length, 1, 'exactly one order changed');
    const sent = sim.received('loanBorrow').at(-1)?.params;
    assert.equal(sent?.ordId, second.ordId);
    assert.match(String(sent?.clOrdId), /^vsc[a-z0-9]{29}$/);
    const modal = ui.shown.find((s) => s.modal);
    assert.match(modal?.detail ?? '', new RegExp(`Loan order: USDC · ${second.ordId}\\nBorrow: 250 USDC\\nMost that can be borrowed on it now: [\\d,.]+ USDC\\nLTV now: [\\d.]+%\\nLTV after: [\\d.]+%`));
    // Issue 25: the rate to pay and where the money goes, before it is sent; the client order id is kept out of the question.
    assert.match(modal?.detail ?? '', /\nInterest rate: about 7\.93% a year: the rate of this order's last hourly interest \(.+\); it follows the market hour by hour\nGoes to: your funding account\n/);
    assert.doesNotMatch(modal?.detail ?? '', /Client order ID|vsc[a-z0-9]{29}/);
    assert.match(ui.messages('info').join('\n'), new RegExp(`Borrowed 250 USDC on loan order ${second.ordId}`));
  });

  it('opens a new order against collateral from the funding account; the Loans view then lists three', async () => {
    const count = orders().length;
    const eth = sim.state.funding.ETH ?? '0';
    const done = await run('okxEarn.loan.borrow', {
      picks: ['$(add) New loan order…', 'USDT', 'Standard', 'ETH', 'Continue with this collateral'],
      inputs: ['1', '800'],
      confirmWith: 'Borrow',
    });
    assert.equal(done, true);
    assert.equal(orders().length, count + 1);
    const opened = orders().at(-1);
    assert.deepEqual(opened?.loan, [{ ccy: 'USDT', amt: '800' }]);
    assert.deepEqual(opened?.collateral, [{ ccy: 'ETH', amt: '1' }]);
    assert.equal(sim.state.funding.ETH, D.sub(eth, '1'));
    const sent = sim.received('loanBorrow').at(-1)?.params;
    assert.equal(sent?.ordId, undefined, 'a new order: no ordId');
    assert.equal(sent?.eMode, '0');
    assert.match(ui.shown.find((s) => s.modal)?.message ?? '', /^Borrow 800 USDT against 1 ETH in a new loan order\?$/);
    assert.match(ui.shown.find((s) => s.modal)?.detail ?? '', /LTV after: about 2\d\.\d+% at index prices/);
    const items = await waitFor(async () => {
      const list = await api.renderView('loans', 0);
      return list.length === count + 1 ? list : undefined;
    }, 'the new order in the Loans view');
    assert.ok(items.some((i) => i.id === `loan:${opened?.ordId ?? ''}`));
  });

  it('repays part of one order: OKX settles it after accepting it, and the extension reports what loan-info then says', async () => {
    const [, second] = orders();
    assert.ok(second);
    const before = snapshot();
    const owed = second.loan[0]?.amt ?? '0';
    assert.equal(await run('okxEarn.loan.repay', { arg: await loanArg(second.ordId), picks: ['USDC'], inputs: ['100'], confirmWith: 'Repay' }), true);
    const repaid = sim.state.loans.history.filter((r) => r.ordId === second.ordId && r.type === 'repaid');
    assert.deepEqual(repaid.map((r) => r.amt), ['100'], 'settled, once');
    assert.ok(D.lt(second.loan[0]?.amt ?? '0', owed));
    assert.equal(snapshot().filter((s, i) => s !== before[i]).length, 1, 'exactly one order changed');
    const settled = await waitFor(() => ui.messages('info').find((m) => m.startsWith('100 USDC repaid')), 'the settled repayment');
    assert.match(settled, /^100 USDC repaid: USDC loan · order …\d{6} now owes [\d,.]+ USDC\.$/);
    assert.ok(sim.received('loanInfo').some((r) => r.params?.ordId === second.ordId), 'confirmed from loan-info for that order');
    const sent = sim.received('loanRepay').at(-1)?.params;
    assert.deepEqual([sent?.ordId, sent?.ccy, sent?.amt], [second.ordId, 'USDC', '100']);
    assert.equal(sim.received('loanRepay').length, 1, 'sent once');
  });

  it('repays all of an order: it closes and its collateral comes back', async () => {
    const opened = orders().at(-1);
    assert.ok(opened);
    const eth = sim.state.funding.ETH ?? '0';
    const owed = (await client.loan.info({ ordId: opened.ordId }))[0]?.loanData[0]?.amt ?? '';
    assert.equal(await run('okxEarn.loan.repay', { arg: await loanArg(opened.ordId), picks: ['USDT'], inputs: [owed], confirmWith: 'Repay' }), true);
    assert.ok(!orders().some((o) => o.ordId === opened.ordId), 'closed');
    assert.equal(sim.state.funding.ETH, D.add(eth, '1'));
    assert.match(ui.shown.find((s) => s.modal)?.message ?? '', /^Repay all [\d,.]+ USDT that USDT loan · order …\d{6} owes, and close it\?$/);
    await waitFor(() => ui.messages('info').find((m) => / is closed and its collateral is back in your funding account\.$/.test(m)), 'the closing message');
  });

  it('refuses bad input with a specific message and sends nothing', async () => {
    const [first, second] = orders();
    assert.ok(first && second);
    const sent = (): number => sim.received('loanBorrow').length + sim.received('loanRepay').length + sim.received('loanAdjustCollateral').length;
    const before = sent();

    // More than OKX says can be borrowed on the order.
    const [max] = await client.loan.maxLoan({ borrowCcy: 'USDC', ordId: second.ordId });
    await run('okxEarn.loan.borrow', { arg: await loanArg(second.ordId), picks: ['USDC'], inputs: [D.add(max?.maxLoan ?? '0', '1')], confirmWith: 'Borrow' });
    assert.match(ui.refused.at(-1) ?? '', /^That is more than the [\d,.]+ USDC available to borrow on this order now\.$/);

    // Nothing more can be borrowed on the first order (it is over its initial LTV).
    await run('okxEarn.loan.borrow', { arg: await loanArg(first.ordId), picks: ['USDT'], confirmWith: 'Borrow' });
    assert.match(ui.messages('warning').at(-1) ?? '', /^Nothing more can be borrowed on USDT loan · order …\d{6} now/);

    // Repaying more than the order owes, or more than the funding account holds.
    const owed = second.loan[0]?.amt ?? '0';
    await run('okxEarn.loan.repay', { arg: await loanArg(second.ordId), picks: ['USDC'], inputs: [D.add(D.roundDown(owed, 6), '1')], confirmWith: 'Repay' });
    assert.match(ui.refused.at(-1) ?? '', /^That is more than the [\d,.]+ USDC this loan order owes\.$/);
    const usdc = sim.state.funding.USDC ?? '0';
    sim.state.funding.USDC = '10';
    await run('okxEarn.loan.repay', { arg: await loanArg(second.ordId), picks: ['USDC'], inputs: ['11'], confirmWith: 'Repay' });
    assert.match(ui.refused.at(-1) ?? '', /^That is more than the 10 USDC available in your funding account\.$/);
    sim.state.funding.USDC = usdc;

    // A stale order id (the order was closed since the item was drawn).
    const [current] = await client.loan.info({ ordId: second.ordId });
    assert.ok(current);
    const stale: LoanInfo = { ...current, ordId: '999999999' };
    for (const command of ['okxEarn.loan.repay', 'okxEarn.loan.borrow', 'okxEarn.loan.addCollateral', 'okxEarn.loan.reduceCollateral']) {
      await run(command, { arg: { payload: { kind: 'loan', loan: stale } }, inputs: ['1'], confirmWith: 'Repay' });
      assert.match(ui.messages('warning').at(-1) ?? '', /^Loan order 999999999 no longer exists: it was repaid in full or liquidated\./, command);
    }
    assert.equal(sent(), before, 'nothing was sent');
    assert.equal(ui.shown.filter((s) => s.modal).length, 0, 'no confirmation was even asked');
  });

  it('the LTV panel of the second order: its own figures and buttons, which act on it', async () => {
    const [, second] = orders();
    assert.ok(second);
    await vscode.commands.executeCommand('okxEarn.openLtv', second.ordId);
    const state = await waitFor(() => {
      const s = api.panels().find((p) => p.key === `ltv:${second.ordId}`)?.state;
      return s?.kind === 'ltv' && s.maxLoans.length > 0 ? s : undefined;
    }, 'the LTV panel of the second order');
    assert.equal(state.ordId, second.ordId);
    assert.deepEqual(state.collateral.map((c) => c.ccy), second.collateral.map((c) => c.ccy));
    const repays = sim.received('loanRepay').length;
    ui.picks.push('USDC');
    ui.inputs.push('5');
    ui.choose = (_m, items) => items.find((i) => i === 'Repay');
    await api.deliverToPanel(`ltv:${second.ordId}`, { type: 'loan', action: 'repay' });
    assert.equal(sim.received('loanRepay').length, repays + 1);
    assert.equal(sim.received('loanRepay').at(-1)?.params?.ordId, second.ordId);
  });

  it('with one order left, the account looks as simple as before loan orders: "USDT loan", no order id in the name', async () => {
    const [first, second] = orders();
    assert.ok(first && second);
    sim.state.funding.USDC = '100000';
    const owed = (await client.loan.info({ ordId: second.ordId }))[0]?.loanData[0]?.amt ?? '';
    assert.equal(await run('okxEarn.loan.repay', { arg: await loanArg(second.ordId), picks: ['USDC'], inputs: [owed], confirmWith: 'Repay' }), true);
    const items = await waitFor(async () => {
      const list = await api.renderView('loans', 0);
      return list.length === 1 ? list : undefined;
    }, 'one order in the Loans view');
    assert.equal(items[0]?.description, 'USDT loan', 'the name, beside the LTV');
    await waitFor(() => (api.ltvIndicator().order === first.ordId && !api.ltvIndicator().tooltip.includes('· order') ? true : undefined), 'a tooltip without order ids');
  });
});
