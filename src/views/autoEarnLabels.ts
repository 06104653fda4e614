/**
 * Auto-earn (自动赚币) in words: each state of a currency, what auto-earn is, and why a currency cannot have it
 * with what to do instead. Shared by the Savings view, the Overview, the commands and the chat tools.
 */
import * as vscode from 'vscode';
import type { AutoEarnRow, AutoEarnState } from '../portfolio/autoEarn';
import { percent, withCcy } from './nodes';

/** The state of one currency, short (a row's description). */
export function autoEarnStateText(state: AutoEarnState, status: string): string {
  switch (state) {
    case 'active': return vscode.l10n.t('on · earning');
    case 'pending': return vscode.l10n.t('on · waiting to be matched');
    case 'off': return vscode.l10n.t('off');
    case 'unsupported': return vscode.l10n.t('not offered for this currency');
    case 'unknown': return vscode.l10n.t('OKX says "{0}"', status);
  }
}

/** What auto-earn is, for the empty state and the commands' confirmation. */
export function autoEarnWhat(): string {
  return vscode.l10n.t(
    'Auto-earn (自动赚币): while it is on for a currency, OKX lends (or stakes) what sits unused of it in your trading account and pays interest on what it matches, at the savings lending rate. The money stays in your trading account. It is turned on and off per currency.',
  );
}

/** One currency's auto-earn, as a sentence (tooltips and the chat's read tool). */
export function autoEarnLine(row: AutoEarnRow): string {
  switch (row.state) {
    case 'active':
      return row.rate === undefined
        ? vscode.l10n.t('{0}: on, {1} matched (lent or staked) of {2} in the trading account.', row.ccy, withCcy(row.matched, row.ccy), withCcy(row.cashBal, row.ccy))
        : vscode.l10n.t('{0}: on, {1} matched (lent or staked) of {2} in the trading account, earning about {3} a year (the last hour\'s lending rate).', row.ccy, withCcy(row.matched, row.ccy), withCcy(row.cashBal, row.ccy), percent(row.rate));
    case 'pending':
      return vscode.l10n.t('{0}: on, waiting for OKX to match it; nothing earns until it is matched ({1} in the trading account).', row.ccy, withCcy(row.cashBal, row.ccy));
    case 'off':
      return vscode.l10n.t('{0}: off; {1} in the trading account earns nothing.', row.ccy, withCcy(row.cashBal, row.ccy));
    case 'unsupported':
      return vscode.l10n.t('{0}: OKX does not offer auto-earn for it ({1} in the trading account).', row.ccy, withCcy(row.cashBal, row.ccy));
    case 'unknown':
      return vscode.l10n.t('{0}: OKX gives the auto-earn state "{1}", which this extension does not know.', row.ccy, row.status);
  }
}

/** Why a currency cannot have auto-earn, and what to do instead. */
export function unsupportedText(ccy: string): string {
  return vscode.l10n.t(
    'OKX does not offer auto-earn for {0}, so it cannot be turned on. To earn on {0}, move it to your funding account and look for it under Products (on-chain earn) or Savings; otherwise keep it for trading.',
    ccy,
  );
}
