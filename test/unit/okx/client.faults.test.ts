/**
 * The client against a loopback server that misbehaves in every way we know of, for a request that moves money
 * (POST) and for a read (GET): how many requests reach the server, and what the caller gets. The README's fault
 * table says the same in words.
 */
import * as assert from 'node:assert/strict';
import { OkxClient, type RetryEvent } from '../../../src/okx/client';
import { customEnvironment } from '../../../src/okx/environments';
import { OkxError, type ErrorCategory } from '../../../src/okx/errors';
import { MIN_SECRET_RUN, redactor } from '../../../src/okx/redact';
import { RecordingServer, ok, okxError, type Reply } from '../support/recordingServer';
import { CREDENTIALS } from '../support/requests';

const TIME_PATH = '/api/v5/public/time';
const MONEY = { ccy: 'USDT', amt: '1', side: 'purchase' } as const;

/** What the caller gets: the number of requests that reached OKX, and the data or the error's category. */
interface Expect {
  readonly requests: number;
  readonly category?: ErrorCategory;
}

interface FaultCase {
  readonly name: string;
  /** The answer to every finance request; `elsewhere` is a third party's URL, for redirects. */
  reply(elsewhere: string): Reply;
  readonly post: Expect;
  readonly get: Expect;
}

const unknown: Expect = { requests: 1, category: 'unknown-outcome' };
const retried = (category: ErrorCategory): Expect => ({ requests: 4, category });
const once = (category?: ErrorCategory): Expect => (category === undefined ? { requests: 1 } : { requests: 1, category });

const FAULTS: FaultCase[] = [
  { name: 'no answer (timeout)', reply: () => ({ hang: true }), post: unknown, get: retried('network') },
  { name: 'connection reset', reply: () => ({ destroy: true }), post: unknown, get: retried('network') },
  ...[301, 302, 303, 307, 308].map(
    (status): FaultCase => ({
      name: `HTTP ${status} redirect to another host`,
      reply: (elsewhere) => ({ status, text: '', headers: { location: `${elsewhere}/api/v5/finance/savings/purchase-redempt` } }),
      post: unknown,
      get: once('unavailable'),
    }),
  ),
  { name: 'HTTP 500, an HTML page', reply: () => ({ status: 500, text: '<html>Internal error</html>' }), post: unknown, get: retried('unavailable') },
  { name: 'HTTP 502, an HTML page', reply: () => ({ status: 502, text: '<html>Bad gateway</html>' }), post: unknown, get: retried('unavailable') },
  { name: 'HTTP 503, JSON with an undocumented code', reply: () => okxError('1', 'Internal Server Error', 503), post: unknown, get: retried('unavailable') },
  { name: 'HTTP 500, JSON claiming success', reply: () => ({ status: 500, json: { code: '0', msg: '', data: [{ ccy: 'USDT' }] } }), post: unknown, get: once() },
  { name: 'HTTP 503, 50013 (system busy)', reply: () => okxError('50013', 'System busy', 503), post: once('unavailable'), get: retried('unavailable') },
  { name: 'HTTP 429, 50011 (rate limit)', reply: () => okxError('50011', 'Too Many Requests', 429), post: once('rate-limit'), get: retried('rate-limit') },
  {
    name: 'HTTP 429, 50011 with Retry-After: 86400',
    reply: () => ({ ...okxError('50011', 'Too Many Requests', 429), headers: { 'retry-after': '86400' } }),
    post: once('rate-limit'),
    get: once('rate-limit'),
  },
  { name: '50004 (endpoint request timeout)', reply: () => okxError('50004', 'API endpoint request timeout'), post: unknown, get: retried('unavailable') },
  { name: '50102 (timestamp expired), every time', reply: () => okxError('50102', 'Timestamp request expired', 401), post: { requests: 2, category: 'clock' }, get: { requests: 2, category: 'clock' } },
  { name: 'HTTP 200, not JSON', reply: () => ({ text: '<html>hello</html>' }), post: unknown, get: retried('unavailable') },
  { name: 'HTTP 200, cut-off JSON', reply: () => ({ text: '{"code":"0","data":[{"ccy"' }), post: unknown, get: retried('unavailable') },
  { name: 'HTTP 200, empty body', reply: () => ({ text: '' }), post: unknown, get: retried('unavailable') },
  { name: 'HTTP 200, JSON without a code', reply: () => ({ json: { msg: '', data: [] } }), post: unknown, get: retried('unavailable') },
  { name: 'HTTP 200, a code that is an object', reply: () => ({ json: { code: { x: 1 }, data: [] } }), post: unknown, get: retried('unavailable') },
  { name: 'success whose data is null', reply: () => ({ json: { code: '0', msg: '', data: null } }), post: unknown, get: once('unavailable') },
  { name: 'success whose data is an object', reply: () => ({ json: { code: '0', msg: '', data: { ordId: '1' } } }), post: unknown, get: once('unavailable') },
  { name: 'success whose data holds null', reply: () => ({ json: { code: '0', msg: '', data: [null] } }), post: unknown, get: once('unavailable') },
  { name: 'success with msg null', reply: () => ({ json: { code: '0', msg: null, data: [] } }), post: once(), get: once() },
  { name: 'success with a numeric code', reply: () => ({ json: { code: 0, msg: '', data: [] } }), post: once(), get: once() },
  { name: '51008 with a numeric msg', reply: () => ({ json: { code: '51008', msg: 51008, data: [] } }), post: once('insufficient-funds'), get: once('insufficient-funds') },
  { name: 'a failed item with a numeric sMsg', reply: () => ({ json: { code: '1', msg: '', data: [{ sCode: '51008', sMsg: 51008 }] } }), post: once('insufficient-funds'), get: once('insufficient-funds') },
  { name: 'a failed item with a numeric sCode', reply: () => ({ json: { code: '1', msg: 'fail', data: [{ sCode: 51008, sMsg: 'Insufficient' }] } }), post: once('insufficient-funds'), get: once('insufficient-funds') },
  { name: 'a numeric code', reply: () => ({ json: { code: 51008, msg: 'Insufficient', data: [] } }), post: once('insufficient-funds'), get: once('insufficient-funds') },
  { name: 'HTTP 401, 50113 (bad signature)', reply: () => okxError('50113', 'Invalid Sign', 401), post: once('auth'), get: once('auth') },
  { name: 'HTTP 400, an HTML page', reply: () => ({ status: 400, text: '<html>Bad request</html>' }), post: once('invalid-input'), get: once('invalid-input') },
  { name: 'HTTP 403, an HTML page', reply: () => ({ status: 403, text: '<html>Forbidden</html>' }), post: once('permission'), get: once('permission') },
  { name: 'an undocumented code with HTTP 200', reply: () => okxError('59999', 'Something new'), post: once('other'), get: once('other') },
];

describe('okx/client: every kind of fault, as a money POST and as a read', () => {
  let server: RecordingServer;
  let elsewhere: RecordingServer;
  let fault: FaultCase | undefined;
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
  const financeRequests = (): number => server.requests.filter((r) => r.path !== TIME_PATH).length;

  before(async () => {
    elsewhere = await RecordingServer.start(() => ok([{ ordId: 'not-okx' }]));
    server = await RecordingServer.start((request) =>
      request.path === TIME_PATH ? ok([{ ts: String(Date.now()) }]) : (fault?.reply(elsewhere.baseUrl) ?? ok([])),
    );
  });
  after(async () => {
    await server.close();
    await elsewhere.close();
  });
  beforeEach(() => {
    server.requests.splice(0);
    elsewhere.requests.splice(0);
    sleeps.splice(0);
  });

  const check = async (call: Promise<unknown>, expect: Expect, what: string): Promise<void> => {
    const outcome = await call.then(
      (data) => ({ data }),
      (error: unknown) => ({ error }),
    );
    if (expect.category === undefined) {
      assert.ok('data' in outcome, `${what}: succeeds, got ${String((outcome as { error?: unknown }).error)}`);
    } else {
      assert.ok('error' in outcome, `${what}: fails`);
      assert.ok(outcome.error instanceof OkxError, `${what}: an OkxError, not ${String(outcome.error)}`);
      assert.equal(outcome.error.category, expect.category, `${what}: ${outcome.error.message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(financeRequests(), expect.requests, `${what}: requests that reached the server`);
    assert.equal(elsewhere.requests.length, 0, `${what}: nothing reached the other host`);
  };

  for (const kind of FAULTS) {
    it(`${kind.name}: POST ${kind.post.requests} request(s) → ${kind.post.category ?? 'data'}; GET ${kind.get.requests} → ${kind.get.category ?? 'data'}`, async () => {
      fault = kind;
      await check(make().savings.purchaseRedempt(MONEY), kind.post, 'money POST');
      server.requests.splice(0);
      await check(make().savings.balance(), kind.get, 'read');
    });
  }

  describe('redirects (item 1)', () => {
    it('a 307 to a money POST is not followed: the key, passphrase and signature never reach the other host', async () => {
      fault = FAULTS.find((f) => f.name.startsWith('HTTP 307'));
      const error = await make().onchain.purchase({ productId: '4005', investData: [{ ccy: 'USDT', amt: '100' }] }).catch((e: unknown) => e);
      assert.ok(error instanceof OkxError);
      assert.equal(error.category, 'unknown-outcome');
      assert.equal(error.httpStatus, 307);
      assert.match(error.message, /redirect \(HTTP 307\), which is never followed/);
      assert.equal(elsewhere.requests.length, 0);
      assert.equal(server.requests.length, 1);
    });

    it('a 302 to a signed read is an error, not data from the other host', async () => {
      fault = FAULTS.find((f) => f.name.startsWith('HTTP 302'));
      await assert.rejects(make().savings.balance(), { category: 'unavailable', httpStatus: 302, message: /redirect \(HTTP 302\)/ });
      assert.equal(elsewhere.requests.length, 0);
    });
  });

  describe('a success that cannot be read (item 2)', () => {
    it('code "0" with data null to a purchase is an unknown outcome, not a success nor a refusal', async () => {
      fault = FAULTS.find((f) => f.name === 'success whose data is null');
      const error = await make().onchain.purchase({ productId: '4005', investData: [{ ccy: 'USDT', amt: '100' }] }).catch((e: unknown) => e);
      assert.ok(error instanceof OkxError && error.outcomeUnknown, String(error));
      assert.match(error.message, /neither a clear success nor a refusal \(HTTP 200\).*may or may not have been carried out/);
    });
  });

  describe('fields of unexpected types (item 3)', () => {
    it('a numeric sMsg keeps the 51008 mapping and reaches the caller as text', async () => {
      fault = FAULTS.find((f) => f.name === 'a failed item with a numeric sMsg');
      const error = await make().savings.purchaseRedempt(MONEY).catch((e: unknown) => e);
      assert.ok(error instanceof OkxError, String(error));
      assert.equal(error.code, '51008');
      assert.equal(error.okxMessage, '51008');
      assert.equal(error.message, 'Insufficient balance.');
    });

    it('random answers never make the client throw anything but an OkxError', async () => {
      let seed = 12345;
      const random = (): number => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const values: unknown[] = [null, 0, 1, -1, 51008, 1e308, '', '0', '51008', '51008_1', 'x', true, false, [], {}, [null], [{}], { sCode: 1 }, 'constructor', '__proto__', 'toString'];
      const anyValue = (): unknown => values[Math.floor(random() * values.length)];
      const item = (): unknown => (random() < 0.5 ? anyValue() : { sCode: anyValue(), sMsg: anyValue(), ordId: anyValue() });
      for (let i = 0; i < 150; i++) {
        const body: Record<string, unknown> = {};
        if (random() < 0.9) body.code = anyValue();
        if (random() < 0.8) body.msg = anyValue();
        if (random() < 0.8) body.data = random() < 0.5 ? anyValue() : [item(), item()];
        const status = [200, 200, 200, 400, 401, 429, 500, 503][Math.floor(random() * 8)] ?? 200;
        fault = { name: 'fuzz', reply: () => ({ status, json: body }), post: unknown, get: unknown };
        for (const call of [make({ retry: { maxAttempts: 1 } }).savings.purchaseRedempt(MONEY), make({ retry: { maxAttempts: 1 } }).savings.balance()]) {
          await call.catch((error: unknown) => {
            assert.ok(error instanceof OkxError, `${JSON.stringify(body)} (HTTP ${status}) threw ${String(error)}`);
            assert.ok(error.category.length > 0);
          });
        }
      }
    });

    it('a request-log listener that throws changes nothing', async () => {
      fault = { name: 'ok', reply: () => ok([{ ccy: 'USDT', amt: '1' }]), post: unknown, get: unknown };
      const client = make({
        onRequest: () => {
          throw new TypeError('listener bug');
        },
      });
      assert.deepEqual(await client.savings.purchaseRedempt(MONEY), [{ ccy: 'USDT', amt: '1' }]);
    });
  });

  describe('Retry-After (item 4)', () => {
    it('a Retry-After above the cap fails the read at once with when to try again, instead of sleeping', async () => {
      fault = FAULTS.find((f) => f.name.includes('Retry-After: 86400'));
      const before = Date.now();
      const error = await make().savings.balance().catch((e: unknown) => e);
      assert.ok(error instanceof OkxError);
      assert.equal(error.category, 'rate-limit');
      assert.match(error.message, /asked to wait 86400 s before the next request, so it was not retried/);
      assert.ok(error.retryAt !== undefined && error.retryAt >= before + 86_400_000 && error.retryAt <= Date.now() + 86_400_000, String(error.retryAt));
      assert.deepEqual(sleeps, []);
      assert.equal(financeRequests(), 1);
    });

    it('a Retry-After within the cap is waited for, and announced with the time of the retry', async () => {
      let answered = 0;
      const limited: Reply = { ...okxError('50011', 'Too Many Requests', 429), headers: { 'retry-after': '3' } };
      fault = { name: 'retry-after 3', reply: () => (answered++ === 0 ? limited : ok([{ ccy: 'USDT' }])), post: unknown, get: unknown };
      const events: RetryEvent[] = [];
      const before = Date.now();
      await make({ onRetry: (event) => events.push(event) }).savings.balance();
      assert.deepEqual(sleeps, [3000]);
      assert.equal(events.length, 1);
      const [event] = events;
      assert.equal(event?.error.category, 'rate-limit');
      assert.equal(event?.delayMs, 3000);
      assert.ok(event !== undefined && event.at >= before + 3000 && event.at <= Date.now() + 3000);
      assert.equal(event?.path, '/api/v5/finance/savings/balance');
    });

    it('reads Retry-After as an HTTP date too, and the cap can be set', async () => {
      const at = new Date(Date.now() + 20_000).toUTCString();
      fault = { name: 'retry-after date', reply: () => ({ status: 503, text: '', headers: { 'retry-after': at } }), post: unknown, get: unknown };
      await assert.rejects(make().savings.balance(), { category: 'unavailable', message: /asked to wait (19|20) s/ });
      assert.equal(financeRequests(), 1);
      sleeps.splice(0);
      await assert.rejects(make({ retry: { maxAttempts: 2, maxRetryAfterMs: 30_000 } }).savings.balance(), { category: 'unavailable' });
      assert.equal(sleeps.length, 1);
      assert.ok((sleeps[0] ?? 0) > 10_000 && (sleeps[0] ?? 0) <= 20_000, String(sleeps));
    });
  });

  describe('server errors to a money POST (item 5)', () => {
    it('a 500 with an undocumented code is an unknown outcome; a documented refusal stays a refusal', async () => {
      fault = { name: '500 json', reply: () => okxError('1', 'Internal Server Error', 500), post: unknown, get: unknown };
      const error = await make().eth.purchase({ amt: '1' }).catch((e: unknown) => e);
      assert.ok(error instanceof OkxError);
      assert.equal(error.category, 'unknown-outcome');
      assert.equal(error.code, '1');
      fault = { name: '503 50013', reply: () => okxError('50013', 'System busy', 503), post: unknown, get: unknown };
      await assert.rejects(make().eth.purchase({ amt: '1' }), { category: 'unavailable', code: '50013' });
      assert.equal(financeRequests(), 2);
    });
  });
});

describe('okx/redact (item 9)', () => {
  let server: RecordingServer;
  const KEYS = { apiKey: '985d5b66-57ce-40fb-b714-afc0b9787083', secretKey: 'chNOOS4KvNXR_Xq4k4c9qsfoKWvnDecLATCRlcBwyKDYnWgO', passphrase: 'p@ss word/+9' };

  before(async () => {
    server = await RecordingServer.start();
  });
  after(() => server.close());

  it('hides upper-cased, URL-encoded and truncated echoes of the key, secret, passphrase and signature', async () => {
    let signature = '';
    server.respond((request) => {
      signature = String(request.headers['ok-access-sign']);
      const echo = [
        `key ${KEYS.apiKey.toUpperCase()}`,
        `pass ${encodeURIComponent(KEYS.passphrase)}`,
        `pass2 ${KEYS.passphrase.toUpperCase()}`,
        `secret ${KEYS.secretKey.slice(0, 12)}…`,
        `tail ${KEYS.secretKey.slice(-9)}`,
        `sign ${encodeURIComponent(signature)}`,
        `sign2 ${signature.slice(0, 16)}`,
      ].join(', ');
      return okxError('50113', echo, 401);
    });
    const client = new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: KEYS });
    const error = await client.savings.balance().catch((e: unknown) => e);
    assert.ok(error instanceof OkxError);
    assert.equal(error.okxMessage, 'key ***, pass ***, pass2 ***, secret ***…, tail ***, sign ***, sign2 ***');
    assert.ok(signature.length > 0);
  });

  it('hides any run of at least MIN_SECRET_RUN characters of a secret, and a shorter secret only whole', () => {
    const redact = redactor(['abcdefghijklmnop', 'xyz']);
    assert.equal(redact(`${'ABCDEF'} and ${'ghijkl'} and ${'abcde'}`), '*** and *** and abcde');
    assert.equal(MIN_SECRET_RUN, 6);
    assert.equal(redact('a XYZ b xy'), 'a *** b xy');
    assert.equal(redact(42), '42');
    assert.equal(redact({ toString: () => 'abcdefghijklmnop' }), '');
    assert.equal(redactor([''])('text'), 'text');
  });
});
