/**
 * What a simulated Dual Investment product pays a year: a share of the premium of the option the investor in
 * effect sells (Black–Scholes at zero rates, a volatility per currency). So, as on OKX, the yield depends on how
 * far the strike is from the index *for the time left*: a strike 2 % away pays more over one day than over a
 * week (it is likelier to be struck, per day), one 10 % away pays almost nothing tomorrow but something over a
 * week. A generated rate, not an amount anybody sends: computed in floating point, given to 4 places.
 */

/** Annual volatility of the underlying (BTC and ETH as they trade; other currencies as ETH). */
const VOLATILITY: Readonly<Record<string, number>> = { BTC: 0.5, ETH: 0.65 };
/** The part of the premium the investor receives; the rest is the platform's. */
const INVESTOR_SHARE = 0.4;
/** What a product pays however far its strike (OKX lists none below 1 %), and at most. */
const FLOOR = 0.01;
const CAP = 0.95;
const YEAR_MS = 365 * 86_400_000;

/** The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * The annualised yield, as a fraction to 4 places, of a product whose strike is `away` (a fraction of the index,
 * on the side that can be struck: above it for a call, below for a put) from the index, `msLeft` before expiry.
 */
export function dualAnnualYield(baseCcy: string, away: number, msLeft: number): string {
  const years = Math.max(msLeft, 3_600_000) / YEAR_MS;
  if (away <= 0) return FLOOR.toFixed(4);
  const spread = (VOLATILITY[baseCcy] ?? 0.65) * Math.sqrt(years);
  const z = away / spread;
  const density = Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
  const premium = spread * (density - z * (1 - normalCdf(z)));
  return Math.min(CAP, Math.max(FLOOR, (premium / years) * INVESTOR_SHARE)).toFixed(4);
}
