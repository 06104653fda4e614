/**
 * USD prices from OKX's public index tickers (`GET /api/v5/market/index-tickers?quoteCcy=USD`): one request for
 * every currency. A currency OKX gives no USD index for has no price here, and callers say so rather than
 * guess one. No `vscode` import.
 */
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';

/** `BTC` → "91250.4": the latest index price in USD of each currency OKX indexes against USD. */
export async function usdPrices(client: OkxClient): Promise<ReadonlyMap<string, string>> {
  return (await usdIndex(client)).usd;
}

/** The USD index prices, and each one's time as OKX gives it (`ts`, when it is one). */
export async function usdIndex(client: OkxClient): Promise<{ usd: ReadonlyMap<string, string>; at: ReadonlyMap<string, number> }> {
  const tickers = await client.account.indexTickers({ quoteCcy: 'USD' });
  const prices = new Map<string, string>();
  const at = new Map<string, number>();
  for (const ticker of tickers) {
    const [base, quote, extra] = typeof ticker.instId === 'string' ? ticker.instId.split('-') : [];
    if (base === undefined || quote !== 'USD' || extra !== undefined) continue;
    if (typeof ticker.idxPx === 'string' && D.isPlainDecimal(ticker.idxPx) && D.isPositive(ticker.idxPx)) {
      prices.set(base, ticker.idxPx);
      if (typeof ticker.ts === 'string' && /^\d+$/.test(ticker.ts)) at.set(base, Number(ticker.ts));
    }
  }
  return { usd: prices, at };
}

/** The USD value of `amt` of `ccy`, or undefined without a price. */
export function usdValue(prices: ReadonlyMap<string, string>, ccy: string, amt: string): string | undefined {
  const price = prices.get(ccy);
  return price === undefined ? undefined : D.mul(amt, price);
}
