import * as assert from 'node:assert/strict';
import { OkxClient } from '../../../src/okx/client';
import { ENDPOINTS } from '../../../src/okx/endpoints';
import { ENDPOINT_DOCS } from '../../../src/okx/endpointDocs';
import { customEnvironment } from '../../../src/okx/environments';
import { RecordingServer } from '../support/recordingServer';
import { CREDENTIALS } from '../support/requests';
import { readAccountPages2026 } from '../support/seeds';

/** The page's example for a route, from the checked-in reference (test/fixtures/okx-reference.json). */
function example(method: string, path: string): { data: unknown } {
  const page = readAccountPages2026().find((p) => p.method === method && p.path === path);
  assert.ok(page, `${method} ${path} is among the account pages`);
  return page.responseExample as { data: unknown };
}

describe('okx/client: the trading account and auto-earn, against the pages\' examples', () => {
  let server: RecordingServer;
  let answer: unknown;
  let client: OkxClient;

  before(async () => {
    server = await RecordingServer.start(() => ({ json: answer }));
    client = new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS });
  });
  after(() => server.close());

  it('GET /api/v5/account/balance: the example parses; each currency\'s auto-earn state and matched amount as OKX sends them', async () => {
    answer = example('GET', '/api/v5/account/balance');
    const [account] = await client.account.tradingBalance({ ccy: 'USDT' });
    assert.ok(account);
    assert.equal(account.totalEq, '55837.43556134779');
    const [usdt] = account.details;
    assert.ok(usdt);
    assert.deepEqual(
      [usdt.ccy, usdt.eq, usdt.cashBal, usdt.availBal, usdt.frozenBal, usdt.eqUsd, usdt.autoLendStatus, usdt.autoLendMtAmt],
      ['USDT', '4992.890093622894', '4850.435693622894', '4834.317093622894', '158.573', '4991.542013297616', 'off', '0'],
    );
    const sent = server.requests.at(-1);
    assert.equal(sent?.method, 'GET');
    assert.equal(sent?.url, '/api/v5/account/balance?ccy=USDT');
  });

  it('POST /api/v5/account/set-auto-earn: sends earnType, ccy and action as the request example; the answer parses', async () => {
    answer = example('POST', '/api/v5/account/set-auto-earn');
    const [ack] = await client.account.setAutoEarn({ earnType: '0', ccy: 'BTC', action: 'turn_on' });
    assert.deepEqual(ack, { earnType: '0', ccy: 'BTC', action: 'turn_on', apr: '0.01' });
    const sent = server.requests.at(-1);
    assert.equal(sent?.path, '/api/v5/account/set-auto-earn');
    assert.deepEqual(JSON.parse(sent?.body ?? ''), { earnType: '0', ccy: 'BTC', action: 'turn_on' });
  });

  it('set-auto-earn is never sent twice: a 5xx is an unknown outcome, not a retry', async () => {
    answer = undefined;
    const from = server.requests.length;
    const failing = await RecordingServer.start(() => ({ status: 503, text: 'busy' }));
    try {
      const c = new OkxClient({ environment: customEnvironment(failing.baseUrl), credentials: CREDENTIALS, sleep: () => Promise.resolve() });
      await assert.rejects(c.account.setAutoEarn({ ccy: 'USDT', action: 'turn_off' }), { category: 'unknown-outcome' });
      assert.equal(failing.requests.length, 1);
      // A read of the balance is retried as any read is.
      await assert.rejects(c.account.tradingBalance(), (e: { category: string }) => e.category !== 'unknown-outcome');
      assert.ok(failing.requests.length > 2);
    } finally {
      await failing.close();
    }
    assert.equal(server.requests.length, from);
  });

  it('the table: balance is a Read (10 / 2 s), set-auto-earn a Trade sent at most once (2 / 2 s)', () => {
    assert.deepEqual([ENDPOINT_DOCS.tradingBalance.permission, ENDPOINTS.tradingBalance.rateLimit.count, ENDPOINTS.tradingBalance.rateLimit.windowMs, ENDPOINTS.tradingBalance.moneyMoving], ['Read', 10, 2000, false]);
    assert.deepEqual([ENDPOINT_DOCS.setAutoEarn.permission, ENDPOINTS.setAutoEarn.rateLimit.count, ENDPOINTS.setAutoEarn.rateLimit.windowMs, ENDPOINTS.setAutoEarn.moneyMoving], ['Trade', 2, 2000, true]);
  });
});
