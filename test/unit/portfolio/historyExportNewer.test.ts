import * as assert from 'node:assert/strict';
import { DAY } from '../../../src/simulator/clock';
import type { SimDualOrder, SimOkusdOrder } from '../../../src/simulator/state';
import { EXPORT_KINDS, ExportCancelled, exportFileName, exportHistory, type ExportKind } from '../../../src/portfolio/historyExport';
import { parseCsv } from '../support/csv';
import { startSim, type SimHarness } from '../support/sim';

const iso = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());
const fixed8 = (value: string): string => {
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole}.${fraction.padEnd(8, '0')}`;
};

describe('portfolio/historyExport: OKUSD subscriptions, redemptions and rewards, and Dual Investment orders, against the simulator', function () {
  // OKUSD histories: 5 requests per 2 s, kept by the client; some tests take seconds.
  this.timeout(30_000);
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ frozenClock: true });
  });
  afterEach(() => h.sim.close());

  const run = (kind: ExportKind, options: Parameters<typeof exportHistory>[2] = {}): ReturnType<typeof exportHistory> => exportHistory(h.client, kind, options);

  /** `n` more OKUSD orders of `kind`, an hour apart back from `from`, the fifth and the sixth newest placed in the same millisecond. */
  function addOrders(kind: SimOkusdOrder['kind'], n: number, from: number): SimOkusdOrder[] {
    const added: SimOkusdOrder[] = [];
    for (let i = 0; i < n; i++) {
      const ts = from - (i < 5 ? i : i - 1) * 60 * 60 * 1000;
      const amt = `${100 + i}.5`;
      const fee = kind === 'subscribe' ? '0' : kind === 'fast' ? '0.1005' : '0.025125';
      const order: SimOkusdOrder = {
        ordId: String(900000 + added.length + h.sim.state.okusd.orders.length), clOrdId: `t-${kind}-${i}`, kind, amt, fee,
        net: kind === 'subscribe' ? amt : '100.3995', status: kind === 'standard' ? 'pending' : 'success', ts,
        ...(kind === 'standard' ? { settleAt: ts + 5 * DAY } : {}),
      };
      h.sim.state.okusd.orders.push(order);
      added.push(order);
    }
    return added;
  }

  it('the new histories are on offer, each with its own file name', () => {
    for (const kind of ['okusdSubscribe', 'okusdRedeem', 'okusdRewards', 'dual'] as const) assert.ok((EXPORT_KINDS as readonly string[]).includes(kind), kind);
    const day = new Date(2026, 11, 2, 12);
    assert.equal(exportFileName('okusdSubscribe', day), 'okx-earn-okusd-subscriptions-2026-12-02.csv');
    assert.equal(exportFileName('okusdRedeem', day), 'okx-earn-okusd-redemptions-2026-12-02.csv');
    assert.equal(exportFileName('okusdRewards', day), 'okx-earn-okusd-rewards-2026-12-02.csv');
    assert.equal(exportFileName('dual', day), 'okx-earn-dual-investment-orders-2026-12-02.csv');
  });

  it('OKUSD subscriptions: every page, newest first, with the client order id; two in one millisecond across a page end are both kept, once', async () => {
    addOrders('subscribe', 12, h.sim.clock.now() - 60_000);
    const all = h.sim.state.okusd.orders.filter((o) => o.kind === 'subscribe');
    assert.equal(all.length, 14, 'the demo\'s two and twelve more');
    const progress: number[] = [];
    const result = await run('okusdSubscribe', { pageSize: 5, onProgress: (n) => progress.push(n) });
    const rows = parseCsv(result.csv);
    assert.deepEqual(rows[0], ['ordId', 'clOrdId', 'status', 'ccy', 'amt', 'settleCcy', 'settleCcyAmt', 'ts']);
    assert.equal(result.records, all.length);
    const expected = [...all].sort((a, b) => b.ts - a.ts).map((o) => [o.ordId, o.clOrdId, 'success', 'USDT', fixed8(o.amt), 'OKUSD', fixed8(o.net), iso(o.ts)]);
    assert.deepEqual([...rows.slice(1)].sort(), [...expected].sort(), 'every record exactly once');
    assert.deepEqual(rows.slice(1).map((r) => r[7]), expected.map((r) => r[7]), 'newest first');
    assert.ok(h.sim.received('okusdSubscribeHistory').length >= 3, 'several pages');
    assert.equal(progress.at(-1), all.length);
  });

  it('OKUSD redemptions: fast and standard both read to the end and merged newest first, with fee, type and settlement time', async () => {
    const now = h.sim.clock.now();
    addOrders('fast', 6, now - 30 * 60_000);
    addOrders('standard', 6, now - 45 * 60_000);
    const all = h.sim.state.okusd.orders.filter((o) => o.kind !== 'subscribe');
    const result = await run('okusdRedeem', { pageSize: 4 });
    const rows = parseCsv(result.csv);
    assert.deepEqual(rows[0], ['ordId', 'clOrdId', 'type', 'status', 'ccy', 'amt', 'fee', 'settleCcy', 'settleCcyAmt', 'estSettlementTime', 'ts']);
    assert.equal(result.records, all.length);
    const expected = [...all].sort((a, b) => b.ts - a.ts).map((o) => [
      o.ordId, o.clOrdId, o.kind, o.status, 'OKUSD', fixed8(o.amt), fixed8(o.fee), 'USDT', fixed8(o.net), iso(o.settleAt), iso(o.ts),
    ]);
    assert.deepEqual([...rows.slice(1)].sort(), [...expected].sort());
    assert.deepEqual(rows.slice(1).map((r) => r[10]), expected.map((r) => r[10]), 'newest first across both kinds');
    assert.ok(rows.some((r) => r[2] === 'fast' && r[9] === ''), 'a settled fast redemption has no settlement estimate');
    assert.ok(rows.some((r) => r[2] === 'standard' && r[3] === 'pending' && r[9] !== ''), 'a pending standard one has its date');
    const asked = h.sim.received('okusdRedeemHistory');
    assert.ok(asked.some((r) => r.params?.type === 'fast') && asked.some((r) => r.params?.type === 'standard'), 'both asked for by type');
  });

  it('OKUSD redemptions in a range: only those in it, and paging stops once past it', async () => {
    const now = h.sim.clock.now();
    addOrders('fast', 10, now - 60_000);
    addOrders('fast', 6, now - 10 * DAY);
    const since = now - 3 * DAY;
    const inRange = h.sim.state.okusd.orders.filter((o) => o.kind !== 'subscribe' && o.ts >= since);
    const rows = parseCsv((await run('okusdRedeem', { since, pageSize: 3 })).csv).slice(1);
    assert.deepEqual(rows.map((r) => r[0]).sort(), inRange.map((o) => o.ordId).sort());
    assert.ok(!rows.some((r) => r[1] === 'demo-fast-4d'), 'the fast redemption of four days ago is out of range');
    const fastPages = (): number => h.sim.received('okusdRedeemHistory').filter((r) => r.params?.type === 'fast').length;
    const ranged = fastPages();
    await run('okusdRedeem', { pageSize: 3 });
    const whole = fastPages() - ranged;
    assert.ok(ranged < whole, `${ranged} pages in range, ${whole} for the whole history: stopped early`);
  });

  it('OKUSD rewards: every day over several pages, newest first, exactly as OKX sent them', async () => {
    const rewards = h.sim.state.okusd.rewards;
    assert.ok(rewards.length >= 20, `${rewards.length} days`);
    const result = await run('okusdRewards', { pageSize: 7 });
    const rows = parseCsv(result.csv);
    assert.deepEqual(rows[0], ['ts', 'ccy', 'earnAmt', 'amt', 'apr']);
    assert.deepEqual(rows.slice(1), [...rewards].sort((a, b) => b.ts - a.ts).map((r) => [iso(r.ts), 'USDT', r.earnAmt, r.amt, r.apr]));
    assert.ok(h.sim.received('okusdRewardsHistory').length >= 3);
  });

  it('Dual Investment orders: every page by order id; an order placed before the range but settled in it is kept', async () => {
    const [template] = h.sim.state.dual.orders;
    assert.ok(template);
    const now = h.sim.clock.now();
    const more: SimDualOrder[] = Array.from({ length: 7 }, (_, i) => ({ ...template, ordId: String(BigInt(template.ordId) + 1000n + BigInt(i)), cTime: now - (i + 1) * DAY, uTime: now - (i + 1) * DAY }));
    // Placed 40 days ago, settled yesterday.
    const late: SimDualOrder = { ...template, ordId: String(BigInt(template.ordId) + 500n), state: 'settled', cTime: now - 40 * DAY, uTime: now - DAY, settleTime: now - DAY, settleSz: '1', settleCcy: 'BTC', settlePx: '1' };
    // Placed and settled long ago: out of a 30-day range.
    const old: SimDualOrder = { ...template, ordId: String(BigInt(template.ordId) + 2000n), state: 'settled', cTime: now - 60 * DAY, uTime: now - 50 * DAY, settleTime: now - 50 * DAY, settleSz: '1', settleCcy: 'BTC', settlePx: '1' };
    h.sim.state.dual.orders.push(...more, late, old);
    const all = h.sim.state.dual.orders;

    const everything = parseCsv((await run('dual', { pageSize: 3 })).csv);
    assert.deepEqual(everything[0], [
      'ordId', 'quoteId', 'productId', 'state', 'baseCcy', 'quoteCcy', 'uly', 'strike', 'notionalSz', 'notionalCcy', 'absYield', 'annualizedYield',
      'yieldSz', 'yieldCcy', 'settleSz', 'settleCcy', 'settlePx', 'settleTime', 'expTime', 'redeemStartTime', 'redeemEndTime', 'cTime', 'uTime',
    ]);
    assert.deepEqual(everything.slice(1).map((r) => r[0]), [...all].sort((a, b) => (BigInt(b.ordId) > BigInt(a.ordId) ? 1 : -1)).map((o) => o.ordId), 'all, by order id, newest first');
    const row = everything.find((r) => r[0] === template.ordId);
    assert.deepEqual([row?.[3], row?.[7], row?.[8], row?.[9], row?.[21]], [template.state, template.strike, template.notionalSz, template.notionalCcy, iso(template.cTime)]);
    assert.ok(h.sim.received('dualOrderHistory').length >= 4, 'several pages');

    const ranged = parseCsv((await run('dual', { since: now - 30 * DAY, pageSize: 3 })).csv).slice(1).map((r) => r[0]);
    assert.ok(ranged.includes(late.ordId), 'settled in the range');
    assert.ok(!ranged.includes(old.ordId), 'placed and settled before it');
  });

  it('a cancel between the pages of OKUSD redemptions stops it with no result, and no further page is asked for', async () => {
    addOrders('fast', 9, h.sim.clock.now() - 60_000);
    const controller = new AbortController();
    let pages = 0;
    await assert.rejects(
      run('okusdRedeem', {
        pageSize: 3,
        signal: controller.signal,
        onProgress: () => {
          pages += 1;
          if (pages === 2) controller.abort();
        },
      }),
      ExportCancelled,
    );
    assert.equal(h.sim.received('okusdRedeemHistory').length, 2, 'two pages read, then stopped');
  });
});
