import * as assert from 'node:assert/strict';
import { publicSocketUrl, customEnvironment } from '../../../src/okx/environments';
import { startSim, type SimHarness } from '../support/sim';
import { isEvent, isPush, WsProbe } from '../support/wsClient';

type Push = { arg: { channel: string; instId: string }; data: { instId: string; idxPx: string; ts: string }[] };

describe('simulator: the public WebSocket (/ws/v5/public, index-tickers)', () => {
  let h: SimHarness;
  let url: string;
  const probes: WsProbe[] = [];
  const open = async (): Promise<WsProbe> => {
    const probe = await WsProbe.open(url);
    probes.push(probe);
    return probe;
  };
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, publicSocket: { idleCloseMs: 300, unchangedPushMs: 250 } });
    url = publicSocketUrl(customEnvironment(h.sim.url));
  });
  afterEach(async () => {
    for (const probe of probes.splice(0)) probe.close();
    await h.sim.close();
  });

  it('subscribes with the request id echoed, pushes at once, in the same prices as REST', async () => {
    const ws = await open();
    ws.send({ id: 'a1', op: 'subscribe', args: [{ channel: 'index-tickers', instId: 'BTC-USD' }, { channel: 'index-tickers', instId: 'ETH-USDT' }] });
    const ack = await ws.next(isEvent('subscribe', 'BTC-USD'));
    assert.deepEqual(ack, { id: 'a1', event: 'subscribe', arg: { channel: 'index-tickers', instId: 'BTC-USD' }, connId: (ack as { connId: string }).connId });
    assert.match((ack as { connId: string }).connId, /^[0-9a-f]{8}$/);
    await ws.next(isEvent('subscribe', 'ETH-USDT'));
    const push = (await ws.next(isPush('BTC-USD'))) as unknown as Push;
    const [rest] = await h.client.account.indexTickers({ instId: 'BTC-USD' });
    assert.equal(push.data[0].idxPx, rest.idxPx);
    assert.equal(push.data[0].idxPx, '91250.4');
    assert.deepEqual(Object.keys(push.data[0]).sort(), ['high24h', 'idxPx', 'instId', 'low24h', 'open24h', 'sodUtc0', 'sodUtc8', 'ts']);
    await ws.next(isPush('ETH-USDT'));
    assert.equal(h.sim.publicSocket.subscribeMessages, 1, 'one request, however many args');
    assert.deepEqual(h.sim.publicSocket.subscriptions(), [['BTC-USD', 'ETH-USDT']]);
  });

  it('unsubscribes, and then pushes no more', async () => {
    const ws = await open();
    ws.send({ id: 's', op: 'subscribe', args: [{ channel: 'index-tickers', instId: 'SOL-USD' }] });
    await ws.next(isPush('SOL-USD'));
    ws.send({ id: 'u', op: 'unsubscribe', args: [{ channel: 'index-tickers', instId: 'SOL-USD' }] });
    assert.equal((await ws.next(isEvent('unsubscribe', 'SOL-USD'))) !== undefined, true);
    const seen = ws.messages.length;
    h.sim.publicSocket.jump('SOL', '+5%');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(ws.messages.length, seen);
    assert.equal(h.sim.publicSocket.unsubscribeMessages, 1);
    assert.deepEqual(h.sim.publicSocket.subscriptions(), [[]]);
  });

  it('errors for a bad channel, a bad instrument, a missing instId, bad JSON and a bad op', async () => {
    const ws = await open();
    const error = async (request: string | object): Promise<{ id?: string; code: string; msg: string }> => {
      const from = ws.messages.length;
      ws.send(request);
      return (await ws.next(isEvent('error'), 1000, from)) as unknown as { id?: string; code: string; msg: string };
    };
    const channel = await error({ id: 'e1', op: 'subscribe', args: [{ channel: 'index-tickerz', instId: 'BTC-USD' }] });
    assert.equal(channel.code, '60018');
    assert.equal(channel.id, 'e1');
    assert.match(channel.msg, /channel:index-tickerz,instId:BTC-USD doesn't exist/);
    for (const instId of ['FOO-USD', 'BTC-EUR', 'BTC-USD-SWAP', 'BTC']) {
      const instrument = await error({ id: 'e2', op: 'subscribe', args: [{ channel: 'index-tickers', instId }] });
      assert.equal(instrument.code, '60018', instId);
      assert.match(instrument.msg, new RegExp(`instId:${instId} doesn't exist`));
    }
    assert.equal((await error({ op: 'subscribe', args: [{ channel: 'index-tickers' }] })).code, '60027');
    assert.equal((await error('{"op":"subscribe",')).code, '60012');
    assert.equal((await error({ op: 'login', args: [] })).code, '60019');
    assert.equal((await error({ op: 'subscribe', args: [] })).code, '60013');
    assert.deepEqual(h.sim.publicSocket.subscriptions(), [[]]);
  });

  it('a jump moves REST and the socket together, pushed within 200 ms', async () => {
    const ws = await open();
    ws.send({ id: 'j', op: 'subscribe', args: [{ channel: 'index-tickers', instId: 'BTC-USD' }] });
    await ws.next(isPush('BTC-USD'));
    const from = ws.messages.length;
    const started = performance.now();
    assert.equal(h.sim.publicSocket.jump('BTC', '-10%'), '82125.36');
    const push = (await ws.next(isPush('BTC-USD'), 200, from)) as unknown as Push;
    assert.ok(performance.now() - started < 200);
    assert.equal(push.data[0].idxPx, '82125.36');
    const [rest] = await h.client.account.indexTickers({ instId: 'BTC-USD' });
    assert.equal(rest.idxPx, '82125.36');
    h.sim.publicSocket.jump('BTC', '80000');
    assert.equal(((await ws.next((m) => isPush('BTC-USD')(m) && (m as unknown as Push).data[0].idxPx === '80000', 200)) as unknown as Push).arg.instId, 'BTC-USD');
  });

  it('pushes once in a while when nothing changes, answers ping with pong', async () => {
    const ws = await open();
    ws.send({ op: 'subscribe', args: [{ channel: 'index-tickers', instId: 'DOT-USD' }] });
    await ws.next(isPush('DOT-USD'));
    const from = ws.messages.length;
    await ws.next(isPush('DOT-USD'), 600, from);
    ws.send('ping');
    assert.equal(await ws.next((m) => m === 'pong', 500, from), 'pong');
    assert.equal(h.sim.publicSocket.pings, 1);
  });

  it('closes a connection with no traffic (4004)', async () => {
    const ws = await open();
    const closed = await ws.waitClosed(1500);
    assert.equal(closed.code, 4004);
    assert.equal(h.sim.publicSocket.open, 0);
  });

  it('faults: a refused upgrade, silence, dropped connections, the 64008 notice', async () => {
    h.sim.publicSocket.refuseUpgrades(1);
    assert.match(await WsProbe.refusal(url), /503/);
    assert.equal(h.sim.publicSocket.refused, 1);
    assert.match(await WsProbe.refusal(url.replace('/public', '/private')), /404/);

    const ws = await open();
    ws.send({ op: 'subscribe', args: [{ channel: 'index-tickers', instId: 'BTC-USD' }] });
    await ws.next(isPush('BTC-USD'));
    h.sim.publicSocket.silence();
    let from = ws.messages.length;
    ws.send('ping');
    h.sim.publicSocket.jump('BTC', '+1%');
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(ws.messages.length, from, 'silent: no pong, no push');
    h.sim.publicSocket.silence(false);
    await ws.next(isPush('BTC-USD'), 300, from);

    from = ws.messages.length;
    h.sim.publicSocket.notice(50);
    const notice = await ws.next(isEvent('notice'), 500, from);
    assert.equal((notice as { code: string }).code, '64008');
    assert.equal((await ws.waitClosed(500)).code, 1006, 'closed after the notice');

    const second = await open();
    const third = await open();
    assert.equal(h.sim.publicSocket.open, 2);
    h.sim.publicSocket.dropAll();
    await second.waitClosed();
    await third.waitClosed();
    assert.equal(h.sim.publicSocket.connections, 3);
    assert.equal(h.sim.publicSocket.connectTimes.length, 5, 'refused and 404 upgrades are counted as attempts');
  });
});
