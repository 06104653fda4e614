/**
 * The chat's Dual Investment tools: the products of a pair and direction on offer now, and buying one or redeeming
 * an order early through the very flows the commands run (../commands/dual), up to OKX Earn's own confirmation.
 */
import * as vscode from 'vscode';
import * as dual from '../commands/dual';
import { optTypeOfProductId } from '../portfolio/dualPayoff';
import { dualDirectionLabel } from '../views/dualLabels';
import { PATTERNS, amountField, need, str } from './toolInput';
import * as text from './toolText';
import type { ToolDefinition, ToolHelpers } from './toolDefinition';

export function dualTools(helpers: ToolHelpers): ToolDefinition[] {
  const l10n = vscode.l10n;
  return [
    {
      name: 'okxEarn_dualProducts',
      kind: 'read',
      input: { baseCcy: { type: 'string', required: true, pattern: PATTERNS.ccy }, quoteCcy: { type: 'string', pattern: PATTERNS.ccy }, direction: { type: 'string', required: true, enum: ['sellHigh', 'buyLow'] } },
      run: async (input) => {
        const baseCcy = need(input, 'baseCcy');
        const quoteCcy = str(input, 'quoteCcy') ?? 'USDT';
        const optType = need(input, 'direction') === 'sellHigh' ? 'C' : 'P';
        const products = await helpers.portfolio().dualProducts({ baseCcy, quoteCcy, optType });
        if (products instanceof Error) throw products;
        return text.dualProductsText(l10n, helpers.where(), `${baseCcy}/${quoteCcy}`, dualDirectionLabel({ optType }), products);
      },
    },
    {
      name: 'okxEarn_dualPurchase',
      kind: 'action',
      input: { productId: { type: 'string', required: true, pattern: PATTERNS.id }, amount: amountField },
      describe: (i) => l10n.t('buy {0} of Dual Investment product {1}', need(i, 'amount'), need(i, 'productId')),
      run: async (i) => {
        // A product id names its pair and direction: BTC-USDT-261205-95000-C.
        const [baseCcy = '', quoteCcy = ''] = need(i, 'productId').split('-');
        const optType = optTypeOfProductId(need(i, 'productId'));
        const products = optType === undefined ? [] : await helpers.portfolio().dualProducts({ baseCcy, quoteCcy, optType });
        if (products instanceof Error) throw products;
        const product = products.find((p) => p.productId === need(i, 'productId'));
        if (product === undefined) return helpers.notFound(l10n.t('there is no Dual Investment product {0} on offer.', need(i, 'productId')));
        return helpers.flowFor(l10n.t('Dual Investment purchase of {0} {1} ({2})', need(i, 'amount'), product.notionalCcy, product.productId), (c) => dual.purchase(c, { payload: { kind: 'dualProduct', product } }), { amount: need(i, 'amount') });
      },
    },
    {
      name: 'okxEarn_dualRedeemEarly',
      kind: 'action',
      input: { ordId: { type: 'string', required: true, pattern: PATTERNS.id } },
      describe: (i) => l10n.t('redeem Dual Investment order {0} early', need(i, 'ordId')),
      run: async (i) => {
        const order = (await helpers.areas('dual')).dual?.orders.find((o) => o.ordId === need(i, 'ordId'));
        if (order === undefined) return helpers.notFound(l10n.t('there is no Dual Investment order {0}.', need(i, 'ordId')));
        return helpers.flowFor(l10n.t('early redemption of Dual Investment order {0}', order.ordId), (c) => dual.redeemEarly(c, { payload: { kind: 'dualOrder', order } }), {});
      },
    },
  ];
}
