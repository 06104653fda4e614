/**
 * The chat's Simple Earn savings tools: lending, redeeming and setting the minimum lending rate, through the very
 * flows the commands run (../commands/savings), up to OKX Earn's own confirmation.
 */
import * as vscode from 'vscode';
import * as savings from '../commands/savings';
import { PATTERNS, amountField, need, str } from './toolInput';
import type { ToolDefinition, ToolHelpers } from './toolDefinition';

export function savingsTools(helpers: ToolHelpers): ToolDefinition[] {
  const l10n = vscode.l10n;
  return [
    {
      name: 'okxEarn_savingsSubscribe',
      kind: 'action',
      input: { ccy: { type: 'string', required: true, pattern: PATTERNS.ccy }, amount: amountField, minRatePercent: { type: 'string', pattern: PATTERNS.percent } },
      describe: (i) => l10n.t('lend {0} {1} in Simple Earn', need(i, 'amount'), need(i, 'ccy')),
      run: (i) =>
        helpers.flowFor(l10n.t('savings subscription of {0} {1}', need(i, 'amount'), need(i, 'ccy')), (c) => savings.subscribe(c, { payload: { kind: 'savings', ccy: need(i, 'ccy') } }), {
          amount: need(i, 'amount'),
          rate: str(i, 'minRatePercent') ?? '',
        }),
    },
    {
      name: 'okxEarn_savingsRedeem',
      kind: 'action',
      input: { ccy: { type: 'string', required: true, pattern: PATTERNS.ccy }, amount: amountField },
      describe: (i) => l10n.t('redeem {0} {1} from Simple Earn', need(i, 'amount'), need(i, 'ccy')),
      run: (i) => helpers.flowFor(l10n.t('savings redemption of {0} {1}', need(i, 'amount'), need(i, 'ccy')), (c) => savings.redeem(c, { payload: { kind: 'savings', ccy: need(i, 'ccy') } }), { amount: need(i, 'amount') }),
    },
    {
      name: 'okxEarn_setLendingRate',
      kind: 'action',
      input: { ccy: { type: 'string', required: true, pattern: PATTERNS.ccy }, ratePercent: { type: 'string', required: true, pattern: PATTERNS.percent } },
      describe: (i) => l10n.t('set the minimum lending rate of {0} to {1}%', need(i, 'ccy'), need(i, 'ratePercent').replace('%', '')),
      run: (i) => helpers.flowFor(l10n.t('lending rate {0}% for {1}', need(i, 'ratePercent').replace('%', ''), need(i, 'ccy')), (c) => savings.setLendingRate(c, { payload: { kind: 'savings', ccy: need(i, 'ccy') } }), { rate: need(i, 'ratePercent') }),
    },
  ];
}
