/**
 * What a More Earn product's page loads for itself, beyond the portfolio: Stable Rewards' settlement routes, a Dual
 * Investment pair's index price, and the Dual Investment product as OKX offers it now.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';
import type { Portfolio } from '../portfolio/portfolio';
import type { MoreEarnExtras } from './moreEarnState';
import type { MoreEarnTarget } from './productState';

export async function loadMoreEarnExtras(client: OkxClient | undefined, portfolio: Pick<Portfolio, 'dualProducts'>, target: MoreEarnTarget): Promise<MoreEarnExtras> {
  if (client === undefined || target.kind === 'okusd') return {};
  const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
  if (target.kind === 'stable') {
    if (!client.hasCredentials) return {};
    const routes = await client.stableRewards.productInfo({ ccy: target.ccy }).then((info) => info.flatMap((i) => i.details), asError);
    return { routes };
  }
  const of = 'order' in target ? target.order : target.product;
  const index = client.account.indexTickers({ instId: `${of.baseCcy}-${of.quoteCcy}` }).then((tickers) => {
    const ticker = tickers.find((t) => t.instId === `${of.baseCcy}-${of.quoteCcy}`);
    return ticker === undefined || !D.isPlainDecimal(ticker.idxPx) ? new Error(vscode.l10n.t('OKX gave no index price for {0}-{1}', of.baseCcy, of.quoteCcy)) : { px: ticker.idxPx, ts: ticker.ts };
  }, asError);
  // (Without an API key OKX lists no products: that says nothing about this one.)
  if ('order' in target || !client.hasCredentials) return { indexPx: await index };
  const optType = target.product.optType === 'C' ? 'C' : 'P';
  const [indexPx, products] = await Promise.all([index, portfolio.dualProducts({ baseCcy: target.product.baseCcy, quoteCcy: target.product.quoteCcy, optType })]);
  // A list that could not be loaded says nothing about the product: it is shown as it was.
  const product = products instanceof Error ? undefined : (products.find((p) => p.productId === target.product.productId) ?? null);
  return { indexPx, ...(product === undefined ? {} : { product }) };
}
