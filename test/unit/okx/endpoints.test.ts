import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PagedEndpoint } from '../../../src/okx/pager';
import { ACCOUNT_ENDPOINT_IDS, ENDPOINT_DOCS, FINANCE_ENDPOINT_IDS } from '../../../src/okx/endpointDocs';
import { ENDPOINTS, endpointByRoute, type EndpointId } from '../../../src/okx/endpoints';
import { renderEndpointTable } from '../../../src/okx/endpointTable';
import { SAMPLE_PARAMS } from '../support/requests';
import { readAccountPages2026, readChapter2026, readSeedEndpoints } from '../support/seeds';

describe('okx/endpoints: the table against the API reference', () => {
  const seeds = readSeedEndpoints();
  const chapter = readChapter2026();
  const account = readAccountPages2026();
  const route = (e: { method: string; path: string }): string => `${e.method} ${e.path}`;
  /** ../shared/notes/okx-2026-changes.md: asset-valuation "1 / s (the Chinese page says 1 / 2 s: plan for the slower)". */
  const SLOWER_THAN_DOCUMENTED: Record<string, { count: number; windowMs: number }> = {
    'GET /api/v5/asset/asset-valuation': { count: 1, windowMs: 2000 },
  };
  /** The products of the chapter that came after January and are not in the extension yet (issue 18). */
  const LATER_PRODUCTS = /\/finance\/(okusd|stable-rewards|sfp\/dcd)\//;

  it('the 2026 chapter has 55 endpoints: the 33 of January, borrow, repay and E-Mode info, and the 19 of OKUSD, Stable Rewards and Dual Investment', () => {
    assert.equal(seeds.length, 33);
    assert.equal(chapter.length, 55);
    const january = new Set(seeds.map(route));
    assert.ok(seeds.every((s) => chapter.some((c) => route(c) === route(s))), 'no January endpoint was removed');
    const added = chapter.filter((c) => !january.has(route(c)));
    assert.deepEqual(added.filter((c) => !LATER_PRODUCTS.test(c.path)).map(route).sort(), [
      'GET /api/v5/finance/flexible-loan/emode-info',
      'POST /api/v5/finance/flexible-loan/borrow',
      'POST /api/v5/finance/flexible-loan/repay',
    ]);
    assert.equal(added.filter((c) => LATER_PRODUCTS.test(c.path)).length, 19);
  });

  it('the table has all 55 endpoints of the chapter as documented now, and no other finance endpoint', () => {
    assert.equal(FINANCE_ENDPOINT_IDS.length, 55);
    assert.deepEqual(FINANCE_ENDPOINT_IDS.map((id) => route(ENDPOINTS[id])).sort(), chapter.map(route).sort());
  });

  it('Stable Rewards has no quote, trade or subscribe-redeem-history: decommissioned on 2026-07-14', () => {
    for (const gone of ['POST /api/v5/finance/stable-rewards/quote', 'POST /api/v5/finance/stable-rewards/trade', 'GET /api/v5/finance/stable-rewards/subscribe-redeem-history']) {
      const [method, path] = gone.split(' ') as [string, string];
      assert.equal(endpointByRoute(method, path), undefined, gone);
    }
  });

  it('counts per product: on-chain 6, ETH 7, SOL 6, savings 6, flexible loan 11, Stable Rewards 3, OKUSD 8, Dual Investment 8; account 5 (funding and trading balances, auto-earn, valuation, index prices)', () => {
    const counts: Record<string, number> = {};
    for (const id of [...FINANCE_ENDPOINT_IDS, ...ACCOUNT_ENDPOINT_IDS]) {
      counts[ENDPOINT_DOCS[id].product] = (counts[ENDPOINT_DOCS[id].product] ?? 0) + 1;
    }
    assert.deepEqual(counts, { onchain: 6, eth: 7, sol: 6, savings: 6, loan: 11, stable: 3, okusd: 8, dual: 8, account: 5 });
  });

  it('the idempotency keys the More Earn money moves carry: clOrdId for OKUSD, the single-use quote id for Dual Investment', () => {
    const keys: [keyof typeof SAMPLE_PARAMS, string][] = [['okusdSubscribe', 'clOrdId'], ['okusdRedeem', 'clOrdId'], ['dualTrade', 'quoteId'], ['dualRedeem', 'quoteId']];
    for (const [id, key] of keys) {
      assert.equal(ENDPOINTS[id].moneyMoving, true, id);
      assert.ok(key in SAMPLE_PARAMS[id], `${id} takes ${key}`);
    }
  });

  for (const doc of [...chapter, ...account.filter((a) => endpointByRoute(a.method, a.path) !== undefined)]) {
    it(`${doc.method} ${doc.path}: limit, scope, auth, permission and shape as documented now`, () => {
      const id = endpointByRoute(doc.method, doc.path);
      assert.ok(id, 'in the table');
      const spec = { ...ENDPOINTS[id], ...ENDPOINT_DOCS[id] };
      // Where another source gives a slower limit than the page, the slower is kept: never faster than the page.
      const slower = SLOWER_THAN_DOCUMENTED[route(doc)];
      assert.equal(spec.rateLimit.count, slower?.count ?? doc.rateLimit.count);
      assert.equal(spec.rateLimit.windowMs, slower?.windowMs ?? doc.rateLimit.windowMs);
      assert.ok(spec.rateLimit.count * doc.rateLimit.windowMs <= doc.rateLimit.count * spec.rateLimit.windowMs, 'never faster than documented');
      assert.equal(spec.rateLimit.scope, doc.rule === 'IP' ? 'ip' : 'user');
      assert.equal(spec.auth, doc.rule === 'IP' ? 'public' : 'private');
      // The 2026 pages dropped most "Permission" lines: the January page says it where the 2026 one does not.
      const january = seeds.find((s) => route(s) === route(doc));
      const permission = doc.permission ?? january?.permission;
      if (permission !== undefined) assert.equal(spec.permission, permission);
      else if (spec.auth === 'private') assert.equal(spec.permission, spec.moneyMoving ? 'Trade' : 'Read');
      else assert.equal(spec.permission, null);
      assert.equal(spec.title, doc.title);
      assert.ok(doc.responseExample !== undefined, 'the page has a response example');
      assert.equal(spec.data, Array.isArray((doc.responseExample as { data: unknown }).data) ? 'array' : 'object');
    });
  }

  it('every Trade endpoint is sent at most once, and no Read endpoint is marked so', () => {
    for (const id of [...FINANCE_ENDPOINT_IDS, ...ACCOUNT_ENDPOINT_IDS]) {
      assert.equal(ENDPOINTS[id].moneyMoving, ENDPOINT_DOCS[id].permission === 'Trade', id);
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
      okusdSubscribeHistory: true,
      okusdRedeemHistory: true,
      okusdRewardsHistory: true,
      okusdAprHistory: true,
      dualOrderHistory: true,
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
