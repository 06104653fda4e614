import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { readAccountPages2026 } from '../support/seeds';
import { startSim, type SimHarness } from '../support/sim';

/** The key structure of a JSON value: objects by sorted keys, arrays by their first element. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, shape((value as Record<string, unknown>)[key])]));
  }
  return typeof value;
}

describe('simulator: the trading account (GET /api/v5/account/balance) and the funding and trading areas', () => {
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
  });
  afterEach(() => h.sim.close());

  it('answers in the shape of the page\'s example: one account object, each currency with every field the example has', async () => {
    const page = readAccountPages2026().find((p) => p.path === '/api/v5/account/balance');
    const data = await h.client.account.tradingBalance();
    assert.deepEqual(shape(data), shape((page?.responseExample as { data: unknown }).data));
  });

  it('the demo account: USDT auto-earning (active, all of it matched), others off, ATOM and AVAX unsupported; totals in USD', async () => {
    const [account] = await h.client.account.tradingBalance();
    assert.ok(account);
    const state = new Map(account.details.map((d) => [d.ccy, [d.autoLendStatus, d.autoLendMtAmt]]));
    assert.deepEqual(Object.fromEntries(state), {
      ATOM: ['unsupported', '0'], AVAX: ['unsupported', '0'], BTC: ['off', '0'], ETH: ['off', '0'],
      USDC: ['off', '0'], USDG: ['off', '0'], USDT: ['active', account.details.find((d) => d.ccy === 'USDT')?.cashBal],
    });
    for (const d of account.details) {
      assert.equal(d.eq, d.cashBal, d.ccy);
      assert.equal(d.availBal, d.cashBal, d.ccy);
      assert.equal(d.eqUsd, D.roundDown(D.mul(d.cashBal, h.sim.prices.usd(d.ccy, h.sim.clock.now())), 8), d.ccy);
    }
    assert.equal(account.totalEq, D.roundDown(D.sum(account.details.map((d) => d.eqUsd)), 8));
  });

  it('ccy narrows the answer (up to 20 currencies); a currency not held is left out, as OKX leaves out zero balances', async () => {
    const [account] = await h.client.account.tradingBalance({ ccy: 'BTC,SOL,ATOM' });
    assert.deepEqual(account?.details.map((d) => d.ccy), ['ATOM', 'BTC']);
    await assert.rejects(h.client.account.tradingBalance({ ccy: Array.from({ length: 21 }, (_, i) => `C${i}`).join(',') }), { code: '51000' });
  });

  it('the funding and trading areas load every currency of each account', async () => {
    const portfolio = new Portfolio(h.client);
    await portfolio.refresh(['funding', 'trading']);
    const funding = portfolio.get('funding');
    const trading = portfolio.get('trading');
    assert.ok(funding.status === 'ready' && trading.status === 'ready');
    assert.deepEqual(funding.data.balances.map((b) => [b.ccy, b.bal]), Object.entries(h.sim.state.funding).filter(([, bal]) => D.isPositive(bal)).sort(([a], [b]) => a.localeCompare(b)));
    assert.deepEqual(trading.data.details.map((d) => d.ccy), Object.keys(h.sim.state.trading.balances).sort());
    assert.equal(trading.data.details.find((d) => d.ccy === 'USDT')?.autoLendStatus, 'active');
    portfolio.dispose();
  });
});
