import * as assert from 'node:assert/strict';
import { displayDecimals, formatAmount, formatCcyAmount, formatDisplayAmount, formatFeeRate, formatFixed, formatLtv, formatPercent, formatPercentFixed, formatPrice, formatShare, numberSymbols } from '../../../src/portfolio/format';
import { requestLogLine } from '../../../src/portfolio/requestLog';
import { OkxError } from '../../../src/okx/errors';

describe('portfolio/format: amounts exactly as OKX sent them, trimmed and grouped', () => {
  it('groups thousands and trims trailing zeros, keeping every significant digit', () => {
    assert.equal(formatAmount('12004.21873311000'), '12,004.21873311');
    assert.equal(formatAmount('0.00000001'), '0.00000001');
    assert.equal(formatAmount('1234567890123456789.123456789'), '1,234,567,890,123,456,789.123456789');
    assert.equal(formatAmount('5.000'), '5');
    assert.equal(formatAmount('-0.001'), '-0.001');
    assert.equal(formatAmount('100'), '100');
  });

  it('shows text that is not a decimal as it came, rather than NaN', () => {
    assert.equal(formatAmount(''), '');
    assert.equal(formatAmount('n/a'), 'n/a');
  });

  it('uses the locale\'s separators', () => {
    const de = numberSymbols('de-DE');
    assert.equal(formatAmount('12004.5', de), '12.004,5');
    assert.equal(formatFixed('66619.10543064', 2, de), '66.619,10');
  });

  it('formats percentages from fractions without float noise', () => {
    assert.equal(formatPercent('0.0323'), '3.23%');
    assert.equal(formatPercent('0.5742'), '57.42%');
    assert.equal(formatPercent('0.07'), '7%');
    // Rounded half up, as every rate and share is shown (issue 25, item 4; it used to cut to 12.34%).
    assert.equal(formatPercent('0.123456', 2), '12.35%');
    assert.equal(formatPercent('0.123449', 2), '12.34%');
    assert.equal(formatPercent('0.00897', 1), '0.9%');
    assert.equal(formatPercent('0.999999', 2), '100%');
    assert.equal(formatPercentFixed('0.66', 1), '66.0%');
    assert.equal(formatPercentFixed('0.5742', 1), '57.4%');
  });

  it('shows a share rounded half up to one decimal, always with it, and a sliver as "< 0.1%" (issue 25, item 4)', () => {
    // The figures: 0.897 % read "0.8%" and 7.055 % read "7%" (cut twice: to 4 places, then to 1).
    assert.equal(formatShare('0.00897'), '0.9%');
    assert.equal(formatShare('0.07055'), '7.1%');
    assert.equal(formatShare('0.07049999'), '7.0%');
    assert.equal(formatShare('0.07'), '7.0%', 'the decimal kept, so shares line up');
    assert.equal(formatShare('1'), '100.0%');
    assert.equal(formatShare('0.0004'), '< 0.1%', 'never 0.0% for something held');
    assert.equal(formatShare('0'), '0.0%');
    assert.equal(formatShare('0.65934452', numberSymbols('de-DE')), '65,9%');
    assert.equal(formatShare('n/a'), 'n/a');
  });

  it('shows a fee rate with every digit OKX gives (issue 25, item 5: 0.025 %, not 0.02 %)', () => {
    assert.equal(formatFeeRate('0.00025'), '0.025%');
    assert.equal(formatFeeRate('0.001'), '0.1%');
    assert.equal(formatFeeRate('0.000125'), '0.0125%');
    assert.equal(formatFeeRate('0'), '0%');
    assert.equal(formatFeeRate(''), '');
  });

  it('shows amounts in a row at a display precision: few places for large amounts, four significant digits under 1', () => {
    assert.equal(formatDisplayAmount('12004.21873311'), '12,004.21');
    assert.equal(formatDisplayAmount('1.23456789'), '1.2345');
    assert.equal(formatDisplayAmount('12.3456789'), '12.345');
    assert.equal(formatDisplayAmount('123.456789'), '123.45');
    assert.equal(formatDisplayAmount('0.50031551'), '0.5003');
    assert.equal(formatDisplayAmount('0.00031551'), '0.0003155');
    assert.equal(formatDisplayAmount('0.00000001'), '0.00000001', 'never 0 for a small amount');
    assert.equal(formatDisplayAmount('1.2'), '1.2', 'no zeros added');
    assert.equal(formatDisplayAmount('0'), '0');
    assert.equal(formatDisplayAmount('1.99999999'), '1.9999', 'rounded down, never up');
    assert.equal(formatDisplayAmount('-2.123456'), '-2.1234');
    assert.equal(formatDisplayAmount('n/a'), 'n/a');
    assert.equal(formatDisplayAmount('12004.21873311', numberSymbols('de-DE')), '12.004,21');
  });

  it('shows an amount at its currency\'s precision: cents for fiat and stablecoins, the coin\'s own places otherwise', () => {
    assert.equal(displayDecimals('USDT'), 2);
    assert.equal(displayDecimals('USDC'), 2);
    assert.equal(displayDecimals('OKUSD'), 2);
    assert.equal(displayDecimals('BTC'), 8);
    assert.equal(formatCcyAmount('12004.21873311', 'USDT'), '12,004.21', 'not 12,004.21873311');
    assert.equal(formatCcyAmount('5', 'USDT'), '5.00', 'cents always with two places');
    assert.equal(formatCcyAmount('4012.44501988', 'USDC'), '4,012.44');
    assert.equal(formatCcyAmount('0.50000000', 'BTC'), '0.5', 'a coin without trailing zeros');
    assert.equal(formatCcyAmount('1.234567891', 'ETH'), '1.23456789', 'rounded down to the coin\'s 8 places');
    assert.equal(formatCcyAmount('0', 'USDT'), '0.00');
    assert.equal(formatCcyAmount('12004.21873311', 'USDT', numberSymbols('de-DE')), '12.004,21');
    assert.equal(formatCcyAmount('n/a', 'USDT'), 'n/a');
  });

  it('never shows a non-zero amount as a zero: too small for its places, it reads "< 0.01"', () => {
    assert.equal(formatCcyAmount('0.0000001', 'USDC'), '< 0.01');
    assert.equal(formatCcyAmount('0.009', 'USDT'), '< 0.01');
    assert.equal(formatCcyAmount('0.000000001', 'BTC'), '< 0.00000001');
    assert.equal(formatCcyAmount('0.0000001', 'USDC', numberSymbols('de-DE')), '< 0,01');
    assert.equal(formatCcyAmount('-0.001', 'USDT'), '> -0.01');
    assert.equal(formatCcyAmount('-2.5', 'USDT'), '-2.50');
  });

  it('rounds a price sensibly: two places from 100, four from 1, up to eight below', () => {
    assert.equal(formatPrice('91154.2220784'), '91,154.22', 'not 91,154.2220784');
    assert.equal(formatPrice('95500'), '95,500.00');
    assert.equal(formatPrice('5.123456'), '5.1234');
    assert.equal(formatPrice('0.25'), '0.25');
    assert.equal(formatPrice('0.123456789'), '0.12345678');
    assert.equal(formatPrice(''), '');
  });

  it('shows an LTV with one decimal, rounded down, so 80.0% only means at or over 80% (rates round; LTVs do not)', () => {
    assert.equal(formatLtv('0.79999'), '79.9%');
    assert.equal(formatPercent('0.79999', 1), '80%', 'the same fraction as a rate rounds');
    assert.equal(formatLtv('0.660123'), '66.0%');
    assert.equal(formatLtv('0.6655'), '66.5%');
    assert.equal(formatLtv('0.7999'), '79.9%');
    assert.equal(formatLtv('0.8'), '80.0%');
  });

  it('cuts USD values to the cent, never rounding up', () => {
    assert.equal(formatFixed('66619.10543064', 2), '66,619.10');
    assert.equal(formatFixed('0.999', 2), '0.99');
    assert.equal(formatFixed('5', 2), '5.00');
  });

  it('logs a request as method, path, code and duration, and nothing else', () => {
    const line = requestLogLine({
      endpoint: 'savingsBalance', method: 'GET', path: '/api/v5/finance/savings/balance?ccy=USDT', attempt: 2,
      httpStatus: 200, code: '0', durationMs: 41.6, error: undefined,
    });
    assert.equal(line, 'GET /api/v5/finance/savings/balance?ccy=USDT → 0 in 42 ms (attempt 2)');
    const failed = requestLogLine({
      endpoint: 'loanInfo', method: 'GET', path: '/api/v5/finance/flexible-loan/loan-info', attempt: 1, httpStatus: 401, code: '50113',
      durationMs: 3, error: new OkxError({ category: 'auth', template: 'The signature was refused: the secret key is wrong for this API key.', code: '50113' }),
    });
    assert.match(failed, /→ 50113 in 3 ms: The signature was refused/);
  });
});
