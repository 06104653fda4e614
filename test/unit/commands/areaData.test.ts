import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { areaData } from '../../../src/commands/prompts';
import { Portfolio } from '../../../src/portfolio/portfolio';
import { fakeWindow } from '../support/fakeVscode';
import { startSim, type SimHarness } from '../support/sim';

describe('commands/prompts: the data a flow acts on', function () {
  this.timeout(20_000);
  let h: SimHarness;
  beforeEach(async () => {
    fakeWindow.reset();
    h = await startSim({ rateLimits: false, frozenClock: true });
  });
  afterEach(() => h.sim.close());

  it('read as asked: the area\'s data', async () => {
    const data = await areaData(new Portfolio(h.client), 'dual');
    assert.ok(data !== undefined && data.orders.length > 0);
    assert.deepEqual(fakeWindow.shown, []);
  });

  it('a connection that changes while it is read: nothing to act on, and the user is told so (never silence)', async () => {
    const portfolio = new Portfolio(h.client);
    h.sim.faults.add({ fault: { kind: 'latency', ms: 200 }, endpoint: 'dualOrderHistory', times: 1 });
    const reading = areaData(portfolio, 'dual');
    // Another profile chosen meanwhile: what was loading belongs to the old one and is forgotten.
    setTimeout(() => portfolio.setClient(h.clientWith({})), 50);
    assert.equal(await reading, undefined);
    assert.deepEqual(fakeWindow.shown.map((s) => [s.kind, s.message]), [['warning', 'The connection to OKX changed while this was being read, so nothing was sent. Run the command again.']]);
  });

  it('an area read again and again meanwhile (still loading after three waits): nothing to act on, and said so', async () => {
    let waits = 0;
    const busy = {
      refresh: () => Promise.resolve(),
      ensure: () => {
        waits += 1;
        return Promise.resolve();
      },
      get: () => ({ status: 'loading' as const }),
    } as unknown as Portfolio;
    assert.equal(await areaData(busy, 'dual'), undefined);
    assert.equal(waits, 3);
    assert.deepEqual(fakeWindow.shown.map((s) => [s.kind, s.message]), [['warning', 'OKX is still being read for this, so nothing was sent. Run the command again in a moment.']]);
  });
});
