import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import { autoEarnText, autoEarnTools } from '../../../src/chat/autoEarnTools';
import { actionText } from '../../../src/chat/toolText';
import { runForTool } from '../../../src/commands/ui';
import type * as T from '../../../src/okx/types';
import type { AreaData, AreaId } from '../../../src/portfolio/portfolio';
import { fakeWindow } from '../support/fakeVscode';
import { promptHarness } from '../support/promptHarness';

const detail = (ccy: string, autoLendStatus: string, cashBal: string, autoLendMtAmt = '0'): T.TradingBalanceDetail =>
  ({ ccy, eq: cashBal, cashBal, availBal: cashBal, frozenBal: '0', eqUsd: '', autoLendStatus, autoLendMtAmt, uTime: '0' });

describe('chat: the auto-earn tools (issue 26)', function () {
  this.timeout(20_000);

  it('the read tool: each currency in words, the matched amount and the rate while earning; what auto-earn is when nothing is on', () => {
    const rates = [{ ccy: 'USDT', amt: '', rate: '0.06', lendingRate: '0.0512', ts: '0' }];
    const on = autoEarnText('OKX Earn, Sandbox', [detail('USDT', 'active', '3200', '3200'), detail('ATOM', 'unsupported', '25')], rates, undefined);
    assert.equal(on.split('\n')[0], 'Auto-earn in the trading account (OKX Earn, Sandbox):');
    assert.match(on, /\n- USDT: on, 3,200 USDT matched \(lent or staked\) of 3,200 USDT in the trading account, earning about 5\.12% a year/);
    assert.match(on, /\n- ATOM: OKX does not offer auto-earn for it \(25 ATOM in the trading account\)\./);
    assert.doesNotMatch(on, /while it is on for a currency/);
    const off = autoEarnText('OKX Earn, Sandbox', [detail('USDT', 'off', '3200')], rates, 'USDT');
    assert.match(off, /\n- USDT: off; 3,200 USDT in the trading account earns nothing\.\nAuto-earn \(自动赚币\): while it is on/);
    assert.match(autoEarnText('x', [detail('USDT', 'off', '1')], undefined, 'BTC'), /The trading account holds no BTC\./);
  });

  describe('the toggle tool runs the flow up to OKX Earn\'s own confirmation', () => {
    const h = promptHarness();
    const tools = (): ReturnType<typeof autoEarnTools> => autoEarnTools({
      where: () => 'OKX Earn, Sandbox',
      areas: async <K extends AreaId>(...areas: K[]) => {
        await h().context.portfolio.refresh(areas);
        return Object.fromEntries(areas.map((a) => [a, (h().context.portfolio.get(a) as { data?: unknown }).data])) as { [P in K]?: AreaData[P] };
      },
      flowFor: (what, run, answers) => runForTool(answers, () => run(h().context)).then(({ result, run: r }) =>
        actionText({ t: (m: string, ...a: unknown[]) => m.replace(/\{(\d+)\}/g, (_w, i: string) => String(a[Number(i)])) }, 'OKX Earn, Sandbox', what, { done: result === true, confirmation: r.confirmation, problems: r.problems, said: r.said, ...(r.outcome === undefined ? {} : { outcome: r.outcome }) })),
    });
    const toggle = (): NonNullable<ReturnType<typeof autoEarnTools>[number]> => {
      const tool = tools().find((t) => t.name === 'okxEarn_setAutoEarn');
      assert.ok(tool && tool.kind === 'action');
      return tool;
    };
    const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) } as never;

    it('declined by the user: nothing sent, and the model is told so', async () => {
      fakeWindow.confirm = () => undefined;
      const answer = await toggle().run({ ccy: 'BTC', action: 'on' }, token);
      assert.equal(fakeWindow.shown.filter((s) => s.modal).length, 1, 'the confirmation was shown to the user');
      assert.match(answer, /^Not sent: turning auto-earn on for BTC/);
      assert.equal(h().sim.received('setAutoEarn').length, 0);
    });

    it('confirmed by the user: turned on, and the model is told it is done', async () => {
      const answer = await toggle().run({ ccy: 'BTC', action: 'on' }, token);
      assert.match(answer, /^Done: /);
      assert.equal(h().sim.state.trading.balances.BTC?.autoEarn?.earnType, '0');
      assert.equal(toggle().describe?.({ ccy: 'USDT', action: 'off' }), 'turn auto-earn off for USDT');
    });

    it('a currency OKX does not auto-earn: the model is told why and what to do instead; no confirmation, nothing sent', async () => {
      const answer = await toggle().run({ ccy: 'AVAX', action: 'on' }, token);
      assert.match(answer, /OKX does not offer auto-earn for AVAX/);
      assert.equal(fakeWindow.shown.filter((s) => s.modal).length, 0);
      assert.equal(h().sim.received('setAutoEarn').length, 0);
    });
  });
});
