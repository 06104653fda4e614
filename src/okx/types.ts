/**
 * Request and response types of OKX v5 "Financial Product", field for field as the API reference names them.
 * Every amount, rate and timestamp is a decimal string on the wire and stays one here: money is text.
 */

/** A decimal number as OKX sends it, e.g. "0.0323". Never parse it into a float to compare or send it. */
export type Decimal = string;
/** Unix time in milliseconds, as a string, e.g. "1597026383085". */
export type Millis = string;

/** The trading account and auto-earn (outside the chapter). */
export type * from './tradingAccount';

/**
 * A response field with documented values that may still bring new ones: editors suggest the known values,
 * and code must handle the others.
 */
export type OpenEnum<Known extends string> = Known | (string & Record<never, never>);

/** The envelope of every OKX v5 response. */
export interface OkxEnvelope<T> {
  code: string;
  msg: string;
  data: T;
}

/** after/before/limit paging, common to the history endpoints. */
export interface PageParams {
  /** Records earlier than this cursor. */
  after?: string;
  /** Records newer than this cursor. */
  before?: string;
  /** At most 100; OKX's default is 100. */
  limit?: string;
}

// ---------------------------------------------------------------- on-chain earn (staking-defi)

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

// ---------------------------------------------------------------- ETH and SOL staking

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

// ---------------------------------------------------------------- Simple Earn flexible (savings)

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

// ---------------------------------------------------------------- flexible loan

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

// ---------------------------------------------------------------- Stable Rewards (product-info, balance, APY history)
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

// ---------------------------------------------------------------- OKUSD

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

// ---------------------------------------------------------------- Dual Investment (sfp/dcd)

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

// ---------------------------------------------------------------- account (outside the chapter)

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

// ---------------------------------------------------------------- public

export interface ServerTime {
  ts: Millis;
}

/** An endpoint with no request parameters. */
export type NoParams = Record<string, never>;
