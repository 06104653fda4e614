/**
 * The money flows and the background checks of moves whose outcome is unknown, as one module that loads on
 * first use (./lazyFlows): the first money command, pending row or chat tool, or a pending move to check.
 */
export { registerMoneyCommands } from './money';
export { forgetRecentlyDone } from './moneyAction';
export { resendableNow, setCheckSchedule } from './moneyOutcome';
export { PendingChecker } from './pendingChecker';
