import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import type { LoanInfo, OkusdLimits } from '../../../src/okx/types';
import { figureCells, figureRow } from '../../../src/panels/figures';
import { collateralPrices } from '../../../src/panels/ltvState';
import { quotaSection } from '../../../src/panels/moreEarnState';

/** OKX's documented example: subscribe 4 500 000 left of the user's own quota, 45 000 000 of the platform's. */
const limits: OkusdLimits = {
  subLimit: { maxSubAmt: '45000000', personalDailyLimit: '5000000', personalUsedAmt: '500000', platformDailyLimit: '50000000', platformUsedAmt: '5000000' },
  fastRedeemLimit: { personalDailyLimit: '10000', personalUsedAmt: '0', platformDailyLimit: '5000000', platformUsedAmt: '1000000.123456789', feeRate: '0.001' },
  stdRedeemLimit: { personalDailyLimit: '1000000', personalUsedAmt: '0', platformDailyLimit: '40000000', platformUsedAmt: '0', feeRate: '0.00025' },
  ts: '1718500000000',
};

describe('panels: figures at their currency\'s precision, exact in the tooltip', () => {
  it('a row shows the amount rounded for its currency and carries the exact one as its title', () => {
    assert.deepEqual(figureRow('Amount', (f) => f.amount('12004.21873311', 'USDT')), ['Amount', '12,004.21 USDT', '12,004.21873311 USDT']);
    assert.deepEqual(figureRow('Index price now', (f) => `${f.price('91154.2220784', 'USDT')} (BTC-USDT)`), ['Index price now', '91,154.22 USDT (BTC-USDT)', '91,154.2220784 USDT (BTC-USDT)']);
    assert.deepEqual(figureRow('Staked', (f) => f.amount('1.5', 'BETH')), ['Staked', '1.5 BETH'], 'nothing rounded: no title');
    assert.deepEqual(figureRow('Minimum redemption', (f) => f.amount('0.0000001', 'USDC')), ['Minimum redemption', '< 0.01 USDC', '0.0000001 USDC'], 'never a zero that is not one');
  });

  it('a table\'s cells likewise, with a title per cell', () => {
    const { cells, titles } = figureCells([['Held', (f) => f.amount('10000.5', 'OKUSD'), 'as is']]);
    assert.deepEqual(cells, [['Held', '10,000.50 OKUSD', 'as is']]);
    assert.deepEqual(titles, [['', '10,000.5 OKUSD', '']]);
  });
});

describe('panels/moreEarnState: OKUSD\'s quotas say what the commands allow', () => {
  it('"left today" for subscriptions is the lesser of the user\'s and OKX\'s quota, not maxSubAmt as OKX sent it', () => {
    const section = quotaSection(limits);
    assert.ok('cells' in section);
    const [left, , everyone] = section.cells;
    assert.deepEqual(left, ['Left today', '4,500,000.00 USDT', '10,000.00 OKUSD', '1,000,000.00 OKUSD'], 'not 45,000,000');
    assert.equal(everyone?.[2], '1,000,000.12 OKUSD of 5,000,000.00 OKUSD');
    assert.equal(section.titles?.[2]?.[2], '1,000,000.123456789 OKUSD of 5,000,000 OKUSD', 'the exact figures in the tooltip');
  });
});

describe('panels/ltvState: one unit in the table of margin-call and liquidation prices', () => {
  it("OKX's liquidation price (in the pair's quote currency) is shown in USD like the rest, OKX's own figure in the tooltip", () => {
    const loan: LoanInfo = {
      ordId: '7', loanNotionalUsd: '21000', loanData: [{ ccy: 'USDC', amt: '21000' }], collateralNotionalUsd: '60000', collateralData: [{ ccy: 'BTC', amt: '1' }],
      riskWarningData: { instId: 'BTC-USDC', liqPx: '25000.123456' }, curLTV: '0.35', marginCallLTV: '0.7', liqLTV: '0.8',
    };
    const [row] = collateralPrices(loan, new Map([['BTC', '60000'], ['USDC', '0.9998']]));
    assert.ok(row !== undefined);
    assert.equal(row.now, '60,000.00 USD');
    assert.match(row.marginCall, /^[\d,]+\.\d\d USD \([\d.]+% below now\)$/);
    // 25,000.123456 USDC at 0.9998 USD: 24,995.12 USD (rounded down to the cent).
    assert.equal(row.liquidation, '24,995.12 USD (58.34% below now)', 'in USD, not USDC');
    assert.equal(row.liquidationFromOkx, true);
    assert.match(row.liquidationTitle, /^OKX's liquidation price: 25,000\.123456 USDC \(BTC-USDC\), at 0\.9998 USD per USDC$/);
    // Without a USD price of the quote currency: the computed USD price, never a USDC figure in the USD table.
    const [computed] = collateralPrices(loan, new Map([['BTC', '60000']]));
    assert.match(computed?.liquidation ?? '', /^[\d,]+\.\d\d USD \([\d.]+% below now\)$/);
    assert.equal(computed?.liquidationFromOkx, false);
  });
});
