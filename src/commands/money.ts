/** Registers the money-moving commands (palette and tree context menus). Each returns true when carried out. */
import * as vscode from 'vscode';
import { errorText } from '../messages';
import * as autoEarn from './autoEarn';
import * as dual from './dual';
import * as loan from './loan';
import type { FlowContext } from './moneyAction';
import * as okusd from './okusd';
import * as onchain from './onchain';
import * as savings from './savings';
import * as staking from './staking';
import { onFlowBusy } from './flowGuard';
import { toolRun, ui } from './ui';

/** What each guarded flow is called in "already open" (../commands/flowGuard). */
function flowLabel(action: string): string {
  const labels: Record<string, () => string> = {
    'onchain.purchase': () => vscode.l10n.t('an on-chain purchase'),
    'onchain.redeem': () => vscode.l10n.t('an on-chain redemption'),
    'onchain.cancel': () => vscode.l10n.t('an on-chain cancellation'),
    'eth.stake': () => vscode.l10n.t('ETH staking'),
    'sol.stake': () => vscode.l10n.t('SOL staking'),
    'eth.redeem': () => vscode.l10n.t('a BETH redemption'),
    'sol.redeem': () => vscode.l10n.t('an OKSOL redemption'),
    'eth.cancelRedeem': () => vscode.l10n.t('cancelling an ETH redemption'),
    'savings.subscribe': () => vscode.l10n.t('a savings subscription'),
    'savings.redeem': () => vscode.l10n.t('a savings redemption'),
    'savings.setRate': () => vscode.l10n.t('setting a lending rate'),
    'loan.borrow': () => vscode.l10n.t('borrowing'),
    'loan.repay': () => vscode.l10n.t('a repayment'),
    'loan.addCollateral': () => vscode.l10n.t('adding collateral'),
    'loan.reduceCollateral': () => vscode.l10n.t('taking back collateral'),
    'okusd.subscribe': () => vscode.l10n.t('an OKUSD subscription'),
    'okusd.redeem': () => vscode.l10n.t('an OKUSD redemption'),
    'dual.purchase': () => vscode.l10n.t('a Dual Investment purchase'),
    'dual.redeemEarly': () => vscode.l10n.t('a Dual Investment early redemption'),
    'autoEarn.turnOn': () => vscode.l10n.t('turning auto-earn on'),
    'autoEarn.turnOff': () => vscode.l10n.t('turning auto-earn off'),
  };
  return labels[action]?.() ?? action;
}

onFlowBusy((action) => {
  const message = vscode.l10n.t('Already open: {0}. Finish or cancel it first (its prompt, its confirmation or its check with OKX is still open); nothing new was started.', flowLabel(action));
  const run = toolRun();
  if (run !== undefined) run.problems.push(message);
  else void ui.warn(message);
});

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
    'okxEarn.autoEarn.turnOn': (arg) => autoEarn.turnOn(context, arg),
    'okxEarn.autoEarn.turnOff': (arg) => autoEarn.turnOff(context, arg),
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
