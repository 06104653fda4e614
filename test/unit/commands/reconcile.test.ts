import * as assert from 'node:assert/strict';
import { findInHistory, OKX_TIMESTAMP_TOLERANCE_MS, sendWindow } from '../../../src/commands/reconcile';
import { OkxClient } from '../../../src/okx/client';
import { customEnvironment } from '../../../src/okx/environments';
import { OkxError } from '../../../src/okx/errors';
import type { StakingHistoryRecord } from '../../../src/okx/types';
import { CREDENTIALS } from '../support/requests';
import { RecordingServer, ok } from '../support/recordingServer';

const SENT = 1_700_000_000_000;
const record = (secondsAfterSend: number, amt: string, ordId: string): StakingHistoryRecord => ({
  type: 'purchase',
  amt,
  redeemingAmt: '0',
  status: 'pending',
  ordId,
  requestTime: String(SENT + secondsAfterSend * 1000),
  completedTime: '',
  estCompletedTime: '',
});

describe('commands/reconcile: finding a request whose answer was lost in a history', () => {
  let server: RecordingServer;
  /** ETH staking history, newest first, served `limit` at a time older than the `after` cursor (requestTime), as OKX does. */
  let history: StakingHistoryRecord[] = [];
  const pager = (): ReturnType<OkxClient['eth']['history']> =>
    new OkxClient({ environment: customEnvironment(server.baseUrl), credentials: CREDENTIALS }).eth.history({ type: 'purchase', limit: '2' });
  const since = SENT - OKX_TIMESTAMP_TOLERANCE_MS;
  const byAmount = (amt: string) => (r: StakingHistoryRecord) => r.amt === amt;

  before(async () => {
    server = await RecordingServer.start((request) => {
      const query = new URLSearchParams(request.query);
      const after = query.get('after');
      const older = after === null ? history : history.filter((r) => Number(r.requestTime) < Number(after));
      return ok(older.slice(0, Number(query.get('limit'))));
    });
  });
  after(() => server.close());
  beforeEach(() => server.requests.splice(0));

  it('pages until a record older than the window shows it is covered, past the first page, and no further', async () => {
    history = [record(9, '0.5', 'a'), record(8, '0.7', 'b'), record(7, '0.9', 'c'), record(6, '0.2', 'd'), record(5, '1', 'ours'), record(-40, '1', 'older'), record(-50, '1', 'e'), record(-60, '1', 'f')];
    const match = await findInHistory(pager(), { since, timeOf: (r) => r.requestTime, byAmount: byAmount('1') });
    assert.equal(match?.record.ordId, 'ours');
    assert.equal(match?.certainty, 'probable', 'matched by amount only');
    assert.equal(match?.lookalikes, 1, 'the same amount 40 s before the request is not counted');
    // Each page is asked from just after the last time read (records can share a time), so pages of two overlap
    // by one: the fifth page reaches the record older than the window, and no sixth is asked for.
    assert.equal(server.requests.length, 5);
  });

  it('by id first: certain, even with lookalikes by amount around it', async () => {
    history = [record(3, '1', 'other'), record(2, '1', 'ours'), record(1, '1', 'third')];
    const match = await findInHistory(pager(), { since, timeOf: (r) => r.requestTime, byId: (r) => r.ordId === 'ours', byAmount: byAmount('1') });
    assert.equal(match?.record.ordId, 'ours');
    assert.equal(match?.certainty, 'certain');
  });

  it('two identical requests inside a minute: the newest lookalike, only probably ours, and how many there were', async () => {
    history = [record(20, '1', 'second'), record(-10, '1', 'first'), record(-45, '2', 'old')];
    const match = await findInHistory(pager(), { since, timeOf: (r) => r.requestTime, byAmount: byAmount('1') });
    assert.equal(match?.record.ordId, 'second');
    assert.equal(match?.certainty, 'probable');
    assert.equal(match?.lookalikes, 2);
  });

  it('nothing in a covered window, or in a history that ends, is no match', async () => {
    history = [record(4, '2', 'a'), record(-35, '1', 'before')];
    assert.equal(await findInHistory(pager(), { since, timeOf: (r) => r.requestTime, byAmount: byAmount('1') }), undefined);
    history = [record(4, '2', 'a')];
    assert.equal(await findInHistory(pager(), { since, timeOf: (r) => r.requestTime, byId: (r) => r.ordId === 'ours' }), undefined);
  });

  it('a window not covered within maxPages is an error, never "it did not happen"', async () => {
    history = Array.from({ length: 12 }, (_, i) => record(30 - i, '2', `r${i}`));
    await assert.rejects(findInHistory(pager(), { since, timeOf: (r) => r.requestTime, byAmount: byAmount('1'), maxPages: 3 }), (error: unknown) => error instanceof OkxError && /too long to check/.test(error.message));
    assert.equal(server.requests.length, 3);
  });

  it('dates the window in OKX time from the local send time and the clock offset known by then', () => {
    assert.deepEqual(sendWindow(1000_000, 45_000), { sentAt: 1045_000, since: 1045_000 - OKX_TIMESTAMP_TOLERANCE_MS });
  });
});
