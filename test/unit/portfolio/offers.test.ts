import * as assert from 'node:assert/strict';
import type * as T from '../../../src/okx/types';
import { offerBuyableNow, offerHasNoRoom } from '../../../src/portfolio/offers';

const offer = (state: string, investData: T.Offer['investData']): Pick<T.Offer, 'state' | 'investData'> => ({ state, investData });

/** Issue 25, item 21: an offer nobody can buy. */
describe('portfolio/offers: whether an on-chain earn offer can be subscribed now', () => {
  it('OKX\'s own example, "2 DOT to 0 DOT" and purchasable, has no room: it cannot be bought now', () => {
    const dot = offer('purchasable', [{ ccy: 'DOT', bal: '500', minAmt: '2', maxAmt: '0' }]);
    assert.equal(offerHasNoRoom(dot), true);
    assert.equal(offerBuyableNow(dot), false);
  });

  it('room for at least the minimum, in every currency, and purchasable: it can', () => {
    assert.equal(offerBuyableNow(offer('purchasable', [{ ccy: 'USDT', bal: '0', minAmt: '1', maxAmt: '1' }])), true, 'exactly the minimum fits');
    assert.equal(offerBuyableNow(offer('purchasable', [{ ccy: 'USDT', bal: '0', minAmt: '1', maxAmt: '100' }, { ccy: 'USDC', bal: '0', minAmt: '10', maxAmt: '9.99' }])), false, 'one currency without room is enough');
    assert.equal(offerBuyableNow(offer('sold_out', [{ ccy: 'ATOM', bal: '0', minAmt: '1', maxAmt: '100' }])), false);
  });

  it('limits that are not numbers say nothing about room (the state decides)', () => {
    assert.equal(offerHasNoRoom(offer('purchasable', [{ ccy: 'DOT', bal: '', minAmt: '', maxAmt: '' }])), false);
  });
});
