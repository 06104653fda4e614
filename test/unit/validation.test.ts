import * as assert from 'node:assert/strict';
import { checkAmount, checkRatePercent, decimalsFor, downToStep, onStep, orderTag } from '../../src/validation';
import { fillTemplate } from '../../src/okx/errors';

const problemOf = (result: ReturnType<typeof checkAmount>): string => (result.ok ? '' : fillTemplate(result.problem.template, result.problem.args));

describe('validation: nothing is sent until the input is right', () => {
  const rules = { ccy: 'BTC', min: '0.001', max: '10', available: '2.5', availableWhere: 'in your funding account' };

  it('accepts plain positive decimals within the rules, exactly as typed', () => {
    for (const good of ['0.001', '1', '2.5', '0.12345678', ' 1.5 ', '2.50000000']) {
      const result = checkAmount(good, rules);
      assert.ok(result.ok, `${good}: ${problemOf(result)}`);
      assert.equal(result.value, good.trim());
    }
  });

  const bad: [string, RegExp][] = [
    ['', /Enter an amount of BTC/],
    ['   ', /Enter an amount of BTC/],
    ['0', /more than zero/],
    ['0.00000000', /more than zero/],
    ['-1', /more than zero/],
    ['1e-3', /without an exponent/],
    ['1E2', /without an exponent/],
    ['1,000', /without thousands separators/],
    ['1 000', /without thousands separators/],
    ['1_000', /without thousands separators/],
    ["1'000", /without thousands separators/],
    ['+1', /is not an amount/],
    ['.5', /is not an amount/],
    ['5.', /is not an amount/],
    ['01.5', /is not an amount/],
    ['1.2.3', /is not an amount/],
    ['0x10', /is not an amount/],
    ['NaN', /is not an amount/],
    ['Infinity', /is not an amount/],
    ['１', /is not an amount/],
    ['½', /is not an amount/],
    ['1.123456789', /at most 8 decimal places/],
    ['0.0009', /minimum is 0.001 BTC/],
    ['10.1', /maximum is 10 BTC/],
    ['3', /more than the 2.5 BTC available in your funding account/],
  ];
  for (const [input, message] of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      const result = checkAmount(input, rules);
      assert.equal(result.ok, false);
      assert.match(problemOf(result), message);
    });
  }

  it('uses each currency\'s precision', () => {
    assert.equal(decimalsFor('USDT'), 6);
    assert.equal(decimalsFor('BTC'), 8);
    assert.match(problemOf(checkAmount('1.1234567', { ccy: 'USDT' })), /at most 6 decimal places/);
    assert.ok(checkAmount('1.123456', { ccy: 'USDT' }).ok);
  });

  it("refuses an amount off the product's step (a Dual Investment stepSz), after the minimum and maximum", () => {
    const stepped = { ccy: 'BTC', min: '0.001', max: '100', step: '0.001' };
    for (const good of ['0.001', '0.05', '1', '1.000', '99.999', '100']) assert.ok(checkAmount(good, stepped).ok, good);
    for (const off of ['0.0015', '1.0001', '0.05000001']) assert.match(problemOf(checkAmount(off, stepped)), /multiple of 0\.001 BTC/, off);
    assert.match(problemOf(checkAmount('0.0005', stepped)), /minimum is 0\.001 BTC/, 'below the minimum says so first');
    assert.match(problemOf(checkAmount('15', { ccy: 'USDT', step: '10' })), /multiple of 10 USDT/);
    assert.ok(checkAmount('30', { ccy: 'USDT', step: '10' }).ok);
    assert.ok(checkAmount('1.5', { ccy: 'USDT', step: '0' }).ok, 'a step of 0 is no step');
    assert.ok(checkAmount('1.5', { ccy: 'USDT', step: '' }).ok, 'nor is an empty one');
    assert.ok(onStep('0.75', '0.25') && !onStep('0.8', '0.25') && onStep('7', undefined));
    assert.equal(downToStep('2.4567', '0.01'), '2.45');
    assert.equal(downToStep('157', '5'), '155');
    assert.equal(downToStep('2.4567', undefined), '2.4567');
  });

  it('names amounts with thousands separators (issue 25): "more than the 25,000 USDT available", the input as typed', () => {
    const funding = { ccy: 'USDT', available: '25000', availableWhere: 'in your funding account' };
    assert.equal(problemOf(checkAmount('25000.5', funding)), 'That is more than the 25,000 USDT available in your funding account.');
    assert.equal(problemOf(checkAmount('5', { ccy: 'USDT', min: '10000' })), 'The minimum is 10,000 USDT.');
    assert.equal(problemOf(checkAmount('2000000', { ccy: 'USDT', max: '1000000.5' })), 'The maximum is 1,000,000.5 USDT.');
    assert.equal(problemOf(checkAmount('1500', { ccy: 'USDT', step: '1000' })), 'The amount must be a multiple of 1,000 USDT.');
    assert.equal(problemOf(checkAmount('12000', { ccy: 'USDC', owed: '11804.5' })), 'That is more than the 11,804.5 USDC this loan order owes.');
    // A locale's own separators, as the prompts pass them.
    assert.equal(problemOf(checkAmount('25000.5', funding, (v) => v.replace('25000', '25.000'))), 'That is more than the 25.000 USDT available in your funding account.');
  });

  it('takes the whole of a balance or debt exactly, whatever its places (issue 25: "max" leaves no dust); anything else in the currency\'s places', () => {
    const savings = { ccy: 'USDT', available: '13004.21873311', whole: '13004.21873311' };
    assert.ok(checkAmount('13004.21873311', savings).ok);
    assert.ok(checkAmount('13004.218733110', savings).ok, 'the same amount, a trailing zero more');
    assert.match(problemOf(checkAmount('13004.2187331', savings)), /USDT amounts have at most 6 decimal places/);
    assert.ok(checkAmount('13004.218733', savings).ok);
  });

  it('treats a maximum of "0" or "" as no maximum', () => {
    assert.ok(checkAmount('1000000', { ccy: 'DOT', max: '0' }).ok);
    assert.ok(checkAmount('1000000', { ccy: 'DOT', max: '' }).ok);
  });

  it('survives fuzzed input without throwing, and accepts only plain decimals', () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = '0123456789.,-+eE _x%$€\u00a0\u200b١٢abc';
    for (let i = 0; i < 2000; i++) {
      const length = Math.floor(random() * 12);
      let input = '';
      for (let j = 0; j < length; j++) input += alphabet[Math.floor(random() * alphabet.length)];
      const result = checkAmount(input, { ccy: 'ETH' });
      if (result.ok) assert.match(result.value, /^(0|[1-9]\d*)(\.\d{1,8})?$/, JSON.stringify(input));
    }
  });

  it('reads lending rates in percent and sends them as exact fractions from 1% to 365%', () => {
    const cases: [string, string][] = [['1', '0.01'], ['5', '0.05'], ['12.5', '0.125'], ['365', '3.65'], ['7.25%', '0.0725'], [' 3 ', '0.03']];
    for (const [input, fraction] of cases) {
      const result = checkRatePercent(input);
      assert.ok(result.ok, input);
      assert.equal(result.value, fraction);
    }
    for (const [input, message] of [['0.99', /from 1% to 365%/], ['365.01', /from 1% to 365%/], ['', /Enter a rate/], ['5.125', /two decimal places/], ['abc', /is not a rate/], ['1e1', /is not a rate/], ['-5', /is not a rate/]] as [string, RegExp][]) {
      const result = checkRatePercent(input);
      assert.equal(result.ok, false, input);
      assert.match(result.ok ? '' : fillTemplate(result.problem.template, result.problem.args), message);
    }
  });

  it('makes order tags OKX accepts: 16 letters and digits, different each time', () => {
    const tags = new Set(Array.from({ length: 100 }, () => orderTag()));
    assert.equal(tags.size, 100);
    for (const tag of tags) assert.match(tag, /^[A-Za-z0-9]{16}$/);
  });
});
