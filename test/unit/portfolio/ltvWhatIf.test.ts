import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { ALL_COLLATERAL, parseDrop, priceAtLtv, priceDecimals, roundUp, whatIf, whatIfLevel, type WhatIfOrder } from '../../../src/portfolio/ltvWhatIf';

/** 1 BTC at 60,000 and 10 ETH at 3,000: 90,000 USD of collateral against 59,400 USD borrowed (LTV 66 %). */
const order: WhatIfOrder = {
  loanUsd: '59400',
  collateralUsd: '90000',
  marginCallLTV: '0.7',
  liqLTV: '0.8',
  warnDistance: '0.1',
  collateral: [
    { ccy: 'BTC', amt: '1', price: '60000' },
    { ccy: 'ETH', amt: '10', price: '3000' },
    { ccy: 'SOL', amt: '5', price: undefined },
  ],
};

describe('portfolio/ltvWhatIf', () => {
  it('levels: safe, near margin call within the warning distance, margin call, liquidated (boundaries included)', () => {
    const cases: [string, string][] = [
      ['0', 'safe'], ['0.5999', 'safe'], ['0.6', 'warning'], ['0.6999', 'warning'], ['0.7', 'marginCall'],
      ['0.7007', 'marginCall'], ['0.7999', 'marginCall'], ['0.8', 'liquidation'], ['1.2', 'liquidation'],
    ];
    for (const [ltv, level] of cases) assert.equal(whatIfLevel(ltv, order), level, ltv);
    assert.equal(whatIfLevel('0.68', { ...order, warnDistance: '0.01' }), 'safe', 'a narrower warning band');
  });

  it('one collateral falling: debt / (collateral − its value × the fall), and the level that lands in', () => {
    // BTC −10 %: 59,400 / 84,000 = 0.70714… → 70.71 % (4 places, down, as OKX), past margin call, 9.28 points from liquidation.
    assert.deepEqual(whatIf(order, 'BTC', '10'), { kind: 'ltv', ltv: '0.7071', level: 'marginCall', pointsToMarginCall: '-0.71', pointsToLiquidation: '9.28' });
    // BTC −50 %: 59,400 / 60,000 = 0.99: liquidated, not "−19 points from liquidation".
    const half = whatIf(order, 'BTC', '50');
    assert.equal(half.kind === 'ltv' && half.level, 'liquidation');
    assert.equal(half.kind === 'ltv' && half.ltv, '0.99');
    // ETH −5 %: 59,400 / 88,500 = 0.67118… → near margin call.
    assert.deepEqual(whatIf(order, 'ETH', '5'), { kind: 'ltv', ltv: '0.6711', level: 'warning', pointsToMarginCall: '2.88', pointsToLiquidation: '12.88' });
    // No fall at all: today's LTV.
    assert.deepEqual(whatIf(order, 'BTC', '0'), { kind: 'ltv', ltv: '0.66', level: 'warning', pointsToMarginCall: '4.00', pointsToLiquidation: '14.00' });
    assert.equal(whatIf({ ...order, loanUsd: '45000' }, 'ETH', '1').kind === 'ltv' && (whatIf({ ...order, loanUsd: '45000' }, 'ETH', '1') as { level: string }).level, 'safe');
  });

  it('every collateral falling by X %: LTV / (1 − X)', () => {
    // 0.66 / 0.9 = 0.7333…
    assert.deepEqual(whatIf(order, ALL_COLLATERAL, '10'), { kind: 'ltv', ltv: '0.7333', level: 'marginCall', pointsToMarginCall: '-3.33', pointsToLiquidation: '6.66' });
    // 0.66 / 0.8 = 0.825: liquidated.
    const r = whatIf(order, ALL_COLLATERAL, '20');
    assert.equal(r.kind === 'ltv' && r.level, 'liquidation');
    assert.equal(r.kind === 'ltv' && r.ltv, '0.825');
    // A currency without a price does not stop the all-collateral what-if (it uses the order's own total).
    assert.equal(whatIf(order, ALL_COLLATERAL, '99.9').kind, 'ltv');
  });

  it('bad input is said, not computed: empty, not a number, negative, 100 or more', () => {
    for (const [text, problem] of [['', 'empty'], ['  ', 'empty'], ['abc', 'notNumber'], ['1e2', 'notNumber'], ['10%', 'notNumber'], ['1,5', 'notNumber'], ['-10', 'negative'], ['-0.5', 'negative'], ['100', 'tooLarge'], ['150', 'tooLarge'], ['100.0', 'tooLarge']] as const) {
      assert.deepEqual(parseDrop(text), { ok: false, problem }, JSON.stringify(text));
      assert.deepEqual(whatIf(order, 'BTC', text), { kind: 'invalid', problem }, JSON.stringify(text));
    }
    for (const [text, drop] of [['0', '0'], ['10', '10'], [' 12.5 ', '12.5'], ['99.99', '99.99'], ['.5', '0.5'], ['5.', '5'], ['007', '7']] as const) {
      assert.deepEqual(parseDrop(text), { ok: true, drop }, JSON.stringify(text));
    }
  });

  it('a currency without a price says so; a fall that leaves no collateral value is liquidation', () => {
    assert.deepEqual(whatIf(order, 'SOL', '10'), { kind: 'noPrice' });
    assert.deepEqual(whatIf(order, 'DOGE', '10'), { kind: 'noPrice' });
    // OKX's total (rounded) below one currency's own value: nothing left before 100 %.
    const one: WhatIfOrder = { ...order, collateralUsd: '59999', collateral: [{ ccy: 'BTC', amt: '1', price: '60000' }] };
    assert.deepEqual(whatIf(one, 'BTC', '99.999'), { kind: 'nothingLeft', level: 'liquidation' });
  });

  it('the price of one collateral at which the order reaches margin call and liquidation (others unchanged)', () => {
    // Margin call: 59,400 / 0.7 = 84,857.142857…; minus ETH's 30,000 = 54,857.142857… for 1 BTC (shown rounded up).
    assert.deepEqual(priceAtLtv(order, '1', '60000', '0.7', 2), { kind: 'price', price: '54857.15', dropPercent: '8.57' });
    // A cent above the true price the LTV is just short of 70 %; a cent lower it is past it.
    const ltvAt = (btc: string): string => D.div(order.loanUsd, D.add('30000', btc), 30);
    assert.ok(D.lt(ltvAt('54857.15'), '0.7') && D.gt(ltvAt('54857.15'), '0.69999'));
    assert.ok(D.gte(ltvAt('54857.14'), '0.7'));
    // Liquidation: 59,400 / 0.8 = 74,250; minus 30,000 = 44,250 per BTC.
    assert.deepEqual(priceAtLtv(order, '1', '60000', '0.8', 2), { kind: 'price', price: '44250', dropPercent: '26.25' });
    // ETH: (74,250 − 60,000) / 10 = 1,425.
    assert.deepEqual(priceAtLtv(order, '10', '3000', '0.8', 2), { kind: 'price', price: '1425', dropPercent: '52.5' });
    // At that price the what-if lands exactly on the level.
    const at = whatIf(order, 'ETH', '52.5');
    assert.equal(at.kind === 'ltv' && at.level, 'liquidation');
    // Just short of it: 59,400 / 74,253 = 0.79996…, still margin call (judged on the exact figure, shown as 79.99 %).
    const justAbove = whatIf(order, 'ETH', '52.49');
    assert.equal(justAbove.kind === 'ltv' && justAbove.level, 'marginCall');
    assert.equal(justAbove.kind === 'ltv' && justAbove.ltv, '0.7999');
  });

  it('no price of one collateral alone reaches the level when the others cover it; a level already passed is said', () => {
    // A small loan: BTC could go to zero and ETH alone keeps the LTV under 80 % (20,000 / 30,000 = 0.67).
    assert.deepEqual(priceAtLtv({ loanUsd: '20000', collateralUsd: '90000' }, '1', '60000', '0.8', 2), { kind: 'none' });
    // Exactly covered: needed value 0 → none (≤ 0).
    assert.deepEqual(priceAtLtv({ loanUsd: '24000', collateralUsd: '90000' }, '1', '60000', '0.8', 2), { kind: 'none' });
    // Already past margin call (LTV 0.75): the margin-call price is above today's.
    assert.deepEqual(priceAtLtv({ loanUsd: '67500', collateralUsd: '90000' }, '1', '60000', '0.7', 2), { kind: 'already', price: '66428.58' });
    assert.deepEqual(priceAtLtv(order, '0', '60000', '0.8', 2), { kind: 'none' });
    assert.deepEqual(priceAtLtv(order, '1', 'n/a', '0.8', 2), { kind: 'none' });
  });

  it('rounds a price up (never shows a threshold below the true one: it errs towards warning early)', () => {
    assert.equal(roundUp('0.70714285', 4), '0.7072');
    assert.equal(roundUp('54857.142857', 2), '54857.15');
    assert.equal(roundUp('0.7', 4), '0.7');
    assert.equal(roundUp('1.2', 0), '2');
    assert.equal(priceDecimals('60000'), 2);
    assert.equal(priceDecimals('1.5'), 4);
    assert.equal(priceDecimals('0.25'), 8);
  });
});
