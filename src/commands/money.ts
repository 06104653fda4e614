/** Registers the money-moving commands (palette and tree context menus). Each returns true when carried out. */
import * as vscode from 'vscode';
import { errorText } from '../messages';
import * as dual from './dual';
import * as loan from './loan';
import type { FlowContext } from './moneyAction';
import * as okusd from './okusd';
import * as onchain from './onchain';
import * as savings from './savings';
import * as staking from './staking';
import { ui } from './ui';

export function registerMoneyCommands(context: FlowContext): vscode.Disposable[] {
  const commands: Record<string, (arg?: unknown) => Promise<unknown>> = {
    'okxEarn.onchain.purchase': (arg) => onchain.purchase(context, arg),
    'okxEarn.onchain.redeem': (arg) => onchain.redeem(context, arg),
    'okxEarn.onchain.cancel': (arg) => onchain.cancel(context, arg),
    'okxEarn.eth.stake': () => staking.stake(context, 'eth'),
    'okxEarn.eth.redeem': () => staking.unstake(context, 'eth'),
    'okxEarn.eth.cancelRedeem': (arg) => staking.cancelEthRedemption(context, arg),
    'okxEarn.sol.stake': () => staking.stake(context, 'sol'),
    'okxEarn.sol.redeem': () => staking.unstake(context, 'sol'),
    'okxEarn.savings.subscribe': (arg) => savings.subscribe(context, arg),
    'okxEarn.savings.redeem': (arg) => savings.redeem(context, arg),
    'okxEarn.savings.setRate': (arg) => savings.setLendingRate(context, arg),
    'okxEarn.loan.borrow': (arg) => loan.borrow(context, arg),
    'okxEarn.loan.repay': (arg) => loan.repay(context, arg),
    'okxEarn.loan.addCollateral': (arg) => loan.addCollateral(context, arg),
    'okxEarn.loan.reduceCollateral': (arg) => loan.reduceCollateral(context, arg),
    'okxEarn.loan.maxLoan': (arg) => loan.maxLoan(context, arg),
    'okxEarn.okusd.subscribe': () => okusd.subscribe(context),
    'okxEarn.okusd.redeem': () => okusd.redeem(context),
    'okxEarn.dual.purchase': (arg) => dual.purchase(context, arg),
    'okxEarn.dual.redeemEarly': (arg) => dual.redeemEarly(context, arg),
  };
  return Object.entries(commands).map(([id, run]) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      try {
        return await run(arg);
      } catch (error) {
        // A read the flow needed failed (nothing was sent): say so, and leave everything as it was.
        context.log.warn(`${id}: ${errorText(error)}`);
        void ui.error(vscode.l10n.t('Could not prepare this action: {0}', errorText(error)));
        return false;
      }
    }),
  );
}
