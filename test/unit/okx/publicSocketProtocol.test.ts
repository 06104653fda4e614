import * as assert from 'node:assert/strict';
import { customEnvironment, okxEnvironment, publicSocketUrl } from '../../../src/okx/environments';
import { backoffMs, frameText, indexTickerRequests, instIdsNamed, parseServerMessage, RULES, SlidingWindow } from '../../../src/okx/socketProtocol';

describe('okx/socketProtocol: framing, parsing and the rules arithmetic', () => {
  it('frames one batched subscribe (or unsubscribe) for the index-tickers channel, with its id', () => {
    let n = 0;
    const [request, ...rest] = indexTickerRequests('subscribe', ['BTC-USD', 'ETH-USD'], () => `ix${++n}`);
    assert.equal(rest.length, 0);
    assert.deepEqual(JSON.parse(request.text), {
      id: 'ix1',
      op: 'subscribe',
      args: [{ channel: 'index-tickers', instId: 'BTC-USD' }, { channel: 'index-tickers', instId: 'ETH-USD' }],
    });
    assert.deepEqual(request.instIds, ['BTC-USD', 'ETH-USD']);
    assert.deepEqual(indexTickerRequests('unsubscribe', [], () => 'x'), []);
  });

  it('splits a request whose args would pass the 64 KB limit', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `C${i}-USD`);
    const requests = indexTickerRequests('subscribe', many, () => 'id');
    assert.ok(requests.length > 1);
    assert.ok(requests.every((r) => r.text.length < 64 * 1024));
    assert.deepEqual(requests.flatMap((r) => r.instIds), many);
  });

  it('parses events, errors, notices and pushes; prices stay the text OKX sent', () => {
    assert.deepEqual(parseServerMessage('pong'), { kind: 'pong' });
    assert.deepEqual(parseServerMessage('{"id":"1512","event":"subscribe","arg":{"channel":"index-tickers","instId":"BTC-USDT"},"connId":"a4d3ae55"}'), {
      kind: 'subscribe', id: '1512', arg: { channel: 'index-tickers', instId: 'BTC-USDT' }, connId: 'a4d3ae55',
    });
    assert.deepEqual(parseServerMessage('{"event":"unsubscribe","arg":{"channel":"index-tickers","instId":"BTC-USD"},"connId":"x"}'), {
      kind: 'unsubscribe', arg: { channel: 'index-tickers', instId: 'BTC-USD' }, connId: 'x',
    });
    assert.deepEqual(parseServerMessage('{"id":"1512","event":"error","code":"60012","msg":"Invalid request","connId":"a4d3ae55"}'), {
      kind: 'error', id: '1512', code: '60012', msg: 'Invalid request', connId: 'a4d3ae55',
    });
    assert.deepEqual(parseServerMessage('{"event":"notice","code":"64008","msg":"The connection will soon be closed for a service upgrade. Please reconnect.","connId":"a4d3ae55"}'), {
      kind: 'notice', code: '64008', msg: 'The connection will soon be closed for a service upgrade. Please reconnect.', connId: 'a4d3ae55',
    });
    const push = parseServerMessage(
      '{"arg":{"channel":"index-tickers","instId":"BTC-USDT"},"data":[{"instId":"BTC-USDT","idxPx":"91250.40000001","high24h":"0.5","low24h":"0.1","open24h":"0.1","sodUtc0":"0.1","sodUtc8":"0.1","ts":"1597026383085"}]}',
    );
    assert.deepEqual(push, { kind: 'push', arg: { channel: 'index-tickers', instId: 'BTC-USDT' }, prices: [{ instId: 'BTC-USDT', idxPx: '91250.40000001', ts: 1597026383085 }], skipped: 0 });
  });

  it('skips malformed prices and tells apart what is not for it', () => {
    const push = parseServerMessage('{"arg":{"channel":"index-tickers","instId":"BTC-USD"},"data":[{"instId":"BTC-USD","idxPx":91250.4,"ts":"1"},{"idxPx":"1e5","ts":"1"},{"idxPx":"2","ts":"2"}]}');
    assert.equal(push.kind, 'push');
    if (push.kind === 'push') {
      assert.equal(push.skipped, 2, 'a number price and an exponent are not decimal text');
      assert.deepEqual(push.prices, [{ instId: 'BTC-USD', idxPx: '2', ts: 2 }], 'instId falls back to the arg');
    }
    assert.equal(parseServerMessage('{"arg":{"channel":"tickers","instId":"BTC-USDT"},"data":[]}').kind, 'other');
    assert.equal(parseServerMessage('{"event":"channel-conn-count","channel":"orders","connCount":"2","connId":"a"}').kind, 'other');
    assert.equal(parseServerMessage('{"arg":{"channel":"index-tickers"}}').kind, 'invalid');
    assert.equal(parseServerMessage('not json').kind, 'invalid');
    assert.equal(parseServerMessage('[1]').kind, 'invalid');
  });

  it('finds the instrument a 60018 names', () => {
    const msg = "Wrong URL or channel:index-tickers,instId:FOO-USD doesn't exist. Please use the correct URL, channel and parameters referring to API document.";
    assert.deepEqual(instIdsNamed(msg, ['BTC-USD', 'FOO-USD']), ['FOO-USD']);
    assert.deepEqual(instIdsNamed(msg, ['FOO-USDT']), [], 'FOO-USD is not FOO-USDT');
    assert.deepEqual(instIdsNamed('Invalid args', ['BTC-USD']), []);
  });

  it('backoff doubles from 1 s to a 30 s cap, with jitter between half and all of it', () => {
    assert.equal(backoffMs(0, 0), 500);
    assert.equal(backoffMs(0, 0.999), 1000);
    assert.equal(backoffMs(1, 0), 1000);
    assert.equal(backoffMs(3, 1), 8000);
    for (const attempt of [5, 6, 20, 1000]) {
      assert.ok(backoffMs(attempt, 0) >= 15_000 && backoffMs(attempt, 0.9999) <= RULES.backoffCapMs, String(attempt));
    }
  });

  it('a sliding window says how long until the next event fits', () => {
    const window = new SlidingWindow(3, 1000);
    for (const t of [0, 100, 200]) {
      assert.equal(window.waitMs(t), 0);
      window.record(t);
    }
    assert.equal(window.waitMs(300), 700);
    assert.equal(window.waitMs(999), 1);
    assert.equal(window.waitMs(1000), 0);
    assert.equal(window.waitMs(1000, 2), 100);
    assert.equal(window.used(1150), 1);
    assert.throws(() => window.waitMs(0, 4));
  });

  it('reads frames in every form ws gives them', () => {
    assert.equal(frameText(Buffer.from('pong')), 'pong');
    assert.equal(frameText([Buffer.from('po'), Buffer.from('ng')]), 'pong');
    assert.equal(frameText(new TextEncoder().encode('pong').buffer), 'pong');
  });

  it('public WebSocket URLs per environment', () => {
    assert.equal(publicSocketUrl(okxEnvironment('production')), 'wss://ws.okx.com:8443/ws/v5/public');
    assert.equal(publicSocketUrl(okxEnvironment('production', { demo: true })), 'wss://wspap.okx.com:8443/ws/v5/public');
    assert.equal(publicSocketUrl(okxEnvironment('us')), 'wss://wsus.okx.com:8443/ws/v5/public');
    assert.equal(publicSocketUrl(okxEnvironment('us', { demo: true })), 'wss://wsuspap.okx.com:8443/ws/v5/public');
    assert.equal(publicSocketUrl(okxEnvironment('eea')), 'wss://wseea.okx.com:8443/ws/v5/public');
    assert.equal(publicSocketUrl(okxEnvironment('eea', { demo: true })), 'wss://wseeapap.okx.com:8443/ws/v5/public');
    assert.equal(publicSocketUrl(customEnvironment('https://openapi.okx.com')), 'wss://ws.okx.com:8443/ws/v5/public');
    assert.equal(publicSocketUrl(customEnvironment('http://127.0.0.1:4567')), 'ws://127.0.0.1:4567/ws/v5/public');
    assert.equal(publicSocketUrl(customEnvironment('https://okx.example.test:8443')), 'wss://okx.example.test:8443/ws/v5/public');
  });
});
