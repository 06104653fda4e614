/**
 * What a product panel is about (a product, a holding, a Dual Investment order or offer) and the key its panel and
 * chart are kept under. Below both the page's state (./productState) and its chart (./productChart).
 */
import type { DualOrder, DualProduct } from '../okx/types';

export type ProductTarget =
  | { kind: 'onchain'; productId: string }
  | { kind: 'eth' }
  | { kind: 'sol' }
  | { kind: 'savings'; ccy: string }
  | { kind: 'okusd' }
  | { kind: 'stable'; ccy: string }
  | DualTarget;

/** A Dual Investment order (followed by its ordId as the portfolio refreshes), or a product on offer. */
export type DualTarget = { kind: 'dual'; order: DualOrder } | { kind: 'dual'; product: DualProduct };

/** The targets whose page is built by ./moreEarnState (OKUSD, Stable Rewards, Dual Investment). */
export type MoreEarnTarget = Extract<ProductTarget, { kind: 'okusd' | 'stable' | 'dual' }>;

export function isMoreEarn(target: ProductTarget): target is MoreEarnTarget {
  return target.kind === 'okusd' || target.kind === 'stable' || target.kind === 'dual';
}

export function productKey(target: ProductTarget): string {
  switch (target.kind) {
    case 'onchain': return `product:onchain:${target.productId}`;
    case 'savings': return `product:savings:${target.ccy}`;
    case 'stable': return `product:stable:${target.ccy}`;
    case 'dual': return 'order' in target ? `product:dual:order:${target.order.ordId}` : `product:dual:product:${target.product.productId}`;
    default: return `product:${target.kind}`;
  }
}
