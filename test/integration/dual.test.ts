import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as D from '../../src/decimal';
import { dualProductPickLabel } from '../../src/commands/dual';
import type { OkxEarnApi } from '../../src/extension';
import type { EndpointId } from '../../src/okx/endpoints';
import { OkxClient } from '../../src/okx/client';
import { customEnvironment } from '../../src/okx/environments';
import type { DualOrder, DualProduct } from '../../src/okx/types';
import { dualOutcomes } from '../../src/portfolio/dualPayoff';
import { formatAmount, formatPercent } from '../../src/portfolio/format';
import { SANDBOX_KEY, Simulator, type SimKey } from '../../src/simulator/server';
import type { SimDualQuote } from '../../src/simulator/state';
import { ScriptedWindow, runScripted as run, configure, extensionApi, removeTestKey, useTestKey, waitFor, withShortRateLimitWindows, TEST_RATE_LIMIT_SCALE } from './helpers';

/** A second account on the same simulator: OKX allows 2 trades a minute per key, and the client keeps to it. */
const SECOND_KEY: SimKey = { apiKey: 'dual-it-key-2', secretKey: 'dual-it-secret-2', passphrase: 'Dual-it-2', permission: 'trade', demo: false, region: 'global' };

/** An answer the scripted modal gives only after `ms`, as a user taking their time would. */
function later(ms: number, answer: string): string {
  return new Promise<string>((resolve) => setTimeout(() => resolve(answer), ms)) as unknown as string;
}

describe('Dual Investment: buying and early redemption, against the simulator', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  let api: OkxEarnApi;
  let sim: Simulator;
  let ui: ScriptedWindow;
  let client: OkxClient;
  const posts = (endpoint: EndpointId): number => sim.received(endpoint).length;
  const tradeQuotes = (): SimDualQuote[] => sim.state.dual.quotes.filter((q) => q.kind === 'trade');
  const redeemQuotes = (): SimDualQuote[] => sim.state.dual.quotes.filter((q) => q.kind === 'redeem');
  const modals = (): { message: string; detail: string }[] => ui.shown.filter((s) => s.modal);
  /** The BTC "sell high" product with the nearest strike and expiry, as OKX lists it now. */
  const btcCall = async (): Promise<DualProduct> => {
    const products = await client.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' });
    const [first] = products.sort((a, b) => Number(a.expTime) - Number(b.expTime) || D.cmp(a.strike, b.strike));
    assert.ok(first);
    return first;
  };
  /** A live order that can be redeemed early now, like the demo's: an order item's payload. */
  const liveOrderArg = async (): Promise<{ payload: { kind: 'dualOrder'; order: DualOrder } }> => {
    // The demo's 95,500 order (or its copy): an order bought by an earlier test becomes redeemable at the next
    // hour, and would otherwise be picked when a run crosses one.
    const [demo] = sim.state.dual.orders.filter((o) => o.state === 'live' && o.productId.endsWith('-95500-C') && o.redeemStartTime <= sim.clock.now());
    assert.ok(demo, 'a redeemable live order');
    const [order] = await client.dual.orderHistory({ ordId: demo.ordId }).next();
    assert.ok(order);
    return { payload: { kind: 'dualOrder', order } };
  };

  before(async () => {
    sim = await Simulator.start({ keys: [SANDBOX_KEY, SECOND_KEY], priceMotion: false, rateLimits: false });
    client = new OkxClient({ environment: customEnvironment(sim.url), credentials: SANDBOX_KEY, rateLimitScale: TEST_RATE_LIMIT_SCALE });
    api = await extensionApi();
    await configure({ environment: 'custom', customBaseUrl: sim.url, autoRefreshSeconds: 3600 });
    await useTestKey(api, 'dual-tests', SANDBOX_KEY);
  });

  beforeEach(() => {
    ui = new ScriptedWindow().install();
    sim.faults.clear();
    sim.state.dual.quoteTtlMs = 30_000;
  });
  afterEach(() => ui.restore());

  after(async () => {
    await removeTestKey('dual-tests');
    await configure({ environment: undefined, customBaseUrl: undefined, autoRefreshSeconds: undefined });
    await sim.close();
  });

  describe('amounts are checked before anything is asked of OKX', () => {
    const cases: [string, string, RegExp][] = [
      ['below the minimum', '0.0005', /The minimum is 0\.001 BTC\./],
      ["off the product's step", '0.0015', /The amount must be a multiple of 0\.001 BTC\./],
      ['above what the funding account holds', '0.8', /more than the 0\.75 BTC available in your funding account/],
      ['more places than BTC has', '0.123456789', /at most 8 decimal places/],
    ];
    for (const [what, input, message] of cases) {
      it(`refuses an amount ${what} (from the palette): no quote, no trade, no confirmation`, async () => {
        sim.state.funding.BTC = '0.75';
        const product = await btcCall();
        const [quotes, trades] = [posts('dualQuote'), posts('dualTrade')];
        const done = await run(ui, 'okxEarn.dual.purchase', { picks: ['BTC/USDT · Sell high', dualProductPickLabel(product)], inputs: [input], confirmWith: 'Buy' });
        assert.equal(done, false);
        assert.match(ui.refused.join('\n'), message);
        assert.equal(posts('dualQuote'), quotes, 'no quote asked for');
        assert.equal(posts('dualTrade'), trades, 'nothing traded');
        assert.deepEqual(modals(), [], 'no confirmation');
      });
    }
  });

  describe('buying', () => {
    // First: OKX takes two trades a minute per key, and the two trades below would make this one wait for a slot
    // before quoting (as it should, but that is a minute).
    it('a cancelled confirmation sends nothing, and the quote is simply left to expire', async () => {
      const product = await btcCall();
      const trades = posts('dualTrade');
      assert.equal(await run(ui, 'okxEarn.dual.purchase', { arg: { payload: { kind: 'dualProduct', product } }, inputs: ['0.01'], confirmWith: undefined }), false);
      assert.equal(modals().length, 1);
      assert.equal(posts('dualTrade'), trades);
    });

    it('buys from a product item: the confirmation spells out both outcomes in amounts, and the order appears', async () => {
      sim.state.funding.BTC = '0.75';
      const product = await btcCall();
      const quotesBefore = tradeQuotes().length;
      const done = await run(ui, 'okxEarn.dual.purchase', { arg: { payload: { kind: 'dualProduct', product } }, inputs: ['0.05'], confirmWith: 'Buy' });
      assert.equal(done, true, ui.messages().join('\n'));
      const [quote] = tradeQuotes().slice(quotesBefore);
      assert.ok(quote, 'one quote');
      assert.deepEqual(sim.received('dualTrade').map((r) => r.params?.quoteId).slice(-1), [quote.quoteId], 'traded with that quote');
      const order = sim.state.dual.orders.find((o) => o.quoteId === quote.quoteId);
      assert.ok(order && order.notionalSz === '0.05' && order.notionalCcy === 'BTC' && order.productId === product.productId);
      assert.equal(sim.state.funding.BTC, '0.7');

      const outcomes = dualOutcomes({ ...product, notionalSz: '0.05', notionalCcy: 'BTC', absYield: quote.absYield });
      assert.ok(outcomes);
      const strike = `${formatAmount(product.strike)} USDT`;
      const [confirmation] = modals();
      assert.equal(confirmation?.message, `Buy 0.05 BTC of Dual Investment BTC/USDT · Sell high ${strike}?`);
      const detail = confirmation.detail;
      assert.ok(detail.includes(`If BTC settles at or above ${strike}: you receive ${formatAmount(outcomes.above.amt)} USDT.`), detail);
      assert.ok(detail.includes(`If it settles below ${strike}: you receive ${formatAmount(outcomes.below.amt)} BTC.`), detail);
      assert.ok(detail.includes(`APY: ${formatPercent(quote.annualizedYield)}`), detail);
      assert.ok(detail.includes(`Yield for the term: ${formatAmount(outcomes.yield.amt)} BTC`), detail);
      assert.match(detail, /Expires and settles: .+\(in \d+ (hours|days)\)/);
      assert.match(detail, /Quote holds until: .+ \(about \d+ s from now\)/);
      assert.match(detail, /Environment: Custom host \(dual-tests\)/);
      assert.match(ui.messages('info').join('\n'), new RegExp(`Bought 0\\.05 BTC of BTC/USDT · Sell high .*: order ${order.ordId} \\(earning\\)\\.`));

      const shown = await waitFor(async () => {
        const dual = (await api.renderView('moreEarn', 2)).find((i) => i.id === 'dual');
        return dual?.children.find((c) => c.id === `dual:order:${order.ordId}`);
      }, 'the new order under Dual Investment');
      assert.equal(shown.contextValue, 'okxEarn.dualOrder.live');
    });

    it('a quote that runs out while the user decides is never sent: OKX is asked again, the change is shown, and the new quote is traded', async () => {
      sim.state.funding.BTC = '0.75';
      const product = await btcCall();
      // Valid for 9 s: fresh if it arrives within 4 s (the flow keeps a 5 s margin; a loaded machine can take
      // seconds to show the question), and within the margin once the user has taken 5 s to answer.
      sim.state.dual.quoteTtlMs = 9_000;
      const quotesBefore = tradeQuotes().length;
      const tradesBefore = posts('dualTrade');
      const price = sim.prices.usd('BTC', sim.clock.now());
      ui.inputs.push('0.02');
      ui.choose = (message, items) => {
        if (!items.includes('Buy')) return undefined;
        if (message.startsWith('Buy ')) {
          // Meanwhile the market moves (the strike comes nearer: a higher yield), and quotes live 30 s again.
          sim.state.dual.quoteTtlMs = 30_000;
          sim.prices.set('BTC', D.roundDown(D.mul(price, '1.01'), 2));
          return later(5_000, 'Buy');
        }
        return 'Buy';
      };
      const done = await vscode.commands.executeCommand('okxEarn.dual.purchase', { payload: { kind: 'dualProduct', product } });
      assert.equal(done, true, ui.messages().join('\n'));

      const [stale, renewed] = tradeQuotes().slice(quotesBefore);
      assert.ok(stale && renewed, 'two quotes');
      assert.equal(stale.used, false, 'the expired quote was not traded');
      assert.ok(!sim.requests.some((r) => r.params?.quoteId === stale.quoteId), 'the expired quote id was never sent');
      assert.equal(posts('dualTrade'), tradesBefore + 1, 'one trade');
      assert.equal(sim.received('dualTrade').at(-1)?.params?.quoteId, renewed.quoteId);
      assert.equal(renewed.used, true);
      assert.ok(D.gt(renewed.absYield, stale.absYield), `the yield moved: ${stale.absYield} → ${renewed.absYield}`);

      const [first, second] = modals();
      assert.ok(first && second, 'asked twice');
      assert.match(second.message, /^New quote: buy 0\.02 BTC of Dual Investment BTC\/USDT · Sell high [\d,]+ USDT on these terms\?$/);
      const old = dualOutcomes({ ...product, notionalSz: '0.02', notionalCcy: 'BTC', absYield: stale.absYield });
      const now = dualOutcomes({ ...product, notionalSz: '0.02', notionalCcy: 'BTC', absYield: renewed.absYield });
      assert.ok(old && now);
      const strike = `${formatAmount(product.strike)} USDT`;
      for (const line of [
        'The quote ran out before it was sent, so OKX was asked again. The new quote, old → new:',
        `APY: ${formatPercent(stale.annualizedYield)} → ${formatPercent(renewed.annualizedYield)}`,
        `Yield for the term: ${formatAmount(old.yield.amt)} BTC → ${formatAmount(now.yield.amt)} BTC`,
        `If BTC settles at or above ${strike}: ${formatAmount(old.above.amt)} USDT → ${formatAmount(now.above.amt)} USDT`,
        `If it settles below ${strike}: ${formatAmount(old.below.amt)} BTC → ${formatAmount(now.below.amt)} BTC`,
      ]) {
        assert.ok(second.detail.includes(line), `${line}\nin\n${second.detail}`);
      }
      const order = sim.state.dual.orders.find((o) => o.quoteId === renewed.quoteId);
      assert.ok(order && order.absYield === renewed.absYield, 'the order has the terms confirmed the second time');
    });

    describe('on a second account (OKX takes two trades a minute per key, and the client keeps to it)', () => {
      before(() => useTestKey(api, 'dual-tests-2', SECOND_KEY));
      after(async () => {
        await removeTestKey('dual-tests-2');
        await useTestKey(api, 'dual-tests', SANDBOX_KEY);
      });

      it('a trade whose answer is lost: looked up by its quote id, exactly one order, never sent again', async () => {
        sim.state.funding.BTC = '0.75';
        const product = await btcCall();
        sim.faults.add({ fault: { kind: 'lose-response' }, endpoint: 'dualTrade', times: 1 });
        const [orders, trades] = [sim.state.dual.orders.length, posts('dualTrade')];
        assert.equal(await run(ui, 'okxEarn.dual.purchase', { arg: { payload: { kind: 'dualProduct', product } }, inputs: ['0.01'], confirmWith: 'Buy' }), true);
        assert.equal(posts('dualTrade'), trades + 1, 'sent once');
        assert.equal(sim.state.dual.orders.length, orders + 1, 'exactly one order');
        const order = sim.state.dual.orders.at(-1);
        assert.match(ui.messages('info').join('\n'), new RegExp(`OKX's answer was lost or unclear, but the request went through: order ${order?.ordId ?? '?'} \\(earning\\)\\.`));
      });

      it('a quote OKX no longer takes when the trade arrives (51000): said in words, nothing bought, nothing resent', async () => {
        sim.state.funding.BTC = '0.75';
        const product = await btcCall();
        const [orders, trades, quotes] = [sim.state.dual.orders.length, posts('dualTrade'), tradeQuotes().length];
        ui.inputs.push('0.01');
        ui.choose = (_message, items) => {
          if (!items.includes('Buy')) return undefined;
          // OKX's own clock ran it out, unseen by the client (which still has it as valid).
          for (const quote of tradeQuotes().slice(quotes)) quote.validUntil = sim.clock.now() - 1;
          return 'Buy';
        };
        assert.equal(await vscode.commands.executeCommand('okxEarn.dual.purchase', { payload: { kind: 'dualProduct', product } }), false);
        assert.equal(posts('dualTrade'), trades + 1, 'sent once, never again');
        assert.equal(sim.state.dual.orders.length, orders);
        assert.match(ui.messages('error').join('\n'), /^Buy: OKX did not take the quote \(OKX code 51000\): it ran out on its way .*Nothing was bought: buy again for a new quote\.$/m);
      });
    });
  });

  describe('early redemption', () => {
    it('shows the quoted amount and what the order would pay at expiry, and redeems with that quote', async () => {
      const arg = await liveOrderArg();
      const { order } = arg.payload;
      const before = redeemQuotes().length;
      assert.equal(await run(ui, 'okxEarn.dual.redeemEarly', { arg, confirmWith: 'Redeem Early' }), true, ui.messages().join('\n'));
      const [quote] = redeemQuotes().slice(before);
      assert.ok(quote);
      assert.equal(sim.received('dualRedeem').at(-1)?.params?.quoteId, quote.quoteId);
      assert.equal(sim.state.dual.orders.find((o) => o.ordId === order.ordId)?.state, 'pending_redeem');

      const [confirmation] = modals();
      const back = `${formatAmount(quote.redeemSz)} BTC`;
      assert.ok(confirmation);
      assert.match(confirmation.message, new RegExp(`^Redeem BTC/USDT · Sell high 95,500 USDT early for ${back.replace('.', '\\.')}\\?$`));
      const outcomes = dualOutcomes(order);
      assert.ok(outcomes);
      for (const text of [
        `You receive ${back} now (term rate ${quote.termRate}%), instead of at expiry`,
        `If BTC settles at or above 95,500 USDT: you receive ${formatAmount(outcomes.above.amt)} USDT.`,
        `If it settles below 95,500 USDT: you receive ${formatAmount(outcomes.below.amt)} BTC.`,
        `You receive now: ${back} (${formatAmount(D.sub(order.notionalSz, quote.redeemSz))} BTC less than invested; no yield)`,
        `Term rate: ${quote.termRate}%`,
      ]) {
        assert.ok(confirmation.detail.includes(text), `${text}\nin\n${confirmation.detail}`);
      }
      assert.match(ui.messages('info').join('\n'), new RegExp(`Early redemption of order ${order.ordId} accepted`));
    });

    it('a redemption quote that runs out is never sent: asked again, the change shown, the new one sent', async () => {
      // Another live order, redeemable since yesterday, like the demo's.
      const [demo] = sim.state.dual.orders.filter((o) => o.productId.endsWith('-95500-C'));
      assert.ok(demo);
      sim.state.dual.orders.push({ ...demo, ordId: '990000000001', quoteId: 'qtDCD-QUOTE990000000001', state: 'live', cTime: sim.clock.now() - 86_400_000 });
      const arg = await liveOrderArg();
      // As for a purchase: fresh if it arrives within 4 s, stale once the user has taken 5 s.
      sim.state.dual.quoteTtlMs = 9_000;
      const [before, redeems] = [redeemQuotes().length, posts('dualRedeem')];
      ui.choose = (message, items) => {
        if (!items.includes('Redeem Early')) return undefined;
        if (message.startsWith('Redeem ')) {
          sim.state.dual.quoteTtlMs = 30_000;
          return later(5_000, 'Redeem Early');
        }
        return 'Redeem Early';
      };
      assert.equal(await vscode.commands.executeCommand('okxEarn.dual.redeemEarly', arg), true, ui.messages().join('\n'));
      const [stale, renewed] = redeemQuotes().slice(before);
      assert.ok(stale && renewed);
      assert.equal(stale.used, false);
      assert.ok(!sim.requests.some((r) => r.params?.quoteId === stale.quoteId), 'the expired quote id was never sent');
      assert.equal(posts('dualRedeem'), redeems + 1);
      assert.equal(sim.received('dualRedeem').at(-1)?.params?.quoteId, renewed.quoteId);
      const second = modals()[1];
      assert.ok(second);
      assert.match(second.message, /^New quote: redeem BTC\/USDT · Sell high 95,500 USDT early for [\d.]+ BTC\?$/);
      assert.ok(second.detail.includes('The redemption quote ran out before it was sent, so OKX was asked again.'), second.detail);
      const amounts = stale.redeemSz === renewed.redeemSz ? `${formatAmount(renewed.redeemSz)} BTC (unchanged)` : `${formatAmount(stale.redeemSz)} BTC → ${formatAmount(renewed.redeemSz)} BTC`;
      assert.ok(second.detail.includes(`You receive now: ${amounts}`), second.detail);
      assert.match(second.detail, /Term rate: -?[\d.]+% (→ -?[\d.]+%|\(unchanged\))/);
    });

    it('an order that is not earning is not redeemed, and nothing is asked of OKX', async () => {
      const [settled] = sim.state.dual.orders.filter((o) => o.state === 'settled');
      assert.ok(settled);
      const [order] = await client.dual.orderHistory({ ordId: settled.ordId }).next();
      const quotes = posts('dualRedeemQuote');
      assert.equal(await run(ui, 'okxEarn.dual.redeemEarly', { arg: { payload: { kind: 'dualOrder', order } }, confirmWith: 'Redeem Early' }), false);
      assert.match(ui.messages('warning').join('\n'), /Only an earning order can be redeemed early; order \d+ is settled\./);
      assert.equal(posts('dualRedeemQuote'), quotes);
    });
  });
});
