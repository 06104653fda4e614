/**
 * The chat's ETH and SOL staking tools: staking, redeeming (BETH, OKSOL) and cancelling a pending ETH redemption,
 * through the very flows the commands run (../commands/staking), up to OKX Earn's own confirmation.
 */
import * as vscode from 'vscode';
import * as staking from '../commands/staking';
import { PATTERNS, amountField, need } from './toolInput';
import type { ToolDefinition, ToolHelpers } from './toolDefinition';

export function stakingTools(helpers: ToolHelpers): ToolDefinition[] {
  const l10n = vscode.l10n;
  return [
    ...(['stake', 'unstake'] as const).map((name): ToolDefinition => ({
      name: `okxEarn_${name}`,
      kind: 'action',
      input: { product: { type: 'string', required: true, enum: ['eth', 'sol'] }, amount: amountField },
      describe: (i) => (name === 'stake' ? l10n.t('stake {0} {1}', need(i, 'amount'), need(i, 'product').toUpperCase()) : l10n.t('redeem {0} {1}', need(i, 'amount'), need(i, 'product') === 'eth' ? 'BETH' : 'OKSOL')),
      run: (i) => {
        const product = need(i, 'product') === 'eth' ? 'eth' : 'sol';
        const what = name === 'stake' ? l10n.t('staking of {0} {1}', need(i, 'amount'), product.toUpperCase()) : l10n.t('redemption of {0} {1}', need(i, 'amount'), product === 'eth' ? 'BETH' : 'OKSOL');
        return helpers.flowFor(what, (c) => (name === 'stake' ? staking.stake(c, product) : staking.unstake(c, product)), { amount: need(i, 'amount') });
      },
    })),
    {
      name: 'okxEarn_cancelEthRedemption',
      kind: 'action',
      input: { ordId: { type: 'string', required: true, pattern: PATTERNS.id } },
      describe: (i) => l10n.t('cancel ETH redemption {0}', need(i, 'ordId')),
      run: async (i) => {
        const record = (await helpers.areas('eth')).eth?.pendingRedemptions.find((r) => r.ordId === need(i, 'ordId'));
        if (record === undefined) return helpers.notFound(l10n.t('no pending ETH redemption {0}.', need(i, 'ordId')));
        return helpers.flowFor(l10n.t('cancellation of ETH redemption {0}', need(i, 'ordId')), (c) => staking.cancelEthRedemption(c, { payload: { kind: 'ethRedemption', record } }), {});
      },
    },
  ];
}
