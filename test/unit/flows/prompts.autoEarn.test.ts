/**
 * Issue 26, item 1: turning auto-earn on and off goes the way every money move goes: the currency read anew, a
 * confirmation in OKX Earn's own dialog saying what is sent, sent once; a currency OKX does not auto-earn is
 * explained (before sending, and when OKX refuses it), with what to do instead. (The outcomes of a lost or late
 * answer: the outcome matrix, ../support/flowHarness.)
 */
import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import * as autoEarn from '../../../src/commands/autoEarn';
import { withCcy } from '../../../src/views/nodes';
import { fakeWindow } from '../support/fakeVscode';
import { executed } from '../support/flowHarness';
import { confirmation, promptHarness, toasts } from '../support/promptHarness';

const row = (ccy: string): unknown => ({ payload: { kind: 'autoEarn', ccy } });

describe('auto-earn: turning it on and off (issue 26)', function () {
  this.timeout(20_000);
  const h = promptHarness();

  const statusOf = async (ccy: string): Promise<[string, string] | undefined> => {
    const [account] = await h().client.account.tradingBalance({ ccy });
    const d = account?.details.find((x) => x.ccy === ccy);
    return d === undefined ? undefined : [d.autoLendStatus, d.autoLendMtAmt];
  };

  it('Turn On: the confirmation says what auto-earn is, the currency, its type and exactly what is sent; done, it is pending, then active', async () => {
    assert.deepEqual(await statusOf('USDC'), ['off', '0']);
    assert.equal(await autoEarn.turnOn(h().context, row('USDC')), true);
    const asked = confirmation();
    assert.equal(asked.message, 'Turn auto-earn on for USDC?');
    assert.deepEqual(asked.items, ['Turn On']);
    assert.match(asked.detail ?? '', /^Auto-earn \(自动赚币\): while it is on for a currency, OKX lends/);
    assert.match(asked.detail ?? '', /\nCurrency: USDC\n/);
    assert.match(asked.detail ?? '', /\nAuto-earn type: auto lend or auto staking \(earnType 0\)\n/);
    assert.match(asked.detail ?? '', /\nIn the trading account: 800 USDC\n/);
    assert.match(asked.detail ?? '', /\nSent as: earnType 0, ccy USDC, action turn_on\n/);
    assert.match(asked.detail ?? '', /Sandbox: simulated, no real money\.$/);
    assert.ok(toasts().some((t) => /^Auto-earn is on for USDC\. It shows as waiting to be matched/.test(t)), toasts().join(' | '));
    assert.deepEqual(await statusOf('USDC'), ['pending', '0']);
    h().sim.advance(h().sim.state.trading.matchDelayMs);
    assert.deepEqual(await statusOf('USDC'), ['active', '800']);
  });

  it('USDG is turned on as USDG earn (earnType 1)', async () => {
    assert.equal(await autoEarn.turnOn(h().context, row('USDG')), true);
    assert.match(confirmation().detail ?? '', /\nAuto-earn type: USDG earn \(earnType 1\)\n[\s\S]*\nSent as: earnType 1, ccy USDG, action turn_on\n/);
    assert.equal(h().sim.received('setAutoEarn').at(-1)?.params?.earnType, '1');
  });

  it('Turn Off: says what stops and what is matched now; done, it is off and nothing is matched', async () => {
    const [, matched] = (await statusOf('USDT')) ?? [];
    assert.ok(matched !== undefined && matched !== '0');
    assert.equal(await autoEarn.turnOff(h().context, row('USDT')), true);
    const asked = confirmation();
    assert.equal(asked.message, 'Turn auto-earn off for USDT?');
    assert.match(asked.detail ?? '', /^OKX stops lending \(or staking\) your USDT: what is matched stops earning\./);
    assert.ok((asked.detail ?? '').includes(`\nMatched now: ${withCcy(matched, 'USDT')}\n`), asked.detail);
    assert.match(asked.detail ?? '', /\nSavings lending rate, last hour: [\d.]+%\n/);
    assert.deepEqual(await statusOf('USDT'), ['off', '0']);
  });

  it('declined in the confirmation: nothing is sent', async () => {
    fakeWindow.confirm = () => undefined;
    assert.equal(await autoEarn.turnOn(h().context, row('BTC')), false);
    assert.equal(h().sim.received('setAutoEarn').length, 0);
    assert.deepEqual(await statusOf('BTC'), ['off', '0']);
  });

  it('a currency OKX does not auto-earn: explained with what to do instead, and nothing sent', async () => {
    assert.deepEqual(await statusOf('ATOM'), ['unsupported', '0']);
    assert.equal(await autoEarn.turnOn(h().context, row('ATOM')), false);
    assert.equal(h().sim.received('setAutoEarn').length, 0, 'not sent');
    assert.equal(fakeWindow.shown.filter((s) => s.modal).length, 0, 'no confirmation');
    assert.deepEqual(toasts(), ['OKX does not offer auto-earn for ATOM, so it cannot be turned on. To earn on ATOM, move it to your funding account and look for it under Products (on-chain earn) or Savings; otherwise keep it for trading. Nothing was sent.']);
  });

  it("OKX's refusal of a currency (51000): explained in words, not done, sent once", async () => {
    // OKX stopped auto-earning BTC after the extension last read it as supported.
    h().sim.faults.add({ fault: { kind: 'okx', code: '51000', msg: 'Parameter ccy error', status: 400 }, endpoint: 'setAutoEarn', times: 1 });
    assert.equal(await autoEarn.turnOn(h().context, row('BTC')), false);
    assert.equal(h().sim.received('setAutoEarn').length, 1);
    assert.equal(executed(h().sim, 'setAutoEarn'), 0);
    const said = toasts().at(-1) ?? '';
    assert.equal(said, 'Turn On: OKX refused it (code 51000): OKX does not offer auto-earn for BTC, so it cannot be turned on. To earn on BTC, move it to your funding account and look for it under Products (on-chain earn) or Savings; otherwise keep it for trading.');
  });

  it('already on, or already off: said, and nothing sent', async () => {
    assert.equal(await autoEarn.turnOn(h().context, row('USDT')), false);
    assert.equal(await autoEarn.turnOff(h().context, row('ETH')), false);
    assert.equal(h().sim.received('setAutoEarn').length, 0);
    assert.match(toasts()[0] ?? '', /^USDT: on, [\d,.]+ USDT matched \(lent or staked\)[\s\S]* Nothing was sent\.$/);
    assert.match(toasts()[1] ?? '', /^ETH: off; 0\.8 ETH in the trading account earns nothing\. Nothing was sent\.$/);
  });

  it('from the palette: the pick lists only the currencies the action applies to, with their state', async () => {
    await autoEarn.turnOn(h().context);
    assert.deepEqual(fakeWindow.picks[0]?.items.map((i) => [i.label, i.description]), [
      ['BTC', '0.05 BTC · off'], ['ETH', '0.8 ETH · off'], ['USDC', '800 USDC · off'], ['USDG', '1,200 USDG · off'],
      ['ATOM', '25 ATOM · not offered for this currency'], ['AVAX', '12 AVAX · not offered for this currency'],
    ]);
    await autoEarn.turnOff(h().context);
    assert.deepEqual(fakeWindow.picks[1]?.items.map((i) => i.label), ['USDT']);
  });
});
