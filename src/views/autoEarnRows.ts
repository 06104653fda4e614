/**
 * The Savings view's "Auto-earn" group: each currency of the trading account with its auto-earn state and, while
 * it earns, the amount matched; Turn Auto-earn On/Off in each row's menu (and a click on a row that is off or on).
 * With nothing on, its first row says what auto-earn is.
 */
import * as vscode from 'vscode';
import type * as T from '../okx/types';
import { autoEarnRows, isOn, type AutoEarnRow } from '../portfolio/autoEarn';
import { autoEarnLine, autoEarnStateText, autoEarnWhat, unsupportedText } from './autoEarnLabels';
import { GroupNode, LeafNode, fieldsTooltip, percent, shortWithCcy, withCcy, type TreeNode } from './nodes';

const TURN_ON = 'okxEarn.autoEarn.turnOn';

export function autoEarnGroup(details: readonly T.TradingBalanceDetail[], latestRates: readonly T.LendingRatePoint[] | undefined): TreeNode {
  const rows = autoEarnRows(details, latestRates);
  const on = rows.filter((r) => isOn(r.state));
  const earning = on.filter((r) => r.state === 'active').length;
  return new GroupNode('autoEarn', {
    label: vscode.l10n.t('Auto-earn'),
    description: rows.length === 0
      ? vscode.l10n.t('nothing in the trading account')
      : on.length === 0 ? vscode.l10n.t('off for every currency') : vscode.l10n.t('on for {0} · {1} earning', String(on.length), String(earning)),
    icon: 'sync',
    contextValue: 'okxEarn.autoEarnGroup',
    expanded: true,
    tooltip: autoEarnWhat(),
    children: (self) => [
      ...(on.length === 0 ? [welcomeNode(rows.length === 0, self)] : []),
      ...rows.map((row) => currencyNode(row, self)),
    ],
  });
}

/** What auto-earn is, and how to turn it on: shown while nothing is on. */
function welcomeNode(empty: boolean, parent: TreeNode): TreeNode {
  return new LeafNode('autoEarn:welcome', {
    label: vscode.l10n.t('What is auto-earn?'),
    description: empty
      ? vscode.l10n.t('move money to your trading account to use it')
      : vscode.l10n.t('lends idle trading balances: turn it on per currency'),
    icon: 'info',
    tooltip: `${autoEarnWhat()} ${empty ? vscode.l10n.t('Your trading account holds nothing now.') : vscode.l10n.t('Click to turn it on for a currency.')}`,
    contextValue: 'okxEarn.autoEarnWelcome',
    ...(empty ? {} : { command: { command: TURN_ON, title: vscode.l10n.t('Turn Auto-earn On…') } }),
  }, parent);
}

function currencyNode(row: AutoEarnRow, parent: TreeNode): TreeNode {
  const payload = { kind: 'autoEarn' as const, ccy: row.ccy };
  const on = isOn(row.state);
  const description = row.state === 'active'
    ? `${shortWithCcy(row.matched, row.ccy)} · ${autoEarnStateText(row.state, row.status)}${row.rate === undefined ? '' : ` · ${percent(row.rate)}`}`
    : `${shortWithCcy(row.cashBal, row.ccy)} · ${autoEarnStateText(row.state, row.status)}`;
  return new LeafNode(`autoEarn:${row.ccy}`, {
    label: row.ccy,
    description,
    icon: row.state === 'active' ? 'pass-filled' : row.state === 'pending' ? 'clock' : row.state === 'unsupported' ? 'circle-slash' : 'circle-large-outline',
    tooltip: fieldsTooltip(vscode.l10n.t('{0} auto-earn', row.ccy), [
      [vscode.l10n.t('State'), autoEarnStateText(row.state, row.status)],
      [vscode.l10n.t('In the trading account'), withCcy(row.cashBal, row.ccy)],
      [vscode.l10n.t('Matched (lent or staked)'), withCcy(row.matched, row.ccy)],
      [vscode.l10n.t('Savings lending rate, last hour'), row.rate === undefined ? '' : percent(row.rate)],
      [vscode.l10n.t('In words'), row.state === 'unsupported' ? unsupportedText(row.ccy) : autoEarnLine(row)],
    ]),
    contextValue: row.state === 'unsupported' ? 'okxEarn.autoEarn.unsupported' : on ? 'okxEarn.autoEarn.on' : row.state === 'off' ? 'okxEarn.autoEarn.off' : 'okxEarn.autoEarn.unknown',
    payload,
    ...(row.state === 'off' ? { command: { command: TURN_ON, title: vscode.l10n.t('Turn Auto-earn On…'), arguments: [{ payload }] } } : {}),
  }, parent);
}
