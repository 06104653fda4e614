import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import type { LoanInfo } from '../../../src/okx/types';
import { LiveLoanWatch, followPortfolio, type IndexTick, type LiveLtvUpdate, type LivePriceSocket, type SocketState } from '../../../src/portfolio/liveLoanWatch';
import { whatIf } from '../../../src/portfolio/ltvWhatIf';
import type { AreaId } from '../../../src/portfolio/portfolio';

class FakeSocket implements LivePriceSocket {
  state: SocketState = 'connecting';
  instruments: string[][] = [];
  disposed = false;
  private tickListeners: ((t: IndexTick) => void)[] = [];
  private stateListeners: ((s: SocketState, why?: string) => void)[] = [];

  setInstruments(instIds: readonly string[]): void {
    this.instruments.push([...instIds]);
  }
  onTick(l: (t: IndexTick) => void) {
    this.tickListeners.push(l);
    return { dispose: () => (this.tickListeners = this.tickListeners.filter((x) => x !== l)) };
  }
  onState(l: (s: SocketState, why?: string) => void) {
    this.stateListeners.push(l);
    return { dispose: () => (this.stateListeners = this.stateListeners.filter((x) => x !== l)) };
  }
  dispose(): void {
    this.disposed = true;
  }
  setState(s: SocketState, why?: string): void {
    this.state = s;
    for (const l of this.stateListeners) l(s, why);
  }
  tick(instId: string, idxPx: string, receivedAt: number, ts = receivedAt): void {
    for (const l of this.tickListeners) l({ instId, idxPx, ts, receivedAt });
  }
}

function loan(over: Partial<LoanInfo> = {}): LoanInfo {
  return {
    ordId: 'o1', loanNotionalUsd: '54000', loanData: [{ ccy: 'USDT', amt: '54000' }],
    collateralNotionalUsd: '81000', collateralData: [{ ccy: 'BTC', amt: '1' }, { ccy: 'ETH', amt: '10' }],
    riskWarningData: { instId: '', liqPx: '' }, curLTV: '0.6666', marginCallLTV: '0.8', liqLTV: '0.9', ...over,
  };
}

function setup(options: { staleAfterMs?: number; confirmGapMs?: number } = {}) {
  const clock = { t: 1_000_000 };
  const sockets: FakeSocket[] = [];
  const confirms: string[] = [];
  const updates: LiveLtvUpdate[] = [];
  const timers: { run: () => void; ms: number; disposed: boolean }[] = [];
  const watch = new LiveLoanWatch({
    openSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    confirm: (key) => confirms.push(key),
    warnDistance: () => '0.1',
    now: () => clock.t,
    every: (run, ms) => {
      const timer = { run, ms, disposed: false };
      timers.push(timer);
      return { dispose: () => (timer.disposed = true) };
    },
    ...options,
  });
  watch.onDidUpdate((u) => updates.push(u));
  const socket = (): FakeSocket => {
    const s = sockets[sockets.length - 1];
    assert.ok(s !== undefined, 'a socket');
    return s;
  };
  /** Ticks every price given, received now. */
  const prices = (px: Record<string, string>): void => {
    for (const [ccy, p] of Object.entries(px)) socket().tick(`${ccy}-USD`, p, clock.t);
  };
  const live = (): void => {
    socket().setState('live');
    prices({ BTC: '60000', ETH: '3000', USDT: '1' });
  };
  return { clock, sockets, confirms, updates, timers, watch, socket, prices, live };
}

describe('portfolio/liveLoanWatch', () => {
  it('opens only for loan orders, subscribes exactly their currencies’ USD indexes, and closes when nothing needs it', () => {
    const { watch, sockets, socket, timers } = setup();
    assert.deepEqual(watch.status, { state: 'off', reason: 'noLoans' });
    watch.setLoans([], 0);
    assert.equal(sockets.length, 0);
    watch.setIndexed(new Set(['BTC', 'ETH', 'USDT', 'SOL']));
    watch.setLoans([loan(), loan({ ordId: 'o2', loanData: [{ ccy: 'USDC', amt: '100' }], collateralData: [{ ccy: 'ETH', amt: '1' }] })], 0);
    assert.equal(sockets.length, 1);
    // USDC has no USD index here: not asked for.
    assert.deepEqual(socket().instruments, [['BTC-USD', 'ETH-USD', 'USDT-USD']]);
    assert.deepEqual(watch.status, { state: 'paused', reason: 'connecting' });
    // The same currencies again: no new subscription; other ones: one.
    watch.setLoans([loan()], 1);
    assert.equal(socket().instruments.length, 1);
    watch.setLoans([loan({ collateralData: [{ ccy: 'SOL', amt: '100' }] })], 2);
    assert.deepEqual(socket().instruments[1], ['SOL-USD', 'USDT-USD']);
    // No loans: closed.
    watch.setLoans([], 3);
    assert.equal(socket().disposed, true);
    assert.equal(timers[0]?.disposed, true);
    assert.deepEqual(watch.status, { state: 'off', reason: 'noLoans' });
    // Setting off closes; on again opens a new socket.
    watch.setLoans([loan()], 4);
    assert.equal(sockets.length, 2);
    watch.enabled = false;
    assert.equal(socket().disposed, true);
    assert.deepEqual(watch.status, { state: 'off', reason: 'disabled' });
    watch.setLoans([loan()], 5);
    assert.equal(sockets.length, 2, 'no socket while off');
    watch.enabled = true;
    assert.equal(sockets.length, 3);
    assert.deepEqual(socket().instruments, [['BTC-USD', 'ETH-USD', 'USDT-USD']]);
    // Only currencies without an index: nothing to open.
    watch.setLoans([loan({ loanData: [{ ccy: 'USDC', amt: '1' }], collateralData: [{ ccy: 'XYZ', amt: '1' }] })], 6);
    assert.equal(socket().disposed, true);
    assert.deepEqual(watch.status, { state: 'off', reason: 'noIndex' });
    watch.dispose();
  });

  it('calibrates at the poll (OKX’s figure wins) and moves with each tick between polls', () => {
    const { watch, clock, updates, live, prices } = setup();
    watch.setLoans([loan()], clock.t);
    live();
    assert.deepEqual(watch.status, { state: 'live' });
    const first = watch.estimate('o1');
    assert.deepEqual(first && [first.ltv, first.live, first.level, first.confirmedLtv], ['0.6666', true, 'safe', '0.6666']);
    clock.t += 2_000;
    prices({ BTC: '57000' });
    // 0.6666 × 90,000 / 87,000 = 0.68958…
    const last = updates[updates.length - 1];
    assert.deepEqual(last && [last.key, last.ltv, last.level, last.live, last.confirmedLtv, last.priceAgeMs], ['o1', '0.6895', 'safe', true, '0.6666', 2_000]);
    // The next poll: OKX says 0.7012 at these prices, and that is the figure at once.
    clock.t += 1_000;
    watch.setLoans([loan({ curLTV: '0.7012' })], clock.t);
    const polled = updates[updates.length - 1];
    assert.deepEqual(polled && [polled.ltv, polled.confirmedLtv, polled.confirmedAt, polled.live], ['0.7012', '0.7012', clock.t, true]);
    // And moves from there: BTC back to 60,000 → 0.7012 × 87,000 / 90,000.
    prices({ BTC: '60000' });
    assert.equal(watch.estimate('o1')?.ltv, '0.6778');
  });

  it('the what-if starts from the figure shown, and a fall raises it', () => {
    const { watch, clock, live, prices } = setup();
    watch.setLoans([loan()], clock.t);
    live();
    prices({ BTC: '57000' });
    const order = watch.whatIfOrder('o1');
    assert.ok(order !== undefined);
    const zero = whatIf(order, 'BTC', '0');
    assert.equal(zero.kind === 'ltv' && zero.ltv, '0.6895');
    const fall = whatIf(order, 'BTC', '10');
    assert.ok(fall.kind === 'ltv' && D.gt(fall.ltv, '0.6895'));
    assert.equal(watch.whatIfOrder('nope'), undefined);
  });

  it('asks OKX once per crossing (into warning, margin call, liquidation and back), never for a move that does not cross', () => {
    const { watch, clock, confirms, live, prices } = setup({ confirmGapMs: 0 });
    watch.setLoans([loan()], clock.t);
    live();
    for (const btc of ['59000', '58000', '59500', '57100']) prices({ BTC: btc });
    assert.deepEqual(confirms, [], 'safe all along (warning from 0.7)');
    prices({ BTC: '55000' }); // 0.6666 × 90,000 / 85,000 = 0.7058: warning
    assert.deepEqual(confirms, ['o1']);
    for (const btc of ['54000', '55500', '53000']) prices({ BTC: btc });
    assert.deepEqual(confirms, ['o1'], 'still warning');
    prices({ BTC: '44000' }); // 0.6666 × 90,000 / 74,000 = 0.8107: margin call
    prices({ BTC: '36000' }); // 0.6666 × 90,000 / 66,000 = 0.909: liquidation
    prices({ BTC: '60000' }); // back to safe
    assert.deepEqual(confirms, ['o1', 'o1', 'o1', 'o1']);
    // OKX's answer recalibrates; no request for it.
    watch.confirmOrder(loan({ curLTV: '0.6667' }), clock.t);
    prices({ BTC: '59900' });
    assert.equal(confirms.length, 4);
  });

  it('confirmations per order are spaced out: a crossing within the gap waits, one that crossed back needs none', () => {
    const { watch, clock, confirms, live, prices, timers } = setup({ confirmGapMs: 10_000 });
    watch.setLoans([loan(), loan({ ordId: 'o2', collateralData: [{ ccy: 'ETH', amt: '40' }], curLTV: '0.5' })], clock.t);
    live();
    prices({ BTC: '55000' });
    assert.deepEqual(confirms, ['o1']);
    clock.t += 1_000;
    prices({ BTC: '60000' }); // back to safe within the gap: waits
    assert.deepEqual(confirms, ['o1']);
    clock.t += 1_000;
    prices({ BTC: '55000' }); // warning again, as last asked: nothing to ask
    clock.t += 10_000;
    prices({ ETH: '3000' });
    timers[0]?.run();
    assert.deepEqual(confirms, ['o1']);
    prices({ BTC: '60000' });
    assert.deepEqual(confirms, ['o1', 'o1']);
    // The other order's crossings are its own: ETH −35 % puts o2 at 0.5 / 0.65 = 0.769 (asked at once), and o1
    // (0.6666 × 90,000 / 79,500 = 0.7546) into warning, asked for once its gap has passed.
    prices({ ETH: '1950' });
    assert.deepEqual(confirms, ['o1', 'o1', 'o2']);
    clock.t += 10_000;
    timers[0]?.run();
    assert.deepEqual(confirms, ['o1', 'o1', 'o2', 'o1']);
  });

  it('live prices pause when the socket does, or goes silent; the figures are then OKX’s, not live', () => {
    const { watch, clock, updates, socket, live, prices, timers, confirms } = setup();
    const statuses: unknown[] = [];
    watch.onDidChangeStatus((s) => statuses.push(s));
    watch.setLoans([loan()], clock.t);
    live();
    prices({ BTC: '57000' });
    assert.equal(watch.estimate('o1')?.live, true);
    socket().setState('paused', 'no pong');
    assert.deepEqual(watch.status, { state: 'paused', reason: 'paused', detail: 'no pong' });
    const paused = updates[updates.length - 1];
    assert.deepEqual(paused && [paused.ltv, paused.live], ['0.6666', false]);
    // A price during the pause moves nothing and asks nothing.
    prices({ BTC: '40000' });
    assert.deepEqual([watch.estimate('o1')?.ltv, confirms.length], ['0.6666', 0]);
    socket().setState('closed', 'network');
    assert.deepEqual(watch.status, { state: 'paused', reason: 'closed', detail: 'network' });
    // Back: live again with fresh prices.
    clock.t += 1_000;
    live();
    assert.deepEqual(watch.status, { state: 'live' });
    assert.equal(watch.estimate('o1')?.live, true);
    // Silent: the socket says live but nothing comes for more than 90 s.
    clock.t += 91_000;
    timers[0]?.run();
    assert.deepEqual(watch.status, { state: 'paused', reason: 'silent' });
    assert.deepEqual([watch.estimate('o1')?.live, watch.estimate('o1')?.ltv], [false, '0.6666']);
    prices({ BTC: '60000', ETH: '3000', USDT: '1' });
    assert.deepEqual(watch.status, { state: 'live' });
    assert.deepEqual(statuses.map((s) => (s as { state: string; reason?: string }).reason ?? 'live'), ['connecting', 'live', 'paused', 'closed', 'live', 'silent', 'live']);
  });

  it('one stale price makes its orders not live, while the others stay live', () => {
    const { watch, clock, live, prices, timers } = setup();
    watch.setLoans([loan(), loan({ ordId: 'o2', collateralData: [{ ccy: 'BTC', amt: '2' }] })], clock.t);
    live();
    for (let i = 0; i < 10; i++) {
      clock.t += 10_000;
      prices({ BTC: '60000', USDT: '1' });
    }
    timers[0]?.run();
    assert.equal(watch.estimate('o1')?.live, false, 'ETH is 100 s old');
    assert.equal(watch.estimate('o2')?.live, true);
    assert.equal(watch.estimate('o1')?.priceAgeMs, 100_000);
  });

  it('a poll before any price: the first live prices become the calibration, then it moves', () => {
    const { watch, clock, socket, prices } = setup();
    watch.setLoans([loan()], clock.t);
    assert.equal(watch.estimate('o1')?.live, false);
    clock.t += 3_000;
    socket().setState('live');
    prices({ BTC: '58000', ETH: '3000', USDT: '1' });
    assert.deepEqual([watch.estimate('o1')?.ltv, watch.estimate('o1')?.live], ['0.6666', true]);
    prices({ BTC: '55000' }); // 0.6666 × 88,000 / 85,000
    assert.equal(watch.estimate('o1')?.ltv, '0.6901');
  });

  it('follows the portfolio: each new loans answer recalibrates, the prices area says which indexes exist', () => {
    const { watch, sockets, socket } = setup();
    type State = { status: string; data?: unknown; updatedAt?: number };
    const areas: Record<string, State> = { loans: { status: 'idle' }, prices: { status: 'idle' } };
    const listeners: ((a: readonly AreaId[]) => void)[] = [];
    const ensured: string[] = [];
    const portfolio = {
      hasCredentials: true,
      get: (area: AreaId) => areas[area] ?? { status: 'idle' },
      ensure: (area: AreaId) => (ensured.push(area), Promise.resolve()),
      onDidChange: (l: (a: readonly AreaId[]) => void) => (listeners.push(l), { dispose: () => undefined }),
    } as unknown as Parameters<typeof followPortfolio>[1];
    const fire = (a: AreaId[]): void => listeners.forEach((l) => l(a));
    const subscription = followPortfolio(watch, portfolio);
    assert.equal(sockets.length, 0);
    areas.loans = { status: 'ready', data: { loans: [loan({ loanData: [{ ccy: 'USDC', amt: '1' }] })] }, updatedAt: 5 };
    fire(['loans']);
    assert.deepEqual(ensured, ['prices']);
    assert.deepEqual(socket().instruments, [['BTC-USD', 'ETH-USD', 'USDC-USD']]);
    areas.prices = { status: 'ready', data: { usd: new Map([['BTC', '1'], ['ETH', '1']]) }, updatedAt: 6 };
    fire(['prices']);
    assert.deepEqual(socket().instruments[1], ['BTC-USD', 'ETH-USD']);
    areas.loans = { status: 'loading', data: areas.loans.data, updatedAt: 5 };
    fire(['loans']);
    assert.equal(watch.estimate('o1')?.confirmedAt, 5);
    areas.loans = { status: 'ready', data: { loans: [loan({ curLTV: '0.7' })] }, updatedAt: 9 };
    fire(['loans']);
    assert.deepEqual([watch.estimate('o1')?.confirmedAt, watch.estimate('o1')?.confirmedLtv], [9, '0.7']);
    areas.loans = { status: 'idle' };
    fire(['loans']);
    assert.equal(socket().disposed, true);
    subscription.dispose();
  });
});
