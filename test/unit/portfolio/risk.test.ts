import * as assert from 'node:assert/strict';
import type { LoanInfo } from '../../../src/okx/types';
import { LtvCrossingWatch, ltvAfter, ltvLevel, riskiestLoan } from '../../../src/portfolio/risk';

function loan(curLTV: string, ccy = 'USDT', marginCallLTV = '0.7', liqLTV = '0.8'): LoanInfo {
  return {
    loanNotionalUsd: '1', loanData: [{ ccy, amt: '1' }], collateralNotionalUsd: '2', collateralData: [{ ccy: 'BTC', amt: '1' }],
    riskWarningData: { instId: '', liqPx: '' }, curLTV, marginCallLTV, liqLTV,
  };
}

describe('portfolio/risk', () => {
  it('levels: safe, warning within the distance, margin call at it, liquidation at liqLTV (boundaries included)', () => {
    const cases: [string, string, string][] = [
      ['0.5', '0.1', 'safe'],
      ['0.5999', '0.1', 'safe'],
      ['0.6', '0.1', 'warning'],
      ['0.6999', '0.1', 'warning'],
      ['0.7', '0.1', 'marginCall'],
      ['0.7999', '0.1', 'marginCall'],
      ['0.8', '0.1', 'liquidation'],
      ['0.95', '0.1', 'liquidation'],
      ['0.66', '0.03', 'safe'],
      ['0.67', '0.03', 'warning'],
      ['0.69', '0', 'safe'],
    ];
    for (const [cur, distance, expected] of cases) assert.equal(ltvLevel(loan(cur), distance), expected, `${cur} with ${distance}`);
  });

  it('compares as decimals, not floats: 0.1 + 0.2 style values land on the right side', () => {
    // 0.7 - 0.1 is 0.6 exactly here; in floating point it is 0.59999999999999998.
    assert.equal(ltvLevel(loan('0.6'), '0.1'), 'warning');
  });

  it('treats figures that are not decimals (OKX sends "" sometimes) as nothing to warn about', () => {
    assert.equal(ltvLevel(loan(''), '0.1'), 'safe');
  });

  it('picks the riskiest loan: worst level first, then least headroom to margin call', () => {
    assert.equal(riskiestLoan([], '0.1'), undefined);
    const loans = [loan('0.5', 'USDT'), loan('0.62', 'USDC'), loan('0.65', 'DAI', '0.9', '0.95')];
    const riskiest = riskiestLoan(loans, '0.1');
    assert.equal(riskiest?.index, 1);
    assert.equal(riskiest?.level, 'warning');
    assert.equal(riskiestLoan([loan('0.69', 'A'), loan('0.81', 'B')], '0.1')?.loan.loanData[0]?.ccy, 'B');
  });

  it('says once when a loan crosses into a worse level, never on the first reading or on every poll', () => {
    const watch = new LtvCrossingWatch();
    assert.deepEqual(watch.update([loan('0.65')], '0.1'), [], 'first reading: a baseline');
    assert.deepEqual(watch.update([loan('0.65')], '0.1'), []);
    assert.deepEqual(watch.update([loan('0.5')], '0.1'), [], 'better is not news');
    assert.deepEqual(watch.update([loan('0.62')], '0.1').map((c) => c.level), ['warning']);
    assert.deepEqual(watch.update([loan('0.64')], '0.1'), [], 'still warning: no second notification');
    assert.deepEqual(watch.update([loan('0.72')], '0.1').map((c) => c.level), ['marginCall']);
    assert.deepEqual(watch.update([loan('0.73')], '0.1'), []);
    assert.deepEqual(watch.update([loan('0.85')], '0.1').map((c) => c.level), ['liquidation']);
    assert.deepEqual(watch.update([loan('0.5')], '0.1'), []);
    assert.deepEqual(watch.update([loan('0.75')], '0.1').map((c) => c.level), ['marginCall'], 'a new crossing after recovery');
  });

  it('tracks several loans apart, by their currencies', () => {
    const watch = new LtvCrossingWatch();
    watch.update([loan('0.5', 'USDT'), loan('0.5', 'USDC')], '0.1');
    assert.deepEqual(watch.update([loan('0.5', 'USDT'), loan('0.71', 'USDC')], '0.1').map((c) => c.index), [1]);
  });

  it('computes the LTV a collateral change leads to', () => {
    const figures = { loanNotionalUsd: '6600', collateralNotionalUsd: '10000' };
    assert.equal(ltvAfter(figures, '0.05', '20000', 1), '0.6');
    assert.equal(ltvAfter(figures, '0.05', '20000', -1), '0.7333');
    assert.equal(ltvAfter(figures, '0.5', '20000', -1), undefined, 'no collateral left');
  });
});
