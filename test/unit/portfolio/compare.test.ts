import * as assert from 'node:assert/strict';
import type * as T from '../../../src/okx/types';
import { bestKeepingCurrency, comparableCcys, dualInvestedCcy, dualPairKey, pickerCcys, rankOptions, type CompareInput } from '../../../src/portfolio/compare';

const NOW = 1_765_000_000_000;
const DAY = 86_400_000;

function offer(productId: string, ccy: string, apy: string, term = '0', extra: Partial<T.Offer> = {}): T.Offer {
  return {
    ccy, productId, protocol: `P${productId}`, protocolType: 'defi', term, apy, earlyRedeem: false,
    investData: [{ ccy, bal: '0', minAmt: '1', maxAmt: '100000' }], earningData: [{ ccy, earningType: '0' }],
    state: 'purchasable', redeemPeriod: ['1H', '24H'], fastRedemptionDailyLimit: '', ...extra,
  };
}

function dualProduct(pair: string, optType: 'C' | 'P', annualizedYield: string, expInDays: number, tradeEndInMs = DAY): T.DualProduct {
  const [baseCcy = '', quoteCcy = ''] = pair.split('-');
  return {
    absYield: '0.001', annualizedYield, baseCcy, quoteCcy, notionalCcy: optType === 'C' ? baseCcy : quoteCcy, expTime: String(NOW + expInDays * DAY),
    interestAccrualTime: '', listTime: '', maxSize: '1000000', minSize: optType === 'C' ? '0.001' : '10', optType, productId: `${pair}-${annualizedYield}-${optType}`,
    quoteTime: '', redeemEndTime: '', redeemStartTime: '', stepSz: '1', tradeEndTime: String(NOW + tradeEndInMs), strike: '90000', uly: `${pair}`,
  };
}

const pairs: T.DualCurrencyPair[] = [
  { baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C', uly: 'BTC-USD' },
  { baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'P', uly: 'BTC-USD' },
  { baseCcy: 'ETH', quoteCcy: 'USDT', optType: 'P', uly: 'ETH-USD' },
];

function input(extra: Partial<CompareInput> = {}): CompareInput {
  return {
    now: NOW,
    market: {
      lendingRates: [{ ccy: 'USDT', avgAmt: '', avgAmtUsd: '', avgRate: '0.2', preRate: '0.2', estRate: '0.2' }, { ccy: 'BTC', avgAmt: '', avgAmtUsd: '', avgRate: '0.01', preRate: '0.01', estRate: '0.01' }],
      latestRates: [{ ccy: 'USDT', amt: '', rate: '0.2', lendingRate: '0.0378', ts: String(NOW) }, { ccy: 'BTC', amt: '', rate: '0.01', lendingRate: '0.0041', ts: String(NOW) }],
      ethApy: { rate: '0.0269', ts: String(NOW) },
      solApy: { rate: '0.0557', ts: String(NOW) },
    },
    offers: {
      offers: [
        offer('4005', 'USDT', '0.0323'),
        offer('5090', 'USDT', '0.05', '90'),
        offer('6666', 'USDT', '0.2', '0', { state: 'sold_out' }),
        offer('5002', 'USDC', '0.085', '90'),
        offer('7777', 'USDT', '0.3', '0', { investData: [{ ccy: 'USDT', bal: '0', minAmt: '2', maxAmt: '0' }] }),
      ],
    },
    eth: { balance: undefined, product: { fastRedemptionDailyLimit: '100', minAmt: '0.01', redemptDays: '7' }, pendingRedemptions: [] },
    sol: { balance: undefined, product: { fastRedemptionDailyLimit: '100', fastRedemptionAvail: '50', minAmt: '0.01', redemptDays: '3' } },
    okusd: { account: undefined, limits: undefined, apr: { apr: '0.0418', ts: String(NOW) }, latestReward: undefined, pendingRedemptions: [] },
    dualPairs: { pairs },
    dualProducts: new Map([[dualPairKey(pairs[1]), [dualProduct('BTC-USDT', 'P', '0.25', 2), dualProduct('BTC-USDT', 'P', '0.4', 7), dualProduct('BTC-USDT', 'P', '0.9', 1, -1)]]]),
    ...extra,
  };
}

describe('portfolio/compare: every product that takes a currency, the highest rate first', () => {
  it('ranks USDT: Dual (best open yield), the fixed offer, OKUSD, savings, the flexible offer; an unread pair and what cannot be bought last', () => {
    const ranked = rankOptions('USDT', input());
    assert.deepEqual(ranked.map((o) => o.id), ['dual:BTC-USDT:P', 'onchain:5090', 'okusd', 'savings', 'onchain:4005', 'dual:ETH-USDT:P', 'onchain:7777', 'onchain:6666']);
    assert.deepEqual(ranked.map((o) => o.rate), ['0.4', '0.05', '0.0418', '0.0378', '0.0323', undefined, '0.3', '0.2']);
    assert.deepEqual(ranked.map((o) => o.rateKind), ['dualYield', 'estimatedApy', 'okusdApr', 'lendingRate', 'estimatedApy', 'dualYield', 'estimatedApy', 'estimatedApy']);
    const dual = ranked[0];
    assert.ok(dual?.product === 'dual');
    // The product whose trading ended (yield 0.9) does not count; the expiries are those of the two open ones.
    assert.equal(dual.open, 2);
    assert.equal(dual.firstExpiry, String(NOW + 2 * DAY));
    assert.equal(dual.lastExpiry, String(NOW + 7 * DAY));
    assert.equal(dual.min, '10');
    assert.equal(ranked.find((o) => o.id === 'onchain:6666')?.buyable, false, 'sold out');
    assert.equal(ranked.find((o) => o.id === 'onchain:7777')?.buyable, false, 'no room: maximum below minimum');
    assert.equal(ranked.find((o) => o.id === 'okusd')?.min, '1');
  });

  it('compares rates as decimals, not as text ("10.5" above "9.5")', () => {
    const ranked = rankOptions('DOT', input({ offers: { offers: [offer('1', 'DOT', '9.5'), offer('2', 'DOT', '10.5'), offer('3', 'DOT', '0.95')] } }));
    assert.deepEqual(ranked.map((o) => o.id), ['onchain:2', 'onchain:1', 'onchain:3']);
  });

  it('offers ETH staking for ETH and SOL staking for SOL, with the minimum and redemption days OKX gives', () => {
    const eth = rankOptions('ETH', input());
    assert.deepEqual(eth.map((o) => o.id), ['eth']);
    const staking = eth[0];
    assert.ok(staking?.product === 'eth');
    assert.equal(staking.rate, '0.0269');
    assert.equal(staking.redemptDays, '7');
    assert.equal(staking.min, '0.01');
    assert.deepEqual(rankOptions('SOL', input()).map((o) => [o.id, o.rate]), [['sol', '0.0557']]);
  });

  it('takes BTC into savings and the BTC "sell high" pair (a call invests the base currency); OKUSD only for USDT', () => {
    const btc = rankOptions('BTC', input());
    assert.deepEqual(btc.map((o) => o.id), ['savings', 'dual:BTC-USDT:C']);
    assert.equal(btc.find((o) => o.id === 'dual:BTC-USDT:C')?.buyable, true, 'not read yet: the flow lists what is open');
    assert.ok(!btc.some((o) => o.product === 'okusd'));
    assert.equal(dualInvestedCcy(pairs[0]), 'BTC');
    assert.equal(dualInvestedCcy(pairs[1]), 'USDT');
  });

  it('a pair read with nothing open cannot be bought now; a currency no product takes has no option', () => {
    const ranked = rankOptions('USDT', input({ dualProducts: new Map([[dualPairKey(pairs[2]), []]]) }));
    assert.equal(ranked.find((o) => o.id === 'dual:ETH-USDT:P')?.buyable, false);
    assert.deepEqual(rankOptions('XYZ', input()), []);
  });

  it('OKUSD without quota left today cannot be bought now', () => {
    const limits = { subLimit: { maxSubAmt: '0.5' } } as unknown as T.OkusdLimits;
    const ranked = rankOptions('USDT', input({ okusd: { account: undefined, limits, apr: { apr: '0.0418', ts: '' }, latestReward: undefined, pendingRedemptions: [] } }));
    assert.equal(ranked.find((o) => o.id === 'okusd')?.buyable, false);
  });

  it('the best product keeping the currency leaves Dual Investment out and needs a known rate and room', () => {
    assert.equal(bestKeepingCurrency(rankOptions('USDT', input()))?.id, 'onchain:5090');
    assert.equal(bestKeepingCurrency(rankOptions('BTC', input()))?.id, 'savings');
    assert.equal(bestKeepingCurrency(rankOptions('XYZ', input())), undefined);
  });

  it('lists every currency a product takes, the held ones first in the picker', () => {
    assert.deepEqual(comparableCcys(input()), ['BTC', 'ETH', 'SOL', 'USDC', 'USDT']);
    assert.deepEqual(pickerCcys(['USDT', 'XYZ', 'BTC', 'USDT'], input()), { held: ['USDT', 'BTC'], others: ['ETH', 'SOL', 'USDC'] });
  });
});
