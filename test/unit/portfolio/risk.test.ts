import * as assert from 'node:assert/strict';
import type { LoanInfo } from '../../../src/okx/types';
import { LtvCrossingWatch, byRisk, loanKey, ltvAfter, ltvLevel, orderParam, riskiestLoan } from '../../../src/portfolio/risk';

function loan(curLTV: string, ccy = 'USDT', marginCallLTV = '0.7', liqLTV = '0.8', ordId = `order-${ccy}`): LoanInfo {
  return {
    ordId, loanNotionalUsd: '1', loanData: [{ ccy, amt: '1' }], collateralNotionalUsd: '2', collateralData: [{ ccy: 'BTC', amt: '1' }],
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

  it('picks the riskiest loan order: worst level first, then least headroom to margin call', () => {
    assert.equal(riskiestLoan([], '0.1'), undefined);
    const loans = [loan('0.5', 'USDT'), loan('0.62', 'USDC'), loan('0.65', 'DAI', '0.9', '0.95')];
    const riskiest = riskiestLoan(loans, '0.1');
    assert.equal(riskiest?.loan.ordId, 'order-USDC');
    assert.equal(riskiest?.level, 'warning');
    assert.equal(riskiestLoan([loan('0.69', 'A'), loan('0.81', 'B')], '0.1')?.loan.loanData[0]?.ccy, 'B');
    assert.deepEqual(byRisk(loans, '0.1').map((r) => r.loan.ordId), ['order-USDC', 'order-USDT', 'order-DAI'], 'USDT is 20 points from margin call, DAI 25');
  });

  it('two orders in the same currency are two orders: the riskier one is watched, each known by its ordId', () => {
    const first = loan('0.55', 'USDT', '0.7', '0.8', '680000000000000001');
    const second = loan('0.68', 'USDT', '0.7', '0.8', '680000000000000002');
    assert.notEqual(loanKey(first), loanKey(second));
    assert.equal(riskiestLoan([first, second], '0.1')?.loan.ordId, '680000000000000002');
    assert.deepEqual(orderParam(second), { ordId: '680000000000000002' });
  });

  it('an answer without an ordId (a server before loan orders) is the one loan, named by its currencies; no ordId is sent for it', () => {
    const old = { ...loan('0.5'), ordId: '' };
    assert.equal(loanKey(old), 'ccy:USDT');
    assert.deepEqual(orderParam(old), {});
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

  it('tracks several loan orders apart, by their ordId, even in the same currency', () => {
    const watch = new LtvCrossingWatch();
    watch.update([loan('0.5', 'USDT', '0.7', '0.8', 'A'), loan('0.5', 'USDT', '0.7', '0.8', 'B')], '0.1');
    const crossed = watch.update([loan('0.5', 'USDT', '0.7', '0.8', 'A'), loan('0.71', 'USDT', '0.7', '0.8', 'B')], '0.1');
    assert.deepEqual(crossed.map((c) => c.loan.ordId), ['B']);
    assert.deepEqual(watch.update([loan('0.62', 'USDT', '0.7', '0.8', 'A'), loan('0.72', 'USDT', '0.7', '0.8', 'B')], '0.1').map((c) => [c.loan.ordId, c.level]), [['A', 'warning']]);
  });

  it('computes the LTV a collateral change leads to', () => {
    const figures = { loanNotionalUsd: '6600', collateralNotionalUsd: '10000' };
    assert.equal(ltvAfter(figures, '0.05', '20000', 1), '0.6');
    assert.equal(ltvAfter(figures, '0.05', '20000', -1), '0.7333');
    assert.equal(ltvAfter(figures, '0.5', '20000', -1), undefined, 'no collateral left');
  });
});
