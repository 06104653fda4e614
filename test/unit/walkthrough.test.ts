import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatAmount } from '../../src/portfolio/format';
import { demoState } from '../../src/simulator/state';
import { PROJECT_ROOT } from '../host/codeServer';

const step = (file: string): string => readFileSync(path.join(PROJECT_ROOT, 'media', 'walkthrough', file), 'utf8');

/** Issue 25, item 16: the walkthrough's Sandbox step describes what the Sandbox really holds. */
describe('walkthrough: the Sandbox step tells what the demo account holds', () => {
  const state = demoState(Date.UTC(2026, 11, 2, 12));

  it('in English: every view, the two loan orders, OKUSD, Stable Rewards and Dual Investment, with the demo\'s figures', () => {
    const text = step('sandbox.md').replace(/\s+/g, ' ');
    for (const view of ['Overview', 'Staking', 'Savings', 'More Earn', 'Loans', 'Products']) assert.match(text, new RegExp(`\\*\\*${view}\\*\\*`), view);
    assert.equal(state.loans.orders.length, 2);
    assert.match(text, /two flexible loan orders/);
    for (const order of state.loans.orders) assert.match(text, new RegExp(`borrows ${order.loan[0]?.ccy ?? '?'} on`), `the ${order.loan[0]?.ccy ?? ''} loan`);
    assert.match(text, new RegExp(`${formatAmount(state.funding.OKUSD ?? '')} OKUSD`));
    const [stable] = Object.keys(state.stableRewards.holdings);
    assert.match(text, new RegExp(`${formatAmount(state.funding[stable ?? ''] ?? '')} ${stable ?? '?'} earning Stable Rewards`));
    const live = state.dual.orders.find((o) => o.state === 'live');
    assert.ok(live);
    assert.match(text, new RegExp(`Dual Investment order \\(${live.baseCcy}, sell high at ${formatAmount(live.strike)} ${live.quoteCcy}\\)`));
    assert.match(text, new RegExp(Object.keys(state.savings).join(', ').replace(/, (\w+)$/, ' and $1')), 'the savings currencies');
    assert.match(text, /ETH lends nothing: its minimum lending rate \(25%\)/);
  });

  it('in Simplified Chinese: the same, in the same order', () => {
    const text = step('sandbox.nls.zh-cn.md');
    for (const view of ['总览', '质押', '活期简单赚币', '更多赚币', '活期借币', '产品']) assert.match(text, new RegExp(`\\*\\*${view}\\*\\*`), view);
    for (const fact of ['两笔活期借币订单', '10,000 OKUSD', '2,500 USDG', 'Stable Rewards', '双币赢', '95,500 USDT', '25%']) assert.ok(text.includes(fact), fact);
  });
});
