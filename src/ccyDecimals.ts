/**
 * Decimal places OKX accepts per currency. Stablecoins take 6 on OKX's Earn products; the other assets 8. An
 * amount with more places would be refused by OKX (51000) or silently cut; we refuse it first.
 */
const DECIMALS: Readonly<Record<string, number>> = { USDT: 6, USDC: 6, DAI: 6 };

export function decimalsFor(ccy: string): number {
  return DECIMALS[ccy] ?? 8;
}
