import * as assert from 'node:assert/strict';
import type { CompareOption } from '../../../src/portfolio/compare';
import { idleMoney, tradingIdle, type IdleInput } from '../../../src/portfolio/idleMoney';

const option = (ccy: string, rate: string): CompareOption => ({ product: 'savings', id: 'savings', ccy, rate, rateKind: 'lendingRate', min: undefined, buyable: true });
const best = (ccy: string): CompareOption | undefined => (['USDT', 'BTC', 'USDC', 'SHIB', 'NOPRICE'].includes(ccy) ? option(ccy, '0.0378') : undefined);
const prices = new Map([['USDT', '1'], ['BTC', '90000'], ['USDC', '1'], ['SHIB', '0.00001'], ['ETH', '3000']]);

function run(extra: Partial<IdleInput> = {}): ReturnType<typeof idleMoney> {
  return idleMoney({
    funding: [
      { ccy: 'USDT', availBal: '25000' }, { ccy: 'BTC', availBal: '0.75' }, { ccy: 'BETH', availBal: '2.2' }, { ccy: 'OKUSD', availBal: '10000' },
      { ccy: 'SHIB', availBal: '5000' }, { ccy: 'USDG', availBal: '2500' }, { ccy: 'NOPRICE', availBal: '3' }, { ccy: 'ETH', availBal: '1' }, { ccy: 'USDC', availBal: '0' },
    ],
    trading: [
      { ccy: 'USDT', availBal: '1000', autoLendStatus: 'active', autoLendMtAmt: '400' },
      { ccy: 'USDC', availBal: '300.5', autoLendStatus: 'pending', autoLendMtAmt: '0' },
    ],
    prices,
    earning: new Set(['USDG']),
    best,
    ...extra,
  });
}

describe('portfolio/idleMoney: money in the funding and trading accounts that earns nothing', () => {
  it('sums funding and trading per currency, less what auto-earn has matched, the largest USD value first', () => {
    const rows = run();
    assert.deepEqual(rows.map((r) => [r.ccy, r.amt, r.funding, r.trading, r.usd]), [
      ['BTC', '0.75', '0.75', '0', '67500'],
      ['USDT', '25600', '25000', '600', '25600'],
      ['USDC', '300.5', '0', '300.5', '300.5'],
      // Without a price: listed after those with one (not taken as dust).
      ['NOPRICE', '3', '3', '0', undefined],
    ]);
    assert.equal(rows[1]?.best.rate, '0.0378');
  });

  it('leaves out what earns where it is held (BETH, OKUSD, Stable Rewards coins earning), dust, and what no product takes', () => {
    const ccys = run().map((r) => r.ccy);
    for (const c of ['BETH', 'OKUSD', 'USDG']) assert.ok(!ccys.includes(c), `${c} earns where it is held`);
    assert.ok(!ccys.includes('SHIB'), '5,000 SHIB at 0.00001 USD is 0.05 USD: dust');
    assert.ok(!ccys.includes('ETH'), 'no product in this ranking takes ETH');
  });

  it('an account not read counts nothing from it; no price map lists every amount without a USD value', () => {
    assert.deepEqual(run({ funding: undefined }).map((r) => [r.ccy, r.amt]), [['USDT', '600'], ['USDC', '300.5']]);
    assert.ok(run({ prices: undefined }).every((r) => r.usd === undefined));
  });

  it('only an active auto-earn match earns: pending and off count whole; a match above the balance leaves nothing idle', () => {
    assert.equal(tradingIdle({ ccy: 'USDT', availBal: '1000', autoLendStatus: 'active', autoLendMtAmt: '400.25' }), '599.75');
    assert.equal(tradingIdle({ ccy: 'USDT', availBal: '1000', autoLendStatus: 'pending', autoLendMtAmt: '400' }), '1000');
    assert.equal(tradingIdle({ ccy: 'USDT', availBal: '100', autoLendStatus: 'active', autoLendMtAmt: '400' }), '0');
    assert.equal(tradingIdle({ ccy: 'USDT', availBal: '', autoLendStatus: 'off', autoLendMtAmt: '0' }), '0');
  });
});
