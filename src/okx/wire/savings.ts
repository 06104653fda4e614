/** OKX v5 wire types: Simple Earn flexible (savings). Field for field as the API reference names them; amounts stay decimal strings. */
import type { Decimal, Millis, OpenEnum, PageParams } from './common';

export interface SavingsBalanceRequest {
  ccy?: string;
}

export interface SavingsBalance {
  ccy: string;
  amt: Decimal;
  earnings: Decimal;
  /** The user's minimum annual lending rate, e.g. "0.01" for 1%. */
  rate: Decimal;
  loanAmt: Decimal;
  pendingAmt: Decimal;
  /** Deprecated by OKX. */
  redemptAmt: Decimal;
}

export type SavingsSide = 'purchase' | 'redempt';

export interface SavingsPurchaseRedemptRequest {
  ccy: string;
  amt: Decimal;
  side: SavingsSide;
  /** Purchase only: annual rate as a fraction, 0.01 to 3.65. */
  rate?: Decimal;
}

export interface SavingsPurchaseRedemptAck {
  ccy: string;
  amt: Decimal;
  side: OpenEnum<SavingsSide>;
  rate: Decimal;
}

export interface SetLendingRateRequest {
  ccy: string;
  /** Annual rate as a fraction, 0.01 to 3.65. */
  rate: Decimal;
}

export interface SetLendingRateAck {
  ccy: string;
  rate: Decimal;
}

export interface LendingHistoryRequest extends PageParams {
  ccy?: string;
}

export interface LendingRecord {
  ccy: string;
  amt: Decimal;
  earnings: Decimal;
  rate: Decimal;
  ts: Millis;
}

export interface LendingRateSummaryRequest {
  ccy?: string;
}

export interface LendingRateSummary {
  ccy: string;
  /** Deprecated by OKX. */
  avgAmt: Decimal;
  /** Deprecated by OKX. */
  avgAmtUsd: Decimal;
  avgRate: Decimal;
  preRate: Decimal;
  estRate: Decimal;
}

export interface LendingRateHistoryRequest extends PageParams {
  ccy?: string;
}

export interface LendingRatePoint {
  ccy: string;
  /** Deprecated by OKX. */
  amt: Decimal;
  /** Annual BORROWING interest rate (what borrowers pay), not what savers earn. */
  rate: Decimal;
  /** Annual LENDING interest rate: what savers earn (added by OKX in 2026; missing from older answers). */
  lendingRate?: Decimal;
  ts: Millis;
}
