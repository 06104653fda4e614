import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import * as onchain from '../../../src/commands/onchain';
import { runForTool } from '../../../src/commands/ui';
import { flowContext, memoryMemento } from '../support/flowHarness';
import { startSim, type SimHarness } from '../support/sim';

/** Issue 25, item 21: Purchase on an offer nobody can buy says so, and asks for no amount. */
describe('commands/onchain: an offer whose maximum is below its minimum cannot be purchased', function () {
  this.timeout(20_000);
  let h: SimHarness;
  beforeEach(async () => {
    h = await startSim({ rateLimits: false, frozenClock: true });
    const dot = h.sim.state.offers.find((o) => o.productId === '101');
    assert.ok(dot);
    dot.invest = [{ ccy: 'DOT', minAmt: '2', maxAmt: '0' }];
  });
  afterEach(() => h.sim.close());

  it('from its item: nothing can be subscribed now, nothing asked, nothing sent', async () => {
    const [offer] = await h.client.onchain.offers({ ccy: 'DOT' });
    assert.ok(offer && offer.state === 'purchasable', 'purchasable by OKX\'s word');
    const { result, run } = await runForTool({ amount: '2' }, () => onchain.purchase(flowContext(h.client, memoryMemento()), { payload: { kind: 'offer', offer } }));
    assert.equal(result, false);
    assert.deepEqual(run.said.map((s) => s.message), ['DOT · Polkadot: Nothing can be subscribed now: OKX allows 2 DOT to 0 DOT, a maximum below the minimum.']);
    assert.equal(run.confirmation, 'none');
    assert.equal(h.sim.received('onchainPurchase').length, 0);
  });

  it('from the palette: it is not among the offers to pick', async () => {
    const { result, run } = await runForTool({ choice: 'DOT · Polkadot' }, () => onchain.purchase(flowContext(h.client, memoryMemento())));
    assert.equal(result, false);
    assert.match(run.problems.join('\n'), /"DOT · Polkadot" is not one of /);
    assert.doesNotMatch(run.problems.join('\n'), /is not one of .*DOT · Polkadot/);
  });
});
