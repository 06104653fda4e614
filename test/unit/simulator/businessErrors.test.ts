import * as assert from 'node:assert/strict';
import type { OkxClient } from '../../../src/okx/client';
import { rawRequest, startSim, type SimHarness } from '../support/sim';

describe('simulator: business errors with OKX\'s codes, and nothing changes', () => {
  let h: SimHarness;
  let c: OkxClient;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    c = h.client;
  });
  afterEach(() => h.sim.close());

  /** Expects the call to fail with `code`, and the portfolio to be exactly as it was. */
  async function refused(call: () => Promise<unknown>, code: string): Promise<void> {
    const snapshot = (): Record<string, string> =>
      Object.fromEntries(Object.entries(h.sim.state).map(([key, value]) => [key, JSON.stringify(value)]));
    const before = snapshot();
    await assert.rejects(call(), (error: { code?: string; message?: string }) => {
      assert.equal(error.code, code, error.message);
      return true;
    });
    const after = snapshot();
    const changed = Object.keys(before).filter((key) => before[key] !== after[key]);
    assert.deepEqual(changed, [], `refused with ${code}, yet the portfolio changed`);
  }

  const activeOrd = (productId: string, state = '1'): string => h.sim.state.orders.find((o) => o.productId === productId && o.state === state)?.ordId ?? '';

  it('51000 for bad parameters', async () => {
    await refused(() => c.onchain.purchase({ productId: 'nope', investData: [{ ccy: 'USDT', amt: '1' }] }), '51000');
    await refused(() => c.onchain.purchase({ productId: '4005', investData: [{ ccy: 'USDT', amt: '1e3' }] }), '51000');
    await refused(() => c.onchain.purchase({ productId: '4005', investData: [{ ccy: 'USDT', amt: '-5' }] }), '51000');
    await refused(() => c.onchain.purchase({ productId: '4005', investData: [{ ccy: 'BTC', amt: '1' }] }), '51000');
    await refused(() => c.onchain.purchase({ productId: '4005', investData: [] }), '51000');
    await refused(() => c.onchain.purchase({ productId: '3101', investData: [{ ccy: 'SOL', amt: '5' }] }), '51000');
    await refused(() => c.onchain.purchase({ productId: '3101', investData: [{ ccy: 'SOL', amt: '5' }], term: '60' }), '51000');
    await refused(() => c.onchain.purchase({ productId: '4005', investData: [{ ccy: 'USDT', amt: '5' }], tag: 'not a valid tag!' }), '51000');
    await refused(() => c.onchain.redeem({ ordId: '999', protocolType: 'defi' }), '51000');
    await refused(() => c.savings.setLendingRate({ ccy: 'USDT', rate: '0.009' }), '51000');
    await refused(() => c.savings.setLendingRate({ ccy: 'USDT', rate: '3.66' }), '51000');
    await refused(() => c.savings.purchaseRedempt({ ccy: 'USDT', amt: '1', side: 'sideways' as never }), '51000');
    await refused(() => c.eth.apyHistory({ days: '366' }), '51000');
    await refused(() => c.loan.adjustCollateral({ type: 'grow' as never, collateralCcy: 'BTC', collateralAmt: '1' }), '51000');
    await refused(() => c.loan.history({ limit: '101' }).next(), '51000');
  });

  it('51727 and 51728: below the minimum, above the maximum', async () => {
    await refused(() => c.onchain.purchase({ productId: '101', investData: [{ ccy: 'DOT', amt: '1.99' }] }), '51727');
    await refused(() => c.onchain.purchase({ productId: '5002', investData: [{ ccy: 'USDC', amt: '20000.01' }], term: '90' }), '51728');
    await refused(() => c.eth.purchase({ amt: '0.001' }), '51727');
  });

  it('51730 sold out, 51731 suspended', async () => {
    await refused(() => c.onchain.purchase({ productId: '6001', investData: [{ ccy: 'ATOM', amt: '5' }] }), '51730');
    await refused(() => c.onchain.purchase({ productId: '7003', investData: [{ ccy: 'AVAX', amt: '10' }], term: '60' }), '51731');
  });

  it('51736 and 51008: insufficient balance', async () => {
    await refused(() => c.onchain.purchase({ productId: '4005', investData: [{ ccy: 'USDT', amt: '90000' }] }), '51736');
    await refused(() => c.eth.purchase({ amt: '100' }), '51008');
    await refused(() => c.sol.redeem({ amt: '100000' }), '51008');
    await refused(() => c.savings.purchaseRedempt({ ccy: 'BTC', amt: '10', side: 'purchase' }), '51008');
    await refused(() => c.savings.purchaseRedempt({ ccy: 'USDC', amt: '999999', side: 'redempt' }), '51008');
    await refused(() => c.loan.adjustCollateral({ type: 'add', collateralCcy: 'BTC', collateralAmt: '5' }), '51008');
  });

  it('51723: early redemption not supported', async () => {
    await refused(() => c.onchain.redeem({ ordId: activeOrd('5002'), protocolType: 'defi', allowEarlyRedeem: true }), '51723');
  });

  it('51725, 51726, 51762: the cancellation rules', async () => {
    await refused(() => c.onchain.cancel({ ordId: activeOrd('4005', '9'), protocolType: 'defi' }), '51725');
    await refused(() => c.onchain.cancel({ ordId: activeOrd('101', '2'), protocolType: 'defi' }), '51725');
    await refused(() => c.onchain.cancel({ ordId: activeOrd('4005'), protocolType: 'defi' }), '51726');
    await c.onchain.redeem({ ordId: activeOrd('4005'), protocolType: 'defi' });
    const fastOrd = h.sim.state.orders.find((o) => o.fastRedeeming !== undefined)?.ordId ?? '';
    await refused(() => c.onchain.cancel({ ordId: fastOrd, protocolType: 'defi' }), '51762');
  });

  it('51750 to 51758: the loan rules (on the earliest order, when no ordId is sent)', async () => {
    await refused(() => c.loan.adjustCollateral({ type: 'add', collateralCcy: 'USDT', collateralAmt: '10' }), '51750');
    await refused(() => c.loan.maxLoan({ borrowCcy: 'USDT', supCollateral: [{ ccy: 'USDT', amt: '1' }] }), '51750');
    await refused(() => c.loan.maxLoan({ borrowCcy: 'DOGE' }), '51751');
    await refused(() => c.loan.adjustCollateral({ type: 'add', collateralCcy: 'AVAX', collateralAmt: '1' }), '51752');
    await refused(() => c.loan.adjustCollateral({ type: 'reduce', collateralCcy: 'DOT', collateralAmt: '1' }), '51753');
    await refused(() => c.loan.adjustCollateral({ type: 'add', collateralCcy: 'LUNA', collateralAmt: '1' }), '51755');
    await refused(() => c.loan.adjustCollateral({ type: 'reduce', collateralCcy: 'ETH', collateralAmt: '1' }), '51756');
    await refused(() => c.loan.adjustCollateral({ type: 'add', collateralCcy: 'BTC', collateralAmt: '0.00001' }), '51757');
    await refused(() => c.loan.adjustCollateral({ type: 'reduce', collateralCcy: 'SOL', collateralAmt: '11' }), '51758');
    const earliest = h.sim.state.loans.orders[0];
    assert.ok(earliest);
    earliest.loan = [{ ccy: 'USDT', amt: '0' }];
    await refused(() => c.loan.adjustCollateral({ type: 'add', collateralCcy: 'BTC', collateralAmt: '0.1' }), '51754');
  });

  it('58002: savings not activated', async () => {
    h.sim.state.savingsActivated = false;
    await refused(() => c.savings.balance(), '58002');
    await refused(() => c.savings.purchaseRedempt({ ccy: 'USDT', amt: '1', side: 'purchase' }), '58002');
    await refused(() => c.savings.setLendingRate({ ccy: 'USDT', rate: '0.05' }), '58002');
  });

  it('50002 for a POST body that is not a JSON object', async () => {
    const { isoTimestamp, sign } = await import('../../../src/okx/signing');
    const { SANDBOX_CREDENTIALS } = await import('../../../src/simulator/server');
    for (const body of ['{', '[1]']) {
      const timestamp = isoTimestamp(h.sim.clock.now());
      const path = '/api/v5/finance/savings/set-lending-rate';
      const reply = await rawRequest(h.sim, 'POST', path, {
        'OK-ACCESS-KEY': SANDBOX_CREDENTIALS.apiKey,
        'OK-ACCESS-PASSPHRASE': SANDBOX_CREDENTIALS.passphrase,
        'OK-ACCESS-TIMESTAMP': timestamp,
        'OK-ACCESS-SIGN': sign(SANDBOX_CREDENTIALS.secretKey, timestamp, 'POST', path, body),
      }, body);
      assert.deepEqual([reply.status, reply.code], [400, '50002']);
    }
  });
});
