import * as assert from 'node:assert/strict';
import { dualOutcomes, optTypeOfProductId, type DualTerms } from '../../../src/portfolio/dualPayoff';

const call: DualTerms = { baseCcy: 'BTC', quoteCcy: 'USDT', strike: '95500', notionalSz: '0.05', notionalCcy: 'BTC', absYield: '0.0026' };
const put: DualTerms = { baseCcy: 'BTC', quoteCcy: 'USDT', strike: '90000', notionalSz: '1000', notionalCcy: 'USDT', absYield: '0.0025' };

describe('portfolio/dualPayoff: what a Dual Investment order pays at expiry, either way, in amounts', () => {
  it('sell high (a call): the base invested; at or above the strike paid in the quote currency at the strike, below in the base', () => {
    const o = dualOutcomes(call);
    assert.ok(o);
    assert.equal(o.direction, 'sellHigh');
    assert.deepEqual(o.yield, { ccy: 'BTC', amt: '0.00013' });
    assert.deepEqual(o.total, { ccy: 'BTC', amt: '0.05013' });
    // 0.05013 × 95 500 = 4 787.415
    assert.deepEqual(o.above, { ccy: 'USDT', amt: '4787.415' });
    assert.deepEqual(o.below, { ccy: 'BTC', amt: '0.05013' });
  });

  it('buy low (a put): the quote invested; at or below the strike paid in the base at the strike, above in the quote', () => {
    const o = dualOutcomes(put);
    assert.ok(o);
    assert.equal(o.direction, 'buyLow');
    assert.deepEqual(o.yield, { ccy: 'USDT', amt: '2.5' });
    assert.deepEqual(o.above, { ccy: 'USDT', amt: '1002.5' });
    // 1 002.5 / 90 000 = 0.011138888…, rounded down to 8 places
    assert.deepEqual(o.below, { ccy: 'BTC', amt: '0.01113888' });
  });

  it('the strike itself: struck for both (a call sells at it, a put buys at it)', () => {
    assert.equal(dualOutcomes(call)?.atStrike, 'above');
    assert.equal(dualOutcomes(put)?.atStrike, 'below');
  });

  it('rounds down, to 8 places, never up: the yield, the conversion and the division', () => {
    // 0.123456789 × 0.00333333 = 0.000411522…: the yield is cut at 8 places, and so is every amount paid.
    const o = dualOutcomes({ ...call, notionalSz: '0.123456789', absYield: '0.00333333', strike: '3' });
    assert.ok(o);
    assert.equal(o.yield.amt, '0.00041152');
    assert.equal(o.total.amt, '0.123868309');
    assert.equal(o.above.amt, '0.37160492', '0.371604927 cut, not rounded to …93');
    const p = dualOutcomes({ ...put, notionalSz: '10', absYield: '0', strike: '3' });
    assert.equal(p?.below.amt, '3.33333333', '10 / 3 cut, not rounded up');
    const q = dualOutcomes({ ...put, notionalSz: '20', absYield: '0', strike: '3' });
    assert.equal(q?.below.amt, '6.66666666', '20 / 3 cut, not rounded to …67');
  });

  it('a zero yield pays exactly the principal, converted or not', () => {
    const o = dualOutcomes({ ...call, absYield: '0' });
    assert.deepEqual(o?.yield, { ccy: 'BTC', amt: '0' });
    assert.equal(o?.below.amt, '0.05');
    assert.equal(o?.above.amt, '4775');
  });

  it('nothing for a currency that is neither of the pair, nor for figures that are not plain decimals', () => {
    assert.equal(dualOutcomes({ ...call, notionalCcy: 'ETH' }), undefined);
    assert.equal(dualOutcomes({ ...call, notionalCcy: 'btc' }), undefined, 'currencies compared exactly');
    assert.equal(dualOutcomes({ ...call, strike: '0' }), undefined);
    assert.equal(dualOutcomes({ ...call, strike: '' }), undefined);
    assert.equal(dualOutcomes({ ...call, absYield: '69.65%' }), undefined);
    assert.equal(dualOutcomes({ ...call, notionalSz: '1e3' }), undefined);
  });

  it('reads the direction of a product id', () => {
    assert.equal(optTypeOfProductId('BTC-USDT-260105-95500-C'), 'C');
    assert.equal(optTypeOfProductId('BTC-USDT-260327-54500-P'), 'P');
    assert.equal(optTypeOfProductId('BTC-USDT-260327-54500'), undefined);
  });
});
