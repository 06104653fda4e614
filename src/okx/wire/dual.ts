/** OKX v5 wire types: Dual Investment (sfp/dcd). Field for field as the API reference names them; amounts stay decimal strings. */
import type { Decimal, Millis, OpenEnum } from './common';

/** `C` call (invest the base currency), `P` put (invest the quote currency). */
export type DualOptType = 'C' | 'P';

export interface DualCurrencyPair {
  baseCcy: string;
  quoteCcy: string;
  optType: OpenEnum<DualOptType>;
  uly: string;
}

export interface DualProductsRequest {
  baseCcy: string;
  quoteCcy: string;
  optType: DualOptType;
}

export interface DualProduct {
  absYield: Decimal;
  annualizedYield: Decimal;
  baseCcy: string;
  quoteCcy: string;
  /** The base currency for a call, the quote currency for a put. */
  notionalCcy: string;
  expTime: Millis;
  interestAccrualTime: Millis;
  listTime: Millis;
  maxSize: Decimal;
  minSize: Decimal;
  optType: OpenEnum<DualOptType>;
  productId: string;
  quoteTime: Millis;
  redeemEndTime: Millis;
  redeemStartTime: Millis;
  stepSz: Decimal;
  tradeEndTime: Millis;
  strike: Decimal;
  uly: string;
}

export interface DualQuoteRequest {
  productId: string;
  notionalSz: Decimal;
  notionalCcy: string;
}

export interface DualQuote {
  absYield: Decimal;
  annualizedYield: Decimal;
  interestAccrualTime: Millis;
  notionalSz: Decimal;
  notionalCcy: string;
  productId: string;
  quoteId: string;
  /** The quote may be traded until then, not after. */
  validUntil: Millis;
  idxPx: Decimal;
}

export interface DualTradeRequest {
  quoteId: string;
}

export type DualOrderState = 'initial' | 'pending_book' | 'live' | 'pending_settle' | 'settled' | 'pending_redeem_booking' | 'pending_redeem' | 'redeeming' | 'redeemed' | 'rejected';

export interface DualTradeAck {
  quoteId: string;
  ordId: string;
  state: OpenEnum<DualOrderState>;
}

export interface DualRedeemQuoteRequest {
  ordId: string;
}

export interface DualRedeemQuote {
  ordId: string;
  quoteId: string;
  redeemCcy: string;
  redeemSz: Decimal;
  termRate: Decimal;
  validUntil: Millis;
}

export interface DualRedeemRequest {
  ordId: string;
  quoteId: string;
}

export interface DualRedeemAck {
  ordId: string;
  state: OpenEnum<DualOrderState>;
}

export interface DualOrderStateRequest {
  ordId: string;
}

export interface DualOrderStatus {
  ordId: string;
  state: OpenEnum<DualOrderState>;
}

export interface DualOrderHistoryRequest {
  /** Returns that order alone (the other filters are ignored). */
  ordId?: string;
  productId?: string;
  uly?: string;
  state?: DualOrderState;
  /** Records newer than this order id. */
  beginId?: string;
  /** Records earlier than this order id. */
  endId?: string;
  begin?: Millis;
  end?: Millis;
  /** At most 100. */
  limit?: string;
}

export interface DualOrder {
  ordId: string;
  quoteId: string;
  state: OpenEnum<DualOrderState>;
  productId: string;
  baseCcy: string;
  quoteCcy: string;
  uly: string;
  strike: Decimal;
  notionalSz: Decimal;
  notionalCcy: string;
  absYield: Decimal;
  annualizedYield: Decimal;
  yieldSz: Decimal;
  yieldCcy: string;
  /** '' until settled. */
  settleSz: Decimal;
  /** '' until settled. */
  settleCcy: string;
  /** '' until settled. */
  settlePx: Decimal;
  /** '' until settled. */
  settleTime: Millis;
  expTime: Millis;
  redeemStartTime: Millis;
  /** So named in the field table; the page's example spells it `redeemEndime`. */
  redeemEndTime: Millis;
  cTime: Millis;
  uTime: Millis;
}
