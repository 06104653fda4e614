import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { collateralLookups, fileFollowUps, followUpAccount, parseFollowUps, settleFollowUpsFile, type FollowUps } from '../../../src/portfolio/followUpMemory';
import type * as T from '../../../src/okx/types';

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

  it('per host and profile in a file of its own; an unchanged write is not made; the 8 accounts refreshed last are kept; a new session reads them back', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'okx-earn-follow-ups-'));
    const file = path.join(folder, 'storage', 'follow-ups.json');
    try {
      const main = fileFollowUps(file, 'https://www.okx.com main');
      assert.equal(main.read(), undefined);
      main.write(KEPT);
      assert.deepEqual(main.read(), KEPT);
      assert.equal(fileFollowUps(file, 'https://www.okx.com other').read(), undefined, 'another profile has its own');
      await settleFollowUpsFile(file);
      assert.deepEqual(fileFollowUps(file, 'https://www.okx.com main').read(), KEPT, 'read back by a new session');

      rmSync(file);
      fileFollowUps(file, 'https://www.okx.com main').write({ ...KEPT });
      await settleFollowUpsFile(file);
      assert.equal(existsSync(file), false, 'the same again: not written');

      for (let i = 0; i < 8; i++) fileFollowUps(file, `sandbox p${i}`).write(KEPT);
      assert.equal(fileFollowUps(file, 'https://www.okx.com main').read(), undefined, 'the account refreshed longest ago is dropped');
      await settleFollowUpsFile(file);
      assert.equal(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object).length, 8);

      writeFileSync(file, JSON.stringify(['not', 'an', 'object']));
      const again = fileFollowUps(file, 'https://www.okx.com main');
      assert.equal(again.read(), undefined);
      again.write(KEPT);
      assert.deepEqual(again.read(), KEPT, 'a stored value of another shape is replaced');
      await settleFollowUpsFile(file);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
