import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { DAY, HOUR } from '../../../src/simulator/clock';
import { PriceFeed, indexPx, indexTicker } from '../../../src/simulator/market';

const BASE = { BTC: '80000', ETH: '3000', USDT: '1' };
/** 10:30 UTC, so the day before holds 24 whole hours and the start of day is 10.5 hours back. */
const NOW = Date.UTC(2026, 11, 7, 10, 30);

describe('simulator: index tickers from the price feed', function () {
  it('a moving price: the 24 h figures are its path sampled 24 h ago, at every whole hour since, every minute of the last ten, and now', function () {
    const feed = new PriceFeed(BASE, true);
    const ticker = indexTicker(feed, 'ETH', 'USDT', NOW);
    const samples = [NOW - DAY, ...Array.from({ length: 24 }, (_, i) => NOW - 30 * 60_000 - i * HOUR), ...Array.from({ length: 10 }, (_, i) => NOW - i * 60_000), NOW].map((ts) => indexPx(feed, 'ETH', 'USDT', ts));
    assert.equal(ticker.idxPx, indexPx(feed, 'ETH', 'USDT', NOW));
    assert.equal(ticker.open24h, indexPx(feed, 'ETH', 'USDT', NOW - DAY));
    assert.equal(ticker.high24h, samples.reduce(D.max));
    assert.equal(ticker.low24h, samples.reduce(D.min));
    assert.ok(D.lt(ticker.low24h, ticker.high24h), `the path swings within a day: ${ticker.low24h} to ${ticker.high24h}`);
    assert.equal(ticker.sodUtc0, indexPx(feed, 'ETH', 'USDT', Date.UTC(2026, 11, 7)));
    assert.equal(ticker.sodUtc8, indexPx(feed, 'ETH', 'USDT', Date.UTC(2026, 11, 6, 16)));
  });

  it('against USD the index is the price itself, to 8 places; against another coin, their ratio', function () {
    const feed = new PriceFeed({ ...BASE, SOL: '123.456789012' }, false);
    assert.equal(indexPx(feed, 'SOL', 'USD', NOW), '123.45678901');
    assert.equal(indexPx(feed, 'ETH', 'BTC', NOW), '0.0375');
  });

  it('what is worked out at whole hours is forgotten when a price is set or jumps: the day before moves with it', function () {
    const feed = new PriceFeed(BASE, true);
    const before = indexTicker(feed, 'BTC', 'USD', NOW);
    feed.set('BTC', '50000');
    const set = indexTicker(feed, 'BTC', 'USD', NOW);
    assert.deepEqual([set.idxPx, set.high24h, set.low24h, set.open24h, set.sodUtc0, set.sodUtc8], Array(6).fill('50000'));
    assert.notEqual(before.sodUtc0, set.sodUtc0);

    const moving = new PriceFeed(BASE, true);
    const first = indexTicker(moving, 'ETH', 'USD', NOW);
    moving.jump('ETH', '-10%', NOW);
    const after = indexTicker(moving, 'ETH', 'USD', NOW);
    // A jump scales the whole path: the start of the day too, by the same 0.9.
    assert.equal(D.roundDown(D.div(after.sodUtc0, first.sodUtc0, 12), 3), '0.9');
    assert.equal(D.roundDown(D.div(after.high24h, first.high24h, 12), 3), '0.9');
  });
});
