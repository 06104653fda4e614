/** OKX v5 wire types: Stable Rewards (product-info, balance, APY history). Field for field as the API reference names them; amounts stay decimal strings. */
import type { Decimal, Millis, OpenEnum } from './common';

// OKX decommissioned quote, trade and subscribe-redeem-history on 2026-07-14: they are not here on purpose.

export interface StableRewardsProductInfoRequest {
  /** The stablecoin, e.g. `USDG`. */
  ccy: string;
}

/** One settlement currency a stablecoin is subscribed with and redeemed to. */
export interface StableRewardsRoute {
  ccy: string;
  settleCcy: string;
  subFeeRate: Decimal;
  /** '' when redemption to `settleCcy` is not available. */
  redemptFeeRate: Decimal;
  /** In `settleCcy`. */
  minSubAmt: Decimal;
  /** In `ccy`; '' when redemption to `settleCcy` is not available. */
  minRedeemAmt: Decimal;
  /** Per master user ID and day; '-1' when unlimited. */
  remainingSubQuota: Decimal;
  /** '-1' when unlimited, '' when redemption to `settleCcy` is not available. */
  remainingRedemptQuota: Decimal;
  /** A JSON boolean, as documented. */
  canRedeem: boolean;
}

export interface StableRewardsProductInfo {
  details: StableRewardsRoute[];
  ts: Millis;
}

export interface StableRewardsBalanceRequest {
  /** Without it, every supported stablecoin. */
  ccy?: string;
}

export interface StableRewardsHolding {
  ccy: string;
  /** Across the whole account (trading, funding and redemptions in progress). */
  amt: Decimal;
  totalEarnAccrual: Decimal;
  /** `earning`, or `pending` (auto-earn off, or below the activation threshold). */
  state: OpenEnum<'earning' | 'pending'>;
}

export interface StableRewardsBalance {
  details: StableRewardsHolding[];
  ts: Millis;
}

export interface StableRewardsApyHistoryRequest {
  ccy: string;
  /** Days back, at most (and by default) 100. */
  days?: string;
}

/** A daily APY as a fraction ("0.041" is 4.1 %), at the user's VIP level. */
export interface StableRewardsApyPoint {
  rate: Decimal;
  ts: Millis;
}
