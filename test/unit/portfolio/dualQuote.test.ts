import * as assert from 'node:assert/strict';
import type { DualTerms } from '../../../src/portfolio/dualPayoff';
import { QUOTE_MARGIN_MS, anyChanged, isSignedDecimal, quoteApyFraction, quoteFresh, quoteSecondsLeft, redeemQuoteChanges, tradeQuoteChanges } from '../../../src/portfolio/dualQuote';

const terms: DualTerms = { baseCcy: 'BTC', quoteCcy: 'USDT', strike: '95500', notionalSz: '0.05', notionalCcy: 'BTC', absYield: '0.0026' };

describe('portfolio/dualQuote: a Dual Investment quote is sent only while it holds, and a renewed one says what changed', () => {
  const until = 1_800_000_030_000;

  it('is fresh only until the safety margin before validUntil (OKX time)', () => {
    assert.equal(QUOTE_MARGIN_MS >= 2_000 && QUOTE_MARGIN_MS <= 10_000, true, 'a few seconds');
    assert.equal(quoteFresh(String(until), until - 30_000), true);
    assert.equal(quoteFresh(String(until), until - QUOTE_MARGIN_MS - 1), true);
    assert.equal(quoteFresh(String(until), until - QUOTE_MARGIN_MS), false, 'the margin itself is too late');
    assert.equal(quoteFresh(String(until), until - 1), false, 'not yet expired, but it would be by the time it arrives');
    assert.equal(quoteFresh(String(until), until), false);
    assert.equal(quoteFresh(String(until), until + 60_000), false);
    assert.equal(quoteFresh(String(until), until - 1_000, 0), true, 'the margin is a parameter');
  });

  it('a validUntil that cannot be read is never fresh (never sent on a guess)', () => {
    for (const bad of ['', 'soon', '-1', '1.8e12', '1800000030000.5']) assert.equal(quoteFresh(bad, 0), false, JSON.stringify(bad));
  });

  it('counts the seconds left to confirm, after the margin, never below 0', () => {
    assert.equal(quoteSecondsLeft(String(until), until - 30_000), 25);
    assert.equal(quoteSecondsLeft(String(until), until - QUOTE_MARGIN_MS - 999), 0);
    assert.equal(quoteSecondsLeft(String(until), until + 1), 0);
    assert.equal(quoteSecondsLeft('x', 0), 0);
  });

  it("reads the quote's APY as percent only when it is far above the product's fraction (OKX's two examples)", () => {
    assert.equal(quoteApyFraction('69.65', '0.0541'), '0.6965');
    assert.equal(quoteApyFraction('0.0541', '0.0541'), '0.0541');
    assert.equal(quoteApyFraction('0.06', '0.0541'), '0.06');
    assert.equal(quoteApyFraction('0.6', '0.05'), '0.6', 'twelve times is still a fraction');
    assert.equal(quoteApyFraction('5.41', undefined), '5.41', 'nothing to compare with: as it comes');
    assert.equal(quoteApyFraction('5.41', '0'), '5.41');
    assert.equal(quoteApyFraction('abc', '0.05'), 'abc');
  });

  it('lists APY, yield and both outcomes old → new, marking which changed', () => {
    const changes = tradeQuoteChanges({ apy: '0.12', terms }, { apy: '0.11', terms: { ...terms, absYield: '0.0024' } });
    assert.deepEqual(changes, [
      { what: 'apy', before: '0.12', after: '0.11', changed: true },
      { what: 'yield', before: '0.00013', after: '0.00012', ccy: 'BTC', changed: true },
      { what: 'above', before: '4787.415', after: '4786.46', ccy: 'USDT', changed: true },
      { what: 'below', before: '0.05013', after: '0.05012', ccy: 'BTC', changed: true },
    ]);
    assert.equal(anyChanged(changes), true);
  });

  it('the same terms renewed: every figure listed, none changed (compared as numbers)', () => {
    const changes = tradeQuoteChanges({ apy: '0.1200', terms }, { apy: '0.12', terms: { ...terms, absYield: '0.00260' } });
    assert.equal(changes.length, 4);
    assert.equal(anyChanged(changes), false);
  });

  it('a put: the outcome paid in the base currency is the one below the strike', () => {
    const put: DualTerms = { ...terms, strike: '90000', notionalSz: '1000', notionalCcy: 'USDT', absYield: '0.0025' };
    const changes = tradeQuoteChanges({ apy: '0.1', terms: put }, { apy: '0.1', terms: { ...put, absYield: '0.0016' } });
    assert.deepEqual(changes.find((c) => c.what === 'below'), { what: 'below', before: '0.01113888', after: '0.01112888', ccy: 'BTC', changed: true });
    assert.deepEqual(changes.find((c) => c.what === 'above'), { what: 'above', before: '1002.5', after: '1001.6', ccy: 'USDT', changed: true });
  });

  it('outcomes that cannot be worked out are left out; the APY is still compared', () => {
    assert.deepEqual(tradeQuoteChanges({ apy: '0.1', terms }, { apy: '0.1', terms: { ...terms, absYield: 'n/a' } }), [{ what: 'apy', before: '0.1', after: '0.1', changed: false }]);
  });

  it('an early-redemption quote: the amount back and the term rate, old → new', () => {
    const before = { redeemSz: '0.0496', redeemCcy: 'BTC', termRate: '-0.80' };
    assert.deepEqual(redeemQuoteChanges(before, { redeemSz: '0.04965', redeemCcy: 'BTC', termRate: '-0.70' }), [
      { what: 'redeemSz', before: '0.0496', after: '0.04965', ccy: 'BTC', changed: true },
      { what: 'termRate', before: '-0.80', after: '-0.70', changed: true },
    ]);
    assert.equal(anyChanged(redeemQuoteChanges(before, { ...before, termRate: '-0.8' })), false);
    assert.equal(anyChanged(redeemQuoteChanges(before, { ...before, redeemCcy: 'USDT' })), true, 'another currency is a change');
    assert.ok(isSignedDecimal('-0.50') && isSignedDecimal('0') && !isSignedDecimal('--1') && !isSignedDecimal('-.5'));
  });
});
