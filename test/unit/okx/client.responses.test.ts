import * as assert from 'node:assert/strict';
import { OkxClient } from '../../../src/okx/client';
import { endpointByRoute } from '../../../src/okx/endpoints';
import { customEnvironment } from '../../../src/okx/environments';
import { RecordingServer } from '../support/recordingServer';
import { readSeedEndpoints } from '../support/seeds';
import { CREDENTIALS, SAMPLE_PARAMS } from '../support/requests';

/** OKX sends every amount, rate and time as a string; a JSON number anywhere would be a float in waiting. */
function numbersIn(value: unknown, at = 'data'): string[] {
  if (typeof value === 'number') return [at];
  if (Array.isArray(value)) return value.flatMap((item, i) => numbersIn(item, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${at}.${k}`));
  return [];
}

describe('okx/client: every response example in the API reference parses', () => {
  let server: RecordingServer;
  let example: unknown;

  before(async () => {
    server = await RecordingServer.start(() => ({ json: example }));
  });
  after(() => server.close());

  for (const seed of readSeedEndpoints()) {
    it(`${seed.method} ${seed.path}`, async () => {
      const id = endpointByRoute(seed.method, seed.path);
      assert.ok(id);
      example = seed.responseExample;
      const client = new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS });
      const data = await client.call(id, SAMPLE_PARAMS[id]);
      assert.deepEqual(data, (seed.responseExample as { data: unknown }).data);
      assert.deepEqual(numbersIn(data), [], 'no amount arrives as a JSON number');
    });
  }

  it("SOL product-info's data is an object, and the client returns it as one", async () => {
    example = { code: '0', msg: '', data: { fastRedemptionAvail: '240', fastRedemptionDailyLimit: '240' } };
    const client = new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS });
    const info = await client.sol.productInfo();
    assert.equal(info.fastRedemptionAvail, '240');
  });

  it('an array where an object belongs (or the reverse) is an error, not data', async () => {
    const client = new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS });
    example = { code: '0', msg: '', data: [{ fastRedemptionAvail: '1' }] };
    await assert.rejects(client.sol.productInfo(), { category: 'unavailable' });
    example = { code: '0', msg: '', data: { amt: '1' } };
    await assert.rejects(client.eth.balance(), { category: 'unavailable' });
  });
});
