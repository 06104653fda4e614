/**
 * PublicSocket's timing rules on fake timers (node:test's mock timers: setTimeout, setInterval, Date) with real
 * sockets to the simulator: keepalive, backoff and resubscription, 3 connects a second, the 64008 notice.
 */
import * as assert from 'node:assert/strict';
import { mock } from 'node:test';
import { customEnvironment, publicSocketUrl } from '../../../src/okx/environments';
import { PublicSocket, type IndexTick, type SocketState } from '../../../src/okx/publicSocket';
import { startSim, type SimHarness } from '../support/sim';
import { settle, until } from '../support/until';

describe('okx/publicSocket on fake timers: keepalive, reconnects, 3 connects a second, 64008', () => {
  let h: SimHarness;
  let socket: PublicSocket;
  let ticks: IndexTick[];
  let states: [SocketState, string | undefined][];
  let lines: string[];
  const tick = (ms: number): void => mock.timers.tick(ms);
  beforeEach(async () => {
    h = await startSim({ rateLimits: false });
    mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'], now: 1_800_000_000_000 });
    ticks = [];
    states = [];
    lines = [];
    socket = new PublicSocket({ url: publicSocketUrl(customEnvironment(h.sim.url)), random: () => 0, log: (line) => lines.push(line) });
    socket.onTick((t) => ticks.push(t));
    socket.onState((state, why) => states.push([state, why]));
  });
  afterEach(async () => {
    socket.dispose();
    mock.timers.reset();
    await h.sim.close();
  });

  const live = async (what: string): Promise<void> => {
    const before = ticks.length;
    await until(() => ticks.length > before, what);
  };

  it('pings after 25 s of silence; a pong keeps it; no pong within 5 s reconnects and resubscribes', async () => {
    socket.setInstruments(['BTC-USD']);
    await live('the first tick');
    tick(24_999);
    await settle();
    assert.equal(h.sim.publicSocket.pings, 0);
    tick(1);
    await until(() => h.sim.publicSocket.pings === 1, 'a ping');
    // The pong comes back: 5 s later nothing has happened.
    await settle(10);
    tick(5_000);
    assert.equal(socket.state, 'live');
    assert.equal(h.sim.publicSocket.connections, 1);

    h.sim.publicSocket.silence();
    tick(20_000);
    await until(() => h.sim.publicSocket.pings === 2, 'the second ping');
    h.sim.publicSocket.silence(false);
    tick(5_000);
    assert.equal(socket.state, 'paused');
    assert.match(states.at(-1)![1]!, /no pong within 5 s/);
    tick(500);
    await live('ticks again on a new connection');
    assert.equal(h.sim.publicSocket.connections, 2);
    assert.deepEqual(h.sim.publicSocket.subscriptions(), [['BTC-USD']]);
    assert.equal(socket.state, 'live');
  });

  it('reconnects after a drop with exponential backoff capped at 30 s, and resubscribes', async () => {
    socket.setInstruments(['BTC-USD', 'ETH-USD']);
    await until(() => ticks.length === 2, 'two ticks');
    h.sim.publicSocket.refuseUpgrades(7);
    h.sim.publicSocket.dropAll();
    await until(() => socket.state === 'paused', 'paused');
    // random() = 0: half of 1, 2, 4, 8, 16, 30, 30, 30 s.
    const gaps = [500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000];
    for (const [i, gap] of gaps.entries()) {
      tick(gap - 1);
      await settle();
      assert.equal(h.sim.publicSocket.connectTimes.length, 1 + i, `not before ${gap} ms`);
      tick(1);
      await until(() => h.sim.publicSocket.connectTimes.length === 2 + i, `attempt ${i + 1}`);
      const scheduled = (): string[] => lines.filter((l) => /503\); reconnecting in/.test(l));
      if (i < 7) await until(() => scheduled().length === i + 1, 'refused, and the next attempt scheduled');
    }
    await until(() => h.sim.publicSocket.subscriptions()[0]?.join() === 'BTC-USD,ETH-USD', 'resubscribed');
    assert.equal(socket.state, 'live');
    assert.equal(h.sim.publicSocket.connections, 2);
  });

  it('never more than 3 connection attempts a second', async () => {
    socket.setInstruments(['BTC-USD']);
    await live('the first tick');
    // Each 64008 notice asks for an early reconnect: the 4th within the second waits for the window.
    for (let n = 2; n <= 3; n++) {
      h.sim.publicSocket.notice();
      await until(() => h.sim.publicSocket.connections === n && h.sim.publicSocket.subscriptions().length === 1, `connection ${n}`);
    }
    h.sim.publicSocket.notice();
    await until(() => socket.state === 'paused', 'paused');
    await settle();
    assert.equal(h.sim.publicSocket.connectTimes.length, 3);
    tick(999);
    await settle();
    assert.equal(h.sim.publicSocket.connectTimes.length, 3, 'the 4th waits a second after the 1st');
    tick(1);
    await until(() => h.sim.publicSocket.connections === 4, 'the 4th connection');
    const times = h.sim.publicSocket.connectTimes;
    for (let i = 3; i < times.length; i++) assert.ok(times[i] - times[i - 3] >= 1000, String(times));
  });

  it('the 64008 notice: a new connection at once, before OKX closes the old one', async () => {
    socket.setInstruments(['SOL-USD']);
    await live('the first tick');
    h.sim.publicSocket.notice();
    await until(() => h.sim.publicSocket.connections === 2, 'a second connection, with no time passing');
    await until(() => h.sim.publicSocket.open === 1 && h.sim.publicSocket.subscriptions()[0]?.join() === 'SOL-USD', 'resubscribed, old one closed');
    assert.ok(states.some(([s, why]) => s === 'paused' && /64008/.test(why ?? '')));
    await until(() => socket.state === 'live', 'live');
  });
});
