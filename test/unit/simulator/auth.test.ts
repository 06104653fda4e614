import * as assert from 'node:assert/strict';
import { customEnvironment } from '../../../src/okx/environments';
import { isoTimestamp, sign } from '../../../src/okx/signing';
import { SANDBOX_CREDENTIALS, SANDBOX_KEY } from '../../../src/simulator/server';
import { rawRequest, startSim, type SimHarness } from '../support/sim';

const BALANCE = '/api/v5/finance/savings/balance';

function signedHeaders(overrides: Record<string, string | undefined> = {}, path = BALANCE, method = 'GET', body = ''): Record<string, string> {
  const timestamp = overrides['OK-ACCESS-TIMESTAMP'] ?? isoTimestamp(Date.now());
  const headers: Record<string, string | undefined> = {
    'OK-ACCESS-KEY': SANDBOX_CREDENTIALS.apiKey,
    'OK-ACCESS-PASSPHRASE': SANDBOX_CREDENTIALS.passphrase,
    'OK-ACCESS-TIMESTAMP': timestamp,
    'OK-ACCESS-SIGN': sign(SANDBOX_CREDENTIALS.secretKey, timestamp, method, path, body),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

describe('simulator: authentication as OKX does it', () => {
  let h: SimHarness;
  before(async () => {
    h = await startSim({
      keys: [
        SANDBOX_KEY,
        { apiKey: 'read-key', secretKey: 'read-secret', passphrase: 'read-pass', permission: 'read', demo: false, region: 'global' },
        { apiKey: 'demo-key', secretKey: 'demo-secret', passphrase: 'demo-pass', permission: 'trade', demo: true, region: 'global' },
        { apiKey: 'us-key', secretKey: 'us-secret', passphrase: 'us-pass', permission: 'trade', demo: false, region: 'us' },
        { apiKey: 'locked-key', secretKey: 'locked-secret', passphrase: 'locked-pass', permission: 'trade', demo: false, region: 'global', ipAllowList: ['10.1.2.3'] },
      ],
    });
  });
  after(() => h.sim.close());

  it('accepts a correctly signed request', async () => {
    const reply = await rawRequest(h.sim, 'GET', BALANCE, signedHeaders());
    assert.equal(reply.code, '0');
  });

  for (const [header, code] of [
    ['OK-ACCESS-KEY', '50103'],
    ['OK-ACCESS-PASSPHRASE', '50104'],
    ['OK-ACCESS-SIGN', '50106'],
    ['OK-ACCESS-TIMESTAMP', '50107'],
  ] as const) {
    it(`a missing ${header} gets ${code} with HTTP 401`, async () => {
      const reply = await rawRequest(h.sim, 'GET', BALANCE, signedHeaders({ [header]: undefined }));
      assert.deepEqual([reply.status, reply.code], [401, code]);
    });
  }

  it('a malformed timestamp gets 50112', async () => {
    const reply = await rawRequest(h.sim, 'GET', BALANCE, signedHeaders({ 'OK-ACCESS-TIMESTAMP': '2020-12-08 09:08:57' }));
    assert.deepEqual([reply.status, reply.code], [401, '50112']);
  });

  it('a timestamp more than 30 s from the server clock gets 50102; 29 s is fine', async () => {
    const stale = await rawRequest(h.sim, 'GET', BALANCE, signedHeaders({ 'OK-ACCESS-TIMESTAMP': isoTimestamp(Date.now() - 31_000) }));
    assert.deepEqual([stale.status, stale.code], [401, '50102']);
    const close = await rawRequest(h.sim, 'GET', BALANCE, signedHeaders({ 'OK-ACCESS-TIMESTAMP': isoTimestamp(Date.now() + 29_000) }));
    assert.equal(close.code, '0');
  });

  it('an unknown key gets 50111, a wrong passphrase 50105, a wrong signature 50113', async () => {
    await assert.rejects(h.clientWith({ credentials: { ...SANDBOX_CREDENTIALS, apiKey: 'nobody' } }).savings.balance(), { code: '50111', category: 'auth' });
    await assert.rejects(h.clientWith({ credentials: { ...SANDBOX_CREDENTIALS, passphrase: 'nope' } }).savings.balance(), { code: '50105', category: 'auth' });
    await assert.rejects(h.clientWith({ credentials: { ...SANDBOX_CREDENTIALS, secretKey: 'nope' } }).savings.balance(), { code: '50113', category: 'auth' });
    const tampered = signedHeaders({}, BALANCE);
    const reply = await rawRequest(h.sim, 'GET', `${BALANCE}?ccy=BTC`, tampered);
    assert.equal(reply.code, '50113', 'the signature covers the query string');
  });

  it('a key from another region\'s host "doesn\'t exist": 50119', async () => {
    await assert.rejects(h.clientWith({ credentials: { apiKey: 'us-key', secretKey: 'us-secret', passphrase: 'us-pass' } }).savings.balance(), {
      code: '50119',
      category: 'wrong-region',
    });
  });

  it('a live key in demo trading, and a demo key live, get 50101', async () => {
    await assert.rejects(h.clientWith({ environment: customEnvironment(h.sim.url, { demo: true }) }).savings.balance(), { code: '50101' });
    await assert.rejects(h.clientWith({ credentials: { apiKey: 'demo-key', secretKey: 'demo-secret', passphrase: 'demo-pass' } }).savings.balance(), {
      code: '50101',
    });
    const demo = h.clientWith({ environment: customEnvironment(h.sim.url, { demo: true }), credentials: { apiKey: 'demo-key', secretKey: 'demo-secret', passphrase: 'demo-pass' } });
    assert.ok(Array.isArray(await demo.savings.balance()));
  });

  it('an IP outside the key\'s allow-list gets 50110', async () => {
    await assert.rejects(h.clientWith({ credentials: { apiKey: 'locked-key', secretKey: 'locked-secret', passphrase: 'locked-pass' } }).loan.info(), {
      code: '50110',
      category: 'permission',
    });
  });

  it('a Read-only key reads, but gets 50120 on a Trade endpoint and changes nothing', async () => {
    const reader = h.clientWith({ credentials: { apiKey: 'read-key', secretKey: 'read-secret', passphrase: 'read-pass' } });
    const before = JSON.stringify(h.sim.state.savings);
    assert.ok((await reader.savings.balance()).length > 0);
    await reader.loan.maxLoan({ borrowCcy: 'USDT' });
    await assert.rejects(reader.savings.setLendingRate({ ccy: 'USDT', rate: '0.05' }), { code: '50120', category: 'permission' });
    assert.equal(JSON.stringify(h.sim.state.savings), before);
  });

  it('public endpoints need no signature at all', async () => {
    for (const path of [
      '/api/v5/finance/staking-defi/eth/apy-history?days=2',
      '/api/v5/finance/staking-defi/sol/apy-history?days=2',
      '/api/v5/finance/savings/lending-rate-summary',
      '/api/v5/finance/savings/lending-rate-history?ccy=USDT&limit=3',
      '/api/v5/public/time',
    ]) {
      const reply = await rawRequest(h.sim, 'GET', path);
      assert.equal(reply.code, '0', path);
    }
  });
});
