import * as assert from 'node:assert/strict';
import http from 'node:http';
import { AREA_IDS, Portfolio } from '../../../src/portfolio/portfolio';
import { OkxClient } from '../../../src/okx/client';
import { customEnvironment } from '../../../src/okx/environments';
import { SANDBOX_CREDENTIALS } from '../../../src/simulator/server';
import { ConnectionCounter } from '../support/connectionCounter';
import { startSim, type SimHarness } from '../support/sim';

type RequestFn = typeof http.request;

/**
 * What VS Code's proxy support does to `http.request` in the extension host (@vscode/proxy-agent's
 * createHttpPatch, assigned onto the `http` module itself): every request gets a new agent of its own, which is
 * not keep-alive, and for a direct connection hands the request to the keep-alive global agent.
 */
function patchLikeVsCode(pool: http.Agent, calls: http.RequestOptions[]): () => void {
  const original = http.request;
  class PerRequestAgent extends http.Agent {
    addRequest(request: http.ClientRequest, options: http.RequestOptions): void {
      (pool as unknown as { addRequest(r: http.ClientRequest, o: http.RequestOptions): void }).addRequest(request, options);
    }
  }
  // node-fetch calls request(options, callback), the options holding the URL's parts.
  const patched = ((options: http.RequestOptions, callback?: (response: http.IncomingMessage) => void) => {
    calls.push({ ...options });
    return original({ ...options, agent: new PerRequestAgent() }, callback);
  }) as RequestFn;
  Object.assign(http, { request: patched });
  return () => Object.assign(http, { request: original });
}

describe('Transport: connections and the way VS Code patches http', () => {
  let harness: SimHarness;
  let counter: ConnectionCounter;

  beforeEach(async () => {
    harness = await startSim({ rateLimits: false });
    counter = await ConnectionCounter.start(harness.sim.port);
  });

  afterEach(async () => {
    await counter.close();
    await harness.sim.close();
  });

  const client = (): OkxClient => new OkxClient({ environment: customEnvironment(counter.url), credentials: SANDBOX_CREDENTIALS });

  it('sends every request through http.request as it is when the request is made, with no agent of its own and keep-alive asked', async () => {
    const calls: http.RequestOptions[] = [];
    const pool = new http.Agent({ keepAlive: true });
    const restore = patchLikeVsCode(pool, calls);
    try {
      const portfolio = new Portfolio(client());
      await portfolio.refresh(AREA_IDS);
      const sent = harness.sim.received().length;
      assert.ok(sent >= AREA_IDS.length);
      assert.equal(calls.length, sent, 'every request went through the patched http.request');
      for (const options of calls) {
        // Without an agent, every http.proxySupport mode ('on' included) applies VS Code's proxy settings.
        assert.equal(options.agent, undefined);
        assert.deepEqual([(options.headers as Record<string, string | string[]>).Connection].flat(), ['keep-alive']);
      }
    } finally {
      restore();
      pool.destroy();
    }
  });

  it('reuses connections for a refresh right after another, even behind a per-request agent that is not keep-alive', async () => {
    const pool = new http.Agent({ keepAlive: true });
    const restore = patchLikeVsCode(pool, []);
    try {
      const portfolio = new Portfolio(client());
      await portfolio.refresh(AREA_IDS);
      const opened = counter.connections;
      const sent = harness.sim.received().length;
      await portfolio.refresh(AREA_IDS, { fresh: true });
      const requests = harness.sim.received().length - sent;
      assert.ok(requests >= AREA_IDS.length, `${requests} requests`);
      assert.equal(counter.connections - opened, 0, `${requests} requests opened ${counter.connections - opened} connections`);
    } finally {
      restore();
      pool.destroy();
    }
  });

  it('reuses connections through Node\'s own global agent outside VS Code', async () => {
    const portfolio = new Portfolio(client());
    await portfolio.refresh(AREA_IDS);
    const opened = counter.connections;
    await portfolio.refresh(AREA_IDS, { fresh: true });
    assert.equal(counter.connections - opened, 0);
  });
});
