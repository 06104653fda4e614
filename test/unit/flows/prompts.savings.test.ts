/**
 * Issue 25, items 2, 11 and 12: the savings prompts name each rate for what it is (the lending rate is what
 * savers earn; OKX's estimated and 24-hour average rates are what borrowers pay), a subscription says whether
 * it is lent out by comparing the minimum with the lending rate, and Redeem's "max" is every last unit.
 */
import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import * as savings from '../../../src/commands/savings';
import { percent, withCcy } from '../../../src/views/nodes';
import { fakeWindow, PRESS_MAX } from '../support/fakeVscode';
import { box, confirmation, literal, promptHarness, toasts } from '../support/promptHarness';

const USDT = { payload: { kind: 'savings', ccy: 'USDT' } };

describe('savings prompts: each rate named for what it is (issue 25)', function () {
  this.timeout(20_000);
  const h = promptHarness();

  async function marketRates(): Promise<{ lending: string; est: string; avg: string }> {
    const { client } = h();
    const [summary] = await client.savings.lendingRateSummary({ ccy: 'USDT' });
    const [latest] = await client.savings.lendingRateHistory({ ccy: 'USDT', limit: '1' }).next();
    assert.ok(summary && latest && latest.lendingRate !== undefined);
    return { lending: latest.lendingRate, est: summary.estRate, avg: summary.avgRate };
  }

  function assertNamesRates(prompt: string | undefined, rates: { lending: string; est: string; avg: string }): void {
    const text = prompt ?? '';
    assert.match(text, new RegExp(`Lending rate \\(what savers earn\\): ${literal(percent(rates.lending))} in the last hour\\.`));
    assert.match(text, new RegExp(`Borrowing rate \\(what borrowers pay, not what you earn\\): next ${literal(percent(rates.est))} \\(estimated\\), 24-hour average ${literal(percent(rates.avg))}\\.`));
    assert.doesNotMatch(text, /savers earned/);
  }

  it('Subscribe: the amount and the minimum-rate prompts say which rate savers earn and which borrowers pay', async () => {
    const rates = await marketRates();
    fakeWindow.typed = ['40', ''];
    fakeWindow.confirm = () => undefined;
    assert.equal(await savings.subscribe(h().context, USDT), false);
    assertNamesRates(box(0).prompt, rates);
    assertNamesRates(box(1).prompt, rates);
    assert.match(box(1).prompt ?? '', /^Your minimum lending rate a year, in percent \(1 to 365\)\./);
  });

  it('Set Lending Rate: its prompt says the same', async () => {
    const rates = await marketRates();
    fakeWindow.typed = ['7'];
    fakeWindow.confirm = () => undefined;
    assert.equal(await savings.setLendingRate(h().context, USDT), false);
    assertNamesRates(box(0).prompt, rates);
  });

  it('the currency pick names the lending rate', async () => {
    const rates = await marketRates();
    fakeWindow.choose = () => undefined;
    await savings.subscribe(h().context);
    const usdt = fakeWindow.picks[0]?.items.find((i) => i.label === 'USDT');
    assert.equal(usdt?.detail, `lending rate (what savers earn) ${percent(rates.lending)} in the last hour`);
  });

  it('a subscription at a minimum the lending rate meets: "lent out from the next hour", in the confirmation and the result', async () => {
    const { lending } = await marketRates();
    assert.ok(D.gte(lending, '0.01'));
    fakeWindow.typed = ['40', '1'];
    assert.equal(await savings.subscribe(h().context, USDT), true);
    assert.match(confirmation().detail ?? '', new RegExp(`Lent out: from the next hour: the lending rate \\(${literal(percent(lending))} in the last hour\\) is at or above your minimum`));
    assert.equal(toasts().at(-1), `40 USDT added to your savings; it is lent out from the next hour, as the lending rate (${percent(lending)} in the last hour) is at or above your minimum of 1%.`);
  });

  it('a subscription at a minimum above the lending rate: "not lent out until" it reaches it', async () => {
    const { lending } = await marketRates();
    fakeWindow.typed = ['40', '365'];
    assert.equal(await savings.subscribe(h().context, USDT), true);
    assert.match(confirmation().detail ?? '', new RegExp(`Lent out: not yet: the lending rate \\(${literal(percent(lending))} in the last hour\\) is below your minimum of 365%`));
    assert.equal(toasts().at(-1), `40 USDT added to your savings; it is not lent out until the lending rate (${percent(lending)} in the last hour) reaches your minimum of 365%.`);
  });
});

describe('savings Redeem: "max" is all of it, to the last unit OKX states (issue 25)', function () {
  this.timeout(20_000);
  const h = promptHarness();

  for (const how of ['the Max button', 'typing "max"']) {
    it(`${how} redeems the exact balance, more places than a USDT purchase takes, leaving nothing`, async () => {
      const { client, context } = h();
      const [before] = await client.savings.balance({ ccy: 'USDT' });
      assert.ok(before);
      assert.ok(D.decimalPlaces(before.amt) > 6, `${before.amt} has more places than USDT amounts take`);
      fakeWindow.typed = [how === 'the Max button' ? PRESS_MAX : 'max'];
      assert.equal(await savings.redeem(context, USDT), true);
      assert.equal(box(0).placeholder, `up to ${withCcy(before.amt, 'USDT')}; "max" for all of it`);
      assert.equal(box(0).buttons[0], `Max (all of it): ${withCcy(before.amt, 'USDT')}`);
      const sent = h().sim.received('savingsPurchaseRedempt').at(-1)?.params;
      assert.equal(sent?.amt, D.trim(before.amt));
      const [after] = await client.savings.balance({ ccy: 'USDT' });
      assert.ok(after === undefined || D.isZero(after.amt), `nothing left: ${after?.amt ?? ''}`);
    });
  }

  it('a typed amount still takes the currency\'s places only, unless it is the whole balance', async () => {
    const { client, context } = h();
    const [before] = await client.savings.balance({ ccy: 'USDT' });
    assert.ok(before);
    fakeWindow.typed = ['1.1234567'];
    assert.equal(await savings.redeem(context, USDT), false);
    assert.equal(box(0).validationMessage, 'USDT amounts have at most 6 decimal places.');
  });
});
