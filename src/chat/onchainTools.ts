/**
 * The chat's on-chain earn tools: purchasing a product, redeeming or cancelling an order, through the very flows
 * the commands run (../commands/onchain), up to OKX Earn's own confirmation.
 */
import * as vscode from 'vscode';
import * as onchain from '../commands/onchain';
import { PATTERNS, amountField, need } from './toolInput';
import type { ToolDefinition, ToolHelpers } from './toolDefinition';

export function onchainTools(helpers: ToolHelpers): ToolDefinition[] {
  const l10n = vscode.l10n;
  return [
    {
      name: 'okxEarn_onchainPurchase',
      kind: 'action',
      input: { productId: { type: 'string', required: true, pattern: PATTERNS.id }, amount: amountField },
      describe: (i) => l10n.t('purchase {0} of on-chain earn product {1}', need(i, 'amount'), need(i, 'productId')),
      run: async (i) => {
        const offer = (await helpers.areas('offers')).offers?.offers.find((o) => o.productId === need(i, 'productId'));
        if (offer === undefined) return helpers.notFound(l10n.t('there is no on-chain earn product {0}.', need(i, 'productId')));
        return helpers.flowFor(l10n.t('purchase of {0} {1} in {2} · {3}', need(i, 'amount'), offer.ccy, offer.ccy, offer.protocol), (c) => onchain.purchase(c, { payload: { kind: 'offer', offer } }), { amount: need(i, 'amount') });
      },
    },
    ...(['onchainRedeem', 'onchainCancel'] as const).map((name): ToolDefinition => ({
      name: `okxEarn_${name}`,
      kind: 'action',
      input: { ordId: { type: 'string', required: true, pattern: PATTERNS.id } },
      describe: (i) => (name === 'onchainRedeem' ? l10n.t('redeem on-chain earn order {0}', need(i, 'ordId')) : l10n.t('cancel on-chain earn order {0}', need(i, 'ordId'))),
      run: async (i) => {
        const order = (await helpers.areas('onchain')).onchain?.orders.find((o) => o.ordId === need(i, 'ordId'));
        if (order === undefined) return helpers.notFound(l10n.t('there is no active on-chain earn order {0}.', need(i, 'ordId')));
        const what = name === 'onchainRedeem' ? l10n.t('redemption of order {0}', order.ordId) : l10n.t('cancellation of order {0}', order.ordId);
        return helpers.flowFor(what, (c) => (name === 'onchainRedeem' ? onchain.redeem(c, { payload: { kind: 'order', order } }) : onchain.cancel(c, { payload: { kind: 'order', order } })), {});
      },
    })),
  ];
}
