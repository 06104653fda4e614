import * as assert from 'node:assert/strict';
import { ENDPOINTS, endpointByRoute, type EndpointId, type ParamsOf } from '../../../src/okx/endpoints';
import { readAccountPages2026, readChapter2026 } from '../support/seeds';
import { startSim, type SimHarness } from '../support/sim';

/** Fields the reference's tables list but its examples leave out (the tables win). */
const TABLE_ONLY_FIELDS: Partial<Record<EndpointId, string[]>> = { ethHistory: ['ordId'] };

/** Field names the examples misspell, as the tables spell them (the tables win). */
const EXAMPLE_TYPOS: Record<string, string> = { redeemEndime: 'redeemEndTime' };

function spelledAsTables(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(spelledAsTables);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [EXAMPLE_TYPOS[key] ?? key, spelledAsTables(v)]));
  }
  return value;
}

/** The key structure of a JSON value: objects by sorted keys, arrays by their first element. */
function shape(value: unknown, extra: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0], extra)];
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => !extra.includes(key))
        .sort()
        .map((key) => [key, shape((value as Record<string, unknown>)[key])]),
    );
  }
  return typeof value;
}

describe('simulator: every endpoint answers in the API reference\'s shape', () => {
  let h: SimHarness;
  before(async () => {
    h = await startSim();
  });
  after(() => h.sim.close());

  /** A valid request for each endpoint against the demo portfolio (Dual Investment's ask for a fresh quote first). */
  async function paramsFor(id: EndpointId): Promise<ParamsOf<EndpointId>> {
    const liveDual = (): string => h.sim.state.dual.orders.find((o) => o.state === 'live')?.ordId ?? '';
    const dualQuote = async (): Promise<{ productId: string; notionalSz: string; notionalCcy: string }> => {
      const [product] = await h.client.dual.products({ baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'C' });
      return { productId: product?.productId ?? '', notionalSz: '0.01', notionalCcy: 'BTC' };
    };
    switch (id) {
      case 'dualQuote':
        return dualQuote();
      case 'dualTrade':
        return { quoteId: (await h.client.dual.quote(await dualQuote()))[0]?.quoteId ?? '' };
      case 'dualRedeemQuote':
        return { ordId: liveDual() };
      case 'dualRedeem': {
        const ordId = liveDual();
        return { ordId, quoteId: (await h.client.dual.redeemQuote({ ordId }))[0]?.quoteId ?? '' };
      }
      case 'dualOrderState':
        return { ordId: h.sim.state.dual.orders[0]?.ordId ?? '' };
      default:
        break;
    }
    const state = h.sim.state;
    const earningFlexible = state.orders.find((o) => o.state === '1' && o.term === '0' && o.productId === '4005');
    const pending = state.orders.find((o) => o.state === '8');
    const pendingEthRedeem = state.eth.history.find((r) => r.type === 'redeem' && r.status === 'pending');
    const params: { [K in EndpointId]?: ParamsOf<K> } = {
      onchainPurchase: { productId: '4005', investData: [{ ccy: 'USDT', amt: '10' }] },
      onchainRedeem: { ordId: earningFlexible?.ordId ?? '', protocolType: 'defi' },
      onchainCancel: { ordId: pending?.ordId ?? '', protocolType: 'defi' },
      ethPurchase: { amt: '0.5' },
      ethRedeem: { amt: '0.1' },
      ethCancelRedeem: { ordId: pendingEthRedeem?.ordId ?? '' },
      ethApyHistory: { days: '3' },
      solPurchase: { amt: '2' },
      solRedeem: { amt: '1' },
      solApyHistory: { days: '3' },
      savingsPurchaseRedempt: { ccy: 'USDT', amt: '10', side: 'purchase', rate: '0.01' },
      savingsSetLendingRate: { ccy: 'USDT', rate: '0.02' },
      loanMaxLoan: { borrowCcy: 'USDT' },
      loanMaxCollateralRedeem: { ccy: 'BTC' },
      loanAdjustCollateral: { type: 'add', collateralCcy: 'BTC', collateralAmt: '0.01' },
      loanBorrow: { loanData: { ccy: 'USDT', amt: '100' }, collateralData: [{ ccy: 'ETH', amt: '1' }], eMode: '0', clOrdId: `shape-${Date.now()}` },
      loanRepay: { ordId: state.loans.orders[0]?.ordId ?? '', ccy: 'USDT', amt: '10', clOrdId: `shape-${Date.now()}` },
      stableRewardsProductInfo: { ccy: 'USDG' },
      stableRewardsApyHistory: { ccy: 'USDG', days: '3' },
      okusdSubscribe: { amt: '100', clOrdId: `shape-sub-${Date.now()}` },
      okusdRedeem: { amt: '100', redeemType: '1', clOrdId: `shape-rdm-${Date.now()}` },
      okusdRedeemHistory: { type: 'fast' },
      dualProducts: { baseCcy: 'BTC', quoteCcy: 'USDT', optType: 'P' },
      fundingBalances: { ccy: 'BTC,ETH' },
      tradingBalance: { ccy: 'USDT,BTC' },
      setAutoEarn: { earnType: '0', ccy: 'BTC', action: 'turn_on' },
      assetValuation: { ccy: 'USD' },
      indexTickers: { quoteCcy: 'USD' },
    };
    return (params[id] ?? {});
  }

  // The 2026 pages (they win where they differ from January's): the chapter's 55 endpoints and the account ones we use.
  const documented = [...readChapter2026(), ...readAccountPages2026()].filter((doc) => endpointByRoute(doc.method, doc.path) !== undefined);
  it('covers the 55 endpoints of the chapter and the 5 account endpoints', () => assert.equal(documented.length, 60));
  for (const seed of documented) {
    it(`${seed.method} ${seed.path}`, async () => {
      const id = endpointByRoute(seed.method, seed.path);
      assert.ok(id);
      const data: unknown = await h.client.call(id, await paramsFor(id));
      const example = spelledAsTables((seed.responseExample as { data: unknown }).data);
      assert.equal(Array.isArray(data), ENDPOINTS[id].data === 'array');
      if (Array.isArray(example) && example.length === 0) {
        assert.deepEqual(data, [], 'answers with an empty array, as the reference does');
        return;
      }
      assert.ok(!Array.isArray(data) || data.length > 0, 'the demo portfolio has something to show');
      assert.deepEqual(shape(data, TABLE_ONLY_FIELDS[id]), shape(example));
    });
  }

  it('answers the server clock at GET /api/v5/public/time, unsigned', async () => {
    const [time] = await h.client.serverTime();
    assert.ok(Math.abs(Number(time?.ts) - Date.now()) < 5000);
  });

  it('answers an unknown path with 404 and a wrong method with 405', async () => {
    assert.equal((await fetch(`${h.sim.url}/api/v5/finance/nope`)).status, 404);
    assert.equal((await fetch(`${h.sim.url}/api/v5/finance/staking-defi/purchase`)).status, 405);
  });
});
