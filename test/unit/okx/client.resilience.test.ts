import * as assert from 'node:assert/strict';
import { OkxClient } from '../../../src/okx/client';
import { customEnvironment } from '../../../src/okx/environments';
import { OkxError } from '../../../src/okx/errors';
import { RecordingServer, ok, okxError, type Reply } from '../support/recordingServer';
import { CREDENTIALS } from '../support/requests';

const PURCHASE = { productId: '4005', investData: [{ ccy: 'USDT', amt: '100' }] };

describe('okx/client: clock, timeouts, retries, unknown outcomes', () => {
  let server: RecordingServer;
  const sleeps: number[] = [];
  const make = (extra: Partial<ConstructorParameters<typeof OkxClient>[0]> = {}): OkxClient =>
    new OkxClient({
      environment: customEnvironment(server.baseUrl),
      credentials: CREDENTIALS,
      timeoutMs: 300,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
      ...extra,
    });

  before(async () => {
    server = await RecordingServer.start();
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.splice(0);
    sleeps.splice(0);
  });

  describe('clock drift', () => {
    /** An OKX that checks timestamps against its own clock, which runs 45 s ahead of ours. */
    const SERVER_AHEAD_MS = 45_000;
    const strictServer = (request: { path: string; headers: Record<string, unknown> }): Reply => {
      const serverNow = Date.now() + SERVER_AHEAD_MS;
      if (request.path === '/api/v5/public/time') {
        return ok([{ ts: String(serverNow) }]);
      }
      const sent = Date.parse(String(request.headers['ok-access-timestamp']));
      return Math.abs(serverNow - sent) > 30_000 ? okxError('50102', 'Timestamp request expired', 401) : ok([{ ccy: 'USDT', amt: '1' }]);
    };

    it('on 50102 resyncs from /api/v5/public/time, re-signs and succeeds with one retry', async () => {
      server.respond(strictServer);
      const client = make();
      const data = await client.savings.balance();
      assert.equal(data.length, 1);
      assert.deepEqual(
        server.requests.map((r) => r.path),
        ['/api/v5/finance/savings/balance', '/api/v5/public/time', '/api/v5/finance/savings/balance'],
      );
      assert.ok(Math.abs(client.clockOffsetMs - SERVER_AHEAD_MS) < 1000, `offset ${client.clockOffsetMs}`);
      assert.notEqual(server.requests[0]?.headers['ok-access-sign'], server.requests[2]?.headers['ok-access-sign']);
      // Later requests are signed with the corrected clock straight away.
      await client.savings.balance();
      assert.equal(server.requests.length, 4);
    });

    it('a purchase refused with 50102 is safe to resend once: it was never carried out', async () => {
      server.respond(strictServer);
      await make().onchain.purchase(PURCHASE);
      assert.deepEqual(server.requests.map((r) => r.path.split('/').pop()), ['purchase', 'time', 'purchase']);
    });

    it('retries only once: a second 50102 is a clock error', async () => {
      server.respond((request) => (request.path === '/api/v5/public/time' ? ok([{ ts: String(Date.now()) }]) : okxError('50102', '', 401)));
      await assert.rejects(make().savings.balance(), { category: 'clock' });
      assert.equal(server.requests.length, 3);
    });
  });

  describe('money-moving requests are never resent', () => {
    it('a purchase that times out: unknown outcome, exactly one request reached the server', async () => {
      server.respond(() => ({ hang: true }));
      const error = await make().onchain.purchase(PURCHASE).catch((e: unknown) => e);
      assert.ok(error instanceof OkxError);
      assert.equal(error.category, 'unknown-outcome');
      assert.equal(error.outcomeUnknown, true);
      assert.match(error.message, /may or may not have been carried out/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(server.requests.length, 1);
    });

    for (const [name, reply] of [
      ['a reset connection', { destroy: true }],
      ['50004 (endpoint request timeout)', okxError('50004', 'API endpoint request timeout')],
      ['a 502 from a gateway', { status: 502, text: '<html>Bad gateway</html>' }],
      ['a 200 with a cut-off body', { text: '{"code":"0","da' }],
    ] as [string, Reply][]) {
      it(`${name} on a redemption: unknown outcome, one request`, async () => {
        server.respond(() => reply);
        await assert.rejects(make().savings.purchaseRedempt({ ccy: 'USDT', amt: '1', side: 'redempt' }), { category: 'unknown-outcome' });
        assert.equal(server.requests.length, 1);
      });
    }

    it('a refused connection proves nothing was sent: a network error, not an unknown outcome', async () => {
      const closed = await RecordingServer.start();
      const baseUrl = closed.baseUrl;
      await closed.close();
      const client = make({ environment: customEnvironment(baseUrl) });
      await assert.rejects(client.loan.adjustCollateral({ type: 'add', collateralCcy: 'BTC', collateralAmt: '0.1' }), { category: 'network' });
    });

    it('50013 and 50011 on a purchase are definite refusals and are not retried', async () => {
      server.respond(() => okxError('50013', 'System busy', 429));
      await assert.rejects(make().eth.purchase({ amt: '1' }), { category: 'unavailable' });
      server.respond(() => okxError('50011', 'Too many', 429));
      await assert.rejects(make().eth.purchase({ amt: '1' }), { category: 'rate-limit' });
      assert.equal(server.requests.length, 2);
    });
  });

  describe('reads retry transient failures with bounded, jittered backoff', () => {
    for (const [name, failure] of [
      ['a network reset', { destroy: true }],
      ['HTTP 503', { status: 503, text: 'unavailable' }],
      ['50013 system busy', okxError('50013', 'busy', 429)],
      ['a timeout', { hang: true }],
    ] as [string, Reply][]) {
      it(`${name}, then success`, async () => {
        server.respond((_request, index) => (index < 2 ? failure : ok([{ ccy: 'BTC', amt: '1' }])));
        const data = await make().savings.balance();
        assert.equal(data.length, 1);
        assert.equal(server.requests.length, 3);
        assert.deepEqual(sleeps, [125, 250], 'full jitter of 250·2^n with random()=0.5');
      });
    }

    it('gives up after maxAttempts with the last error', async () => {
      server.respond(() => ({ status: 503, text: '' }));
      await assert.rejects(make({ retry: { maxAttempts: 3 } }).loan.info(), { category: 'unavailable', httpStatus: 503 });
      assert.equal(server.requests.length, 3);
    });

    it('caps the backoff at maxDelayMs', async () => {
      server.respond(() => ({ status: 503, text: '' }));
      await assert.rejects(make({ random: () => 0.999, retry: { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 3000 } }).loan.info());
      assert.ok(sleeps.every((ms) => ms <= 3000), String(sleeps));
    });

    it('50011 on a read waits for Retry-After (or one window) and retries', async () => {
      server.respond((_r, index) => (index === 0 ? { ...okxError('50011', 'Too Many Requests', 429), headers: { 'retry-after': '2' } } : ok([])));
      await make().loan.info();
      server.respond((_r, index) => (index === 2 ? okxError('50011', 'Too Many Requests', 429) : ok([])));
      await make().loan.info();
      assert.deepEqual(sleeps, [2000, 2000], 'Retry-After: 2, then the loan window of 2 s');
    });

    it('max-loan is a POST that only reads, so it is retried like a GET', async () => {
      server.respond((_r, index) => (index === 0 ? { destroy: true } : ok([{ borrowCcy: 'USDT', maxLoan: '1', notionalUsd: '1', remainingQuota: '1' }])));
      const [max] = await make().loan.maxLoan({ borrowCcy: 'USDT' });
      assert.equal(max?.maxLoan, '1');
      assert.equal(server.requests.length, 2);
    });
  });

  it('reports every attempt to onRequest without headers or secrets', async () => {
    server.respond((_r, index) => (index === 0 ? { status: 503, text: '' } : ok([])));
    const events: unknown[] = [];
    await make({ onRequest: (event) => events.push(event) }).savings.balance({ ccy: 'USDT' });
    assert.equal(events.length, 2);
    const [first, second] = events as { attempt: number; httpStatus: number; path: string; code: string | undefined }[];
    assert.deepEqual([first?.attempt, first?.httpStatus, second?.attempt, second?.code], [1, 503, 2, '0']);
    assert.equal(second?.path, '/api/v5/finance/savings/balance?ccy=USDT');
    assert.ok(!JSON.stringify(events).includes(CREDENTIALS.secretKey));
  });
});
