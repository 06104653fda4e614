import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { maxOf } from '../../../src/commands/prompts';

describe('maxOf: what "max" fills in, and what bounds it (issue 25)', () => {
  it('the whole balance exactly, not rounded to the currency\'s places', () => {
    assert.deepEqual(maxOf({ ccy: 'USDT', available: '13004.21873311', whole: '13004.21873311' }), { value: '13004.21873311', bound: 'available', rounded: false });
    // Without `whole`, to USDT's six places: the dust the issue saw, and said to be rounded.
    assert.deepEqual(maxOf({ ccy: 'USDT', available: '13004.21873311' }), { value: '13004.218733', bound: 'available', rounded: true });
  });

  it('names the bound: what is owed before what is available on a tie, a further limit when it is the least', () => {
    assert.deepEqual(maxOf({ ccy: 'USDC', owed: '50', available: '50', whole: '50' }), { value: '50', bound: 'owed', rounded: false });
    assert.deepEqual(maxOf({ ccy: 'USDC', owed: '50', available: '20' }), { value: '20', bound: 'available', rounded: false });
    assert.deepEqual(maxOf({ ccy: 'OKUSD', decimals: 8 }, '10000'), { value: '10000', bound: 'limit', rounded: false });
    assert.deepEqual(maxOf({ ccy: 'BTC', available: '0.7512', max: '10', step: '0.01' }), { value: '0.75', bound: 'available', rounded: true });
    assert.deepEqual(maxOf({ ccy: 'BTC', available: '20', max: '10', step: '0.01' }), { value: '10', bound: 'max', rounded: false });
    assert.equal(maxOf({ ccy: 'BTC' }), undefined);
    assert.equal(maxOf({ ccy: 'USDT', available: '0.0000001' }), undefined);
  });
});
