import * as assert from 'node:assert/strict';
import { OkxClient, type FetchLike } from '../../../src/okx/client';
import { ENDPOINTS } from '../../../src/okx/endpoints';
import { customEnvironment, okxEnvironment, type Environment } from '../../../src/okx/environments';
import { RateLimiter } from '../../../src/okx/rateLimiter';
import { clientRateLimitScale, scaleRateLimit } from '../../../src/okx/testRateLimits';
import { CREDENTIALS, SAMPLE_PARAMS } from '../support/requests';

/** A clock that stands still: what the limiter would make the next request wait is read off exactly. */
const stillClock = { now: () => 1_000, sleep: () => Promise.resolve() };

/** Answers every request with OKX's envelope around an empty array, without a network. */
const answering: FetchLike = () => Promise.resolve({ status: 200, text: () => Promise.resolve('{"code":"0","msg":"","data":[]}'), headers: { get: () => null } });

async function waitAfterOneSubscription(environment: Environment, rateLimitScale: number | undefined): Promise<number> {
  const client = new OkxClient({ environment, credentials: CREDENTIALS, fetch: answering, limiter: new RateLimiter(stillClock), ...(rateLimitScale === undefined ? {} : { rateLimitScale }) });
  await client.call('okusdSubscribe', SAMPLE_PARAMS.okusdSubscribe).catch(() => undefined);
  return client.sendableInMs('okusdSubscribe');
}

describe('okx/testRateLimits: shorter windows for tests, against a simulator only', () => {
  const { count, windowMs } = ENDPOINTS.okusdSubscribe.rateLimit;

  it('OKUSD takes one subscription per 2 s: the client keeps that window by default', async () => {
    assert.deepEqual([count, windowMs], [1, 2000]);
    assert.equal(await waitAfterOneSubscription(customEnvironment('http://127.0.0.1:9'), undefined), 2000);
  });

  it('a test may shorten the windows against a loopback address (a simulator), the count unchanged', async () => {
    assert.equal(await waitAfterOneSubscription(customEnvironment('http://127.0.0.1:9'), 0.01), 20);
    assert.equal(await waitAfterOneSubscription(customEnvironment('http://localhost:9'), 0.5), 1000);
    assert.deepEqual(scaleRateLimit(ENDPOINTS.okusdSubscribe.rateLimit, 0.01), { ...ENDPOINTS.okusdSubscribe.rateLimit, windowMs: 20 });
  });

  it("against OKX's hosts, or any other, the client keeps OKX's real limits whatever is asked", async () => {
    for (const environment of [okxEnvironment('production'), okxEnvironment('eea'), okxEnvironment('production', { demo: true }), customEnvironment('https://okx-proxy.example.com')]) {
      assert.equal(clientRateLimitScale(environment, 0.01), 1, environment.baseUrl);
      assert.equal(await waitAfterOneSubscription(environment, 0.01), 2000, environment.baseUrl);
    }
  });

  it('a scale that would make the windows longer, zero or not a number keeps the real limits', () => {
    const simulator = customEnvironment('http://127.0.0.1:9');
    for (const scale of [0, -1, 2, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(clientRateLimitScale(simulator, scale), 1, String(scale));
    assert.equal(clientRateLimitScale(simulator, 1), 1);
  });
});
