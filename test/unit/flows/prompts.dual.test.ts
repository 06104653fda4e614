/**
 * Issue 25, items 3 and 12: a Dual Investment purchase says when OKX's quote differs from the terms listed when
 * the product was chosen (old → new, as a renewed quote does), shows the index price now (rounded) while the
 * strike is chosen, says "1 day", and an accepted early redemption is told in words, not as a raw state.
 */
import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import * as dual from '../../../src/commands/dual';
import { indexText, termText } from '../../../src/commands/dualText';
import * as D from '../../../src/decimal';
import type { DualProduct } from '../../../src/okx/types';
import { percent } from '../../../src/views/nodes';
import { fakeWindow } from '../support/fakeVscode';
import { confirmation, literal, promptHarness, toasts } from '../support/promptHarness';

const HOUR = 3_600_000;
const BTC_CALLS = { baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' } as const;

/**
 * The simulator's clock stands still: a product's yield moves with the time left to expiry, and a list read in
 * one millisecond and a quote in the next can round to different yields ("on the quoted terms"), as OKX's can.
 */
const STILL_CLOCK = { frozenClock: true } as const;

describe('Dual Investment purchase: what the user is told before buying (issue 25)', function () {
  this.timeout(20_000);
  const h = promptHarness(STILL_CLOCK);

  /** The nearest-expiring BTC call, as the portfolio lists it (and keeps it until the products are read again). */
  async function listedProduct(): Promise<DualProduct> {
    const list = await h().context.portfolio.dualProducts(BTC_CALLS);
    assert.ok(!(list instanceof Error));
    const [product] = [...list].sort((a, b) => Number(a.expTime) - Number(b.expTime) || D.cmp(a.strike, b.strike));
    assert.ok(product);
    return product;
  }

  it('a quote on the listed terms: confirmed as listed, with the APY and the index rounded', async () => {
    const product = await listedProduct();
    fakeWindow.typed = ['0.01'];
    fakeWindow.confirm = () => undefined;
    assert.equal(await dual.purchase(h().context, { payload: { kind: 'dualProduct', product } }), false);
    const modal = confirmation();
    assert.match(modal.message, /^Buy 0\.01 BTC of Dual Investment BTC\/USDT · Sell high [\d,]+ USDT\?$/);
    assert.match(modal.detail ?? '', new RegExp(`\\nAPY: ${literal(percent(product.annualizedYield))}\\n`));
    assert.doesNotMatch(modal.detail ?? '', /Listed → quoted/);
    // The index to two places (a price in the tens of thousands), and where the strike is from it.
    assert.match(modal.detail ?? '', /\nIndex now: [\d,]+\.\d{1,2} USDT \(the strike is \d+(\.\d)?% above the index\)\n/);
  });

  it('a quote that differs from the list (the index moved since): said, listed → quoted, and the question says so', async () => {
    const product = await listedProduct();
    // The index drops after the list was read: the same strike is further away, and OKX quotes a lower yield.
    h().sim.publicSocket.jump('BTC', '-3%');
    fakeWindow.typed = ['0.01'];
    fakeWindow.confirm = () => undefined;
    assert.equal(await dual.purchase(h().context, { payload: { kind: 'dualProduct', product } }), false);
    const quote = h().sim.state.dual.quotes.at(-1);
    assert.ok(quote);
    assert.ok(D.lt(quote.annualizedYield, product.annualizedYield), `${quote.annualizedYield} < ${product.annualizedYield}`);
    const modal = confirmation();
    assert.match(modal.message, /^Buy 0\.01 BTC of Dual Investment .* on the quoted terms\?$/);
    const detail = modal.detail ?? '';
    assert.match(detail, /^OKX's quote differs from the terms listed when you chose this product \(the index has moved since\)\. Listed → quoted:\n/);
    assert.match(detail, new RegExp(`\\nAPY: ${literal(percent(product.annualizedYield))} → ${literal(percent(quote.annualizedYield))}\\n`));
    assert.match(detail, /\nYield for the term: [\d.]+ BTC → [\d.]+ BTC\n/);
    assert.match(detail, /\nIf BTC settles at or above [\d,]+ USDT: [\d,.]+ USDT → [\d,.]+ USDT\n/);
    // Not said twice: the rows leave out what the lines give old → new.
    assert.doesNotMatch(detail, /\nAPY: [\d.]+%\n/);
  });

  it('the strike pick shows the index price now, rounded, and each strike\'s distance from it', async () => {
    const { client } = h();
    const pair = { baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C', uly: 'BTC-USD' };
    // The index price, to OKX's many places.
    h().sim.publicSocket.jump('BTC', '91154.2220784');
    fakeWindow.choose = () => undefined;
    assert.equal(await dual.purchase(h().context, { payload: { kind: 'dualPair', pair } }), false);
    const [ticker] = await client.account.indexTickers({ instId: 'BTC-USDT' });
    assert.equal(ticker?.idxPx, '91154.2220784');
    const [picked] = fakeWindow.picks;
    assert.equal(picked?.title, 'BTC/USDT · Sell high: which strike and expiry? BTC index now: 91,154.22 USDT.');
    assert.equal(indexText('91154.2220784', 'USDT'), '91,154.22 USDT');
    assert.ok(picked.items.length > 0);
    for (const item of picked.items) assert.match(item.description ?? '', /^APY [\d.]+% · (\d+ h|1 day|[\d.]+ days) · \d+(\.\d)?% above the index$/);
  });

  it('terms: "1 day", not "1 days"', () => {
    assert.equal(termText('0', String(24 * HOUR)), '1 day');
    assert.equal(termText('0', String(25 * HOUR)), '1 day');
    assert.equal(termText('0', String(36 * HOUR)), '1.5 days');
    assert.equal(termText('0', String(72 * HOUR)), '3 days');
    assert.equal(termText('0', String(20 * HOUR)), '20 h');
  });
});

describe('Dual Investment early redemption: the result in words (issue 25)', function () {
  this.timeout(20_000);
  const h = promptHarness(STILL_CLOCK);

  it('an accepted redemption being booked says what happens next, not "(redemption booking)"', async () => {
    const { sim, client, context } = h();
    const demo = sim.state.dual.orders.find((o) => o.state === 'live' && o.redeemStartTime <= sim.clock.now());
    assert.ok(demo);
    const [order] = await client.dual.orderHistory({ ordId: demo.ordId }).next();
    assert.ok(order);
    assert.equal(await dual.redeemEarly(context, { payload: { kind: 'dualOrder', order } }), true);
    const done = toasts().at(-1) ?? '';
    assert.match(done, new RegExp(`^Early redemption of order ${demo.ordId} accepted: OKX is booking it, and [\\d,.]+ \\w+ goes to your funding account once it is redeemed\\.$`));
    assert.doesNotMatch(done, /\(redemption booking\)/);
  });
});
