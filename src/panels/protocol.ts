/**
 * The typed message contract between the panels' hosts (src/panels) and their webviews (webview/), shared by
 * both sides. No `vscode` import and no Node APIs: the webview bundles it too. Every message from a webview is
 * checked with `parseFromWebview`; anything unknown or malformed is dropped.
 */

/** A label and its value as shown; `title`, when given, is the value with every figure exact (the cell's tooltip). */
export type Row = readonly [label: string, value: string, title?: string];

export interface ChartPoint {
  /** Milliseconds. */
  readonly ts: number;
  /** A fraction as decimal text, e.g. "0.0269" (a day's average where the point stands for a day of hours). */
  readonly rate: string;
  /** The lowest and highest rate of the hours a daily point stands for. */
  readonly min?: string;
  readonly max?: string;
}

export const RANGES = [7, 30, 90, 365] as const;
export type RangeDays = (typeof RANGES)[number];

export type ProductAction = 'purchase' | 'redeem';

/**
 * A titled part of a product page beyond its facts: label/value rows, a table with column headers (OKUSD's
 * quotas, Stable Rewards' settlement routes), or sentences (a Dual Investment's two outcomes).
 */
export type Section =
  | { readonly title: string; readonly rows: readonly Row[]; readonly note?: string }
  | {
      readonly title: string;
      readonly columns: readonly string[];
      readonly cells: readonly (readonly string[])[];
      /** Each cell's figures exact, where they differ from `cells` (the cell's tooltip; '' where none). */
      readonly titles?: readonly (readonly string[])[];
      readonly note?: string;
    }
  | { readonly title: string; readonly lines: readonly string[]; readonly note?: string };

/** Longest amount text a webview may send (what a user types; checked by the host). */
export const MAX_AMOUNT_TEXT = 40;

export interface ProductState {
  readonly kind: 'product';
  readonly title: string;
  readonly subtitle: string;
  /** APY, term, limits, redemption, fast-redemption limits, earning currencies, state. */
  readonly facts: readonly Row[];
  /** The user's own position in this product; empty when none. */
  readonly position: readonly Row[];
  readonly chart:
    | {
        readonly label: string;
        readonly range: RangeDays;
        /** Points oldest first; from 90 days on an hourly series comes as daily bands (chartSeries.ts). */
        readonly points: readonly ChartPoint[];
        /** What one point stands for: the axis and the readout show dates only for days. */
        readonly step: 'hour' | 'day';
        readonly loading: boolean;
        /** While loading with some points in: how far back they reach so far ('' otherwise). */
        readonly progress: string;
        /** When the range has no point: that, and when the latest point is ('' otherwise). */
        readonly empty: string;
        readonly note: string;
        /** The ranges this history can show, where not all of RANGES (Stable Rewards keeps 100 days). */
        readonly ranges?: readonly RangeDays[];
      }
    | { readonly unavailable: string };
  /** A statement the page must not let one miss (Stable Rewards: how to subscribe and redeem now). */
  readonly notice?: string;
  /** Parts shown after the facts, in order. */
  readonly sections?: readonly Section[];
  /**
   * An amount the user types to see the outcomes for it (a Dual Investment product): its label, what it
   * falls back to when empty, and what is wrong with what was typed ('' when nothing).
   */
  readonly amount?: { readonly label: string; readonly placeholder: string; readonly hint: string; readonly error: string };
  readonly actions: readonly ProductAction[];
  /** The actions' button labels where they are not "Purchase…" and "Redeem…": the menus' names (Stake…, Subscribe…). */
  readonly actionLabels?: Readonly<Partial<Record<ProductAction, string>>>;
  readonly updated: string;
  readonly error: string | undefined;
}

export interface CollateralRow {
  readonly ccy: string;
  /** Decimal text, as OKX sent it. */
  readonly amt: string;
  /** The amount as shown (at its currency's display precision, grouped, localized). */
  readonly amtText: string;
  /** The amount exactly, with its currency (the tooltip). */
  readonly amtTitle: string;
  /** USD value, when a price is known. */
  readonly usd: string | undefined;
  /** USD per unit, as decimal text, when known (for the what-if). */
  readonly price: string | undefined;
  /** How much can be taken back now (OKX's max-collateral-redeem-amount). */
  readonly maxRedeem: string | undefined;
  /** `maxRedeem` as shown. */
  readonly maxRedeemText: string | undefined;
}

/** The prices of one collateral at which its order reaches margin call and liquidation, as shown. */
export interface CollateralPriceRow {
  readonly ccy: string;
  /** Today's price: "60,000.00 USD". */
  readonly now: string;
  /** "54,857.15 USD (−8.57%)", "reached at 66,428.58 USD or below: it is now above", or that no price of it alone reaches it. */
  readonly marginCall: string;
  readonly liquidation: string;
  /** Whether the liquidation price is OKX's own (riskWarningData, converted to USD) rather than computed here. */
  readonly liquidationFromOkx: boolean;
  /** OKX's liquidation price as it gave it, in its pair's quote currency (the cell's tooltip); '' when computed. */
  readonly liquidationTitle: string;
}

export interface LtvState {
  readonly kind: 'ltv';
  readonly title: string;
  /** The loan order shown (OKX's `ordId`), when OKX gave one. */
  readonly ordId: string | undefined;
  /** Fractions as decimal text. `curLTV` is the live estimate between polls when `live` says so. */
  readonly curLTV: string;
  /** Where the figure comes from when live prices are on ("Live from OKX's index prices…", or paused); '' otherwise. */
  readonly live: string;
  readonly marginCallLTV: string;
  readonly liqLTV: string;
  /** The warning band below margin call, as a fraction (okxEarn.ltvWarningPoints / 100). */
  readonly warnDistance: string;
  readonly level: 'safe' | 'warning' | 'marginCall' | 'liquidation';
  readonly loanUsd: string;
  readonly collateralUsd: string;
  readonly loans: readonly Row[];
  readonly collateral: readonly CollateralRow[];
  readonly liquidationPrice: string | undefined;
  /** Per collateral with a known price: where the order reaches margin call and liquidation (others unchanged). */
  readonly collateralPrices: readonly CollateralPriceRow[];
  /** How the prices were found, said once under them ('' without rows). */
  readonly collateralPricesNote: string;
  /** How much more this order could borrow, per currency it borrows, said plainly (also when nothing). */
  readonly maxLoans: readonly Row[];
  readonly interest: readonly Row[];
  readonly updated: string;
  readonly error: string | undefined;
}

/** One slice of an allocation: what it is, its USD value and its share, as text and as a fraction. */
export interface Slice {
  readonly label: string;
  /** Fraction of the valued total, e.g. "0.1098". */
  readonly share: string;
  /** As shown: "1,000.10 USD · 11.0%". */
  readonly text: string;
  /** The text with the amount exact (the tooltip), where it was rounded. */
  readonly title?: string;
}

/** The products whose earnings per day OKX keeps a history of (stacked in this order, bottom first). */
export type EarningSeries = 'savings' | 'okusd';

/** Earnings per UTC day, in USD. */
export interface DayPoint {
  /** Milliseconds: the day's start (UTC). */
  readonly ts: number;
  /** USD as decimal text; undefined for a day with no record at all (no data: no bar, not a zero). */
  readonly usd: string | undefined;
  /** USD per product, as decimal text, for the products with a record that day. */
  readonly parts: Readonly<Partial<Record<EarningSeries, string>>>;
  /** As shown: "1.23 USD", or that there is no data. */
  readonly text: string;
  /** Each product's part as shown ('' where it has no record that day). */
  readonly partsText: Readonly<Partial<Record<EarningSeries, string>>>;
  /** The day as shown: "Dec 1". */
  readonly day: string;
}

export const EARNINGS_RANGES = [7, 30, 90] as const;
export type EarningsRange = (typeof EARNINGS_RANGES)[number];

export interface PortfolioState {
  readonly kind: 'portfolio';
  readonly title: string;
  /**
   * While the portfolio is read again: that the figures are the last ones read, and when they were read; while
   * it is read for the first time, that it is loading. '' otherwise.
   */
  readonly refreshing: string;
  /** Holdings, earnings, APY, loans net: label and value. */
  readonly totals: readonly Row[];
  readonly byProduct: readonly Slice[];
  readonly byCurrency: readonly Slice[];
  /** What the allocation leaves out (no price, an area not loaded), said plainly; '' when nothing. */
  readonly incomplete: string;
  readonly earnings: {
    readonly range: EarningsRange;
    readonly label: string;
    /** The products drawn, bottom first, with their names (the legend and the table's columns). */
    readonly series: readonly { readonly key: EarningSeries; readonly label: string }[];
    readonly points: readonly DayPoint[];
    readonly loading: boolean;
    /** The histories are read again; the points are those from before until the first new page is in. */
    readonly refreshing: boolean;
    /** When no day in range has a record: that, and when the latest earnings were ('' otherwise). */
    readonly empty: string;
    /** Where OKX keeps no history (on-chain earn, ETH and SOL staking): said, not drawn. */
    readonly note: string;
    readonly error: string | undefined;
  };
  readonly upcoming: readonly Row[];
  readonly updated: string;
  readonly error: string | undefined;
}

/** One product that takes the compared currency: every cell as shown. */
export interface CompareRow {
  /** What the row's button sends back (the option's id: `savings`, `onchain:4005`, `dual:BTC-USDT:P`…). */
  readonly id: string;
  readonly product: string;
  /** "3.78%", or that OKX gives no rate now. */
  readonly rate: string;
  /** Which rate it is: "lending rate savers earned in the last hour". */
  readonly rateKind: string;
  /** Term and lock-up. */
  readonly term: string;
  /** How and when the money comes back. */
  readonly payback: string;
  readonly min: string;
  /** What can be lost. */
  readonly risk: string;
  /** The button's label; undefined when it cannot be subscribed now (`note` says why). */
  readonly action: string | undefined;
  readonly note: string;
}

export interface CompareState {
  readonly kind: 'compare';
  readonly title: string;
  /** The currency compared. */
  readonly ccy: string;
  /** The picker: the currencies held first, then every other currency a product takes. */
  readonly held: readonly string[];
  readonly others: readonly string[];
  /** That the rates are today's and may change, and that nothing is bought without the flow's confirmation. */
  readonly honest: string;
  /** The products, the highest rate first. */
  readonly rows: readonly CompareRow[];
  /** When no product takes the currency: that ('' otherwise). */
  readonly empty: string;
  /** While Dual Investment products are read: that ('' otherwise). */
  readonly loading: string;
  readonly updated: string;
  readonly error: string | undefined;
}

/** Every fixed text of the panels, localized by the host (webviews have no vscode.l10n). */
export const LABEL_KEYS = [
  'chart', 'range7', 'range30', 'range90', 'range365', 'chartKeys', 'chartLowest', 'chartHighest', 'chartReadout', 'chartReadoutBand', 'chartLatest', 'purchase', 'redeem', 'position', 'noPosition', 'facts', 'refresh', 'updated',
  'currentLtv', 'marginCall', 'liquidation', 'loan', 'collateral', 'amount', 'usd', 'maxRedeem', 'liquidationPrice', 'maxLoans',
  'interest', 'whatIf', 'whatIfCollateral', 'whatIfDrop', 'whatIfResult', 'whatIfNoPrice', 'addCollateral',
  'whatIfAll', 'whatIfSafe', 'whatIfWarning', 'whatIfMarginCall', 'whatIfLiquidated', 'whatIfNothingLeft', 'whatIfEmpty',
  'whatIfNotNumber', 'whatIfNegative', 'whatIfTooLarge', 'whatIfMarker', 'nowMarker', 'gaugeLabel', 'pricesTitle', 'priceNow',
  'priceAtMarginCall', 'priceAtLiquidation', 'bandNearMarginCall', 'bandMarginCall', 'bandLiquidation', 'bandSafe',
  'reduceCollateral', 'loadingChart', 'safe', 'warning', 'marginCallLevel', 'liquidationLevel', 'noLoan',
  'orderId', 'borrowMore', 'repay', 'takeBack', 'nothingToTakeBack',
  'totals', 'byProduct', 'byCurrency', 'earningsPerDay', 'upcoming', 'nothingUpcoming', 'dailyFigures', 'day', 'total', 'refreshingChart',
  'compareCcy', 'compareHeld', 'compareOthers', 'compareProduct', 'compareRate', 'compareTerm', 'comparePayback', 'compareMin', 'compareRisk',
] as const;
export type PanelLabels = Readonly<Record<(typeof LABEL_KEYS)[number], string>>;

export interface Boot {
  readonly key: string;
  readonly target: unknown;
  readonly range: RangeDays;
  readonly labels: PanelLabels;
  /** VS Code's display language (dates and numbers in the webview are formatted in it). */
  readonly locale: string;
}

export type HostMessage = { readonly type: 'state'; readonly state: ProductState | LtvState | PortfolioState | CompareState };

export type WebviewMessage =
  | { readonly type: 'ready' }
  /** The first paint of real content, `ms` after the webview's script started. */
  | { readonly type: 'painted'; readonly ms: number }
  | { readonly type: 'range'; readonly days: RangeDays }
  | { readonly type: 'action'; readonly action: ProductAction }
  | { readonly type: 'collateral'; readonly action: 'add' | 'reduce'; readonly ccy?: string | undefined }
  | { readonly type: 'loan'; readonly action: 'borrow' | 'repay' }
  /** What the user typed in a product page's amount field (checked as a decimal by the host). */
  | { readonly type: 'amount'; readonly amount: string }
  | { readonly type: 'refresh' }
  /** The Compare panel: compare another currency. */
  | { readonly type: 'ccy'; readonly ccy: string }
  /** The Compare panel: a row's Subscribe/Buy button (the row's id). */
  | { readonly type: 'compare'; readonly id: string };

const CCY = /^[A-Z0-9]{1,12}$/;
/** A Compare row's id: `savings`, `eth`, `onchain:4005`, `dual:BTC-USDT:P`. */
const COMPARE_ID = /^[a-z]{3,8}(:[A-Za-z0-9_.-]{1,40}(:[A-Z])?)?$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A checked message from a webview, or undefined for anything that is not one. */
export function parseFromWebview(raw: unknown): WebviewMessage | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  const keys = Object.keys(raw);
  const only = (...allowed: string[]): boolean => keys.every((k) => k === 'type' || allowed.includes(k));
  switch (raw.type) {
    case 'ready':
    case 'refresh':
      return only() ? { type: raw.type } : undefined;
    case 'painted':
      return only('ms') && typeof raw.ms === 'number' && Number.isFinite(raw.ms) && raw.ms >= 0 ? { type: 'painted', ms: raw.ms } : undefined;
    case 'range':
      return only('days') && RANGES.includes(raw.days as RangeDays) ? { type: 'range', days: raw.days as RangeDays } : undefined;
    case 'action':
      return only('action') && (raw.action === 'purchase' || raw.action === 'redeem') ? { type: 'action', action: raw.action } : undefined;
    case 'loan':
      return only('action') && (raw.action === 'borrow' || raw.action === 'repay') ? { type: 'loan', action: raw.action } : undefined;
    case 'ccy':
      return only('ccy') && typeof raw.ccy === 'string' && CCY.test(raw.ccy) ? { type: 'ccy', ccy: raw.ccy } : undefined;
    case 'compare':
      return only('id') && typeof raw.id === 'string' && COMPARE_ID.test(raw.id) ? { type: 'compare', id: raw.id } : undefined;
    case 'amount':
      return only('amount') && typeof raw.amount === 'string' && raw.amount.length <= MAX_AMOUNT_TEXT ? { type: 'amount', amount: raw.amount } : undefined;
    case 'collateral': {
      if (!only('action', 'ccy') || (raw.action !== 'add' && raw.action !== 'reduce')) return undefined;
      const ccy = raw.ccy;
      if (ccy !== undefined && (typeof ccy !== 'string' || !CCY.test(ccy))) return undefined;
      return ccy === undefined ? { type: 'collateral', action: raw.action } : { type: 'collateral', action: raw.action, ccy };
    }
    default:
      return undefined;
  }
}
