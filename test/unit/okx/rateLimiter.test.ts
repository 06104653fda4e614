import * as assert from 'node:assert/strict';
import { OkxClient } from '../../../src/okx/client';
import { ENDPOINTS, type EndpointId } from '../../../src/okx/endpoints';
import { customEnvironment } from '../../../src/okx/environments';
import { RateLimiter } from '../../../src/okx/rateLimiter';
import { RecordingServer, ok } from '../support/recordingServer';
import { CREDENTIALS, SAMPLE_PARAMS } from '../support/requests';
import { maxInAnyWindow } from '../support/windows';


describe('okx/rateLimiter: bursts stay inside every documented limit', function () {
  this.timeout(20_000);
  let server: RecordingServer;

  before(async () => {
    // A little server latency, so that send and arrival times differ as they do on a real network.
    server = await RecordingServer.start(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
      return ok(request.path.endsWith('/sol/product-info') ? {} : []);
    });
  });
  after(() => server.close());

  /** One burst per limit class, all at once (each endpoint has its own bucket). */
  const bursts: [string, EndpointId, number][] = [
    ['2 / s per user (on-chain purchase)', 'onchainPurchase', 5],
    ['3 / s per user (SOL product-info)', 'solProductInfo', 7],
    ['6 / s per user (savings balance)', 'savingsBalance', 13],
    ['6 / s per IP (ETH APY history, public)', 'ethApyHistory', 13],
    ['5 / 2 s per user (max-collateral-redeem-amount)', 'loanMaxCollateralRedeem', 12],
  ];

  // How close to the minimum time a burst finishes is measured by `npm run bench`, not asserted here.
  it('bursts on every limit class never put more than the limit into any window at the server', async () => {
    const client = new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS });
    const started = performance.now();
    const finished = await Promise.all(
      bursts.map(async ([, id, n]) => {
        await Promise.all(Array.from({ length: n }, () => client.call(id, SAMPLE_PARAMS[id])));
        return performance.now();
      }),
    );
    for (const [index, [name, id, n]] of bursts.entries()) {
      const { count, windowMs } = ENDPOINTS[id].rateLimit;
      const arrivals = server.requests.filter((r) => r.path === ENDPOINTS[id].path).map((r) => r.at);
      assert.equal(arrivals.length, n, name);
      assert.ok(maxInAnyWindow(arrivals, windowMs) <= count, `${name}: at most ${count} in any ${windowMs} ms`);
      const minimum = (Math.ceil(n / count) - 1) * windowMs;
      assert.ok((finished[index]) - started >= minimum, `${name}: cannot finish before ${minimum} ms`);
    }
  });

  it('holds a slot until a window after the response, so slow requests cannot bunch up at the server', async () => {
    const times: number[] = [];
    let now = 0;
    const limiter = new RateLimiter({
      now: () => now,
      sleep: (ms) => {
        now += ms;
        return Promise.resolve();
      },
    });
    const limit = { count: 2, windowMs: 1000, scope: 'user' as const };
    const first = await limiter.acquire('k', limit);
    const second = await limiter.acquire('k', limit);
    times.push(now, now);
    now = 300; // both responses arrive at 300 ms
    first();
    second();
    await limiter.acquire('k', limit);
    times.push(now);
    assert.deepEqual(times, [0, 0, 1300]);
  });

  it('waits for an in-flight request to come back when every slot is busy', async () => {
    const limiter = new RateLimiter();
    const limit = { count: 1, windowMs: 50, scope: 'user' as const };
    const release = await limiter.acquire('k', limit);
    let admitted = false;
    const next = limiter.acquire('k', limit).then((r) => {
      admitted = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(admitted, false, 'still waiting: the first request has not come back');
    release();
    (await next)();
    assert.equal(admitted, true);
  });

  it('says how long a request would wait, without taking a slot (a Dual Investment quote is asked for only once its trade can go)', async () => {
    let now = 1_000;
    const limiter = new RateLimiter({ now: () => now, sleep: () => Promise.resolve() });
    const limit = { count: 2, windowMs: 60_000, scope: 'user' as const };
    assert.equal(limiter.waitMs('k', limit), 0, 'nothing sent yet');
    const first = await limiter.acquire('k', limit);
    assert.equal(limiter.waitMs('k', limit), 0, 'one slot of two in use');
    const second = await limiter.acquire('k', limit);
    assert.equal(limiter.waitMs('k', limit), 60_000, 'both in flight: a whole window, how long they take being unknown');
    now = 2_000;
    first();
    now = 3_000;
    second();
    now = 10_000;
    assert.equal(limiter.waitMs('k', limit), 52_000, 'until the first slot\'s window after its answer has passed');
    assert.equal(limiter.waitMs('k', limit), 52_000, 'asking takes nothing');
    now = 62_000;
    assert.equal(limiter.waitMs('k', limit), 0);
    assert.equal(limiter.waitMs('other', limit), 0, 'per bucket');
    // The client asks with the endpoint's own limit and key.
    const client = new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS });
    assert.equal(client.sendableInMs('dualTrade'), 0);
    await client.call('dualTrade', SAMPLE_PARAMS.dualTrade);
    await client.call('dualTrade', SAMPLE_PARAMS.dualTrade);
    const wait = client.sendableInMs('dualTrade');
    assert.ok(wait > 55_000 && wait <= ENDPOINTS.dualTrade.rateLimit.windowMs, String(wait));
    assert.equal(client.sendableInMs('dualRedeem'), 0, 'its own bucket');
  });

  it('keeps separate buckets per endpoint and per API key', async () => {
    const limiter = new RateLimiter();
    const limit = { count: 1, windowMs: 60_000, scope: 'user' as const };
    await limiter.acquire('user:a:savingsBalance', limit);
    await limiter.acquire('user:b:savingsBalance', limit);
    await limiter.acquire('user:a:ethBalance', limit);
  });
});
