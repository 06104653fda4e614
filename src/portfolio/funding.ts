/**
 * The funding account, where Earn purchases, stakes and subscriptions are paid from and loan repayments come
 * from: `GET /api/v5/asset/balances`. OKX lists only currencies with a balance above zero, so a currency it
 * does not list has nothing available. No `vscode` import.
 */
import * as D from '../decimal';
import type { OkxClient } from '../okx/client';

/** What is available (not frozen) of `ccy` in the funding account, as OKX states it; '0' when none. */
export async function fundingAvailable(client: OkxClient, ccy: string): Promise<string> {
  const row = (await client.account.fundingBalances({ ccy })).find((b) => b.ccy === ccy);
  return row !== undefined && D.isPlainDecimal(row.availBal) ? row.availBal : '0';
}
