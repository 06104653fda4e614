import * as assert from 'node:assert/strict';
import { collateralLookups, followUpAccount, mementoFollowUps, parseFollowUps, type FollowUps, type MementoLike } from '../../../src/portfolio/followUpMemory';
import type * as T from '../../../src/okx/types';

/** A memento in memory that counts its writes. */
function memento(): MementoLike & { values: Map<string, unknown>; updates: number } {
  const values = new Map<string, unknown>();
  return {
    values,
    updates: 0,
    get: (key) => values.get(key),
    update(key, value) {
      this.updates += 1;
      values.set(key, JSON.parse(JSON.stringify(value)) as unknown);
      return Promise.resolve();
    },
  };
}

const KEPT: FollowUps = { collateral: [{ key: 'BTC@2001', ccy: 'BTC', ordId: '2001' }], stableCcys: ['USDG'] };

describe('follow-ups kept between sessions', () => {
  it('one look-up per order and collateral currency, filed as the loanLimits area files it', () => {
    const loans = [
      { ordId: '2001', loanData: [{ ccy: 'USDT' }], collateralData: [{ ccy: 'BTC' }, { ccy: 'ETH' }] },
      { ordId: '', loanData: [{ ccy: 'USDC' }], collateralData: [{ ccy: 'SOL' }] },
    ] as unknown as T.LoanInfo[];
    assert.deepEqual(collateralLookups(loans), [
      { key: 'BTC@2001', ccy: 'BTC', ordId: '2001' },
      { key: 'ETH@2001', ccy: 'ETH', ordId: '2001' },
      { key: 'SOL@ccy:USDC', ccy: 'SOL', ordId: '' },
    ]);
  });

  it('one account per host and profile; the Sandbox one account whatever its port; none without a host or a profile', () => {
    assert.equal(followUpAccount('production', 'https://www.okx.com', 'main'), 'https://www.okx.com main');
    assert.equal(followUpAccount('custom', 'http://127.0.0.1:4000', 'main'), 'http://127.0.0.1:4000 main');
    assert.equal(followUpAccount('sandbox', 'http://127.0.0.1:41234', undefined), 'sandbox');
    assert.equal(followUpAccount('sandbox', 'http://127.0.0.1:41999', undefined), 'sandbox');
    assert.equal(followUpAccount('production', 'https://www.okx.com', undefined), undefined);
    assert.equal(followUpAccount('custom', undefined, 'main'), undefined);
  });

  it('reads back only the shape it writes: ids and currency names, within bounds', () => {
    assert.deepEqual(parseFollowUps(JSON.parse(JSON.stringify(KEPT))), KEPT);
    for (const bad of [
      undefined, null, 'x', [], { collateral: [] }, { collateral: [], stableCcys: [1] },
      { collateral: [{ key: 'BTC@1', ccy: 'BTC' }], stableCcys: [] },
      { collateral: [{ key: 'BTC@1', ccy: '', ordId: '1' }], stableCcys: [] },
      { collateral: [{ key: 'BTC@1', ccy: 'BTC', ordId: '1; rm -rf /' }], stableCcys: [] },
      { collateral: [], stableCcys: [''] },
      { collateral: [], stableCcys: Array.from({ length: 33 }, () => 'USDG') },
      { collateral: Array.from({ length: 65 }, () => KEPT.collateral[0]), stableCcys: [] },
    ]) {
      assert.equal(parseFollowUps(bad), undefined, JSON.stringify(bad));
    }
  });

  it('per host and profile in the memento; an unchanged write is not made; the 8 accounts refreshed last are kept', () => {
    const m = memento();
    const main = mementoFollowUps(m, 'https://www.okx.com main');
    assert.equal(main.read(), undefined);
    main.write(KEPT);
    assert.deepEqual(main.read(), KEPT);
    assert.equal(mementoFollowUps(m, 'https://www.okx.com other').read(), undefined, 'another profile has its own');
    main.write({ ...KEPT });
    assert.equal(m.updates, 1, 'the same again: not written');
    for (let i = 0; i < 8; i++) mementoFollowUps(m, `sandbox p${i}`).write(KEPT);
    assert.equal(main.read(), undefined, 'the account refreshed longest ago is dropped');
    assert.equal(Object.keys(m.values.get('okxEarn.followUps') as object).length, 8);
    m.values.set('okxEarn.followUps', ['not', 'an', 'object']);
    assert.equal(main.read(), undefined);
    main.write(KEPT);
    assert.deepEqual(main.read(), KEPT, 'a stored value of another shape is replaced');
  });
});
