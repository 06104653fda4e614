import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkxEarnApi } from '../../src/extension';
import * as D from '../../src/decimal';
import { OkxClient } from '../../src/okx/client';
import { customEnvironment } from '../../src/okx/environments';
import type { DualOrder, DualProduct } from '../../src/okx/types';
import type { ProductState, Row, Section } from '../../src/panels/protocol';
import { dualOutcomes } from '../../src/portfolio/dualPayoff';
import { formatAmount, formatFixed, formatPercent } from '../../src/portfolio/format';
import { quotaLeft } from '../../src/portfolio/okusdQuota';
import { SANDBOX_KEY, Simulator } from '../../src/simulator/server';
import { ScriptedWindow, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows, TEST_RATE_LIMIT_SCALE } from './helpers';

/** "10,000.5 OKUSD" → "10000.5": a figure as shown, back to decimal text (to compare with what OKX sent). */
const figure = (shown: string | undefined, ccy: string): string => {
  const m = new RegExp(`^([\\d,]+(?:\\.\\d+)?) ${ccy}$`).exec(shown ?? '');
  assert.ok(m !== null, `"${shown ?? ''}" is an amount in ${ccy}`);
  return (m[1] ?? '').replace(/,/g, '');
};

const row = (rows: readonly Row[], label: string): string | undefined => rows.find(([l]) => l === label)?.[1];
/** A row's value with every figure exact (its tooltip), or as shown where nothing was rounded. */
const exactRow = (rows: readonly Row[], label: string): string | undefined => { const r = rows.find(([l]) => l === label); return r?.[2] ?? r?.[1]; };
const section = (state: ProductState, title: string | RegExp): Section | undefined =>
  state.sections?.find((s) => (typeof title === 'string' ? s.title === title : title.test(s.title)));

describe('Panels of the More Earn products (OKUSD, Stable Rewards, Dual Investment), against the simulator', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;
  let client: OkxClient;

  const panel = (key: string) => api.panels().find((p) => p.key === key);
  const productState = (key: string): ProductState | undefined => {
    const state = panel(key)?.state;
    return state?.kind === 'product' ? state : undefined;
  };
  /** The panel's state once `ready` says it is complete. */
  const settled = (key: string, ready: (s: ProductState) => boolean, what: string): Promise<ProductState> =>
    waitFor(() => {
      const s = productState(key);
      return s !== undefined && ready(s) ? s : undefined;
    }, what);
  const chartDone = (s: ProductState): boolean => 'points' in s.chart && !s.chart.loading && s.chart.points.length > 0;

  /**
   * The command a button runs: recorded by a stand-in while the command is not in this build (its engineer adds
   * it); when it is, undefined (the real one then runs, against the scripted window).
   */
  async function standIn(command: string): Promise<{ calls: unknown[]; dispose(): void } | undefined> {
    if ((await vscode.commands.getCommands(true)).includes(command)) return undefined;
    const calls: unknown[] = [];
    const registration = vscode.commands.registerCommand(command, (arg: unknown) => void calls.push(arg));
    return {
      calls,
      dispose: () => {
        registration.dispose();
      },
    };
  }

  before(async () => {
    sim = await Simulator.start({ keys: [SANDBOX_KEY], priceMotion: false, rateLimits: false });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, 'more-earn-panel-tests', SANDBOX_KEY);
    client = new OkxClient({ environment: customEnvironment(sim.url), credentials: SANDBOX_KEY, rateLimitScale: TEST_RATE_LIMIT_SCALE });
  });

  beforeEach(() => {
    ui = new ScriptedWindow().install();
  });
  afterEach(() => ui.restore());

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeTestKey('more-earn-panel-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined });
    await sim.close();
  });

  it('the OKUSD item opens its page: held, earned, latest APR, today\'s quotas, redemption timing and 30 days of APR', async () => {
    await vscode.commands.executeCommand('okxEarn.openProduct', { payload: { kind: 'okusd' } });
    const state = await settled('product:okusd', chartDone, 'the OKUSD page with its chart');
    const [account] = await client.okusd.account();
    const [limits] = await client.okusd.limits();
    const [apr] = await client.okusd.aprHistory({ limit: '1' }).next();
    assert.ok(account !== undefined && limits !== undefined && apr !== undefined);
    assert.equal(state.title, 'OKUSD');
    assert.ok(D.cmp(figure(exactRow(state.position, 'Held'), 'OKUSD'), account.amt) === 0, `held ${account.amt}`);
    assert.equal(D.cmp(account.amt, '10000'), 0, 'the demo holding');
    assert.equal(row(state.position, 'Held'), '10,000.00 OKUSD', 'a stablecoin to the cent');
    assert.ok(D.cmp(figure(exactRow(state.position, 'Earned in total'), 'USDT'), account.totalEarnAccrual) === 0, `earned ${account.totalEarnAccrual}`);
    // Shown to the cent, the exact figure in the tooltip (issue 25, item 10).
    assert.equal(figure(row(state.position, 'Earned in total'), 'USDT'), D.toFixedDown(account.totalEarnAccrual, 2));
    assert.ok((row(state.facts, 'Latest APR') ?? '').startsWith(`${formatPercent(apr.apr)} · `), row(state.facts, 'Latest APR'));
    assert.ok(state.position.some(([label, value]) => label === 'Redemption on its way' && /USDT \(fee [\d.]+ USDT\) · expected /.test(value)), 'the standard redemption still on its way');

    const quotas = section(state, "Today's quotas (reset daily)");
    assert.ok(quotas !== undefined && 'cells' in quotas, 'a quota table');
    assert.deepEqual(quotas.columns, ['Quota', 'Subscription', 'Fast redemption', 'Standard redemption']);
    assert.deepEqual(quotas.cells.map((c) => c[0]), ['Left today', 'Yours: used of limit', 'Everyone on OKX: used of limit', 'Fee']);
    const [left, yours, everyone, fee] = quotas.cells;
    // What the Subscribe command allows: the lesser of the user's and OKX's quota (issue 25, item 5).
    const subLeft = quotaLeft(limits.subLimit)?.left ?? '';
    assert.equal(figure(quotas.titles?.[0]?.[1] || left?.[1], 'USDT'), D.trim(subLeft));
    assert.equal(left?.[1], `${formatFixed(subLeft, 2)} USDT`);
    assert.equal(yours?.[1], `${formatFixed(limits.subLimit.personalUsedAmt, 2)} USDT of ${formatFixed(limits.subLimit.personalDailyLimit, 2)} USDT`);
    assert.deepEqual(fee, ['Fee', 'no fee', '0.1%', '0.025%']);
    assert.match(everyone?.[2] ?? '', /^[\d,.]+ OKUSD of 5,000,000\.00 OKUSD$/);

    const timing = section(state, 'When a redemption arrives');
    assert.ok(timing !== undefined && 'rows' in timing);
    assert.match(row(timing.rows, 'Fast redemption') ?? '', /^At once, in USDT · fee 0\.1%$/);
    assert.match(row(timing.rows, 'Standard redemption') ?? '', /^After 5 calendar days \(D\+5\), or 6 \(D\+6\) when asked at or after 16:00 UTC\+8, in USDT · fee 0\.025%$/);
    assert.match(row(timing.rows, 'A standard redemption asked now') ?? '', /^expected /);

    assert.ok('points' in state.chart);
    assert.equal(state.chart.label, 'OKUSD APR (daily)');
    assert.equal(state.chart.step, 'day');
    assert.ok(state.chart.points.length >= 29 && state.chart.points.length <= 31, `${state.chart.points.length} days`);
    assert.equal(state.chart.points.at(-1)?.rate, apr.apr, 'the newest snapshot last');
    assert.deepEqual(state.actions, ['purchase', 'redeem']);
    assert.deepEqual(state.actionLabels, { purchase: 'Subscribe OKUSD…', redeem: 'Redeem OKUSD…' });
    const csp = (panel('product:okusd')?.csp ?? '').split(';').map((d) => d.trim());
    for (const directive of ["default-src 'none'", "base-uri 'none'", "form-action 'none'"]) assert.ok(csp.includes(directive), directive);
    assert.ok(!JSON.stringify(state).includes(SANDBOX_KEY.secretKey) && !JSON.stringify(state).includes(SANDBOX_KEY.apiKey), 'no key in the state');
  });

  it('the OKUSD APR over a year pages back through OKX\'s history', async () => {
    await api.deliverToPanel('product:okusd', { type: 'range', days: 365 });
    const state = await settled('product:okusd', (s) => 'points' in s.chart && s.chart.range === 365 && !s.chart.loading, 'a year of APR');
    assert.ok('points' in state.chart && state.chart.points.length >= 364 && state.chart.points.length <= 366, 'one snapshot a day');
    const asked = sim.received('okusdAprHistory').filter((r) => r.params?.limit === '100');
    assert.ok(asked.length >= 4, `four pages of 100: ${asked.length}`);
    await api.deliverToPanel('product:okusd', { type: 'range', days: 30 });
    await settled('product:okusd', (s) => 'points' in s.chart && s.chart.range === 30 && !s.chart.loading, 'back to 30 days');
  });

  it('the OKUSD page follows OKX: after a subscription elsewhere, its Refresh shows the new holding and quota', async () => {
    const before = productState('product:okusd');
    await client.okusd.subscribe({ amt: '100', clOrdId: `panel-test-${Date.now()}` });
    await api.deliverToPanel('product:okusd', { type: 'refresh' });
    const after = await settled('product:okusd', (s) => row(s.position, 'Held') === '10,100.00 OKUSD', 'the new holding');
    const quota = (s: ProductState | undefined): string | undefined => {
      const q = s === undefined ? undefined : section(s, "Today's quotas (reset daily)");
      return q !== undefined && 'cells' in q ? q.cells[1]?.[1] : undefined;
    };
    assert.notEqual(quota(after), quota(before));
    assert.match(quota(after) ?? '', /^100\.00 USDT of 5,000,000\.00 USDT$/);
  });

  it('OKUSD\'s buttons name the commands that subscribe and redeem; the panel moves no money itself', async () => {
    const subscribes = sim.received('okusdSubscribe').length;
    const redeems = sim.received('okusdRedeem').length;
    for (const [action, command] of [['purchase', 'okxEarn.okusd.subscribe'], ['redeem', 'okxEarn.okusd.redeem']] as const) {
      const stand = await standIn(command);
      try {
        // (a real command, when there is one, asks first: the scripted window answers nothing, like Escape)
        await api.deliverToPanel('product:okusd', { type: 'action', action });
        if (stand !== undefined) assert.deepEqual(stand.calls, [{ payload: { kind: 'okusd' } }], command);
      } finally {
        stand?.dispose();
      }
    }
    assert.equal(sim.received('okusdSubscribe').length, subscribes, 'nothing subscribed');
    assert.equal(sim.received('okusdRedeem').length, redeems, 'nothing redeemed');
  });

  it('a Stable Rewards coin opens its page: held, earned, state, the APY history, the settlement routes and how to subscribe now', async () => {
    await vscode.commands.executeCommand('okxEarn.openProduct', { payload: { kind: 'stable', ccy: 'USDG' } });
    const state = await settled('product:stable:USDG', (s) => chartDone(s) && (s.sections?.length ?? 0) > 0, 'the USDG page with its chart and routes');
    const [balance] = await client.stableRewards.balance({ ccy: 'USDG' });
    const holding = balance?.details[0];
    assert.ok(holding !== undefined);
    assert.equal(state.title, 'USDG · Stable Rewards');
    assert.ok(D.cmp(figure(exactRow(state.position, 'Held'), 'USDG'), holding.amt) === 0, `held ${holding.amt}`);
    assert.ok(D.cmp(figure(exactRow(state.position, 'Earned in total'), 'USDG'), holding.totalEarnAccrual) === 0, `earned ${holding.totalEarnAccrual}`);
    assert.equal(row(state.position, 'State'), 'earning');
    assert.match(state.notice ?? '', /^Since 14 July 2026 OKX's API has no Stable Rewards subscription or redemption\. You subscribe by buying USDG on OKX and redeem by selling it/);
    assert.deepEqual(state.actions, [], 'no buy or redeem button');

    const routes = section(state, 'Settlement currencies');
    assert.ok(routes !== undefined && 'cells' in routes, 'a routes table');
    assert.deepEqual(routes.columns, ['Settlement currency', 'USDC', 'USDT']);
    assert.deepEqual(routes.cells, [
      ['Subscription fee', '0.03%', '0.03%'],
      ['Minimum subscription', '1.00 USDC', '1.00 USDT'],
      ['Subscription left today', '1,000,000.00 USDC', '1,000,000.00 USDT'],
      ['Redemption now', 'available', 'not available'],
      ['Redemption fee', 'no fee', 'not available'],
      // Not 7 decimal places for a stablecoin, and not a zero: the exact figure is the cell's tooltip.
      ['Minimum redemption', '< 0.01 USDG', 'not available'],
      ['Redemption left today', '500,000.00 USDG', 'not available'],
    ]);
    assert.equal(routes.titles?.[5]?.[1], '0.0000001 USDG');

    assert.ok('points' in state.chart);
    assert.equal(state.chart.label, 'USDG Stable Rewards APY at your VIP level (daily)');
    assert.deepEqual(state.chart.ranges, [7, 30, 90], 'OKX keeps 100 days: no year');
    assert.ok(state.chart.points.length >= 30 && state.chart.points.length <= 31, `${state.chart.points.length} days`);
    const [latest] = await client.stableRewards.apyHistory({ ccy: 'USDG', days: '1' });
    assert.equal(state.chart.points.at(-1)?.rate, latest?.rate);

    // A year is not offered: the message changes nothing. 90 days is.
    await api.deliverToPanel('product:stable:USDG', { type: 'range', days: 365 });
    assert.equal('points' in (productState('product:stable:USDG')?.chart ?? {}) && (productState('product:stable:USDG')?.chart as { range: number }).range, 30);
    await api.deliverToPanel('product:stable:USDG', { type: 'range', days: 90 });
    const ninety = await settled('product:stable:USDG', (s) => 'points' in s.chart && s.chart.range === 90 && !s.chart.loading, '90 days of APY');
    assert.ok('points' in ninety.chart && ninety.chart.points.length >= 90 && ninety.chart.points.length <= 91);
    // No button, no command: an action message does nothing.
    const requests = sim.requests.length;
    await api.deliverToPanel('product:stable:USDG', { type: 'action', action: 'purchase' });
    assert.equal(sim.requests.length, requests);
  });

  it('a live Dual Investment order opens its page: pair, direction, strike against the index, APY, yield, expiry, both outcomes', async () => {
    const orders = await client.dual.orderHistory({ limit: '100' }).next();
    const live = orders.find((o) => o.state === 'live');
    assert.ok(live !== undefined);
    await vscode.commands.executeCommand('okxEarn.openProduct', { payload: { kind: 'dualOrder', order: live } });
    const key = `product:dual:order:${live.ordId}`;
    const state = await settled(key, (s) => !/loading/.test(row(s.facts, 'Index price now') ?? 'loading'), 'the order page with the index price');
    assert.match(state.title, /^BTC\/USDT · Sell high 95,500 USDT · [A-Z][a-z]{2} \d{1,2}$/, 'with the day it expires');
    assert.match(state.subtitle, /^Dual Investment order · earning · expires /);
    assert.equal(row(state.facts, 'Pair'), 'BTC/USDT');
    assert.equal(row(state.facts, 'Direction'), 'Sell high');
    assert.equal(row(state.facts, 'Strike'), '95,500 USDT');
    const [ticker] = await client.account.indexTickers({ instId: 'BTC-USDT' });
    assert.ok(ticker !== undefined);
    const above = D.gt('95500', ticker.idxPx);
    // The index price rounded to the cent (not 91,154.2220784), the exact one in the tooltip.
    assert.match(row(state.facts, 'Index price now') ?? '', new RegExp(`^[\\d,]+\\.\\d\\d USDT \\(BTC-USDT, .+\\) · the strike is [\\d.]+% ${above ? 'above' : 'below'} it$`));
    assert.ok(exactRow(state.facts, 'Index price now')?.startsWith(`${formatAmount(ticker.idxPx)} USDT`) === true || D.decimalPlaces(ticker.idxPx) <= 2);
    assert.equal(row(state.facts, 'APY'), '11.48%');
    assert.match(row(state.facts, 'Yield for the term') ?? '', /^[\d.]+% · [\d.]+ BTC$/);
    assert.equal(row(state.position, 'State'), 'earning');
    assert.equal(row(state.position, 'Invested'), '0.05 BTC');

    const outcomes = section(state, 'At expiry, either way');
    assert.ok(outcomes !== undefined && 'lines' in outcomes);
    const expected = dualOutcomes(live);
    assert.ok(expected !== undefined);
    assert.deepEqual(outcomes.lines, [
      `If BTC settles at or above 95,500 USDT: you receive ${formatAmount(expected.above.amt)} USDT.`,
      `If it settles below 95,500 USDT: you receive ${formatAmount(expected.below.amt)} BTC.`,
    ]);
    assert.ok('unavailable' in state.chart);
    assert.deepEqual(state.actions, ['redeem']);
    assert.deepEqual(state.actionLabels, { redeem: 'Redeem Early…' });

    const stand = await standIn('okxEarn.dual.redeemEarly');
    const redeems = sim.received('dualRedeem').length;
    try {
      await api.deliverToPanel(key, { type: 'action', action: 'redeem' });
      if (stand !== undefined) {
        assert.equal(stand.calls.length, 1);
        assert.equal((stand.calls[0] as { payload: { kind: string; order: DualOrder } }).payload.order.ordId, live.ordId);
        assert.equal((stand.calls[0] as { payload: { kind: string } }).payload.kind, 'dualOrder');
      }
      // A purchase is not offered on an order: nothing runs.
      await api.deliverToPanel(key, { type: 'action', action: 'purchase' });
      if (stand !== undefined) assert.equal(stand.calls.length, 1);
    } finally {
      stand?.dispose();
    }
    assert.equal(sim.received('dualRedeem').length, redeems, 'nothing redeemed by the panel');
  });

  it('a settled Dual Investment order says what was paid, and offers nothing to do', async () => {
    const orders = await client.dual.orderHistory({ limit: '100' }).next();
    const done = orders.find((o) => o.state === 'settled');
    assert.ok(done !== undefined);
    await vscode.commands.executeCommand('okxEarn.openProduct', { payload: { kind: 'dualOrder', order: done } });
    const state = await settled(`product:dual:order:${done.ordId}`, (s) => s.sections !== undefined, 'the settled order page');
    assert.equal(row(state.facts, 'Direction'), 'Buy low');
    assert.equal(row(state.position, 'Settled at'), '2,987.15 USDT');
    const paid = section(state, 'At expiry');
    assert.ok(paid !== undefined && 'lines' in paid);
    assert.deepEqual(paid.lines, [`Paid ${formatAmount(done.settleSz)} ETH (settled at 2,987.15 USDT).`]);
    assert.deepEqual(state.actions, []);
  });

  it('a Dual Investment product opens its page with both outcomes for the minimum, then for the amount typed', async () => {
    const [product] = await client.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'P' });
    assert.ok(product !== undefined);
    await vscode.commands.executeCommand('okxEarn.openProduct', { payload: { kind: 'dualProduct', product } });
    const key = `product:dual:product:${product.productId}`;
    const state = await settled(key, (s) => !/loading/.test(row(s.facts, 'Index price now') ?? 'loading'), 'the product page');
    assert.equal(row(state.facts, 'Direction'), 'Buy low');
    assert.match(row(state.facts, 'Invest') ?? '', /^10\.00 USDT to 6,000,000\.00 USDT, in steps of 1$/);
    assert.ok(state.amount !== undefined && state.amount.error === '' && state.amount.placeholder === product.minSize);
    const forAmount = (s: ProductState, amt: string): readonly string[] => {
      const at = section(s, `At expiry, for ${amt} USDT`);
      return at !== undefined && 'lines' in at ? at.lines : [];
    };
    const lines = (p: DualProduct, amt: string): string[] => {
      const o = dualOutcomes({ ...p, notionalSz: amt });
      assert.ok(o !== undefined);
      return [
        `If BTC settles at or below ${formatAmount(p.strike)} USDT: you receive ${formatAmount(o.below.amt)} BTC.`,
        `If it settles above ${formatAmount(p.strike)} USDT: you receive ${formatAmount(o.above.amt)} USDT.`,
      ];
    };
    assert.deepEqual(forAmount(state, '10').slice(1), lines(product, '10'), 'the minimum size');
    assert.match(forAmount(state, '10')[0] ?? '', /^Yield for the term: [\d.]+ USDT, paid either way\.$/);
    assert.deepEqual(state.actions, ['purchase']);

    await api.deliverToPanel(key, { type: 'amount', amount: '2500' });
    const typed = await settled(key, (s) => forAmount(s, '2,500').length > 0, 'the outcomes for 2,500 USDT');
    assert.deepEqual(forAmount(typed, '2,500').slice(1), lines(product, '2500'));
    // What the Buy prompt refuses, the page refuses too: no preview of an amount that cannot be bought.
    for (const [amount, error] of [['2,500', /^Write the amount without thousands separators or spaces/], ['abc', /^Type an amount in USDT/], ['5', /^The minimum is 10 USDT\.$/], ['10.5', /whole number of steps of 1 USDT/], ['9000000', /^The maximum is 6,000,000 USDT\.$/]] as const) {
      await api.deliverToPanel(key, { type: 'amount', amount });
      const wrong = await settled(key, (s) => error.test(s.amount?.error ?? ''), `what is wrong with "${amount}"`);
      assert.ok(forAmount(wrong, '10').length === 3, 'the minimum\'s outcomes meanwhile');
    }

    const stand = await standIn('okxEarn.dual.purchase');
    const trades = sim.received('dualTrade').length;
    try {
      await api.deliverToPanel(key, { type: 'action', action: 'purchase' });
      if (stand !== undefined) {
        assert.equal(stand.calls.length, 1);
        const arg = stand.calls[0] as { payload: { kind: string; product: DualProduct } };
        assert.equal(arg.payload.kind, 'dualProduct');
        assert.equal(arg.payload.product.productId, product.productId);
      }
    } finally {
      stand?.dispose();
    }
    assert.equal(sim.received('dualTrade').length, trades, 'nothing bought by the panel');
  });

  it('the palette offers OKUSD, each Stable Rewards coin held and each open Dual order', async () => {
    const orders = await client.dual.orderHistory({ limit: '100' }).next();
    const live = orders.find((o) => o.state === 'live');
    assert.ok(live !== undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => (api.panels().length === 0 ? true : undefined), 'every panel closed');
    let offered: string[] = [];
    const w = vscode.window as { showQuickPick: typeof vscode.window.showQuickPick };
    const scripted = w.showQuickPick;
    w.showQuickPick = ((items: readonly vscode.QuickPickItem[], options?: vscode.QuickPickOptions) => {
      offered = items.map((i) => i.label);
      return scripted(items, options);
    }) as typeof w.showQuickPick;
    for (const [label, key] of [['OKUSD', 'product:okusd'], ['USDG · Stable Rewards', 'product:stable:USDG'], ['BTC/USDT · Sell high 95,500 USDT', `product:dual:order:${live.ordId}`]] as const) {
      ui.picks.push(label);
      await vscode.commands.executeCommand('okxEarn.openProduct');
      await waitFor(() => panel(key), `the page picked as "${label}"`);
    }
    assert.ok(offered.includes('OKUSD') && offered.includes('USDG · Stable Rewards') && offered.includes('ETH staking'), offered.join(', '));
    assert.ok(!offered.some((l) => l.startsWith('ETH/USDT · Buy low')), 'a settled order is not offered');
  });
});
