/**
 * The chat's OKUSD tools: subscribing USDT and redeeming (fast or standard), through the very flows the commands
 * run (../commands/okusd), up to OKX Earn's own confirmation.
 */
import * as vscode from 'vscode';
import * as okusd from '../commands/okusd';
import { amountField, need } from './toolInput';
import type { ToolDefinition, ToolHelpers } from './toolDefinition';

export function okusdTools(helpers: ToolHelpers): ToolDefinition[] {
  const l10n = vscode.l10n;
  return [
    {
      name: 'okxEarn_okusdSubscribe',
      kind: 'action',
      input: { amount: amountField },
      describe: (i) => l10n.t('subscribe {0} USDT to OKUSD', need(i, 'amount')),
      run: (i) => helpers.flowFor(l10n.t('OKUSD subscription of {0} USDT', need(i, 'amount')), (c) => okusd.subscribe(c), { amount: need(i, 'amount') }),
    },
    {
      name: 'okxEarn_okusdRedeem',
      kind: 'action',
      input: { amount: amountField, type: { type: 'string', required: true, enum: ['fast', 'standard'] } },
      describe: (i) => l10n.t('redeem {0} OKUSD ({1})', need(i, 'amount'), need(i, 'type')),
      run: (i) => helpers.flowFor(l10n.t('OKUSD {1} redemption of {0}', need(i, 'amount'), need(i, 'type')), (c) => okusd.redeem(c), { amount: need(i, 'amount'), redeemType: need(i, 'type') }),
    },
  ];
}
