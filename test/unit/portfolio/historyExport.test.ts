import * as assert from 'node:assert/strict';
import { OkxError } from '../../../src/okx/errors';
import { DAY } from '../../../src/simulator/clock';
import { ExportCancelled, exportFileName, exportHistory, type ExportKind } from '../../../src/portfolio/historyExport';
import { parseCsv } from '../support/csv';
import { startSim, type SimHarness } from '../support/sim';

const iso = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());
/** Newest first by `key`, records of the same key in the simulator's order (as its pages give them). */
const newestFirst = <R>(records: readonly R[], key: (r: R) => number): R[] => [...records].sort((a, b) => key(b) - key(a));

describe('portfolio/historyExport: every page of a history as CSV, against the simulator', function () {
  // The client keeps every request inside OKX's rate limits (loan history: 5 per 2 s), so some tests take seconds.
  this.timeout(30_000);
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ frozenClock: true });
  });
  afterEach(() => h.sim.close());

  const run = (kind: ExportKind, options: Parameters<typeof exportHistory>[2] = {}): ReturnType<typeof exportHistory> => exportHistory(h.client, kind, options);

  it('names the file after the history and the local day', () => {
    assert.equal(exportFileName('savings', new Date(2026, 11, 2, 23, 59)), 'okx-earn-savings-lending-2026-12-02.csv');
    assert.equal(exportFileName('onchain', new Date(2027, 0, 9)), 'okx-earn-onchain-orders-2027-01-09.csv');
    assert.equal(exportFileName('interest', new Date(2027, 0, 9)), 'okx-earn-loan-interest-2027-01-09.csv');
  });

  it('savings lending: every record of every currency over several pages, none lost where a page ends inside an hour', async () => {
    const state = h.sim.state.lendingHistory;
    assert.ok(state.length >= 7 * 24 * 3, `the demo week of three currencies (${state.length})`);
    const progress: number[] = [];
    const result = await run('savings', { onProgress: (n) => progress.push(n) });

    const expected = newestFirst(state, (r) => r.ts).map((r) => [iso(r.ts), r.ccy, r.amt, r.earnings, r.rate]);
    const rows = parseCsv(result.csv);
    assert.deepEqual(rows[0], ['ts', 'ccy', 'amt', 'earnings', 'rate']);
    assert.equal(result.records, state.length);
    assert.deepEqual(rows.slice(1), expected);
    // 100 records a page is 33 hours and one record: every page but the last ends inside an hour.
    const requests = h.sim.received('savingsLendingHistory');
    assert.ok(requests.length >= Math.ceil(state.length / 100), `${requests.length} pages`);
    assert.equal(requests[0]?.params?.after, undefined);
    assert.equal(requests[1]?.params?.after, String((newestFirst(state, (r) => r.ts)[99]?.ts ?? NaN) + 1), 'asked from just after the last hour read');
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b), 'progress only grows');
    assert.equal(progress.at(-1), state.length);
  });

  it("the client's pages of the savings lending history, with no currency, hold every record once", async () => {
    const all: string[] = [];
    for await (const page of h.client.savings.lendingHistory({ limit: '100' })) all.push(...page.map((r) => JSON.stringify(r)));
    const state = h.sim.state.lendingHistory;
    assert.equal(all.length, state.length, `${all.length} of ${state.length}`);
    assert.equal(new Set(all).size, new Set(state.map((r) => `${r.ccy} ${r.ts}`)).size, 'no record twice');
  });

  it('stops paging once records are older than the range, and keeps only those in it', async () => {
    const since = h.sim.clock.now() - 2 * DAY;
    const inRange = h.sim.state.lendingHistory.filter((r) => r.ts >= since);
    const result = await run('savings', { since });
    const rows = parseCsv(result.csv).slice(1);
    assert.equal(rows.length, inRange.length);
    assert.deepEqual(rows, newestFirst(inRange, (r) => r.ts).map((r) => [iso(r.ts), r.ccy, r.amt, r.earnings, r.rate]));
    const pages = h.sim.received('savingsLendingHistory').length;
    assert.ok(pages <= Math.ceil(inRange.length / 100) + 2, `${pages} pages for ${inRange.length} records: stopped early`);
    assert.ok(pages < Math.ceil(h.sim.state.lendingHistory.length / 100), 'fewer pages than the whole history');
  });

  it('a cancel between pages stops the export with no result, and no further page is asked for', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    await assert.rejects(
      run('savings', {
        pageSize: 50,
        signal: controller.signal,
        onProgress: (n) => {
          progress.push(n);
          if (progress.length === 2) controller.abort();
        },
      }),
      ExportCancelled,
    );
    assert.equal(h.sim.received('savingsLendingHistory').length, 2, 'two pages read, then stopped');
    assert.equal(progress.length, 2);
    assert.ok(progress[0] === 50 && (progress[1] ?? 0) > 50, progress.join());
  });

  it('a cancel before it starts asks OKX for nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(run('loan', { signal: controller.signal }), ExportCancelled);
    assert.equal(h.sim.requests.length, 0);
  });

  it('a page that fails fails the whole export, with OKX\'s error', async () => {
    let pages = 0;
    await assert.rejects(
      run('savings', {
        onProgress: () => {
          pages += 1;
          if (pages === 2) h.sim.faults.add({ fault: { kind: 'okx', code: '51000', msg: 'Parameter after error' }, endpoint: 'savingsLendingHistory' });
        },
      }),
      (error: unknown) => error instanceof OkxError && error.code === '51000',
    );
    assert.equal(pages, 2);
  });

  it('more records at one time than a page holds cannot be paged without loss: refused, not cut short', async () => {
    // Three currencies share every hour; with two records a page, a page can hold no whole hour.
    await assert.rejects(run('savings', { pageSize: 2 }), (error: unknown) => error instanceof OkxError && error.category === 'unavailable' && /more than 2 records at the same time/.test(error.message));
  });

  it('loan interest: order by order with an ordId column, across pages, newest first', async () => {
    const interest = h.sim.state.loans.interest;
    assert.equal(interest.length, 72 * 2, '72 hours of two orders');
    const result = await run('interest', { pageSize: 50 });
    const rows = parseCsv(result.csv);
    assert.deepEqual(rows[0], ['ordId', 'refId', 'ccy', 'loan', 'interest', 'interestRate', 'ts']);
    const expected = newestFirst(interest, (r) => r.ts).map((r) => [r.ordId, r.refId, r.ccy, r.loan, r.interest, r.interestRate, iso(r.ts)]);
    // Records of one hour (one per order) may come in either order; each row must be exactly the simulator's.
    assert.deepEqual([...rows.slice(1)].sort(), [...expected].sort());
    assert.deepEqual(rows.slice(1).map((r) => r[6]), expected.map((r) => r[6]), 'newest first');
    const asked = h.sim.received('loanInterestAccrued');
    for (const { ordId } of h.sim.state.loans.orders) {
      assert.equal(asked.filter((r) => r.params?.ordId === ordId).length, 2, `order ${ordId}: 72 records in two pages of 50`);
    }
  });

  it('loan history: records of an order that is closed (no longer in loan-info) are kept, with an empty ordId', async () => {
    const [first, second] = h.sim.state.loans.orders;
    assert.ok(first && second);
    // The second order as if repaid and closed: loan-info lists it no more, its history stays.
    h.sim.state.loans.orders.splice(1, 1);
    const result = await run('loan', { pageSize: 2 });
    const rows = parseCsv(result.csv);
    assert.deepEqual(rows[0], ['ordId', 'refId', 'type', 'ccy', 'amt', 'ts']);
    const history = h.sim.state.loans.history;
    assert.equal(result.records, history.length);
    const expected = history.map((r) => [r.ordId === second.ordId ? '' : r.ordId, r.refId, r.type, r.ccy, r.amt, iso(r.ts)]);
    assert.deepEqual([...rows.slice(1)].sort(), [...expected].sort());
    assert.ok(rows.some((r) => r[2] === 'collateral_locked' && r[4]?.startsWith('-')), 'negative amounts exactly as sent');
  });

  it('on-chain orders: bought before the range but redeemed in it are kept; invested and earned currencies side by side', async () => {
    const now = h.sim.clock.now();
    const since = now - 30 * DAY;
    const done = h.sim.state.orders.filter((o) => o.state === '3');
    const kept = done.filter((o) => o.purchasedTime >= since || (o.redeemedTime ?? 0) >= since);
    assert.ok(kept.some((o) => o.purchasedTime < since), 'the demo has an order bought 50 days ago and redeemed 15 days ago');
    assert.ok(kept.length < done.length, 'and one redeemed 45 days ago');
    const rows = parseCsv((await run('onchain', { since })).csv);
    assert.deepEqual(rows[0], [
      'ordId', 'productId', 'ccy', 'protocol', 'protocolType', 'term', 'apy', 'state', 'purchasedTime', 'redeemedTime', 'tag',
      'investCcy1', 'investAmt1', 'earningCcy1', 'earningType1', 'realizedEarnings1', 'earningCcy2', 'earningType2', 'realizedEarnings2',
    ]);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    assert.equal(byId.size, kept.length);
    const usdt = kept.find((o) => o.productId === '4005');
    assert.ok(usdt);
    const [usdtEarned, compEarned] = usdt.earnings;
    assert.ok(usdtEarned && compEarned);
    assert.deepEqual(byId.get(usdt.ordId), [
      usdt.ordId, '4005', 'USDT', 'On-Chain Defi', 'defi', '0', usdt.apy, '3', iso(usdt.purchasedTime), iso(usdt.redeemedTime), '',
      'USDT', usdt.invest[0]?.amt, 'USDT', '0', usdtEarned.earnings, 'COMP', '1', compEarned.earnings,
    ]);
  });

  it('ETH staking with its order ids, SOL without (OKX gives none); pending records have no completion time', async () => {
    const eth = parseCsv((await run('eth')).csv);
    assert.deepEqual(eth[0], ['ordId', 'type', 'status', 'amt', 'redeemingAmt', 'requestTime', 'completedTime', 'estCompletedTime']);
    const expected = newestFirst(h.sim.state.eth.history, (r) => r.requestTime).map((r) => [
      r.ordId, r.type, r.status, r.amt, r.redeemingAmt, iso(r.requestTime), iso(r.completedTime), iso(r.estCompletedTime),
    ]);
    assert.deepEqual(eth.slice(1), expected);
    assert.ok(eth.some((r) => r[2] === 'pending' && r[6] === '' && r[7] !== ''));
    const sol = parseCsv((await run('sol')).csv);
    assert.deepEqual(sol[0], ['type', 'status', 'amt', 'redeemingAmt', 'requestTime', 'completedTime', 'estCompletedTime']);
    assert.equal(sol.length - 1, h.sim.state.sol.history.length);
  });
});
