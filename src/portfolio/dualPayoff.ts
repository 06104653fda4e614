/**
 * What a Dual Investment order pays at expiry, either way, in amounts: OKX's rule as its product pages state it.
 * A call ("sell high") invests the base currency and pays principal + yield converted at the strike into the
 * quote currency when the index at expiry is at or above the strike, else in the base currency. A put ("buy
 * low") invests the quote currency and pays principal + yield converted at the strike into the base currency
 * when the index is at or below the strike, else in the quote currency. Exact decimals, rounded down to 8
 * places (what a payout can be). No `vscode` import.
 */
import * as D from '../decimal';

/** The figures an order, a product with an amount, or a quote gives. */
export interface DualTerms {
  readonly baseCcy: string;
  readonly quoteCcy: string;
  readonly strike: string;
  /** The principal, in `notionalCcy`. */
  readonly notionalSz: string;
  readonly notionalCcy: string;
  /** The yield over the whole term, as a fraction of the principal. */
  readonly absYield: string;
}

export interface DualAmount {
  readonly ccy: string;
  readonly amt: string;
}

export interface DualOutcomes {
  /** `sellHigh`: the base currency is invested (a call); `buyLow`: the quote currency (a put). */
  readonly direction: 'sellHigh' | 'buyLow';
  /** Principal + yield, in the invested currency. */
  readonly total: DualAmount;
  readonly yield: DualAmount;
  /** Paid when the index at expiry is above the strike (and, for sell high, at it). */
  readonly above: DualAmount;
  /** Paid when the index at expiry is below the strike (and, for buy low, at it). */
  readonly below: DualAmount;
  /** Which side the strike itself belongs to. */
  readonly atStrike: 'above' | 'below';
}

const DP = 8;

/** The two outcomes, or undefined when the figures are not plain decimals or the currencies do not match. */
export function dualOutcomes(terms: DualTerms): DualOutcomes | undefined {
  const { baseCcy, quoteCcy, strike, notionalSz, notionalCcy, absYield } = terms;
  if (![strike, notionalSz, absYield].every(D.isPlainDecimal) || !D.isPositive(strike)) return undefined;
  const yieldAmt = D.roundDown(D.mul(notionalSz, absYield), DP);
  const total = D.add(notionalSz, yieldAmt);
  if (notionalCcy === baseCcy) {
    return {
      direction: 'sellHigh',
      total: { ccy: baseCcy, amt: total },
      yield: { ccy: baseCcy, amt: yieldAmt },
      above: { ccy: quoteCcy, amt: D.roundDown(D.mul(total, strike), DP) },
      below: { ccy: baseCcy, amt: total },
      atStrike: 'above',
    };
  }
  if (notionalCcy === quoteCcy) {
    return {
      direction: 'buyLow',
      total: { ccy: quoteCcy, amt: total },
      yield: { ccy: quoteCcy, amt: yieldAmt },
      above: { ccy: quoteCcy, amt: total },
      below: { ccy: baseCcy, amt: D.roundDown(D.div(total, strike, 18), DP) },
      atStrike: 'below',
    };
  }
  return undefined;
}

/** `C`/`P` from a product id such as `BTC-USDT-260105-95500-C`, where an order carries no option type. */
export function optTypeOfProductId(productId: string): 'C' | 'P' | undefined {
  const last = productId.split('-').pop();
  return last === 'C' || last === 'P' ? last : undefined;
}
