import * as assert from 'node:assert/strict';
import { customEnvironment, publicSocketUrl } from '../../../src/okx/environments';
import { PublicSocket, type IndexTick, type PublicSocketOptions, type SocketState } from '../../../src/okx/publicSocket';
import { startSim, type SimHarness } from '../support/sim';
import { until } from '../support/until';


describe('okx/publicSocket: index prices over the simulator’s public WebSocket', () => {
  let h: SimHarness;
  let socket: PublicSocket;
  let ticks: IndexTick[];
  let states: [SocketState, string | undefined][];
  let lines: string[];
  const make = (options: Partial<PublicSocketOptions> = {}): PublicSocket => {
    socket = new PublicSocket({ url: publicSocketUrl(customEnvironment(h.sim.url)), log: (line) => lines.push(line), ...options });
    socket.onTick((tick) => ticks.push(tick));
    socket.onState((state, why) => states.push([state, why]));
    return socket;
  };
  beforeEach(async () => {
    h = await startSim({ rateLimits: false });
    ticks = [];
    states = [];
    lines = [];
  });
  afterEach(async () => {
    socket.dispose();
    await h.sim.close();
  });

  it('opens when instruments are wanted and ticks with decimal text', async () => {
    make();
    assert.equal(socket.state, 'closed');
    socket.setInstruments(['BTC-USD', 'ETH-USD']);
    assert.equal(socket.state, 'connecting');
    await until(() => ticks.length >= 2, 'two ticks');
    assert.equal(socket.state, 'live');
    const btc = ticks.find((t) => t.instId === 'BTC-USD')!;
    assert.equal(btc.idxPx, '91250.4');
    assert.equal(typeof btc.idxPx, 'string');
    assert.ok(btc.ts > 0 && Math.abs(btc.receivedAt - Date.now()) < 5000);
    assert.deepEqual(states.map(([s]) => s), ['connecting', 'live']);
    assert.equal(h.sim.publicSocket.subscribeMessages, 1, 'both in one request');
    assert.deepEqual(h.sim.publicSocket.subscriptions(), [['BTC-USD', 'ETH-USD']]);
  });

  it('subscribes to exactly what is asked: diffs, no repeats, closes when empty and opens again', async () => {
    make();
    socket.setInstruments(['BTC-USD', 'ETH-USD']);
    await until(() => h.sim.publicSocket.subscriptions()[0]?.length === 2, 'subscribed');
    socket.setInstruments(['ETH-USD', 'SOL-USD']);
    await until(() => h.sim.publicSocket.subscriptions()[0]?.join() === 'ETH-USD,SOL-USD', 'the diff');
    assert.equal(h.sim.publicSocket.subscribeMessages, 2);
    assert.equal(h.sim.publicSocket.unsubscribeMessages, 1);
    socket.setInstruments(['SOL-USD', 'ETH-USD', 'SOL-USD']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(h.sim.publicSocket.subscribeMessages + h.sim.publicSocket.unsubscribeMessages, 3, 'nothing to change, nothing sent');

    const before = ticks.length;
    h.sim.publicSocket.jump('BTC', '-5%');
    h.sim.publicSocket.jump('SOL', '-5%');
    await until(() => ticks.slice(before).some((t) => t.instId === 'SOL-USD'), 'a SOL tick');
    assert.ok(!ticks.slice(before).some((t) => t.instId === 'BTC-USD'), 'no BTC once unsubscribed');

    socket.setInstruments([]);
    assert.equal(socket.state, 'closed');
    await until(() => h.sim.publicSocket.open === 0, 'closed at the server');
    assert.deepEqual(states.at(-1), ['closed', 'nothing needs it']);
    socket.setInstruments(['DOT-USD']);
    await until(() => ticks.some((t) => t.instId === 'DOT-USD'), 'open again');
    assert.equal(h.sim.publicSocket.connections, 2);
  });

  it('a jump reaches the listener within 200 ms', async () => {
    make();
    socket.setInstruments(['BTC-USD']);
    await until(() => ticks.length === 1, 'the first tick');
    const started = performance.now();
    h.sim.publicSocket.jump('BTC', '80000');
    await until(() => ticks.at(-1)?.idxPx === '80000', 'the jump', 200);
    assert.ok(performance.now() - started < 200);
  });

  it('an instrument OKX refuses is logged and not asked again on that connection; the others tick', async () => {
    make();
    socket.setInstruments(['FOO-USD', 'BTC-USD']);
    await until(() => ticks.length >= 1 && lines.some((l) => l.includes('60018')), 'a tick and the error');
    assert.ok(lines.some((l) => /error 60018: .*instId:FOO-USD/.test(l)), lines.join('\n'));
    socket.setInstruments(['BTC-USD', 'FOO-USD']);
    socket.setInstruments(['FOO-USD', 'BTC-USD', 'ETH-USD']);
    await until(() => ticks.some((t) => t.instId === 'ETH-USD'), 'ETH');
    assert.equal(h.sim.publicSocket.subscribeMessages, 2, 'ETH alone the second time');
    assert.deepEqual(h.sim.publicSocket.subscriptions(), [['BTC-USD', 'ETH-USD']]);
    assert.equal(socket.state, 'live');
  });

  it('keeps within 480 subscribe requests an hour on a connection: the change waits, and says so', async () => {
    let now = 1_000_000;
    make({ now: () => now });
    socket.setInstruments(['BTC-USD']);
    await until(() => ticks.length === 1, 'the first tick');
    for (let i = 1; i < 480; i++) socket.setInstruments(i % 2 === 1 ? ['BTC-USD', 'ETH-USD'] : ['BTC-USD']);
    const sent = (): number => h.sim.publicSocket.subscribeMessages + h.sim.publicSocket.unsubscribeMessages;
    await until(() => sent() === 480, '480 requests');
    socket.setInstruments(['BTC-USD', 'SOL-USD']);
    assert.equal(socket.state, 'paused');
    assert.match(states.at(-1)![1]!, /480 subscribe requests an hour.*waiting 3600 s before subscribing to SOL-USD/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(sent(), 480, 'nothing more sent');

    now += 3_600_000;
    socket.setInstruments(['BTC-USD', 'SOL-USD']);
    await until(() => h.sim.publicSocket.subscriptions()[0]?.join() === 'BTC-USD,SOL-USD', 'SOL subscribed an hour later');
    assert.equal(socket.state, 'live');
    assert.equal(h.sim.publicSocket.connections, 1);
  });

  it('dispose closes the socket and silences the listeners', async () => {
    make();
    socket.setInstruments(['BTC-USD']);
    await until(() => ticks.length === 1, 'a tick');
    socket.dispose();
    assert.equal(socket.state, 'closed');
    await until(() => h.sim.publicSocket.open === 0, 'closed at the server');
    socket.setInstruments(['BTC-USD']);
    assert.equal(socket.state, 'closed');
  });
});
