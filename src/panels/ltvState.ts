/**
 * What the LTV panel shows: one loan order from the portfolio, plus OKX's limits for that order (asked for with
 * its `ordId`) and USD prices from OKX's index tickers.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { LoanInfo } from '../okx/types';
import { usdPrices } from '../portfolio/prices';
import { formatCcyAmount, formatFixed, numberSymbols } from '../portfolio/format';
import { figureRow, shownFigures } from './figures';
import { priceAtLtv, priceDecimals, type PriceAtLevel, type WhatIfOrder } from '../portfolio/ltvWhatIf';
import { ltvLevel, orderParam } from '../portfolio/risk';
import { calibratedOrder, liveSentence, withLiveLtv } from '../views/liveFigures';
import { loanName } from '../views/loanLabels';
import { amount, percent, time, usd, withCcy } from '../views/nodes';
import type { CollateralPriceRow, CollateralRow, LtvState, Row } from './protocol';

export interface LtvExtras {
  /** USD per unit, from OKX's index prices (or, failing that, from the order itself). */
  readonly prices: ReadonlyMap<string, string>;
  readonly maxRedeem: ReadonlyMap<string, string>;
  readonly maxLoans: readonly Row[];
  readonly interest: readonly Row[];
  readonly error: string | undefined;
}

/** How much more the order could borrow, in words: the amount, or plainly that nothing more can be borrowed now. */
function maxLoanText(max: { maxLoan: string; notionalUsd: string; remainingQuota: string } | undefined, ccy: string): string {
  if (max === undefined) return '';
  if (!D.isPlainDecimal(max.maxLoan) || !D.isPositive(max.maxLoan)) {
    return D.isPlainDecimal(max.remainingQuota) && !D.isPositive(max.remainingQuota)
      ? vscode.l10n.t("Nothing more: OKX's quota for {0} is used up.", ccy)
      : vscode.l10n.t('Nothing more for now: the order is at the most OKX lends against its collateral. Add collateral to borrow more.');
  }
  return `${shownFigures.amount(max.maxLoan, ccy)} (${usd(max.notionalUsd)})`;
}

/** Fetches the order's limits and the prices the panel shows beside it (each a separate endpoint and rate bucket). */
export async function loadLtvExtras(client: OkxClient, loan: LoanInfo): Promise<LtvExtras> {
  const prices = new Map<string, string>();
  const maxRedeem = new Map<string, string>();
  let error: string | undefined;
  const note = (e: unknown): void => {
    error ??= errorText(e);
  };
  const order = orderParam(loan);
  const [index, redeem, maxLoans, interest] = await Promise.all([
    usdPrices(client).catch((e: unknown) => (note(e), new Map<string, string>())),
    Promise.all(loan.collateralData.map((c) => client.loan.maxCollateralRedeem({ ccy: c.ccy, ...order }).catch((e: unknown) => (note(e), [])))),
    Promise.all(
      loan.loanData.map(async ({ ccy }): Promise<Row> => {
        try {
          const [max] = await client.loan.maxLoan({ borrowCcy: ccy, ...order });
          return [ccy, maxLoanText(max, ccy)];
        } catch (e) {
          note(e);
          return [ccy, ''];
        }
      }),
    ),
    client.loan.interestAccrued({ limit: '10', ...order }).next().catch((e: unknown) => (note(e), [])),
  ]);
  for (const [ccy, price] of index) prices.set(ccy, price);
  // With a single collateral and no index price for it, its price follows from the order itself.
  const [only] = loan.collateralData;
  if (loan.collateralData.length === 1 && only !== undefined && !prices.has(only.ccy) && D.isPositive(only.amt)) {
    prices.set(only.ccy, D.div(loan.collateralNotionalUsd, only.amt, 8));
  }
  for (const [max] of redeem) if (max !== undefined) maxRedeem.set(max.ccy, max.maxRedeemAmt);
  return {
    prices,
    maxRedeem,
    maxLoans,
    interest: interest.map((r): Row => figureRow(time(r.ts), (f) => `${f.amount(r.interest, r.ccy)} · ${vscode.l10n.t('on {0} at {1}', f.amount(r.loan, r.ccy), percent(r.interestRate))}`)),
    error,
  };
}

/** A figure with exactly `dp` places (rounded down), grouped in the editor's language. */
const fixed = (value: string, dp: number): string => formatFixed(value, dp, numberSymbols(vscode.env.language));

/** One computed price, in words (`dp` places): where, how far below today's, or that it is already reached or out of reach. */
function priceText(at: PriceAtLevel, ccy: string, dp: number): string {
  switch (at.kind) {
    case 'price': return vscode.l10n.t('{0} USD ({1}% below now)', fixed(at.price, dp), fixed(at.dropPercent, 2));
    case 'already': return vscode.l10n.t('{0} USD or below: reached now', fixed(at.price, dp));
    case 'none': return vscode.l10n.t('no price of {0} alone reaches it', ccy);
  }
}

/** OKX's liquidation price, in USD, against today's price: how far below it is, or that it is reached. */
function okxPriceAt(usdPrice: string, now: string, dp: number): PriceAtLevel {
  const at = D.roundDown(usdPrice, dp);
  if (D.gte(at, now)) return { kind: 'already', price: at };
  return { kind: 'price', price: at, dropPercent: D.roundDown(D.mul(D.sub('1', D.div(at, now, 30)), '100'), 2) };
}

/**
 * For each collateral with a price: the price at which the order reaches margin call and liquidation, the other
 * collateral and the loan unchanged. OKX's own liquidation price is used where it gives one (an order with one
 * collateral: riskWarningData names the pair); the rest are computed from the order's figures.
 */
export function collateralPrices(loan: LoanInfo, prices: ReadonlyMap<string, string>, calibrated?: Pick<WhatIfOrder, 'loanUsd' | 'collateralUsd'>): CollateralPriceRow[] {
  const rows: CollateralPriceRow[] = [];
  const okx = loan.riskWarningData;
  for (const c of loan.collateralData) {
    const price = prices.get(c.ccy);
    if (price === undefined || !D.isPlainDecimal(price) || !D.isPositive(price) || !D.isPlainDecimal(c.amt) || !D.isPositive(c.amt)) continue;
    const dp = priceDecimals(price);
    const order = calibrated ?? { loanUsd: loan.loanNotionalUsd, collateralUsd: loan.collateralNotionalUsd };
    const [base, quote] = okx.instId.split('-');
    const fromOkx = loan.collateralData.length === 1 && okx.liqPx !== '' && D.isPlainDecimal(okx.liqPx) && base === c.ccy && quote !== undefined;
    // One unit in the table: OKX's liquidation price is in the pair's quote currency (BTC-USDC: USDC), so it is
    // shown in USD at that currency's index price; without one, the computed USD price stands in for it.
    const quotePrice = fromOkx && quote !== undefined ? prices.get(quote) : undefined;
    const okxUsd = quotePrice !== undefined && D.isPlainDecimal(quotePrice) && D.isPositive(quotePrice) ? D.mul(okx.liqPx, quotePrice) : undefined;
    const liquidation = okxUsd === undefined ? priceAtLtv(order, c.amt, price, loan.liqLTV, dp) : okxPriceAt(okxUsd, price, dp);
    rows.push({
      ccy: c.ccy,
      now: `${fixed(price, dp)} USD`,
      marginCall: priceText(priceAtLtv(order, c.amt, price, loan.marginCallLTV, dp), c.ccy, dp),
      liquidation: priceText(liquidation, c.ccy, dp),
      liquidationFromOkx: okxUsd !== undefined,
      liquidationTitle: okxUsd === undefined ? '' : vscode.l10n.t("OKX's liquidation price: {0} {1} ({2}), at {3} USD per {1}", amount(okx.liqPx), quote ?? '', okx.instId, amount(quotePrice ?? '')),
    });
  }
  return rows;
}

export function buildLtvState(loan: LoanInfo | undefined, all: readonly LoanInfo[], extras: LtvExtras | undefined, warnDistance: string, error: Error | undefined): LtvState {
  const updated = time(String(Date.now()));
  if (loan === undefined) {
    return {
      kind: 'ltv', title: vscode.l10n.t('Loan LTV'), ordId: undefined, curLTV: '0', live: '', marginCallLTV: '0', liqLTV: '0', warnDistance, level: 'safe', loanUsd: '0',
      collateralUsd: '0', loans: [], collateral: [], liquidationPrice: undefined, collateralPrices: [], collateralPricesNote: '', maxLoans: [], interest: [], updated,
      error: error === undefined ? undefined : errorText(error),
    };
  }
  const collateral: CollateralRow[] = loan.collateralData.map((c) => {
    const price = extras?.prices.get(c.ccy);
    const maxRedeem = extras?.maxRedeem.get(c.ccy);
    return {
      ccy: c.ccy, amt: c.amt, amtText: formatCcyAmount(c.amt, c.ccy, numberSymbols(vscode.env.language)), amtTitle: withCcy(c.amt, c.ccy),
      usd: price === undefined ? undefined : usd(D.mul(c.amt, price)), price, maxRedeem,
      maxRedeemText: maxRedeem === undefined || !D.isPlainDecimal(maxRedeem) ? maxRedeem : formatCcyAmount(maxRedeem, c.ccy, numberSymbols(vscode.env.language)),
    };
  });
  // From the calibrated figures (OKX's LTV, or the live estimate between polls), not OKX's notionals alone.
  const calibrated = calibratedOrder(loan);
  const [shown = loan] = withLiveLtv([loan]);
  const prices = extras === undefined ? [] : collateralPrices(loan, extras.prices, calibrated);
  return {
    kind: 'ltv',
    title: loanName(loan, all),
    ordId: loan.ordId === '' ? undefined : loan.ordId,
    curLTV: shown.curLTV,
    live: liveSentence(loan) ?? '',
    marginCallLTV: loan.marginCallLTV,
    liqLTV: loan.liqLTV,
    warnDistance,
    level: ltvLevel(shown, warnDistance),
    loanUsd: calibrated?.loanUsd ?? loan.loanNotionalUsd,
    collateralUsd: calibrated?.collateralUsd ?? loan.collateralNotionalUsd,
    loans: loan.loanData.map((l): Row => figureRow(l.ccy, (f) => f.amount(l.amt, l.ccy))),
    collateral,
    liquidationPrice: loan.riskWarningData.liqPx === '' ? undefined : `${shownFigures.price(loan.riskWarningData.liqPx, loan.riskWarningData.instId.split('-')[1] ?? '').trim()} (${loan.riskWarningData.instId})`,
    collateralPrices: prices,
    collateralPricesNote: prices.length === 0 ? '' : prices.some((p) => p.liquidationFromOkx)
      ? vscode.l10n.t("Each price moves that collateral alone; the loan and any other collateral stay as they are. All prices are in USD. The margin-call price is computed from the order's figures; the liquidation price is OKX's, converted to USD at its currency's index price (OKX's own figure is in the tooltip).")
      : vscode.l10n.t("Each price moves that collateral alone; the loan and the other collateral stay as they are. All prices are in USD, computed from the order's figures: OKX gives a liquidation price only for an order with one collateral."),
    maxLoans: extras?.maxLoans ?? [],
    interest: extras?.interest ?? [],
    updated,
    error: error !== undefined ? errorText(error) : extras?.error,
  };
}
