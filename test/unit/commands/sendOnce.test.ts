import * as assert from 'node:assert/strict';
import * as D from '../../../src/decimal';
import { sendOnce } from '../../../src/commands/sendOnce';
import { OkxError, errorForCode } from '../../../src/okx/errors';
import { SECOND } from '../../../src/simulator/clock';
import { clientOrderId } from '../../../src/validation';
import { startSim, type SimHarness } from '../support/sim';

/**
 * The client-order-id rules for borrow and repay, against the simulator: one id per user action, sent once;
 * a lost answer and "in flight" (51784) are unknown, never resent; "already done" (51016) is done.
 */
describe('commands/sendOnce: a money move is sent once, and its outcome is found out', function () {
  this.timeout(30_000);
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
  });
  afterEach(() => h.sim.close());

  const second = (): string => h.sim.state.loans.orders[1]?.ordId ?? '';

  it('an answer: sent once, the result returned to be read', async () => {
    const outcome = await sendOnce(() => h.client.loan.repay({ ordId: second(), ccy: 'USDC', amt: '5', clOrdId: clientOrderId() }));
    assert.equal(outcome.kind, 'answered');
    assert.equal(h.sim.received('loanRepay').length, 1);
  });

  it('a lost answer: unknown, never a second request', async () => {
    h.sim.faults.add({ fault: { kind: 'lose-response' }, endpoint: 'loanBorrow', times: 1 });
    const [order] = h.sim.state.loans.orders;
    assert.ok(order);
    const before = order.loan[0]?.amt ?? '0';
    const outcome = await sendOnce(() => h.client.loan.borrow({ ordId: order.ordId, loanData: { ccy: 'USDT', amt: '10' }, collateralData: [{ ccy: 'ETH', amt: '4' }], clOrdId: clientOrderId() }));
    assert.equal(outcome.kind, 'unknown');
    assert.equal(outcome.kind === 'unknown' ? outcome.why : '', 'lost');
    assert.equal(h.sim.received('loanBorrow').length, 1, 'sent once');
    assert.equal(h.sim.state.loans.orders[0]?.loan[0]?.amt, D.add(before, '10'), 'borrowed once');
  });

  it('"in flight" (51784): unknown (to be looked up over time); nothing is sent again', async () => {
    const clOrdId = clientOrderId();
    // An earlier copy of the same repayment (say, re-sent by a proxy) is still settling at OKX.
    await h.client.loan.repay({ ordId: second(), ccy: 'USDC', amt: '7', clOrdId });
    const outcome = await sendOnce(() => h.client.loan.repay({ ordId: second(), ccy: 'USDC', amt: '7', clOrdId }));
    assert.equal(outcome.kind, 'unknown');
    assert.equal(outcome.kind === 'unknown' ? outcome.why : '', 'in-flight');
    assert.equal(h.sim.received('loanRepay').length, 2, 'the earlier copy and ours; no third');
    h.sim.advance(3 * SECOND);
    await h.client.loan.info();
    assert.equal(h.sim.state.loans.history.filter((r) => r.type === 'repaid' && r.ordId === second()).length, 1, 'repaid once');
  });

  it('"already done" (51016): done, not sent again', async () => {
    const clOrdId = clientOrderId();
    await h.client.loan.repay({ ordId: second(), ccy: 'USDC', amt: '3', clOrdId });
    h.sim.advance(3 * SECOND);
    const outcome = await sendOnce(() => h.client.loan.repay({ ordId: second(), ccy: 'USDC', amt: '3', clOrdId }));
    assert.equal(outcome.kind, 'already-done');
    assert.equal(h.sim.received('loanRepay').length, 2);
    assert.equal(h.sim.state.loans.history.filter((r) => r.type === 'repaid' && r.ordId === second()).length, 1);
  });

  it('a refusal is a refusal', async () => {
    const outcome = await sendOnce(() => h.client.loan.repay({ ordId: second(), ccy: 'USDT', amt: '1', clOrdId: clientOrderId() }));
    assert.equal(outcome.kind, 'refused');
    assert.ok(outcome.kind === 'refused' && outcome.error instanceof OkxError && outcome.error.code === '51000');
  });

  it('maps the 2026 codes: 51016 done, 51784 in flight, and the rest like the others', () => {
    const cases: [string, string][] = [
      ['51016', 'already-done'], ['51784', 'in-flight'], ['51063', 'product-state'], ['51785', 'invalid-input'], ['51763', 'permission'],
      ['51764', 'insufficient-funds'], ['51765', 'invalid-input'], ['51767', 'unavailable'], ['51772', 'product-state'], ['51774', 'unavailable'],
    ];
    for (const [code, category] of cases) assert.equal(errorForCode({ code, httpStatus: 200 }).category, category, code);
    for (let code = 51763; code <= 51774; code++) assert.notEqual(errorForCode({ code: String(code) }).category, 'other', String(code));
    assert.match(errorForCode({ code: '51785', args: { ccy: 'BTC' } }).message, /^BTC is not this order's E-Mode collateral/);
  });
});

describe('validation: client order ids', () => {
  it('are 32 letters and digits at most, as OKX takes them, and differ each time', () => {
    const ids = new Set(Array.from({ length: 200 }, () => clientOrderId()));
    assert.equal(ids.size, 200);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{1,32}$/);
    assert.equal(clientOrderId(() => 0, 0), 'vsc0aaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  });
});
