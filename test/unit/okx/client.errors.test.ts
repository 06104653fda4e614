import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { OkxClient } from '../../../src/okx/client';
import { customEnvironment } from '../../../src/okx/environments';
import { OKX_CODES, OkxError, errorForCode, type ErrorCategory } from '../../../src/okx/errors';
import { RecordingServer, ok, okxError, type Reply } from '../support/recordingServer';
import { CREDENTIALS } from '../support/requests';

/** Every code in the API facts note. */
const FACT_CODES = [
  '50011', '50013', '50038', '50101', '50102', '50103', '50104', '50105', '50106', '50107', '50110', '50111', '50113', '50119', '50120',
  '51000', '51008', '58002', '50004',
  ...Array.from({ length: 20 }, (_, i) => String(51720 + i)),
  ...Array.from({ length: 13 }, (_, i) => String(51750 + i)),
];

describe('okx/errors and the client\'s error mapping', () => {
  let server: RecordingServer;
  let reply: Reply;
  const noWait = { sleep: () => Promise.resolve(), retry: { maxAttempts: 3 } };
  const client = (): OkxClient =>
    new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS, timeoutMs: 500, ...noWait });

  before(async () => {
    server = await RecordingServer.start(() => reply);
  });
  after(() => server.close());
  beforeEach(() => server.requests.splice(0));

  it('has a category and a human message for every code in the facts note', () => {
    for (const code of FACT_CODES) {
      const known = OKX_CODES[code];
      assert.ok(known, `code ${code} is mapped`);
      assert.ok(known.template.length > 10 && !known.template.includes('undefined'), code);
    }
  });

  const expectations: [string, ErrorCategory][] = [
    ['50011', 'rate-limit'], ['50013', 'unavailable'], ['50038', 'unavailable'], ['50101', 'wrong-region'], ['50102', 'clock'],
    ['50105', 'auth'], ['50110', 'permission'], ['50111', 'auth'], ['50113', 'auth'], ['50119', 'wrong-region'],
    ['50120', 'permission'], ['51000', 'invalid-input'], ['51008', 'insufficient-funds'], ['58002', 'product-state'],
    ['51723', 'product-state'], ['51727', 'invalid-input'], ['51730', 'product-state'], ['51732', 'permission'],
    ['51736', 'insufficient-funds'], ['51739', 'unavailable'], ['51752', 'invalid-input'], ['51762', 'product-state'],
  ];
  for (const [code, category] of expectations) {
    it(`maps ${code} to ${category}`, () => {
      assert.equal(errorForCode({ code }).category, category);
    });
  }

  it('fills {ccy} from the request, and words the message without it when there is none', async () => {
    reply = okxError('51736', 'Insufficient balance');
    await assert.rejects(client().savings.purchaseRedempt({ ccy: 'USDT', amt: '5', side: 'purchase', rate: '0.01' }), {
      message: 'Insufficient USDT balance.',
      template: 'Insufficient {ccy} balance.',
    });
    await assert.rejects(client().eth.purchase({ amt: '5' }), { message: 'Insufficient balance.' });
  });

  it('reads the sub-code of 51008_1000 and still maps it by its base code', async () => {
    reply = okxError('51008_1000', 'Order failed. Insufficient account balance');
    const error = await client().savings.setLendingRate({ ccy: 'BTC', rate: '0.02' }).catch((e: unknown) => e);
    assert.ok(error instanceof OkxError);
    assert.equal(error.code, '51008_1000');
    assert.equal(error.baseCode, '51008');
    assert.equal(error.subCode, '1000');
    assert.equal(error.category, 'insufficient-funds');
  });

  it('lets sCode/sMsg in data[] take precedence over the top-level code and msg', async () => {
    reply = { json: { code: '1', msg: 'Operation failed', data: [{ ordId: '', sCode: '51730', sMsg: 'Sold out' }] } };
    const error = await client().onchain.purchase({ productId: '1', investData: [{ ccy: 'DOT', amt: '2' }] }).catch((e: unknown) => e);
    assert.ok(error instanceof OkxError);
    assert.equal(error.code, '51730');
    assert.equal(error.okxMessage, 'Sold out');
    assert.equal(error.category, 'product-state');
    // A failing item inside a top-level success is a failure too.
    reply = { json: { code: '0', msg: '', data: [{ sCode: '51727', sMsg: 'below min' }] } };
    await assert.rejects(client().onchain.purchase({ productId: '1', investData: [{ ccy: 'DOT', amt: '0.1' }] }), { code: '51727' });
  });

  it('maps HTTP 401, 400 and 429 with their OKX codes', async () => {
    reply = okxError('50113', 'Invalid Sign', 401);
    await assert.rejects(client().savings.balance(), { category: 'auth', httpStatus: 401, code: '50113' });
    reply = okxError('51000', 'Parameter ccy error', 400);
    await assert.rejects(client().savings.balance({ ccy: '???' }), { category: 'invalid-input', httpStatus: 400 });
    reply = okxError('50011', 'Too Many Requests', 429);
    await assert.rejects(client().savings.balance(), { category: 'rate-limit', httpStatus: 429 });
  });

  it('maps HTTP 401, 400 and 429 without a readable body by status alone', async () => {
    for (const [status, category] of [[401, 'auth'], [400, 'invalid-input'], [429, 'rate-limit']] as const) {
      reply = { status, text: '' };
      await assert.rejects(client().loan.info(), { category, httpStatus: status });
    }
  });

  it('an unknown code is "other" with the code in its message', async () => {
    reply = okxError('59999', 'Something new');
    await assert.rejects(client().loan.info(), { category: 'other', code: '59999', message: 'OKX refused the request (code 59999).' });
  });

  it('malformed JSON, an HTML error page, an empty body and a 502 give clear errors and no crash', async () => {
    const cases: [Reply, RegExp][] = [
      [{ text: '{"code":"0","data":[' }, /not an API response \(HTTP 200\)/],
      [{ status: 403, text: '<html><body>Access denied</body></html>' }, /HTTP 403/],
      [{ text: '' }, /not an API response/],
      [{ status: 502, text: '<html>Bad Gateway</html>' }, /not an API response \(HTTP 502\)/],
      [{ json: { unexpected: true } }, /not an API response/],
    ];
    for (const [r, message] of cases) {
      reply = r;
      await assert.rejects(client().loan.info(), (error: unknown) => {
        assert.ok(error instanceof OkxError);
        assert.match(error.message, message);
        return true;
      });
    }
  });

  it('no secret, passphrase, key or signature reaches an error, its JSON or its inspection', async () => {
    // A hostile or buggy server echoing the credentials back.
    server.respond((request) => okxError('50113', `bad ${String(request.headers['ok-access-sign'])} ${CREDENTIALS.secretKey} ${CREDENTIALS.passphrase} ${CREDENTIALS.apiKey}`, 401));
    const errors: unknown[] = [];
    const c = client();
    errors.push(await c.savings.balance().catch((e: unknown) => e));
    server.respond(() => ({ destroy: true }));
    errors.push(await c.onchain.purchase({ productId: '1', investData: [{ ccy: 'DOT', amt: '1' }] }).catch((e: unknown) => e));
    errors.push(await c.savings.balance().catch((e: unknown) => e));
    server.respond(() => ({ hang: true }));
    errors.push(await c.savings.balance().catch((e: unknown) => e));
    const signatures = server.requests.map((r) => String(r.headers['ok-access-sign']));
    for (const error of errors) {
      assert.ok(error instanceof OkxError);
      const texts = [error.message, String(error.okxMessage), JSON.stringify(error), inspect(error, { depth: 5 }), String(error.stack)];
      for (const secret of [CREDENTIALS.secretKey, CREDENTIALS.passphrase, CREDENTIALS.apiKey, ...signatures]) {
        for (const text of texts) {
          assert.ok(!text.includes(secret), `"${secret}" leaked into: ${text}`);
        }
      }
    }
    assert.ok(!inspect(c).includes(CREDENTIALS.secretKey) && !JSON.stringify(c).includes(CREDENTIALS.passphrase));
    server.respond(() => reply);
  });

  it('returns data on success even when msg is not empty', async () => {
    reply = { json: { code: '0', msg: 'ok', data: [{ ccy: 'BTC', rate: '0.02' }] } };
    assert.deepEqual(await client().savings.setLendingRate({ ccy: 'BTC', rate: '0.02' }), [{ ccy: 'BTC', rate: '0.02' }]);
    reply = ok([]);
  });
});
