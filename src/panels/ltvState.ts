/** What the LTV panel shows: the loan from the portfolio, plus OKX's limits and prices fetched for it. */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { LoanInfo } from '../okx/types';
import { ltvLevel } from '../portfolio/risk';
import { amount, percent, time, usd, withCcy } from '../views/nodes';
import type { CollateralRow, LtvState, Row } from './protocol';

export interface LtvExtras {
  /** USD per unit, where the funding account's valuation tells it. */
  readonly prices: ReadonlyMap<string, string>;
  readonly maxRedeem: ReadonlyMap<string, string>;
  readonly maxLoans: readonly Row[];
  readonly interest: readonly Row[];
  readonly error: string | undefined;
}

/** Fetches the limits and prices the panel shows beside the loan (each a separate endpoint and rate bucket). */
export async function loadLtvExtras(client: OkxClient, loan: LoanInfo): Promise<LtvExtras> {
  const prices = new Map<string, string>();
  const maxRedeem = new Map<string, string>();
  let error: string | undefined;
  const note = (e: unknown): void => {
    error ??= errorText(e);
  };
  const [assets, redeem, borrowable, interest] = await Promise.all([
    client.loan.collateralAssets().catch((e: unknown) => (note(e), [])),
    Promise.all(loan.collateralData.map((c) => client.loan.maxCollateralRedeem({ ccy: c.ccy }).catch((e: unknown) => (note(e), [])))),
    client.loan.borrowCurrencies().catch((e: unknown) => (note(e), [])),
    client.loan.interestAccrued({ limit: '10' }).next().catch((e: unknown) => (note(e), [])),
  ]);
  for (const asset of assets[0]?.assets ?? []) {
    if (D.isPlainDecimal(asset.amt) && D.isPositive(asset.amt)) prices.set(asset.ccy, D.div(asset.notionalUsd, asset.amt, 8));
  }
  // With a single collateral, its price follows from the loan itself.
  const [only] = loan.collateralData;
  if (loan.collateralData.length === 1 && only !== undefined && !prices.has(only.ccy) && D.isPositive(only.amt)) {
    prices.set(only.ccy, D.div(loan.collateralNotionalUsd, only.amt, 8));
  }
  for (const [max] of redeem) if (max !== undefined) maxRedeem.set(max.ccy, max.maxRedeemAmt);
  const maxLoans = await Promise.all(
    borrowable.map(async ({ borrowCcy }): Promise<Row> => {
      try {
        const [max] = await client.loan.maxLoan({ borrowCcy });
        return [borrowCcy, max === undefined ? '' : `${withCcy(max.maxLoan, borrowCcy)} (${usd(max.notionalUsd)})`];
      } catch (e) {
        note(e);
        return [borrowCcy, ''];
      }
    }),
  );
  return {
    prices,
    maxRedeem,
    maxLoans,
    interest: interest.map((r): Row => [time(r.ts), `${withCcy(r.interest, r.ccy)} · ${vscode.l10n.t('on {0} at {1}', withCcy(r.loan, r.ccy), percent(r.interestRate))}`]),
    error,
  };
}

export function buildLtvState(loan: LoanInfo | undefined, extras: LtvExtras | undefined, warnDistance: string, error: Error | undefined): LtvState {
  const updated = time(String(Date.now()));
  if (loan === undefined) {
    return {
      kind: 'ltv', title: vscode.l10n.t('Loan LTV'), curLTV: '0', marginCallLTV: '0', liqLTV: '0', warnDistance, level: 'safe', loanUsd: '0', collateralUsd: '0',
      loans: [], collateral: [], liquidationPrice: undefined, maxLoans: [], interest: [], updated, error: error === undefined ? undefined : errorText(error),
    };
  }
  const collateral: CollateralRow[] = loan.collateralData.map((c) => {
    const price = extras?.prices.get(c.ccy);
    return { ccy: c.ccy, amt: c.amt, amtText: amount(c.amt), usd: price === undefined ? undefined : usd(D.mul(c.amt, price)), price, maxRedeem: extras?.maxRedeem.get(c.ccy) };
  });
  return {
    kind: 'ltv',
    title: vscode.l10n.t('{0} loan', loan.loanData.map((l) => l.ccy).join('+')),
    curLTV: loan.curLTV,
    marginCallLTV: loan.marginCallLTV,
    liqLTV: loan.liqLTV,
    warnDistance,
    level: ltvLevel(loan, warnDistance),
    loanUsd: loan.loanNotionalUsd,
    collateralUsd: loan.collateralNotionalUsd,
    loans: loan.loanData.map((l): Row => [l.ccy, withCcy(l.amt, l.ccy)]),
    collateral,
    liquidationPrice: loan.riskWarningData.liqPx === '' ? undefined : `${amount(loan.riskWarningData.liqPx)} (${loan.riskWarningData.instId})`,
    maxLoans: extras?.maxLoans ?? [],
    interest: extras?.interest ?? [],
    updated,
    error: error !== undefined ? errorText(error) : extras?.error,
  };
}
