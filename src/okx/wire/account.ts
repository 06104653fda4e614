/** OKX v5 wire types: account (outside the chapter). Field for field as the API reference names them; amounts stay decimal strings. */
import type { Decimal, Millis } from './common';

export interface FundingBalancesRequest {
  /** Up to 20 currencies, comma-separated. */
  ccy?: string;
}

/** One currency of the funding account (what Earn purchases spend and repayments come from). */
export interface FundingBalance {
  ccy: string;
  bal: Decimal;
  availBal: Decimal;
  frozenBal: Decimal;
}

export interface AssetValuationRequest {
  /** The unit of the valuation: BTC (OKX's default), USDT, USD, or a fiat currency OKX lists. */
  ccy?: string;
}

/** OKX's valuation of the account's assets, in the unit asked for. */
export interface AssetValuation {
  totalBal: Decimal;
  ts: Millis;
  details: { funding: Decimal; trading: Decimal; /** Deprecated by OKX. */ classic: Decimal; earn: Decimal };
}

export interface IndexTickersRequest {
  quoteCcy?: string;
  instId?: string;
}

export interface IndexTicker {
  instId: string;
  idxPx: Decimal;
  high24h: Decimal;
  low24h: Decimal;
  open24h: Decimal;
  sodUtc0: Decimal;
  sodUtc8: Decimal;
  ts: Millis;
}
