import '../support/fakeVscode';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { runMoreEarnAction, type MoreEarnPanel } from '../../../src/panels/panelButtons';
import type { ProductState } from '../../../src/panels/protocol';
import type { Portfolio } from '../../../src/portfolio/portfolio';
import { fakeWindow } from '../support/fakeVscode';

/** A More Earn page's state as far as its buttons go: the actions it offers now. */
function page(actions: ProductState['actions']): MoreEarnPanel {
  return { key: 'okusd', state: { kind: 'product', actions } as unknown as ProductState, moreEarn: {} };
}

describe("panel buttons: a More Earn page's purchase and redeem", () => {
  let logged: string[];
  const log = { info: (line: string) => logged.push(line), error: (line: string) => logged.push(line) } as unknown as vscode.LogOutputChannel;
  const portfolio = undefined as unknown as Portfolio;

  beforeEach(() => {
    fakeWindow.reset();
    logged = [];
  });

  it('runs the command for an action the page offers', async () => {
    await runMoreEarnAction(portfolio, log, page(['purchase']), { kind: 'okusd' }, 'purchase');
    assert.deepEqual(fakeWindow.executed, ['okxEarn.okusd.subscribe']);
    assert.deepEqual(logged, []);
  });

  it('a click on an action the page no longer offers does nothing, and says so in the log', async () => {
    await runMoreEarnAction(portfolio, log, page([]), { kind: 'okusd' }, 'purchase');
    assert.deepEqual(fakeWindow.executed, []);
    assert.deepEqual(logged, ["The okusd panel's purchase button was clicked when the page no longer offered it: nothing done"]);
  });
});
