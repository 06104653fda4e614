import * as assert from 'node:assert/strict';
import * as text from '../../../src/chat/toolText';
import { fillTemplate } from '../../../src/okx/errors';
import { computeOverview } from '../../../src/portfolio/overview';
import { UNIT_PLACES, VALUATION_UNITS, formatInUnit, fromUsd, isValuationUnit, unitRate, valueIn, type IndexPrices } from '../../../src/portfolio/valuationUnit';

const AT = Date.UTC(2026, 11, 6, 14, 30);
const PRICES: IndexPrices = {
  usd: new Map([['USDT', '1.0002'], ['USDC', '0.9998'], ['BTC', '91250.4'], ['ETH', '3000']]),
  at: new Map([['USDT', AT], ['USDC', AT], ['BTC', AT]]),
};

describe('portfolio/valuationUnit: totals in USD, USDT, USDC or BTC through OKX index prices, in decimal text', () => {
  it('the four units, USD by default for anything else', () => {
    assert.deepEqual(VALUATION_UNITS, ['USD', 'USDT', 'USDC', 'BTC']);
    assert.ok(isValuationUnit('BTC'));
    assert.ok(!isValuationUnit('EUR') && !isValuationUnit('btc') && !isValuationUnit(undefined));
  });

  it('USD: the value as it is, without any price', () => {
    assert.deepEqual(unitRate('USD', undefined), { unit: 'USD' });
    assert.deepEqual(valueIn('9100.256', 'USD', undefined), { value: '9100.256', text: '9,100.25 USD' });
  });

  it('USDT and USDC: divided by their own USD index, exactly, shown to the cent (rounded down, like USD)', () => {
    const usdt = unitRate('USDT', PRICES);
    assert.deepEqual(usdt, { unit: 'USDT', instId: 'USDT-USD', price: '1.0002', at: AT });
    // 10000 / 1.0002 = 9998.00039992001599680063…, kept to 18 places (trailing zeros trimmed)
    assert.equal(fromUsd('10000', usdt), '9998.0003999200159968');
    assert.deepEqual(valueIn('10000', 'USDT', PRICES), { value: '9998.0003999200159968', text: '9,998.00 USDT' });
    // 10000 / 0.9998 = 10002.00040008001600320064…
    assert.deepEqual(valueIn('10000', 'USDC', PRICES), { value: '10002.0004000800160032', text: '10,002.00 USDC' });
  });

  it('BTC: divided by the BTC-USD index, shown to the satoshi (8 places)', () => {
    // 9100.25 / 91250.4 = 0.0997283299580056…
    const btc = valueIn('9100.25', 'BTC', PRICES);
    assert.ok('value' in btc);
    assert.equal(btc.text, '0.09972832 BTC');
    assert.equal(UNIT_PLACES.BTC, 8);
    assert.equal(formatInUnit('0.000000019', 'BTC'), '0.00000001 BTC', 'a sliver stays visible to the satoshi');
    assert.equal(formatInUnit('1234567.891', 'USDT'), '1,234,567.89 USDT');
    assert.equal(formatInUnit('-3400.129', 'USD'), '-3,400.12 USD', 'a negative net (loans) keeps its sign');
    assert.equal(formatInUnit('-0.000000001', 'BTC'), '0.00000000 BTC', 'no "-0"');
    assert.equal(formatInUnit('1234.5', 'USD', { group: '.', decimal: ',' }), '1.234,50 USD', "the display language's separators");
  });

  it('a missing (or unusable) index price: no figure in the unit, and which unit lacks it', () => {
    assert.equal(unitRate('BTC', { usd: new Map([['USDT', '1']]) }), undefined);
    assert.equal(unitRate('BTC', undefined), undefined, 'prices not read');
    assert.equal(unitRate('USDC', { usd: new Map([['USDC', '0']]) }), undefined, 'a zero price is no price');
    assert.equal(unitRate('USDC', { usd: new Map([['USDC', 'abc']]) }), undefined);
    assert.deepEqual(valueIn('100', 'BTC', { usd: new Map() }), { missing: 'BTC' });
    assert.deepEqual(unitRate('BTC', { usd: new Map([['BTC', '90000']]) }), { unit: 'BTC', instId: 'BTC-USD', price: '90000', at: undefined }, 'a price without its time');
  });

  describe('the chat tools read it too', () => {
    const en: text.L10n = { t: (template, ...args) => fillTemplate(template, Object.fromEntries(args.map((a, i) => [String(i), a]))) };
    const o = computeOverview({
      now: AT,
      eth: { balance: { ccy: 'BETH', amt: '2', latestInterestAccrual: '0.001', totalInterestAccrual: '0.1' }, product: undefined, pendingRedemptions: [] },
      prices: PRICES,
    });

    it('in BTC: every total, with the index price and its time said once', () => {
      const answer = text.portfolioText(en, 'OKX Earn, Sandbox', o, { unit: 'BTC', prices: PRICES });
      assert.match(answer, /^Portfolio \(OKX Earn, Sandbox\)\. Values in BTC: USD at OKX index prices, divided by the BTC-USD index 91250\.4 \(2026-12-06T14:30:00Z\)\.\n/);
      // 2 BETH · 3000 (as ETH) = 6000 USD = 0.0657531364… BTC
      assert.match(answer, /\nHoldings: 0\.06575313 BTC \(incomplete: onchain, sol, savings, okusd, stable, dual not counted\)\n/);
      assert.match(answer, /\n- ETH staking: 0\.06575313 BTC \(100\.0%\)\n/);
      assert.doesNotMatch(answer, / USD \(|\d USD\n/, 'no total left in USD');
    });

    it('without the unit\'s price: the values stay in USD and the answer says so', () => {
      const answer = text.portfolioText(en, 'OKX Earn, Sandbox', o, { unit: 'USDC', prices: { usd: new Map([['ETH', '3000']]) } });
      assert.match(answer, /^Portfolio \(OKX Earn, Sandbox\)\. USD values at OKX index prices\. OKX gives no USDC-USD index price now: the values are in USD, not USDC\.\n/);
      assert.match(answer, /\nHoldings: 6,000\.00 USD /);
      assert.doesNotMatch(answer, /\d USDC/);
    });
  });
});
