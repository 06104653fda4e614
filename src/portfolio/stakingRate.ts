/**
 * OKX's ETH/SOL product-info `rate` ("Latest BETH/OKSOL APY") has no documented unit, and its examples
 * ("2.23", "5.57") read as percent while apy-history gives fractions ("0.0269"). Rather than assume, the unit is
 * settled against the latest apy-history value: whichever reading (a fraction, or percent) lies closer to it,
 * by ratio. Without an apy-history value to compare with, the rate is not used at all. No `vscode` import.
 */
import * as D from '../decimal';

/** How far apart two positive rates are, as a ratio of at least 1. */
function spread(a: string, b: string): string {
  const ratio = D.div(a, b, 12);
  return D.gte(ratio, '1') ? ratio : D.div('1', ratio, 12);
}

/** `rate` as a fraction ("0.0223"), or undefined when it is missing, not a number, or cannot be placed. */
export function stakingRateFraction(rate: string | undefined, latestApyFraction: string | undefined): string | undefined {
  if (rate === undefined || !D.isPlainDecimal(rate) || !D.isPositive(rate)) return undefined;
  if (latestApyFraction === undefined || !D.isPlainDecimal(latestApyFraction) || !D.isPositive(latestApyFraction)) return undefined;
  const asFraction = rate;
  const asPercent = D.div(rate, '100', 12);
  return D.lte(spread(asPercent, latestApyFraction), spread(asFraction, latestApyFraction)) ? D.trim(asPercent) : D.trim(asFraction);
}
