/** OKX v5 wire types: ETH and SOL staking. Field for field as the API reference names them; amounts stay decimal strings. */
import type { Decimal, Millis, OpenEnum, PageParams } from './common';

/**
 * Fields OKX added to ETH and SOL product-info in 2026. `rate` is documented only as "Latest BETH/OKSOL APY" and
 * its examples ("2.23", "5.57") read as percent while apy-history gives fractions ("0.0269"): its unit is not
 * assumed anywhere; `portfolio/stakingRate.ts` settles it against the latest apy-history value.
 */
export interface StakingProductFields {
  /** Latest APY, unit undocumented (see above); may be missing from older answers. */
  rate?: Decimal;
  /** Days a standard redemption takes. */
  redemptDays?: string;
  /** Minimum subscription amount. */
  minAmt?: Decimal;
}

export interface EthProductInfo extends StakingProductFields {
  fastRedemptionDailyLimit: Decimal;
}

/** SOL's product-info returns `data` as an object, not an array. */
export interface SolProductInfo extends StakingProductFields {
  fastRedemptionDailyLimit: Decimal;
  fastRedemptionAvail: Decimal;
}

export interface AmountRequest {
  amt: Decimal;
}

export interface CancelRedeemRequest {
  ordId: string;
}

export interface CancelRedeemAck {
  ordId: string;
}

export interface StakingBalance {
  /** BETH or OKSOL. */
  ccy: string;
  amt: Decimal;
  latestInterestAccrual: Decimal;
  totalInterestAccrual: Decimal;
  /** ETH only: snapshot time. */
  ts?: Millis;
}

export type StakingHistoryType = 'purchase' | 'redeem';
export type StakingHistoryStatus = 'pending' | 'success' | 'failed' | 'cancelled';

export interface StakingHistoryRequest extends PageParams {
  type?: StakingHistoryType;
  status?: StakingHistoryStatus;
}

export interface StakingHistoryRecord {
  type: OpenEnum<StakingHistoryType>;
  amt: Decimal;
  redeemingAmt: Decimal;
  status: OpenEnum<StakingHistoryStatus>;
  /** ETH only. */
  ordId?: string;
  requestTime: Millis;
  completedTime: Millis;
  estCompletedTime: Millis;
}

export interface ApyHistoryRequest {
  /** Days back, at most 365. */
  days: string;
}

export interface RatePoint {
  rate: Decimal;
  ts: Millis;
}
