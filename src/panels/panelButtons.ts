/**
 * What a panel's buttons run: the product pages' purchase and redeem, the LTV panel's collateral, borrow and
 * repay. Each is a command, with the item it is about as the views' menus pass it; the panel only names it.
 */
import * as vscode from 'vscode';
import type { LoanInfo } from '../okx/types';
import type { Portfolio } from '../portfolio/portfolio';
import type { MoreEarnExtras } from './moreEarnState';
import type { MoreEarnTarget, ProductTarget } from './productState';
import type { LtvState, PortfolioState, ProductState, WebviewMessage } from './protocol';

/** What a More Earn button needs of its panel: what the page offers now, and what it loaded for itself. */
export interface MoreEarnPanel {
  readonly key: string;
  readonly state: ProductState | LtvState | PortfolioState | undefined;
  readonly moreEarn: MoreEarnExtras;
}

/** An on-chain, staking or savings page's purchase or redeem button. */
export async function runProductAction(portfolio: Portfolio, target: Exclude<ProductTarget, MoreEarnTarget>, action: 'purchase' | 'redeem'): Promise<void> {
  const command =
    target.kind === 'onchain' ? (action === 'purchase' ? 'okxEarn.onchain.purchase' : 'okxEarn.onchain.redeem')
    : target.kind === 'eth' ? (action === 'purchase' ? 'okxEarn.eth.stake' : 'okxEarn.eth.redeem')
    : target.kind === 'sol' ? (action === 'purchase' ? 'okxEarn.sol.stake' : 'okxEarn.sol.redeem')
    : action === 'purchase' ? 'okxEarn.savings.subscribe' : 'okxEarn.savings.redeem';
  const offer = target.kind === 'onchain' ? offerOf(portfolio, target.productId) : undefined;
  const arg =
    target.kind === 'onchain' && action === 'purchase' && offer !== undefined ? { payload: { kind: 'offer', offer } }
    : target.kind === 'savings' ? { payload: { kind: 'savings', ccy: target.ccy } }
    : undefined;
  await vscode.commands.executeCommand(command, arg);
}

/**
 * A More Earn product's button: the command that does it, with the item it is about, as the More Earn view's menus
 * pass it. The command asks, confirms and sends; the panel only names it. An action the page does not offer
 * now (a stale click) does nothing but say so in the log.
 */
export async function runMoreEarnAction(portfolio: Portfolio, log: vscode.LogOutputChannel, entry: MoreEarnPanel, target: MoreEarnTarget, action: 'purchase' | 'redeem'): Promise<void> {
  const offered = entry.state?.kind === 'product' ? entry.state.actions : [];
  if (!offered.includes(action)) {
    // Said in the log, so that a click that seemed to do nothing can be told from one that never arrived.
    log.info(`The ${entry.key} panel's ${action} button was clicked when the page no longer offered it: nothing done`);
    return;
  }
  let command: string | undefined;
  let payload: unknown;
  if (target.kind === 'okusd') {
    command = action === 'purchase' ? 'okxEarn.okusd.subscribe' : 'okxEarn.okusd.redeem';
    payload = { kind: 'okusd' };
  } else if (target.kind === 'dual' && 'order' in target && action === 'redeem') {
    const orders = portfolio.get('dual');
    const order = ('data' in orders ? orders.data?.orders.find((o) => o.ordId === target.order.ordId) : undefined) ?? target.order;
    command = 'okxEarn.dual.redeemEarly';
    payload = { kind: 'dualOrder', order };
  } else if (target.kind === 'dual' && 'product' in target && action === 'purchase') {
    command = 'okxEarn.dual.purchase';
    payload = { kind: 'dualProduct', product: entry.moreEarn.product ?? target.product };
  }
  if (command === undefined) return;
  try {
    await vscode.commands.executeCommand(command, { payload });
  } catch (error) {
    log.error(`${command} from the ${entry.key} panel: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('This action could not be started: {0}', error instanceof Error ? error.message : String(error)));
  }
}

function offerOf(portfolio: Portfolio, productId: string): unknown {
  const state = portfolio.get('offers');
  return 'data' in state ? state.data?.offers.find((o) => o.productId === productId) : undefined;
}

/** An LTV panel's buttons: collateral in or out, borrow or repay, on the order the panel is about. */
export async function runLoanAction(message: Extract<WebviewMessage, { type: 'collateral' | 'loan' }>, loan: LoanInfo): Promise<void> {
  if (message.type === 'collateral') {
    const arg = message.ccy === undefined ? { payload: { kind: 'loan', loan } } : { payload: { kind: 'collateral', ccy: message.ccy, loan } };
    await vscode.commands.executeCommand(message.action === 'add' ? 'okxEarn.loan.addCollateral' : 'okxEarn.loan.reduceCollateral', arg);
  } else {
    await vscode.commands.executeCommand(message.action === 'borrow' ? 'okxEarn.loan.borrow' : 'okxEarn.loan.repay', { payload: { kind: 'loan', loan } });
  }
}
