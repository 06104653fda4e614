/** OKX v5 wire types: OKUSD. Field for field as the API reference names them; amounts stay decimal strings. */
import type { Decimal, Millis, OpenEnum } from './common';

/** What has been used of one daily quota, the user's and the platform's. */
export interface OkusdQuota {
  personalDailyLimit: Decimal;
  personalUsedAmt: Decimal;
  platformDailyLimit: Decimal;
  platformUsedAmt: Decimal;
}

export interface OkusdLimits {
  /** In USDT. `maxSubAmt` = min(personal left, platform left), at least "0". */
  subLimit: OkusdQuota & { maxSubAmt: Decimal };
  /** In OKUSD: settled at once. */
  fastRedeemLimit: OkusdQuota & { feeRate: Decimal };
  /** In OKUSD: settled D+5 (D+6 from 16:00 UTC+8). */
  stdRedeemLimit: OkusdQuota & { feeRate: Decimal };
  ts: Millis;
}

export interface OkusdSubscribeRequest {
  /** USDT, at least 1, at most 8 decimal places. */
  amt: Decimal;
  /** Idempotency key: the same one again returns the original order without subscribing twice. */
  clOrdId: string;
}

export interface OkusdSubscribeAck {
  ordId: string;
  clOrdId: string;
  /** Always USDT. */
  ccy: string;
  amt: Decimal;
  okusdAmt: Decimal;
  state: OpenEnum<'success' | 'pending' | 'failed'>;
  ts: Millis;
}

/** `1` fast (settled at once), `2` standard (D+5, or D+6 from 16:00 UTC+8). */
export type OkusdRedeemType = '1' | '2';

export interface OkusdRedeemRequest {
  /** OKUSD, at least 1, at most 8 decimal places. */
  amt: Decimal;
  redeemType: OkusdRedeemType;
  /** Idempotency key, as for subscribe. */
  clOrdId: string;
}

export interface OkusdRedeemAck {
  ordId: string;
  clOrdId: string;
  /** Always OKUSD. */
  ccy: string;
  amt: Decimal;
  /** In USDT, floored to 8 places. */
  fee: Decimal;
  /** `amt - fee`, floored to 8 places. */
  usdtAmt: Decimal;
  redeemType: OpenEnum<OkusdRedeemType>;
  state: OpenEnum<'processing' | 'success' | 'failed' | 'cancelled'>;
  estSettlementTime: Millis;
  ts: Millis;
}

export interface OkusdAccount {
  /** Always OKUSD. */
  ccy: string;
  amt: Decimal;
  /** In USDT. */
  totalEarnAccrual: Decimal;
  ts: Millis;
}

/** Time-range paging of the OKUSD histories: newest first, `begin`/`end` inclusive. */
export interface OkusdHistoryRequest {
  limit?: string;
  begin?: Millis;
  end?: Millis;
}

export interface OkusdSubscription {
  ordId: string;
  clOrdId: string;
  /** Always USDT. */
  ccy: string;
  amt: Decimal;
  /** Always OKUSD. */
  settleCcy: string;
  settleCcyAmt: Decimal;
  status: OpenEnum<'success' | 'failed'>;
  ts: Millis;
}

export interface OkusdRedeemHistoryRequest extends OkusdHistoryRequest {
  /** OKX's default is `standard`. */
  type?: 'fast' | 'standard';
}

export interface OkusdRedemption {
  ordId: string;
  clOrdId: string;
  /** Always OKUSD. */
  ccy: string;
  amt: Decimal;
  fee: Decimal;
  /** Always USDT. */
  settleCcy: string;
  settleCcyAmt: Decimal;
  type: OpenEnum<'fast' | 'standard'>;
  status: OpenEnum<'pending' | 'success' | 'failed' | 'canceled'>;
  /** '' for a settled fast redemption. */
  estSettlementTime: Millis;
  ts: Millis;
}

export interface OkusdReward {
  /** Always USDT. */
  ccy: string;
  earnAmt: Decimal;
  /** The principal at the time of distribution. */
  amt: Decimal;
  apr: Decimal;
  ts: Millis;
}

export interface OkusdAprPoint {
  /** A fraction: "0.0418" is 4.18 %. */
  apr: Decimal;
  ts: Millis;
}
