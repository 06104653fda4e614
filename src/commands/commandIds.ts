/**
 * The ids of the commands whose code loads on first use (./lazyCommands), by the module that registers them.
 * Each list is what that module's `register…` registers; an integration test checks that every command
 * package.json contributes is registered at start-up. No `vscode` import.
 */

/** ./money: the money-moving flows. */
export const MONEY_COMMAND_IDS = [
  'okxEarn.onchain.purchase', 'okxEarn.onchain.redeem', 'okxEarn.onchain.cancel',
  'okxEarn.eth.stake', 'okxEarn.eth.redeem', 'okxEarn.eth.cancelRedeem', 'okxEarn.sol.stake', 'okxEarn.sol.redeem',
  'okxEarn.savings.subscribe', 'okxEarn.savings.redeem', 'okxEarn.savings.setRate',
  'okxEarn.loan.borrow', 'okxEarn.loan.repay', 'okxEarn.loan.addCollateral', 'okxEarn.loan.reduceCollateral', 'okxEarn.loan.maxLoan',
  'okxEarn.okusd.subscribe', 'okxEarn.okusd.redeem', 'okxEarn.dual.purchase', 'okxEarn.dual.redeemEarly',
  'okxEarn.autoEarn.turnOn', 'okxEarn.autoEarn.turnOff',
] as const;

/** ./pendingChecker: the rows of moves whose outcome is unknown. */
export const PENDING_COMMAND_IDS = ['okxEarn.pending.checkNow', 'okxEarn.pending.resend', 'okxEarn.pending.forget'] as const;

/** ./keys: API keys and profiles, and the Sandbox. */
export const KEY_COMMAND_IDS = ['okxEarn.setApiKey', 'okxEarn.removeApiKey', 'okxEarn.switchProfile', 'okxEarn.trySandbox'] as const;

/** ./export: CSV export of the histories. */
export const EXPORT_COMMAND_IDS = [
  'okxEarn.exportHistory', 'okxEarn.staking.exportHistory', 'okxEarn.savings.exportHistory', 'okxEarn.loans.exportHistory', 'okxEarn.moreEarn.exportHistory',
] as const;

/** ./sandboxCommands: the Sandbox's bad day and price moves. */
export const SANDBOX_COMMAND_IDS = ['okxEarn.sandbox.badDay', 'okxEarn.sandbox.movePrice'] as const;

/** ./panels: opening the panels. */
export const PANEL_COMMAND_IDS = ['okxEarn.openProduct', 'okxEarn.openPortfolio', 'okxEarn.openLtv', 'okxEarn.compare'] as const;

/** ./productsFilter: the Products view's filter (registered with the view, when it loads). */
export const PRODUCTS_FILTER_COMMAND_IDS = ['okxEarn.filterProducts', 'okxEarn.clearProductsFilter'] as const;
