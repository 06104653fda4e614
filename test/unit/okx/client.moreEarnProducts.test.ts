/**
 * The client for the chapter's More Earn products (OKUSD, Stable Rewards, Dual Investment): every response example
 * of the 2026 pages parses, a malformed answer is an error of the right category, a money move is sent once,
 * the facade reaches every endpoint of the table, and the OKUSD and Dual Investment histories page as their
 * pages say (`end` inclusive, `endId` exclusive).
 */
import * as assert from 'node:assert/strict';
import { OkxClient } from '../../../src/okx/client';
import type { Pager } from '../../../src/okx/pager';
import { ACCOUNT_ENDPOINT_IDS, ENDPOINT_DOCS, FINANCE_ENDPOINT_IDS } from '../../../src/okx/endpointDocs';
import { ENDPOINTS, endpointByRoute, type EndpointId } from '../../../src/okx/endpoints';
import { customEnvironment } from '../../../src/okx/environments';
import { RecordingServer, ok, type Reply } from '../support/recordingServer';
import { CREDENTIALS, SAMPLE_PARAMS } from '../support/requests';
import { readChapter2026 } from '../support/seeds';
import { instantLimiter } from '../support/sim';
import { until } from '../support/until';

const MORE_EARN = /\/finance\/(okusd|stable-rewards|sfp\/dcd)\//;

function numbersIn(value: unknown, at = 'data'): string[] {
  if (typeof value === 'number') return [at];
  if (Array.isArray(value)) return value.flatMap((item, i) => numbersIn(item, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${at}.${k}`));
  return [];
}

describe('okx/client: OKUSD, Stable Rewards and Dual Investment', () => {
  let server: RecordingServer;
  let reply: (path: string, query: URLSearchParams) => Reply;

  before(async () => {
    server = await RecordingServer.start((request) => reply(request.path, new URLSearchParams(request.query)));
  });
  after(() => server.close());
  beforeEach(() => server.requests.splice(0));

  const client = (extra: { timeoutMs?: number } = {}): OkxClient =>
    // OKX allows some of these once per second or twice a minute: the limiter's waits take no real time here.
    new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS, sleep: () => Promise.resolve(), limiter: instantLimiter(), ...extra });

  const moreEarn = readChapter2026().filter((doc) => MORE_EARN.test(doc.path));

  it('the 2026 chapter has 19 of them, each in the table', () => {
    assert.equal(moreEarn.length, 19);
    assert.ok(moreEarn.every((doc) => endpointByRoute(doc.method, doc.path) !== undefined));
  });

  for (const doc of moreEarn) {
    const id = endpointByRoute(doc.method, doc.path) as EndpointId;
    const spec = ENDPOINTS[id];

    it(`${doc.method} ${doc.path}: the page's example answer parses, strings and all`, async () => {
      reply = () => ({ json: doc.responseExample });
      const data = await client().call(id, SAMPLE_PARAMS[id]);
      assert.deepEqual(data, (doc.responseExample as { data: unknown }).data);
      assert.deepEqual(numbersIn(data), [], 'no amount, rate or time arrives as a JSON number');
    });

    it(`${doc.method} ${doc.path}: a malformed answer is an error (${spec.moneyMoving ? 'outcome unknown' : 'unavailable'}), never data`, async () => {
      for (const data of [{ amt: '1' }, ['not an object'], null, 'x']) {
        reply = () => ok(data);
        server.requests.splice(0);
        await assert.rejects(client().call(id, SAMPLE_PARAMS[id]), { name: 'OkxError', category: spec.moneyMoving ? 'unknown-outcome' : 'unavailable' });
        assert.equal(server.requests.length, 1, 'not retried: the same answer would come back');
      }
    });
  }

  it('OKUSD subscribe/redeem and dual trade/redeem are sent once on a timeout (the outcome is unknown); a read is retried', async () => {
    reply = () => ({ hang: true });
    for (const id of ['okusdSubscribe', 'okusdRedeem', 'dualTrade', 'dualRedeem'] as const) {
      server.requests.splice(0);
      await assert.rejects(client({ timeoutMs: 50 }).call(id, SAMPLE_PARAMS[id]), { category: 'unknown-outcome' });
      // On a busy machine the server may see the request after the client gave up on it: wait for it, then for
      // anything more (a resend would follow at once).
      await until(() => server.requests.length > 0, `${id} at the server`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(server.requests.length, 1, `${id} sent once`);
    }
    server.requests.splice(0);
    await assert.rejects(client({ timeoutMs: 50 }).okusd.limits(), { category: 'network' });
    assert.equal(server.requests.length, 4, 'a read is tried again');
  });

  it("every endpoint's client method (as the table names it) sends that endpoint", async () => {
    reply = (path) => ok(path.endsWith('/sol/product-info') ? {} : []);
    const c = client() as unknown as Record<string, unknown>;
    for (const id of [...FINANCE_ENDPOINT_IDS, ...ACCOUNT_ENDPOINT_IDS]) {
      const spec = ENDPOINTS[id];
      const { clientMethod } = ENDPOINT_DOCS[id];
      const [area, name] = clientMethod.split('.') as [string, string];
      const method = (c[area] as Record<string, (params: unknown) => unknown> | undefined)?.[name];
      assert.equal(typeof method, 'function', clientMethod);
      server.requests.splice(0);
      const result = method?.(SAMPLE_PARAMS[id]);
      await (spec.cursor === undefined ? result : (result as Pager<unknown>).next());
      assert.deepEqual(server.requests.map((r) => `${r.method} ${r.path}`), [`${spec.method} ${spec.path}`], clientMethod);
    }
  });

  it('OKUSD history pages ask `end` = the last time read (inclusive) and skip what was already read, losing none that share it', async () => {
    // Newest first; two subscriptions share a millisecond across the page boundary.
    const rows = ['500', '400', '300', '300', '200'].map((ts, i) => ({ ordId: String(90 - i), clOrdId: `c${i}`, ccy: 'USDT', amt: '1', settleCcy: 'OKUSD', settleCcyAmt: '1', status: 'success', ts }));
    reply = (_path, query) => {
      const end = query.get('end');
      const limit = Number(query.get('limit'));
      return ok(rows.filter((r) => end === null || Number(r.ts) <= Number(end)).slice(0, limit));
    };
    const pager = client().okusd.subscribeHistory({ limit: '3' });
    const seen: string[] = [];
    for await (const page of pager) seen.push(...page.map((r) => r.ordId));
    assert.deepEqual(seen, ['90', '89', '88', '87', '86']);
    assert.deepEqual(server.requests.map((r) => r.query), ['?limit=3', '?limit=3&end=300', '?limit=3&end=200']);
  });

  it('OKUSD rewards and APR histories page by 30 when no limit is sent (their default), not by 100', async () => {
    const day = 86_400_000;
    const rows = Array.from({ length: 45 }, (_, i) => ({ apr: '0.0418', ts: String(1_718_000_000_000 - i * day) }));
    reply = (_path, query) => {
      const end = query.get('end');
      return ok(rows.filter((r) => end === null || Number(r.ts) <= Number(end)).slice(0, Number(query.get('limit') ?? '30')));
    };
    const pager = client().okusd.aprHistory();
    assert.equal((await pager.next()).length, 30);
    assert.equal(pager.done, false, 'a full page of 30: there may be more');
    assert.equal((await pager.next()).length, 15);
    assert.equal(pager.done, true);
    assert.equal(server.requests[1]?.query, `?end=${rows[29]?.ts}`);
  });

  it('Dual Investment order history pages by endId = the last order id (strictly earlier)', async () => {
    const ids = ['105', '104', '103', '102', '101'];
    reply = (_path, query) => {
      const endId = query.get('endId');
      return ok(ids.filter((id) => endId === null || Number(id) < Number(endId)).slice(0, Number(query.get('limit'))).map((ordId) => ({ ordId, state: 'settled' })));
    };
    const pager = client().dual.orderHistory({ limit: '2', uly: 'BTC-USD' });
    const seen: string[] = [];
    for await (const page of pager) seen.push(...page.map((o) => o.ordId));
    assert.deepEqual(seen, ids);
    assert.deepEqual(server.requests.map((r) => r.query), ['?limit=2&uly=BTC-USD', '?limit=2&uly=BTC-USD&endId=104', '?limit=2&uly=BTC-USD&endId=102']);
  });

  it('a history record without a usable time ends the paging with what was read, as an OkxError at worst, never a crash', async () => {
    reply = () => ok([{ ordId: '1', ts: 'not a time' }, { ordId: '2', ts: 'not a time' }]);
    const pager = client().okusd.subscribeHistory({ limit: '2' });
    assert.equal((await pager.next()).length, 2);
    assert.equal(pager.done, true);
    assert.equal(server.requests.length, 1);
  });
});
