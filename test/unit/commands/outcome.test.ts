import * as assert from 'node:assert/strict';
import { onFlowBusy, oneAtATime, openFlows } from '../../../src/commands/flowGuard';
import { checkOverTime, CHECK_SCHEDULE_MS, type Finding } from '../../../src/commands/outcome';
import { nextCheckAt, PendingMoves, PENDING_CHECK_HORIZON_MS, type MoveMemento, type PendingMove } from '../../../src/commands/pendingMoves';

/** A clock that moves only when slept on. */
function fakeTime(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let t = 1_000;
  const slept: number[] = [];
  return { now: () => t, sleep: (ms) => { slept.push(ms); t += ms; return Promise.resolve(); }, slept };
}

describe('commands/outcome: an unknown outcome is looked up over time, by its key', () => {
  it('looks up at 0, 2, 5, 10, 20 and 40 s, and stops at the first that settles it', async () => {
    assert.deepEqual(CHECK_SCHEDULE_MS, [0, 2000, 5000, 10000, 20000, 40000]);
    const time = fakeTime();
    const answers: Finding[] = [{ state: 'unknown', detail: 'not yet' }, { state: 'unknown', detail: 'not yet' }, { state: 'done', detail: 'order 1' }];
    const found = await checkOverTime(() => Promise.resolve(answers.shift() ?? { state: 'unknown', detail: '' }), { now: time.now, sleep: time.sleep });
    assert.deepEqual(found, { state: 'done', detail: 'order 1', checks: 3 });
    assert.deepEqual(time.slept, [2000, 3000], 'waits between look-ups, none before the first');
  });

  it('never turns "not found yet" into "not done": the whole window unknown stays unknown', async () => {
    const time = fakeTime();
    let looks = 0;
    const found = await checkOverTime(() => { looks += 1; return Promise.resolve({ state: 'unknown', detail: 'no such id yet' }); }, { now: time.now, sleep: time.sleep });
    assert.equal(found.state, 'unknown');
    assert.equal(looks, 6);
    assert.equal(found.checks, 6);
  });

  it('a look-up that fails is "still unknown", and the next one is tried', async () => {
    const time = fakeTime();
    let looks = 0;
    const found = await checkOverTime(() => {
      looks += 1;
      return looks === 1 ? Promise.reject(new Error('network down')) : Promise.resolve({ state: 'not-done', detail: 'order failed' });
    }, { now: time.now, sleep: time.sleep });
    assert.deepEqual(found, { state: 'not-done', detail: 'order failed', checks: 2 });
  });

  it('cancelled: stops looking and returns what is known (unknown)', async () => {
    const time = fakeTime();
    let looks = 0;
    let cancel = false;
    const found = await checkOverTime(() => { looks += 1; cancel = true; return Promise.resolve({ state: 'unknown', detail: 'x' }); }, { now: time.now, sleep: time.sleep, cancelled: () => cancel });
    assert.equal(looks, 1);
    assert.equal(found.state, 'unknown');
  });
});

function memento(): MoveMemento & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: <T>(key: string) => data.get(key) as T | undefined, update: (key, value) => { data.set(key, JSON.parse(JSON.stringify(value))); return Promise.resolve(); } };
}

const move = (id: string, over: Partial<PendingMove> = {}): PendingMove => ({
  id, what: `OKUSD subscription ${id}`, key: 'client order id abc', connection: 'sandbox|', area: 'okusd', refresh: ['okusd'], histories: [],
  lookup: { kind: 'okusd.subscribe', params: { clOrdId: 'abc' } }, sent: { sentAt: Date.now(), since: Date.now() - 31_000 }, checkedAt: Date.now(), checks: 0, lastDetail: '', ...over,
});

describe('commands/pendingMoves: unknown outcomes kept across a reload', () => {
  it('survives a reload: a new store over the same memento has the same moves', async () => {
    const m = memento();
    const first = new PendingMoves(m);
    await first.add(move('a'));
    await first.add(move('b', { connection: 'production|main', area: 'loans' }));
    const reloaded = new PendingMoves(m);
    assert.deepEqual(reloaded.all().map((x) => x.id), ['a', 'b']);
    assert.deepEqual(reloaded.of('sandbox|').map((x) => x.id), ['a'], 'only the current connection');
    assert.deepEqual(reloaded.of('production|main', 'okusd'), [], 'only the area asked');
  });

  it('records checks, removes once (a second remove finds nothing), and tells listeners', async () => {
    const store = new PendingMoves(memento());
    let changes = 0;
    store.onDidChange(() => (changes += 1));
    await store.add(move('a'));
    await store.checked('a', { state: 'unknown', detail: 'not yet' }, 5);
    assert.deepEqual([store.get('a')?.checks, store.get('a')?.lastDetail, store.get('a')?.checkedAt], [1, 'not yet', 5]);
    assert.equal((await store.remove('a'))?.id, 'a');
    assert.equal(await store.remove('a'), undefined);
    assert.equal(changes, 3);
  });

  it('ignores what is not a pending move in storage', () => {
    const m = memento();
    m.data.set('okxEarn.pendingMoves', [{ id: 1 }, 'x', move('ok')]);
    assert.deepEqual(new PendingMoves(m).all().map((x) => x.id), ['ok']);
  });

  it('is checked less and less often, and no longer automatically after a week', () => {
    const schedule = [30_000, 60_000, 120_000];
    assert.equal(nextCheckAt(move('a', { checkedAt: 0, checks: 0 }), schedule), 30_000);
    assert.equal(nextCheckAt(move('a', { checkedAt: 0, checks: 2 }), schedule), 120_000);
    assert.equal(nextCheckAt(move('a', { checkedAt: 0, checks: 9 }), schedule), 120_000);
    assert.equal(nextCheckAt(move('a', { sent: { sentAt: Date.now() - PENDING_CHECK_HORIZON_MS - 1, since: 0 } }), schedule), undefined);
  });
});

describe('commands/flowGuard: one flow per action at a time', () => {
  it('a second invocation while the first is open starts nothing and says so; another action is not held up', async () => {
    const busy: string[] = [];
    // Put back afterwards: in mocha's parallel mode a later file in this worker relies on ./money's handler.
    const restore = onFlowBusy((action) => busy.push(action));
    try {
      let release: () => void = () => undefined;
      let started = 0;
      const flow = oneAtATime('test.buy', () => { started += 1; return new Promise<boolean>((resolve) => { release = () => resolve(true); }); });
      const other = oneAtATime('test.sell', () => Promise.resolve(true));
      const first = flow();
      assert.equal(await flow(), false);
      assert.equal(await other(), true);
      assert.deepEqual(openFlows(), ['test.buy']);
      release();
      assert.equal(await first, true);
      assert.equal(started, 1);
      assert.deepEqual(busy, ['test.buy']);
      assert.deepEqual(openFlows(), []);
      assert.equal(await other(), true);
    } finally {
      restore();
    }
  });

  it('a flow that throws still releases its action', async () => {
    const flow = oneAtATime('test.throw', () => Promise.reject(new Error('boom')));
    await assert.rejects(flow(), /boom/);
    assert.deepEqual(openFlows(), []);
  });
});
