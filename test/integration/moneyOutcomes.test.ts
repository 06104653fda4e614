/**
 * Money moves whose answer is lost, dropped or odd: never sent twice, the outcome looked up in OKX's records, a
 * pending row while it stays unknown; and answers the simulator has no fault for, made by a proxy in front of it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as D from '../../src/decimal';
import { formatDisplayAmount } from '../../src/portfolio/format';
import { runScripted as run, configure, waitFor, withShortRateLimitWindows } from './helpers';
import { moneySuite } from './moneySuite';
import { OkxProxy } from './okxProxy';

describe('Money moves whose answer is lost or odd, against the simulator', function () {
  this.timeout(60_000);
  withShortRateLimitWindows();
  const suite = moneySuite('money-outcome-tests');
  const { posts, loanArg } = suite;

  /** Buys 10 DOT of the DOT offer, confirmed: told done, sent once, one order made; that order. */
  async function purchaseSentOnce(): Promise<{ ordId: string } | undefined> {
    const before = suite.sim.state.orders.length;
    const purchases = posts('onchainPurchase');
    assert.equal(await run(suite.ui, 'okxEarn.onchain.purchase', { picks: ['DOT · Polkadot'], inputs: ['10'], confirmWith: 'Purchase' }), true);
    assert.equal(posts('onchainPurchase'), purchases + 1, 'sent once');
    assert.equal(suite.sim.state.orders.length, before + 1, 'exactly one order');
    return suite.sim.state.orders[before];
  }

  describe('never sent twice, and an unknown outcome is looked up', () => {
    it('a purchase carried out whose answer is lost: reconciled, exactly one order', async () => {
      suite.sim.faults.add({ fault: { kind: 'lose-response' }, endpoint: 'onchainPurchase', times: 1 });
      const order = await purchaseSentOnce();
      assert.match(suite.ui.messages('info').join('\n'), new RegExp(`OKX's answer was lost or unclear, but the request went through: order ${order?.ordId ?? '?'}`));
    });

    it('a purchase whose connection dropped (nothing happened): never "not done" for it, but a pending row that can be forgotten', async () => {
      suite.sim.faults.add({ fault: { kind: 'drop' }, endpoint: 'onchainPurchase', times: 1 });
      const before = suite.sim.state.orders.length;
      assert.equal(await run(suite.ui, 'okxEarn.onchain.purchase', { picks: ['DOT · Polkadot'], inputs: ['10'], confirmWith: 'Purchase' }), false);
      assert.equal(suite.sim.state.orders.length, before);
      assert.match(suite.ui.messages('warning').join('\n'), /Still unknown whether OKX carried out the purchase of 10 DOT .+ Don't send it again: it is kept as pending in the Staking view/);
      assert.doesNotMatch(suite.ui.messages('warning').join('\n'), /did not go through/);
      const pending = await waitFor(async () => (await suite.api.renderView('staking', 0)).find((i) => i.label.startsWith('Pending: purchase of 10 DOT')), 'the pending row');
      assert.equal(pending.contextValue, 'okxEarn.pendingMove');
      assert.match(pending.description, /outcome unknown/);
      assert.equal(pending.command?.command, 'okxEarn.pending.checkNow');
      assert.equal(suite.api.pendingMoves().length, 1);
      suite.ui.choose = (_m, items) => items.find((i) => i === 'Forget It');
      assert.equal(await vscode.commands.executeCommand('okxEarn.pending.forget', pending.command?.arguments[0]), true);
      assert.equal(suite.api.pendingMoves().length, 0);
      await waitFor(async () => ((await suite.api.renderView('staking', 0)).some((i) => i.label.startsWith('Pending:')) ? undefined : true), 'the row gone');
    });

    it('collateral added whose answer never comes: reconciled from the loan history, by amount, so "probably"', async () => {
      suite.sim.faults.add({ fault: { kind: 'lose-response' }, endpoint: 'loanAdjustCollateral', times: 1 });
      assert.equal(await run(suite.ui, 'okxEarn.loan.addCollateral', { arg: await loanArg(0), picks: ['ETH'], inputs: ['0.1'], confirmWith: 'Add Collateral' }), true);
      assert.match(suite.ui.messages('warning').join('\n'), /probably went through: order \d+'s history shows 0\.1 ETH \(locked as collateral\)/);
    });

    it('an ETH stake whose answer is lost: OKX keeps no id for it, so it is matched by amount and said to have "probably" gone through', async () => {
      suite.sim.faults.add({ fault: { kind: 'lose-response' }, endpoint: 'ethPurchase', times: 1 });
      const stakes = posts('ethPurchase');
      assert.equal(await run(suite.ui, 'okxEarn.eth.stake', { inputs: ['0.3'], confirmWith: 'Stake' }), true);
      assert.equal(posts('ethPurchase'), stakes + 1, 'sent once');
      assert.match(suite.ui.messages('warning').join('\n'), /The request probably went through: recorded at .+ OKX keeps no id for it, so this is told by what changed/);
      assert.deepEqual(suite.ui.messages('info'), [], 'never the certain "went through"');
    });

    it('a second submit while one is in flight is refused', async () => {
      suite.sim.faults.add({ fault: { kind: 'latency', ms: 1500 }, endpoint: 'ethPurchase', times: 1 });
      const before = posts('ethPurchase');
      suite.ui.choose = (_m, items) => items.find((i) => i === 'Stake');
      suite.ui.inputs.push('0.1', '0.1');
      const first = vscode.commands.executeCommand('okxEarn.eth.stake');
      await waitFor(() => suite.sim.requests.some((r) => r.endpoint === 'ethPurchase') || suite.ui.shown.some((s) => s.modal) || undefined, 'the first to be confirmed');
      const second = await vscode.commands.executeCommand('okxEarn.eth.stake');
      assert.equal(second, false);
      assert.match(suite.ui.messages('warning').join('\n'), /^Already open: ETH staking\. Finish or cancel it first/);
      assert.equal(await first, true);
      assert.equal(posts('ethPurchase'), before + 1);
    });
  });

  describe('through a proxy: answers the simulator has no fault for', () => {
    let proxy: OkxProxy;
    before(async () => {
      proxy = await OkxProxy.start(suite.sim.url);
      await configure({ customBaseUrl: proxy.url });
      await suite.api.whenConnected();
    });
    afterEach(() => {
      proxy.rules = {};
    });
    after(async () => {
      await configure({ customBaseUrl: suite.sim.url });
      await suite.api.whenConnected();
      await proxy.close();
    });

    it('a purchase carried out whose success answer has data null: looked up and reported as done, never "could not prepare"', async () => {
      proxy.rules = { replace: (r) => (r.method === 'POST' && r.path.endsWith('/staking-defi/purchase') ? { json: { code: '0', msg: '', data: null } } : undefined) };
      const order = await purchaseSentOnce();
      assert.deepEqual(suite.ui.messages('error'), []);
      assert.match(suite.ui.messages('info').join('\n'), new RegExp(`OKX's answer was lost or unclear, but the request went through: order ${order?.ordId ?? '?'} `));
    });

    it('after a subscription, the Savings view shows it even though a refresh begun before it was still on its way', async () => {
      const isBalance = (r: { method: string; path: string }): boolean => r.method === 'GET' && r.path.endsWith('/savings/balance');
      let holding = false;
      let staleReadDone: () => void = () => undefined;
      const staleRead = new Promise<void>((resolve) => (staleReadDone = resolve));
      proxy.rules = {
        // While holding: balances are read at once but answered 1.5 s later, and the subscription reaches the
        // simulator only after such a read did, so that read shows what was there before it.
        delayMs: (r) => (holding && isBalance(r) ? 1500 : 0),
        answered: (r) => {
          if (holding && isBalance(r)) staleReadDone();
        },
        before: (r) => (r.method === 'POST' && r.path.endsWith('/savings/purchase-redempt') ? staleRead : undefined),
      };
      const usdc = suite.sim.state.savings.USDC?.amt ?? '0';
      suite.ui.inputs.push('40', '');
      suite.ui.choose = (_message, items) => {
        if (!items.includes('Subscribe')) return undefined;
        holding = true;
        void vscode.commands.executeCommand('okxEarn.retry', 'savings');
        return 'Subscribe';
      };
      assert.equal(await vscode.commands.executeCommand('okxEarn.savings.subscribe', { payload: { kind: 'savings', ccy: 'USDC' } }), true);
      assert.equal(suite.sim.state.savings.USDC?.amt, D.add(usdc, '40'));
      await waitFor(async () => {
        const item = (await suite.api.renderView('savings', 0)).find((i) => i.label === 'USDC');
        return item?.description.startsWith(`${formatDisplayAmount(suite.sim.state.savings.USDC?.amt ?? '')} · `) === true || undefined;
      }, 'the subscribed amount in the Savings view');
    });
  });
});
