/** OKX v5 wire types: flexible loan. Field for field as the API reference names them; amounts stay decimal strings. */
import type { Decimal, Millis, OpenEnum, PageParams } from './common';

/**
 * Since 2026 a flexible loan is one of several orders, each with its own `ordId`. Where a request takes an
 * optional `ordId`, OKX acts on the order with the earliest start time when it is missing: this extension
 * always sends it once the order is known.
 */
export interface OrderScoped {
  ordId?: string;
}

export interface BorrowCurrency {
  borrowCcy: string;
}

export interface CollateralAssetsRequest extends OrderScoped {
  ccy?: string;
}

export interface CollateralAssets {
  assets: { ccy: string; amt: Decimal; notionalUsd: Decimal }[];
}

export interface CurrencyAmount {
  ccy: string;
  amt: Decimal;
}

export interface MaxLoanRequest extends OrderScoped {
  borrowCcy: string;
  supCollateral?: CurrencyAmount[];
}

export interface MaxLoan {
  borrowCcy: string;
  maxLoan: Decimal;
  notionalUsd: Decimal;
  remainingQuota: Decimal;
}

export interface MaxCollateralRedeemRequest extends OrderScoped {
  ccy: string;
}

export interface MaxCollateralRedeem {
  ccy: string;
  maxRedeemAmt: Decimal;
}

export type CollateralAdjustment = 'add' | 'reduce';

export interface AdjustCollateralRequest extends OrderScoped {
  type: CollateralAdjustment;
  collateralCcy: string;
  collateralAmt: Decimal;
}

/**
 * Creates a loan order (no `ordId`: `collateralData` with 1–10 entries required, `eMode` allowed) or adds to
 * one (`ordId`: no `eMode`; `collateralData` optional). `clOrdId` is OKX's idempotency key for 60 s.
 */
export interface BorrowRequest extends OrderScoped {
  loanData: CurrencyAmount;
  collateralData?: CurrencyAmount[];
  eMode?: '0' | '1';
  clOrdId: string;
}

export interface BorrowAck {
  ordId: string;
  eMode: string;
  clOrdId: string;
}

/** Settles asynchronously: success means accepted; loan-info tells the result. */
export interface RepayRequest {
  ordId: string;
  ccy: string;
  amt: Decimal;
  clOrdId: string;
}

export interface RepayAck {
  ordId: string;
  ccy: string;
  amt: Decimal;
  clOrdId: string;
}

export interface EmodePair {
  collateralCcy: string;
  borrowCcy: string;
}

export interface LoanInfoRequest {
  /** Without it, every order. */
  ordId?: string;
}

export interface LoanInfo {
  ordId: string;
  loanNotionalUsd: Decimal;
  loanData: CurrencyAmount[];
  /** The adjusted collateral value in USD. */
  collateralNotionalUsd: Decimal;
  collateralData: CurrencyAmount[];
  /** Only when there is exactly one collateral and one loan currency; '' otherwise. */
  riskWarningData: { instId: string; liqPx: Decimal };
  curLTV: Decimal;
  marginCallLTV: Decimal;
  liqLTV: Decimal;
}

export type LoanHistoryType =
  | 'borrowed'
  | 'repaid'
  | 'collateral_locked'
  | 'collateral_released'
  | 'forced_repayment_buy'
  | 'forced_repayment_sell'
  | 'forced_liquidation'
  | 'partial_liquidation'
  | 'sell_collateral'
  | 'buy_transition_coin'
  | 'sell_transition_coin'
  | 'buy_borrowed_coin';

export interface LoanHistoryRequest extends PageParams {
  type?: LoanHistoryType;
  /** Without it, every order's history. */
  ordId?: string;
}

export interface LoanHistoryRecord {
  refId: string;
  type: OpenEnum<LoanHistoryType>;
  ccy: string;
  amt: Decimal;
  ts: Millis;
}

export interface InterestAccruedRequest extends PageParams {
  ccy?: string;
  /** Without it, every order's interest. */
  ordId?: string;
}

export interface InterestAccrual {
  refId: string;
  ccy: string;
  loan: Decimal;
  interest: Decimal;
  interestRate: Decimal;
  ts: Millis;
}
