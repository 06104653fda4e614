import * as assert from 'node:assert/strict';
import Big from 'big.js';
import * as D from '../../src/decimal';

describe('decimal: money is text', () => {
  it('adds and compares in base 10: no 0.30000000000000004', () => {
    assert.equal(D.add('0.1', '0.2'), '0.3');
    assert.equal(D.sub('1', '0.9'), '0.1');
    assert.equal(D.mul('1.1', '1.1'), '1.21');
    assert.equal(D.cmp('0.3', D.add('0.1', '0.2')), 0);
    assert.equal(D.sum(['0.1', '0.1', '0.1']), '0.3');
  });

  it('keeps every digit of large and tiny amounts, and never writes an exponent', () => {
    assert.equal(D.add('123456789012345678.123456789', '0.000000001'), '123456789012345678.12345679');
    assert.equal(D.div('1', '100000000', 8), '0.00000001');
    assert.equal(D.mul('0.00000001', '0.00000001'), '0.0000000000000001');
    assert.equal(D.trim('1.2300'), '1.23');
    assert.equal(D.trim('5.000'), '5');
  });

  it('rounds down, never up, where it rounds', () => {
    assert.equal(D.div('2', '3', 8), '0.66666666');
    assert.equal(D.roundDown('1.999999999', 8), '1.99999999');
    assert.equal(D.toFixedDown('1.5', 8), '1.50000000');
    assert.equal(D.roundDown('-1.55', 1), '-1.5');
  });

  it('divides to the places asked, digit for digit what dividing to 30 places and then rounding down gives', () => {
    const thirty = Big();
    thirty.DP = 30;
    thirty.RM = Big.roundDown;
    thirty.NE = -60;
    thirty.PE = 60;
    const operands = ['1', '3', '7', '0.85', '0.04512345', '123456789012345678.123456789', '0.00000001', '-2.5', '98765.4321', '1000000'];
    for (const a of operands) {
      for (const b of operands) {
        for (const dp of [0, 2, 4, 8, 12, 18, 30, 40]) {
          const expected = new thirty(a).div(b).round(dp, Big.roundDown).toString();
          assert.equal(D.div(a, b, dp), expected, `${a} / ${b} to ${dp} places`);
        }
      }
    }
    assert.equal(D.div('1', '3'), '0.333333333333333333', '18 places unless told');
    assert.throws(() => D.div('1', '0', 8), /Division by zero/);
    assert.throws(() => D.div('1', '1e3', 8), /Not a decimal/);
  });

  it('accepts only plain non-negative decimals', () => {
    for (const good of ['0', '1', '10', '0.5', '1.000', '123456789.123456789']) {
      assert.equal(D.isPlainDecimal(good), true, good);
    }
    for (const bad of ['', ' 1', '1 ', '01', '1.', '.5', '-1', '+1', '1e3', '1E-3', '1,000', '1_000', '0x10', 'NaN', 'Infinity', '１', '1.2.3', '٣']) {
      assert.equal(D.isPlainDecimal(bad), false, JSON.stringify(bad));
    }
  });

  it('refuses to compute with text that is not a decimal', () => {
    assert.throws(() => D.add('1e3', '1'), /Not a decimal/);
    assert.throws(() => D.cmp('abc', '1'), /Not a decimal/);
  });

  it('counts written decimal places', () => {
    assert.equal(D.decimalPlaces('1'), 0);
    assert.equal(D.decimalPlaces('1.230'), 3);
  });
});
