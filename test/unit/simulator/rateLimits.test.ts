import * as assert from 'node:assert/strict';
import { ENDPOINTS, type EndpointId } from '../../../src/okx/endpoints';
import type { OkxError } from '../../../src/okx/errors';
import { startSim, type SimHarness } from '../support/sim';

describe('simulator: rate limits per endpoint, as documented', function () {
  this.timeout(20_000);
  let h: SimHarness;
  before(async () => {
    h = await startSim();
  });
  after(() => h.sim.close());

  const classes: [string, EndpointId, object][] = [
    ['2 / s per user', 'ethRedeem', { amt: '0.001' }],
    ['3 / s per user', 'onchainOffers', {}],
    ['6 / s per user', 'savingsBalance', {}],
    ['6 / s per IP (public)', 'savingsLendingRateSummary', {}],
    ['5 / 2 s per user', 'loanMaxCollateralRedeem', { ccy: 'BTC' }],
  ];

  for (const [name, id, params] of classes) {
    it(`${name} (${id}): one over the limit gets 50011 with HTTP 429; after the window it is fine again`, async () => {
      // A client with no limiter of its own (a fresh one per request) and no retries, to hit the server's limit.
      const unlimited = (): ReturnType<typeof h.clientWith> => h.clientWith({ retry: { maxAttempts: 1 } });
      const { count, windowMs } = ENDPOINTS[id].rateLimit;
      const results = await Promise.allSettled(Array.from({ length: count + 1 }, () => unlimited().call(id, params as never)));
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as OkxError] : []));
      assert.equal(refused.length, 1, `exactly one of ${count + 1} refused`);
      assert.deepEqual([refused[0]?.code, refused[0]?.httpStatus], ['50011', 429]);
      await new Promise((resolve) => setTimeout(resolve, windowMs + 50));
      await unlimited().call(id, params);
    });
  }

  it("a burst through our client's own limiter gets zero 50011s (12 max-collateral-redeem look-ups at 5 / 2 s)", async () => {
    // Let the previous test's requests leave the server's window: this client's limiter cannot know of them.
    await new Promise((resolve) => setTimeout(resolve, ENDPOINTS.loanMaxCollateralRedeem.rateLimit.windowMs));
    const before = h.sim.requests.length;
    const client = h.clientWith({ retry: { maxAttempts: 1 } });
    const answers = await Promise.all(Array.from({ length: 12 }, () => client.loan.maxCollateralRedeem({ ccy: 'ETH' })));
    assert.equal(answers.length, 12);
    const codes = h.sim.requests.slice(before).map((r) => r.code);
    assert.deepEqual(codes, Array.from({ length: 12 }, () => '0'));
  });
});
