import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { ProductsView } from '../../../src/views/productsView';
import { startSim, type SimHarness } from '../support/sim';
import { byId, render } from './render';

describe('views/products: an offer nobody can buy, and counts in words', function () {
  this.timeout(20_000);
  let h: SimHarness;
  let portfolio: Portfolio;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    portfolio = new Portfolio(h.client);
  });
  afterEach(() => h.sim.close());

  const dot = (): NonNullable<ReturnType<typeof h.sim.state.offers.find>> => {
    const offer = h.sim.state.offers.find((o) => o.productId === '101');
    assert.ok(offer, 'the demo has the DOT offer');
    return offer;
  };

  it('issue 25, item 21: "2 DOT to 0 DOT", purchasable by OKX\'s word, says nothing can be subscribed now and is not ranked', async () => {
    // OKX's own example; a second DOT offer at a lower APY that can be bought.
    const full = dot();
    full.invest = [{ ccy: 'DOT', minAmt: '2', maxAmt: '0' }];
    h.sim.state.offers.push({ ...full, productId: '102', protocol: 'Polkadot Pool', apy: '0.10', invest: [{ ccy: 'DOT', minAmt: '1', maxAmt: '1000' }] });
    const items = await render(new ProductsView(portfolio), 3);
    const folder = byId(items, 'offers:DOT');
    assert.equal(folder.description, 'best APY 10% · 2 offers', 'the best is the one that can be bought');
    const closed = byId(items, 'offer:101');
    assert.match(closed.description, /^Full for now · 17\.67% · /);
    assert.equal(closed.contextValue, 'okxEarn.offer.closed', 'no Purchase in its menu');
    assert.match(closed.tooltip.replace(/\\/g, ''), /Nothing can be subscribed now: OKX allows 2 DOT to 0 DOT, a maximum below the minimum\./);
    assert.doesNotMatch(closed.tooltip, /Best offer/);
    const open = byId(items, 'offer:102');
    assert.match(open.tooltip, /Best offer \| the highest APY of the DOT offers you can buy now/);
    assert.equal(open.contextValue, 'okxEarn.offer.purchasable');
  });

  it('alone in its currency, it is not starred either', async () => {
    dot().invest = [{ ccy: 'DOT', minAmt: '2', maxAmt: '0' }];
    const row = byId(await render(new ProductsView(portfolio), 3), 'offer:101');
    assert.doesNotMatch(row.tooltip, /Best offer/);
    assert.equal(row.contextValue, 'okxEarn.offer.closed');
  });

  it('issue 25, item 20: "1 product", not "1 products"', async () => {
    h.sim.state.offers = [dot()];
    assert.equal(byId(await render(new ProductsView(portfolio), 0), 'offers').description, '1 product');
  });
});
