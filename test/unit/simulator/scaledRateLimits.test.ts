import * as assert from 'node:assert/strict';
import { ENDPOINTS } from '../../../src/okx/endpoints';
import type { OkxError } from '../../../src/okx/errors';
import { maxInAnyWindow } from '../support/windows';
import { startSim, type SimHarness } from '../support/sim';

/** The windows a test may shorten OKX's limits to: 1/10 here, on both sides. */
const SCALE = 0.1;

describe('simulator and client with a test\'s shorter windows (rateLimitScale), for tests of flows', function () {
  this.timeout(20_000);
  let h: SimHarness;
  before(async () => {
    h = await startSim({ rateLimitScale: SCALE });
  });
  after(() => h.sim.close());

  it('the simulator refuses one over the count within the shorter window, and takes it once that window has passed', async () => {
    const { count, windowMs } = ENDPOINTS.loanMaxCollateralRedeem.rateLimit;
    const unlimited = (): ReturnType<typeof h.clientWith> => h.clientWith({ retry: { maxAttempts: 1 } });
    const results = await Promise.allSettled(Array.from({ length: count + 1 }, () => unlimited().loan.maxCollateralRedeem({ ccy: 'BTC' })));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as OkxError] : []));
    assert.deepEqual(refused.map((e) => e.code), ['50011'], `exactly one of ${count + 1} refused`);
    await new Promise((resolve) => setTimeout(resolve, windowMs * SCALE + 10));
    await unlimited().loan.maxCollateralRedeem({ ccy: 'BTC' });
  });

  it('a client given the same scale keeps it: a burst of OKUSD subscriptions (one per 2 s at OKX) gets zero 50011s, never more than one in a shorter window', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { count, windowMs } = ENDPOINTS.okusdSubscribe.rateLimit;
    const client = h.clientWith({ retry: { maxAttempts: 1 }, rateLimitScale: SCALE });
    const before = h.sim.requests.length;
    await Promise.allSettled(Array.from({ length: 5 }, (_, i) => client.okusd.subscribe({ amt: '1', clOrdId: `scaled-${i}` })));
    const seen = h.sim.requests.slice(before);
    assert.equal(seen.length, 5);
    assert.ok(seen.every((r) => r.code !== '50011'), seen.map((r) => r.code).join(', '));
    assert.ok(maxInAnyWindow(seen.map((r) => r.at), windowMs * SCALE) <= count);
  });
});
