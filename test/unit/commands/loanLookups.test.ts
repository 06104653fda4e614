import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { loanRecordIds } from '../../../src/commands/loanLookups';
import { runLookup } from '../../../src/commands/lookups';
import { sendWindow } from '../../../src/commands/reconcile';
import { SECOND } from '../../../src/simulator/clock';
import { clientOrderId } from '../../../src/validation';
import { startSim, type SimHarness } from '../support/sim';

/** Issue 22, item 5: a repayment is never reconciled by its amount alone. */
describe('commands/loanLookups: a loan request is found by a record that was not there before it', function () {
  this.timeout(20_000);
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
  });
  afterEach(() => h.sim.close());

  const usdcOrder = (): string => h.sim.state.loans.orders[1]?.ordId ?? '';

  it('an identical repayment a moment earlier is not taken for this one, which never ran: still unknown', async () => {
    const ordId = usdcOrder();
    await h.client.loan.repay({ ordId, ccy: 'USDC', amt: '5', clOrdId: clientOrderId() });
    h.sim.advance(5 * SECOND);
    await h.client.loan.info();
    // This repayment: what is there before it is sent, then it is lost before reaching OKX.
    const before = await loanRecordIds(h.client, ordId, 'repaid');
    assert.notEqual(before, '', 'the earlier repayment is in the history');
    const sent = sendWindow(Date.now(), h.client.clockOffsetMs);
    const found = await runLookup(h.client, { kind: 'loan.record', params: { ordId, type: 'repaid', ccy: 'USDC', amt: '5', before, label: 'repaid' } }, sent);
    assert.equal(found.state, 'unknown', found.detail);
    // Without that memory the earlier one would have matched by amount and time: the old, wrong answer.
    const naive = await runLookup(h.client, { kind: 'loan.record', params: { ordId, type: 'repaid', ccy: 'USDC', amt: '5', before: '', label: 'repaid' } }, sent);
    assert.equal(naive.state, 'done');
  });

  it('this repayment, once recorded, is found: probably done (OKX\'s loan history keeps no client order id)', async () => {
    const ordId = usdcOrder();
    const before = await loanRecordIds(h.client, ordId, 'repaid');
    const sent = sendWindow(Date.now(), h.client.clockOffsetMs);
    await h.client.loan.repay({ ordId, ccy: 'USDC', amt: '5', clOrdId: clientOrderId() });
    assert.equal((await runLookup(h.client, { kind: 'loan.record', params: { ordId, type: 'repaid', ccy: 'USDC', amt: '5', before, label: 'repaid' } }, sent)).state, 'unknown', 'not settled yet: unknown, not "not done"');
    h.sim.advance(5 * SECOND);
    await h.client.loan.info();
    const found = await runLookup(h.client, { kind: 'loan.record', params: { ordId, type: 'repaid', ccy: 'USDC', amt: '5', before, label: 'repaid' } }, sent);
    assert.deepEqual([found.state, found.certainty], ['done', 'probable']);
  });
});
