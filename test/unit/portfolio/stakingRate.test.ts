import * as assert from 'node:assert/strict';
import { stakingRateFraction } from '../../../src/portfolio/stakingRate';

describe("portfolio/stakingRate: the unit of product-info's rate, settled against apy-history", () => {
  it('reads the documented examples ("2.23", "5.57") as percent next to fractions from apy-history', () => {
    assert.equal(stakingRateFraction('2.23', '0.0269'), '0.0223');
    assert.equal(stakingRateFraction('5.57', '0.0812'), '0.0557');
  });

  it('reads a fraction as a fraction when apy-history says so (no one ever reads 223 %)', () => {
    assert.equal(stakingRateFraction('0.0223', '0.0269'), '0.0223');
    assert.equal(stakingRateFraction('0.5', '0.45'), '0.5', 'a 50 % APY next to 45 %');
    assert.equal(stakingRateFraction('0.5', '0.006'), '0.005', 'half a percent next to 0.6 %');
  });

  it('without an apy-history value, or with nonsense, it is not used at all', () => {
    assert.equal(stakingRateFraction('2.23', undefined), undefined);
    assert.equal(stakingRateFraction(undefined, '0.02'), undefined);
    assert.equal(stakingRateFraction('', '0.02'), undefined);
    assert.equal(stakingRateFraction('abc', '0.02'), undefined);
    assert.equal(stakingRateFraction('0', '0.02'), undefined);
    assert.equal(stakingRateFraction('2.23', '0'), undefined);
  });
});
