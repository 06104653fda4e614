/** OKX v5 wire types: on-chain earn (staking-defi). Field for field as the API reference names them; amounts stay decimal strings. */
import type { Decimal, Millis, OpenEnum, PageParams } from './common';

export type ProtocolType = 'defi';
/** `purchasable`, `sold_out`, `Stop` (suspended). */
export type OfferState = 'purchasable' | 'sold_out' | 'Stop';
/** `8` pending, `13` cancelling, `9` onchain, `1` earning, `2` redeeming; history: `3` completed. */
export type OrderState = '8' | '13' | '9' | '1' | '2' | '3';
/** `0` estimated earning, `1` cumulative earning. */
export type EarningType = '0' | '1';

export interface OffersRequest {
  productId?: string;
  protocolType?: ProtocolType;
  ccy?: string;
}

export interface Offer {
  ccy: string;
  productId: string;
  protocol: string;
  protocolType: string;
  /** Days of a fixed term; `0` for a flexible product. */
  term: string;
  apy: Decimal;
  earlyRedeem: boolean;
  investData: { ccy: string; bal: Decimal; minAmt: Decimal; maxAmt: Decimal }[];
  earningData: { ccy: string; earningType: EarningType }[];
  state: OpenEnum<OfferState>;
  /** [min, max], e.g. ["1H","24H"] or ["14D","14D"]. */
  redeemPeriod: string[];
  /** '' when fast redemption is not supported. */
  fastRedemptionDailyLimit: Decimal;
}

export interface PurchaseRequest {
  productId: string;
  investData: { ccy: string; amt: Decimal }[];
  /** Required for fixed-term products. */
  term?: string;
  /** Up to 16 alphanumerics. */
  tag?: string;
}

export interface OrderAck {
  ordId: string;
  tag: string;
}

export interface RedeemRequest {
  ordId: string;
  protocolType: ProtocolType;
  allowEarlyRedeem?: boolean;
}

export interface CancelRequest {
  ordId: string;
  protocolType: ProtocolType;
}

export interface ActiveOrdersRequest {
  productId?: string;
  protocolType?: ProtocolType;
  ccy?: string;
  state?: OrderState;
}

export interface ActiveOrder {
  ccy: string;
  ordId: string;
  productId: string;
  state: OpenEnum<OrderState>;
  protocol: string;
  protocolType: string;
  term: string;
  apy: Decimal;
  investData: { ccy: string; amt: Decimal }[];
  earningData: { ccy: string; earningType: EarningType; earnings: Decimal }[];
  fastRedemptionData: { ccy: string; redeemingAmt: Decimal }[];
  purchasedTime: Millis;
  estSettlementTime: Millis;
  cancelRedemptionDeadline: Millis;
  tag: string;
}

export interface OrderHistoryRequest extends PageParams {
  productId?: string;
  protocolType?: ProtocolType;
  ccy?: string;
}

export interface HistoricOrder {
  ccy: string;
  ordId: string;
  productId: string;
  state: OpenEnum<OrderState>;
  protocol: string;
  protocolType: string;
  term: string;
  apy: Decimal;
  investData: { ccy: string; amt: Decimal }[];
  earningData: { ccy: string; earningType: EarningType; realizedEarnings: Decimal }[];
  purchasedTime: Millis;
  redeemedTime: Millis;
  tag: string;
}
