/**
 * Issue 25, items 6, 10, 12 and 13: borrowing says the interest rate to be paid and where the money goes before
 * it is sent; refusals read as sentences ("available to borrow on this order now"), with grouped amounts; no client
 * order id in the question; a repayment takes the currency's decimal places like every other prompt, and "max"
 * repays all that is owed, exactly.
 */
import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { interestText, lastChargedRate } from '../../../src/commands/borrowTerms';
import * as loan from '../../../src/commands/loan';
import * as D from '../../../src/decimal';
import type { LoanInfo } from '../../../src/okx/types';
import { amount, percent, time, withCcy } from '../../../src/views/nodes';
import { fakeWindow, PRESS_MAX } from '../support/fakeVscode';
import { box, confirmation, literal, promptHarness } from '../support/promptHarness';

describe('flexible loans: what borrowing costs and where it goes, and prompts in plain words (issue 25)', function () {
  this.timeout(20_000);
  const h = promptHarness();

  async function orderBorrowing(ccy: string): Promise<LoanInfo> {
    const found = (await h().client.loan.info()).find((l) => l.loanData.some((x) => x.ccy === ccy));
    assert.ok(found, `an order borrowing ${ccy}`);
    return found;
  }

  it('borrowing more: the prompt and the confirmation give the rate this order was last charged and the funding account; no client order id', async () => {
    const order = await orderBorrowing('USDC');
    const [last] = await h().client.loan.interestAccrued({ ccy: 'USDC', ordId: order.ordId, limit: '1' }).next();
    assert.ok(last);
    fakeWindow.choose = (_title, labels) => (labels.includes('USDC') ? 'USDC' : undefined);
    fakeWindow.typed = ['10'];
    fakeWindow.confirm = () => undefined;
    assert.equal(await loan.borrow(h().context, { payload: { kind: 'loan', loan: order } }), false);
    const rate = `about ${percent(last.interestRate)} a year: the rate of this order's last hourly interest (${time(last.ts)}); it follows the market hour by hour`;
    assert.equal(percent(last.interestRate), '7.93%');
    assert.match(box(0).prompt ?? '', new RegExp(`Interest: ${literal(rate)}\\. What you borrow goes to your funding account\\.$`));
    const detail = confirmation().detail ?? '';
    assert.match(detail, new RegExp(`\\nInterest rate: ${literal(rate)}\\nGoes to: your funding account\\n`));
    assert.doesNotMatch(detail, /Client order ID/i);
    assert.doesNotMatch(confirmation().message, /vsc[a-z0-9]{29}/);
    // What can still be borrowed is shown as USDC is shown (cents, rounded down), not to OKX's eight places.
    assert.match(detail, /\nMost that can be borrowed on it now: [\d,]+(\.\d{1,2})? USDC\n/);
  });

  it('more than the order can borrow: "available to borrow on this order now", the amount grouped', async () => {
    const order = await orderBorrowing('USDC');
    const [max] = await h().client.loan.maxLoan({ borrowCcy: 'USDC', ordId: order.ordId });
    assert.ok(max && D.gte(max.maxLoan, '1000'), `a limit with a thousands separator: ${max?.maxLoan ?? ''}`);
    fakeWindow.choose = (_title, labels) => (labels.includes('USDC') ? 'USDC' : undefined);
    fakeWindow.typed = [D.add(max.maxLoan, '1')];
    assert.equal(await loan.borrow(h().context, { payload: { kind: 'loan', loan: order } }), false);
    assert.equal(box(0).validationMessage, `That is more than the ${amount(max.maxLoan)} USDC available to borrow on this order now.`);
    assert.match(box(0).validationMessage ?? '', /\d,\d{3}/);
    assert.equal(box(0).placeholder, `up to ${withCcy(D.trim(D.roundDown(max.maxLoan, 6)), 'USDC')}; "max" for OKX's limit for this order now`);
  });

  it('taking back more collateral than allowed: "available to take back now"', async () => {
    const order = await orderBorrowing('USDC');
    const [max] = await h().client.loan.maxCollateralRedeem({ ccy: 'BTC', ordId: order.ordId });
    assert.ok(max && D.isPositive(max.maxRedeemAmt));
    fakeWindow.typed = [D.add(max.maxRedeemAmt, '1')];
    assert.equal(await loan.reduceCollateral(h().context, { payload: { kind: 'collateral', ccy: 'BTC', loan: order } }), false);
    assert.equal(box(0).validationMessage, `That is more than the ${amount(max.maxRedeemAmt)} BTC available to take back now.`);
  });

  it('a new order: the rate the account was last charged for that currency, or, where none was, that OKX states it only once charged', async () => {
    const { client } = h();
    const usdc = await lastChargedRate(client, 'USDC', undefined);
    assert.ok(usdc);
    assert.equal(usdc.thisOrder, false);
    assert.equal(usdc.rate, '0.0793');
    assert.match(interestText(usdc, 'USDC'), /^about 7\.93% a year: the rate of your last hourly USDC loan interest \(.+\); it follows the market hour by hour$/);
    assert.equal(await lastChargedRate(client, 'BTC', undefined), undefined);
    assert.equal(interestText(undefined, 'BTC'), "charged hourly at OKX's market rate for BTC, which OKX states only once it is charged (under the order's accrued interest)");
  });

  it('repaying: more places than USDC takes is refused as in every other prompt', async () => {
    const order = await orderBorrowing('USDC');
    fakeWindow.choose = (_title, labels) => (labels.includes('USDC') ? 'USDC' : undefined);
    fakeWindow.typed = ['0.0000001'];
    assert.equal(await loan.repay(h().context, { payload: { kind: 'loan', loan: order } }), false);
    assert.equal(box(0).validationMessage, 'USDC amounts have at most 6 decimal places.');
  });

  it('repaying "max": all that is owed, exactly as OKX states it; the confirmation names no client order id', async () => {
    // What OKX states an order owes may have more places than a USDC amount takes (interest accrues to 8).
    const simOrder = h().sim.state.loans.orders.find((o) => o.loan.some((l) => l.ccy === 'USDC'));
    const line = simOrder?.loan.find((l) => l.ccy === 'USDC');
    assert.ok(line);
    line.amt = '6387.52812345';
    const order = await orderBorrowing('USDC');
    const owed = order.loanData.find((l) => l.ccy === 'USDC')?.amt ?? '';
    assert.equal(owed, '6387.52812345');
    h().sim.state.funding.USDC = '100000';
    fakeWindow.choose = (_title, labels) => (labels.includes('USDC') ? 'USDC' : undefined);
    fakeWindow.typed = [PRESS_MAX];
    fakeWindow.confirm = () => undefined;
    assert.equal(await loan.repay(h().context, { payload: { kind: 'loan', loan: order } }), false);
    assert.equal(box(0).placeholder, `up to ${withCcy(owed, 'USDC')}; "max" for all it owes`);
    assert.equal(box(0).value, D.trim(owed));
    assert.match(confirmation().message, new RegExp(`^Repay all ${literal(withCcy(owed, 'USDC'))} that .* owes, and close it\\?$`));
    assert.doesNotMatch(confirmation().detail ?? '', /Client order ID/i);
  });
});
