/**
 * Issue 25, items 11 and 12: OKUSD's "max" says what it is when today's quota binds it, not "all of it"; and a
 * confirmation asks about the money, with no client order id in it (that is in the log and the pending row).
 */
import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import * as okusd from '../../../src/commands/okusd';
import * as onchain from '../../../src/commands/onchain';
import { fakeWindow, PRESS_MAX } from '../support/fakeVscode';
import { box, confirmation, promptHarness } from '../support/promptHarness';

describe('OKUSD: "max" says what bounds it; no client order id in the confirmation (issue 25)', function () {
  this.timeout(20_000);
  const h = promptHarness();

  it('12,000 held, 10,000 of fast-redemption quota left: "max" is today\'s quota', async () => {
    h().sim.state.funding.OKUSD = '12000';
    fakeWindow.choose = (_title, labels) => labels.find((l) => l === 'Fast redemption');
    fakeWindow.typed = [PRESS_MAX];
    fakeWindow.confirm = () => undefined;
    assert.equal(await okusd.redeem(h().context), false);
    assert.equal(box(0).placeholder, 'up to 10,000 OKUSD; "max" for today\'s quota');
    assert.equal(box(0).buttons[0], "Max (today's quota): 10,000 OKUSD");
    assert.equal(box(0).value, '10000');
    assert.match(box(0).prompt ?? '', /you hold 12,000 OKUSD\./);
  });

  it('as much held as the quota allows: "max" is all of it', async () => {
    h().sim.state.funding.OKUSD = '10000';
    fakeWindow.choose = (_title, labels) => labels.find((l) => l === 'Fast redemption');
    fakeWindow.typed = ['max'];
    fakeWindow.confirm = () => undefined;
    assert.equal(await okusd.redeem(h().context), false);
    assert.equal(box(0).placeholder, 'up to 10,000 OKUSD; "max" for all of it');
  });

  it('the subscription and redemption confirmations hold no client order id', async () => {
    fakeWindow.typed = ['40'];
    fakeWindow.confirm = () => undefined;
    assert.equal(await okusd.subscribe(h().context), false);
    assert.doesNotMatch(confirmation().detail ?? '', /Client order ID|vsc[a-z0-9]{29}/i);
    fakeWindow.choose = (_title, labels) => labels.find((l) => l === 'Standard redemption');
    fakeWindow.typed = ['30'];
    assert.equal(await okusd.redeem(h().context), false);
    assert.match(confirmation().message, /^Redeem 30 OKUSD \(standard/);
    assert.doesNotMatch(confirmation().detail ?? '', /Client order ID|vsc[a-z0-9]{29}/i);
  });

  it('nor does an on-chain purchase\'s its order tag', async () => {
    const offers = await h().client.onchain.offers({ ccy: 'DOT' });
    const offer = offers.find((o) => o.term === '0') ?? offers[0];
    assert.ok(offer);
    fakeWindow.typed = ['10'];
    fakeWindow.confirm = () => undefined;
    assert.equal(await onchain.purchase(h().context, { payload: { kind: 'offer', offer } }), false);
    assert.doesNotMatch(confirmation().detail ?? '', /Order tag|vsc[a-z0-9]{13}/i);
  });
});
