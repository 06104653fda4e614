import * as assert from 'node:assert/strict';
import { parseFromWebview } from '../../src/panels/protocol';

describe('panels/protocol: only well-formed messages from a webview get through', () => {
  it('accepts every message the webviews send', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'refresh' },
      { type: 'painted', ms: 42.5 },
      { type: 'range', days: 7 },
      { type: 'range', days: 365 },
      { type: 'action', action: 'purchase' },
      { type: 'action', action: 'redeem' },
      { type: 'collateral', action: 'add', ccy: 'BTC' },
      { type: 'collateral', action: 'reduce' },
      { type: 'amount', amount: '0.05' },
      // What the user typed, as typed: the host checks it.
      { type: 'amount', amount: '' },
      { type: 'amount', amount: '1,000 x' },
    ];
    for (const message of good) assert.deepEqual(parseFromWebview(message), message);
  });

  it('drops anything else', () => {
    const bad: unknown[] = [
      undefined, null, 'ready', 42, [], {}, { type: 'nope' }, { type: 'ready', extra: 1 },
      { type: 'painted', ms: -1 }, { type: 'painted', ms: Number.NaN }, { type: 'painted', ms: '5' },
      { type: 'range', days: 5 }, { type: 'range', days: '7' },
      { type: 'action', action: 'withdrawAll' }, { type: 'action' },
      { type: 'collateral', action: 'add', ccy: '<img src=x>' }, { type: 'collateral', action: 'add', ccy: 5 },
      { type: 'collateral', action: 'steal', ccy: 'BTC' }, { type: 'collateral', action: 'add', ccy: 'BTC', amt: '100' },
      { type: { toString: () => 'ready' } },
      { type: 'amount' }, { type: 'amount', amount: 5 }, { type: 'amount', amount: '1'.repeat(41) }, { type: 'amount', amount: '1', ccy: 'BTC' },
    ];
    for (const message of bad) assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
  });

  it('the Compare panel: a currency code to compare, a row id to act on; nothing else', () => {
    for (const good of [{ type: 'ccy', ccy: 'USDT' }, { type: 'compare', id: 'savings' }, { type: 'compare', id: 'onchain:4005' }, { type: 'compare', id: 'dual:BTC-USDT:P' }]) {
      assert.deepEqual(parseFromWebview(good), good);
    }
    const bad: unknown[] = [
      { type: 'ccy' }, { type: 'ccy', ccy: 'usdt' }, { type: 'ccy', ccy: '<b>' }, { type: 'ccy', ccy: 'USDT', amt: '1' },
      { type: 'compare' }, { type: 'compare', id: 5 }, { type: 'compare', id: 'okxEarn.savings.subscribe' }, { type: 'compare', id: 'dual:BTC-USDT:P', amt: '100' },
      { type: 'compare', id: `onchain:${'1'.repeat(41)}` },
    ];
    for (const message of bad) assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
  });
});
