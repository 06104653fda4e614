import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PagedEndpoint } from '../../../src/okx/client';
import { ENDPOINTS, FINANCE_ENDPOINT_IDS, endpointByRoute, type EndpointId } from '../../../src/okx/endpoints';
import { renderEndpointTable } from '../../../src/okx/endpointTable';
import { readSeedEndpoints } from '../support/seeds';

describe('okx/endpoints: the table against the API reference', () => {
  const seeds = readSeedEndpoints();

  it('the reference has 33 endpoints and the table has each of them, and no other', () => {
    assert.equal(seeds.length, 33);
    assert.equal(FINANCE_ENDPOINT_IDS.length, 33);
    const fromSeeds = seeds.map((s) => `${s.method} ${s.path}`).sort();
    const fromTable = FINANCE_ENDPOINT_IDS.map((id) => `${ENDPOINTS[id].method} ${ENDPOINTS[id].path}`).sort();
    assert.deepEqual(fromTable, fromSeeds);
  });

  it('counts per product: on-chain 6, ETH 7, SOL 6, savings 6, flexible loan 8', () => {
    const counts: Record<string, number> = {};
    for (const id of FINANCE_ENDPOINT_IDS) {
      counts[ENDPOINTS[id].product] = (counts[ENDPOINTS[id].product] ?? 0) + 1;
    }
    assert.deepEqual(counts, { onchain: 6, eth: 7, sol: 6, savings: 6, loan: 8 });
  });

  for (const seed of readSeedEndpoints()) {
    it(`${seed.method} ${seed.path}: limit, scope, auth and permission as documented`, () => {
      const id = endpointByRoute(seed.method, seed.path);
      assert.ok(id, 'in the table');
      const spec = ENDPOINTS[id];
      assert.equal(spec.rateLimit.count, seed.rateLimit.count);
      assert.equal(spec.rateLimit.windowMs, seed.rateLimit.windowMs);
      assert.equal(spec.rateLimit.scope, seed.rule === 'IP' ? 'ip' : 'user');
      assert.equal(spec.auth, seed.rule === 'IP' ? 'public' : 'private');
      assert.equal(spec.permission, seed.permission ?? null);
      assert.equal(spec.title, seed.title);
      assert.equal(spec.data, Array.isArray((seed.responseExample as { data: unknown }).data) ? 'array' : 'object');
    });
  }

  it('every Trade endpoint is sent at most once, and no Read endpoint is marked so', () => {
    for (const id of FINANCE_ENDPOINT_IDS) {
      assert.equal(ENDPOINTS[id].moneyMoving, ENDPOINTS[id].permission === 'Trade', id);
    }
  });

  it('the pager type lists exactly the endpoints with a cursor', () => {
    const paged: Record<PagedEndpoint, true> = {
      onchainOrderHistory: true,
      ethHistory: true,
      solHistory: true,
      savingsLendingHistory: true,
      savingsLendingRateHistory: true,
      loanHistory: true,
      loanInterestAccrued: true,
    };
    const withCursor = (Object.keys(ENDPOINTS) as EndpointId[]).filter((id) => ENDPOINTS[id].cursor !== undefined).sort();
    assert.deepEqual(Object.keys(paged).sort(), withCursor);
  });

  it("the README's API table is the one rendered from the endpoint table", () => {
    const readme = readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
    const match = /<!-- api-table:start -->\n([\s\S]*?)\n<!-- api-table:end -->/.exec(readme);
    assert.ok(match, 'README has the api-table markers');
    assert.equal(match[1], renderEndpointTable(), 'regenerate with: node -e "console.log(require(\'./out/src/okx/endpointTable\').renderEndpointTable())"');
  });
});
