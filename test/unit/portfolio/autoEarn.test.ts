import * as assert from 'node:assert/strict';
import type * as T from '../../../src/okx/types';
import { autoEarnRows, autoEarnState, earnTypeOf, isOn } from '../../../src/portfolio/autoEarn';
import { computeOverview, type OverviewInput } from '../../../src/portfolio/overview';

const NOW = Date.UTC(2026, 11, 6, 12);

function detail(ccy: string, autoLendStatus: string, cashBal: string, autoLendMtAmt = '0'): T.TradingBalanceDetail {
  return { ccy, eq: cashBal, cashBal, availBal: cashBal, frozenBal: '0', eqUsd: '', autoLendStatus, autoLendMtAmt, uTime: String(NOW) };
}

const latestRates: T.LendingRatePoint[] = [{ ccy: 'USDT', amt: '', rate: '0.06', lendingRate: '0.05', ts: String(NOW) }];

describe('portfolio/autoEarn: each currency\'s auto-earn state, and the Overview while it earns', () => {
  it('rows: on first (earning, then waiting), then off, then what OKX does not know or offer; matched only while active', () => {
    const rows = autoEarnRows([
      detail('ATOM', 'unsupported', '25'), detail('BTC', 'off', '0.05'), detail('ETH', 'pending', '0.8', '0'),
      detail('USDT', 'active', '3200', '3150'), detail('XYZ', 'paused', '1', '1'),
    ], latestRates);
    assert.deepEqual(rows.map((r) => [r.ccy, r.state, r.matched, r.rate]), [
      ['USDT', 'active', '3150', '0.05'], ['ETH', 'pending', '0', undefined], ['BTC', 'off', '0', undefined],
      ['XYZ', 'unknown', '0', undefined], ['ATOM', 'unsupported', '0', undefined],
    ]);
    assert.equal(rows[3]?.status, 'paused', 'an undocumented state is kept as OKX sent it');
  });

  it('states: on is pending or active; earnType 1 (USDG earn) for USDG only', () => {
    assert.deepEqual(['unsupported', 'off', 'pending', 'active', 'other'].map((s) => isOn(autoEarnState(s))), [false, false, true, true, false]);
    assert.deepEqual(['USDG', 'USDT', 'BTC'].map(earnTypeOf), ['1', '0', '0']);
  });

  it('the Overview counts what is matched while active (valued, at the lending rate), not what waits or is off; no earnings figure', () => {
    const input: OverviewInput = {
      now: NOW,
      trading: { details: [detail('USDT', 'active', '3200', '3000'), detail('BTC', 'pending', '0.05'), detail('ETH', 'off', '1')] },
      market: { lendingRates: [], latestRates, ethApy: undefined, solApy: undefined },
      prices: { usd: new Map([['USDT', '1.0001'], ['BTC', '90000'], ['ETH', '3000']]) },
    };
    const o = computeOverview(input);
    assert.deepEqual(o.positions.map((p) => [p.product, p.ccy, p.amt, p.usd, p.apy]), [['autoEarn', 'USDT', '3000', '3000.3', '0.05']]);
    assert.deepEqual(o.byProduct.map((s) => [s.key, s.usd]), [['autoEarn', '3000.3']]);
    assert.equal(o.apy.value, '0.05');
    assert.equal(o.earnedTotal.usd, '0');
    assert.ok(!o.earned24h.covers.includes('autoEarn'), 'OKX gives no daily figure for auto-earn');
    const off = computeOverview({ ...input, trading: { details: [detail('USDT', 'off', '3200')] } });
    assert.deepEqual(off.byProduct, []);
  });
});
