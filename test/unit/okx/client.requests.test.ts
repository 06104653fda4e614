import * as assert from 'node:assert/strict';
import { OkxClient, type FetchLike } from '../../../src/okx/client';
import { ACCOUNT_ENDPOINT_IDS, FINANCE_ENDPOINT_IDS } from '../../../src/okx/endpointDocs';
import { ENDPOINTS } from '../../../src/okx/endpoints';
import { customEnvironment, okxEnvironment } from '../../../src/okx/environments';
import { sign } from '../../../src/okx/signing';
import { CREDENTIALS, SAMPLE_PARAMS } from '../support/requests';
import { RecordingServer, ok } from '../support/recordingServer';


const FIXED_NOW = Date.UTC(2026, 0, 15, 12, 0, 0, 123);

describe('okx/client: what goes on the wire', () => {
  let server: RecordingServer;

  before(async () => {
    server = await RecordingServer.start((request) => ok(request.path.endsWith('/sol/product-info') ? {} : []));
  });
  after(() => server.close());
  beforeEach(() => server.requests.splice(0));

  for (const id of [...FINANCE_ENDPOINT_IDS, ...ACCOUNT_ENDPOINT_IDS]) {
    const spec = ENDPOINTS[id];
    it(`${id}: ${spec.method} ${spec.path}`, async () => {
      const client = new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS, now: () => FIXED_NOW });
      const params = SAMPLE_PARAMS[id];
      await client.call(id, params);

      assert.equal(server.requests.length, 1);
      const [request] = server.requests;
      assert.ok(request);
      assert.equal(request.method, spec.method);
      assert.equal(request.path, spec.path);
      if (spec.method === 'GET') {
        assert.equal(request.body, '');
        assert.deepEqual(Object.fromEntries(new URLSearchParams(request.query)), params);
      } else {
        assert.equal(request.query, '');
        assert.deepEqual(JSON.parse(request.body), params);
      }
      assert.equal(request.headers['content-type'], 'application/json');
      assert.equal(request.headers['x-simulated-trading'], undefined);
      if (spec.auth === 'public') {
        for (const header of ['ok-access-key', 'ok-access-sign', 'ok-access-timestamp', 'ok-access-passphrase']) {
          assert.equal(request.headers[header], undefined, `${header} is not sent to a public endpoint`);
        }
      } else {
        const timestamp = '2026-01-15T12:00:00.123Z';
        assert.equal(request.headers['ok-access-key'], CREDENTIALS.apiKey);
        assert.equal(request.headers['ok-access-passphrase'], CREDENTIALS.passphrase);
        assert.equal(request.headers['ok-access-timestamp'], timestamp);
        // The signature covers exactly the path, query and body the server received.
        assert.equal(request.headers['ok-access-sign'], sign(CREDENTIALS.secretKey, timestamp, spec.method, request.url, request.body));
      }
    });
  }

  it('signs an encoded query exactly as it is sent', async () => {
    const client = new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS });
    await client.call('onchainOffers', { productId: 'a b&c', ccy: 'USDT' });
    const [request] = server.requests;
    assert.ok(request);
    assert.equal(request.url, '/api/v5/finance/staking-defi/offers?productId=a%20b%26c&ccy=USDT');
    assert.equal(
      request.headers['ok-access-sign'],
      sign(CREDENTIALS.secretKey, String(request.headers['ok-access-timestamp']), 'GET', request.url, ''),
    );
  });

  it('demo trading adds x-simulated-trading: 1 to every request, public ones included', async () => {
    const client = new OkxClient({ environment: customEnvironment(server.baseUrl, { demo: true }), credentials: CREDENTIALS });
    await client.savings.balance();
    await client.eth.apyHistory({ days: '1' });
    assert.deepEqual(server.requests.map((r) => r.headers['x-simulated-trading']), ['1', '1']);
  });

  it('a private endpoint without credentials fails before anything is sent', async () => {
    const client = new OkxClient({ environment: customEnvironment(server.baseUrl) });
    await assert.rejects(client.savings.balance(), { name: 'OkxError', category: 'auth' });
    assert.equal(server.requests.length, 0);
    await client.savings.lendingRateSummary();
    assert.equal(server.requests.length, 1);
  });

  it('sends to the production, US and EEA hosts', async () => {
    const urls: string[] = [];
    const fakeFetch: FetchLike = (url) => {
      urls.push(url);
      return Promise.resolve({ status: 200, text: () => Promise.resolve('{"code":"0","msg":"","data":[]}'), headers: { get: () => null } });
    };
    for (const host of ['production', 'us', 'eea'] as const) {
      await new OkxClient({ environment: okxEnvironment(host), credentials: CREDENTIALS, fetch: fakeFetch }).savings.balance({ ccy: 'USDT' });
    }
    assert.deepEqual(urls, [
      'https://www.okx.com/api/v5/finance/savings/balance?ccy=USDT',
      'https://us.okx.com/api/v5/finance/savings/balance?ccy=USDT',
      'https://eea.okx.com/api/v5/finance/savings/balance?ccy=USDT',
    ]);
    assert.equal(okxEnvironment('production', { demo: true }).simulated, true);
  });

  it('accepts only http(s) origins as a custom base URL', () => {
    assert.equal(customEnvironment('http://127.0.0.1:8787/').baseUrl, 'http://127.0.0.1:8787');
    assert.throws(() => customEnvironment('ftp://x'), /http and https/);
    assert.throws(() => customEnvironment('https://x/api'), /no path/);
    assert.throws(() => customEnvironment('not a url'), /Not a URL/);
  });

  it('pages through history on demand with after = the last record\'s cursor', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ refId: String(100 - i), ccy: 'USDC', amt: '1', type: 'borrowed', ts: String(1000 - i) }));
    server.respond((request) => {
      const query = new URLSearchParams(request.query);
      const after = query.get('after');
      const start = after === null ? 0 : all.findIndex((r) => r.refId === after) + 1;
      return ok(all.slice(start, start + Number(query.get('limit'))));
    });
    const client = new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS });
    const pager = client.loan.history({ limit: '2' });
    assert.deepEqual((await pager.next()).map((r) => r.refId), ['100', '99']);
    assert.equal(server.requests.length, 1, 'nothing fetched ahead of need');
    assert.deepEqual((await pager.next()).map((r) => r.refId), ['98', '97']);
    assert.deepEqual((await pager.next()).map((r) => r.refId), ['96']);
    assert.equal(pager.done, true);
    assert.deepEqual(await pager.next(), []);
    assert.deepEqual(server.requests.map((r) => r.query), ['?limit=2', '?limit=2&after=99', '?limit=2&after=97']);
  });
});
