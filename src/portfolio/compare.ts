/**
 * Every Earn product that takes a currency, ranked by its current rate: what the Compare panel, the idle-money
 * rows and the "compare" chat tool show. Each option says WHICH rate it is (a savings lending rate is not an
 * on-chain estimate nor a Dual Investment yield), and carries what its rows need (term, minimum, how money comes
 * back, what can be lost) as OKX gave it. Rates are compared as decimal text. No `vscode` import.
 */
import * as D from '../decimal';
import type * as T from '../okx/types';
import type { AreaData, AreaId } from './portfolio';
import { offerBuyableNow } from './offers';

/** Which rate a figure is. */
export type RateKind =
  /** Simple Earn savings: the lending rate savers earned in the last hour (OKX's `lendingRate`). */
  | 'lendingRate'
  /** On-chain earn: OKX's estimated APY of the offer. */
  | 'estimatedApy'
  /** ETH/SOL staking: today's APY (OKX's APY history). */
  | 'stakingApy'
  /** OKUSD: the latest daily APR. */
  | 'okusdApr'
  /** Dual Investment: the annualised yield of the best product on offer, paid if the strike is not reached. */
  | 'dualYield';

interface OptionBase {
  /** Unique within a currency's options: `savings`, `onchain:4005`, `eth`, `sol`, `okusd`, `dual:BTC-USDT:P`. */
  readonly id: string;
  /** The currency compared (what is put in). */
  readonly ccy: string;
  /** The rate as a fraction ("0.0378"), or undefined when OKX gave none now. */
  readonly rate: string | undefined;
  readonly rateKind: RateKind;
  /** The least that can be put in, in `ccy`, where OKX states one. */
  readonly min: string | undefined;
  /** Whether it can be subscribed now (an on-chain offer sold out or without room cannot). */
  readonly buyable: boolean;
}

export type CompareOption =
  | (OptionBase & { readonly product: 'savings' })
  | (OptionBase & { readonly product: 'onchain'; readonly offer: T.Offer })
  | (OptionBase & { readonly product: 'eth' | 'sol'; readonly redemptDays: string | undefined; readonly token: string })
  | (OptionBase & { readonly product: 'okusd'; readonly limits: T.OkusdLimits | undefined })
  | (OptionBase & {
      readonly product: 'dual';
      readonly pair: T.DualCurrencyPair;
      /** The product whose yield is the rate (the highest on offer), when the pair's products were read. */
      readonly best: T.DualProduct | undefined;
      /** How many products are open for the pair, and when the soonest and latest expire (ms text). */
      readonly open: number;
      readonly firstExpiry: string | undefined;
      readonly lastExpiry: string | undefined;
    });

export type CompareProduct = CompareOption['product'];

/** What the ranking is built from: the portfolio's areas as loaded (an area not loaded is left out). */
export interface CompareInput {
  readonly market?: AreaData['market'] | undefined;
  readonly offers?: AreaData['offers'] | undefined;
  readonly eth?: AreaData['eth'] | undefined;
  readonly sol?: AreaData['sol'] | undefined;
  readonly okusd?: AreaData['okusd'] | undefined;
  readonly dualPairs?: AreaData['dualPairs'] | undefined;
  /** The products on offer per pair and direction (`dualPairKey`), as read; a pair missing here was not read. */
  readonly dualProducts?: ReadonlyMap<string, readonly T.DualProduct[]> | undefined;
  /** Now, in ms: a Dual Investment product whose trading has ended does not count. */
  readonly now: number;
}

/** The areas the ranking is built from. */
export const COMPARE_AREAS: readonly AreaId[] = ['market', 'offers', 'eth', 'sol', 'okusd', 'dualPairs'];

/** OKUSD is bought with USDT only, at least 1 USDT (OKX's subscribe endpoint). */
export const OKUSD_CCY = 'USDT';
export const OKUSD_MIN = '1';

/** `BTC-USDT:P`: a pair in one direction. */
export function dualPairKey(pair: Pick<T.DualCurrencyPair, 'baseCcy' | 'quoteCcy' | 'optType'>): string {
  return `${pair.baseCcy}-${pair.quoteCcy}:${pair.optType}`;
}

/** The currency a Dual Investment pair takes in: the base currency for a call ("sell high"), the quote for a put. */
export function dualInvestedCcy(pair: Pick<T.DualCurrencyPair, 'baseCcy' | 'quoteCcy' | 'optType'>): string | undefined {
  return pair.optType === 'C' ? pair.baseCcy : pair.optType === 'P' ? pair.quoteCcy : undefined;
}

const rateOf = (value: string | undefined): string | undefined => (value !== undefined && D.isPlainDecimal(value) && !D.lt(value, '0') ? value : undefined);

/** The pairs that take `ccy` in. */
export function dualPairsFor(ccy: string, input: Pick<CompareInput, 'dualPairs'>): T.DualCurrencyPair[] {
  return (input.dualPairs?.pairs ?? []).filter((p) => dualInvestedCcy(p) === ccy);
}

/** Every product that takes `ccy`, unsorted. */
function optionsOf(ccy: string, input: CompareInput): CompareOption[] {
  const options: CompareOption[] = [];
  const market = input.market;
  const savingsCcys = new Set([...(market?.lendingRates ?? []).map((r) => r.ccy), ...(market?.latestRates ?? []).map((r) => r.ccy)]);
  if (savingsCcys.has(ccy)) {
    const latest = market?.latestRates.find((r) => r.ccy === ccy);
    options.push({ product: 'savings', id: 'savings', ccy, rate: rateOf(latest?.lendingRate === '' ? undefined : latest?.lendingRate), rateKind: 'lendingRate', min: undefined, buyable: true });
  }
  for (const offer of input.offers?.offers ?? []) {
    const invest = offer.investData.find((i) => i.ccy === ccy);
    // An offer taking several currencies is compared under the one it is named by.
    if (offer.ccy !== ccy || invest === undefined) continue;
    options.push({ product: 'onchain', id: `onchain:${offer.productId}`, ccy, rate: rateOf(offer.apy), rateKind: 'estimatedApy', min: rateOf(invest.minAmt), buyable: offerBuyableNow(offer), offer });
  }
  if (ccy === 'ETH' && market !== undefined) {
    const product = input.eth?.product;
    options.push({ product: 'eth', id: 'eth', ccy, rate: rateOf(market.ethApy?.rate), rateKind: 'stakingApy', min: rateOf(product?.minAmt), buyable: true, redemptDays: product?.redemptDays || undefined, token: 'BETH' });
  }
  if (ccy === 'SOL' && market !== undefined) {
    const product = input.sol?.product;
    options.push({ product: 'sol', id: 'sol', ccy, rate: rateOf(market.solApy?.rate), rateKind: 'stakingApy', min: rateOf(product?.minAmt), buyable: true, redemptDays: product?.redemptDays || undefined, token: 'OKSOL' });
  }
  if (ccy === OKUSD_CCY && input.okusd !== undefined) {
    const limits = input.okusd.limits;
    const left = limits?.subLimit.maxSubAmt;
    const room = left === undefined || !D.isPlainDecimal(left) || D.gte(left, OKUSD_MIN);
    options.push({ product: 'okusd', id: 'okusd', ccy, rate: rateOf(input.okusd.apr?.apr), rateKind: 'okusdApr', min: OKUSD_MIN, buyable: room, limits });
  }
  for (const pair of dualPairsFor(ccy, input)) {
    const read = input.dualProducts?.get(dualPairKey(pair));
    const open = (read ?? []).filter((p) => !(Number(p.tradeEndTime) <= input.now) && rateOf(p.annualizedYield) !== undefined);
    const best = open.reduce<T.DualProduct | undefined>((a, p) => (a === undefined || D.gt(p.annualizedYield, a.annualizedYield) ? p : a), undefined);
    const expiries = open.map((p) => p.expTime).filter((t) => /^\d+$/.test(t)).sort((a, b) => Number(a) - Number(b));
    options.push({
      product: 'dual', id: `dual:${dualPairKey(pair)}`, ccy, rate: best?.annualizedYield, rateKind: 'dualYield', min: rateOf(best?.minSize),
      // Not read yet: offered (the flow lists what is open); read and nothing open: not now.
      buyable: read === undefined || open.length > 0,
      pair, best, open: open.length, firstExpiry: expiries[0], lastExpiry: expiries.at(-1),
    });
  }
  return options;
}

/** The order products of one rate are listed in: those whose principal stays in the currency first. */
const PRODUCT_ORDER: readonly CompareProduct[] = ['savings', 'okusd', 'eth', 'sol', 'onchain', 'dual'];

/**
 * Every product that takes `ccy`, the highest rate first: buyable before not buyable now, a known rate before an
 * unknown one, then by rate (decimal text), then by product, then by id.
 */
export function rankOptions(ccy: string, input: CompareInput): CompareOption[] {
  return optionsOf(ccy, input).sort(
    (a, b) =>
      Number(b.buyable) - Number(a.buyable) ||
      Number(b.rate !== undefined) - Number(a.rate !== undefined) ||
      (a.rate !== undefined && b.rate !== undefined ? D.cmp(b.rate, a.rate) : 0) ||
      PRODUCT_ORDER.indexOf(a.product) - PRODUCT_ORDER.indexOf(b.product) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The best option for money that should stay in its currency: the highest known rate among buyable products,
 * Dual Investment left out (it may pay back in the other currency of its pair, at the strike).
 */
export function bestKeepingCurrency(options: readonly CompareOption[]): CompareOption | undefined {
  return options.find((o) => o.buyable && o.rate !== undefined && o.product !== 'dual');
}

/** Every currency some product takes: savings currencies, on-chain offers, ETH, SOL, USDT (OKUSD), Dual pairs. Sorted. */
export function comparableCcys(input: CompareInput): string[] {
  const all = new Set<string>();
  for (const r of input.market?.lendingRates ?? []) all.add(r.ccy);
  for (const r of input.market?.latestRates ?? []) all.add(r.ccy);
  for (const o of input.offers?.offers ?? []) all.add(o.ccy);
  if (input.market !== undefined) {
    all.add('ETH');
    all.add('SOL');
  }
  if (input.okusd !== undefined) all.add(OKUSD_CCY);
  for (const p of input.dualPairs?.pairs ?? []) {
    const ccy = dualInvestedCcy(p);
    if (ccy !== undefined) all.add(ccy);
  }
  return [...all].filter((c) => c !== '').sort();
}

/** The currencies of the picker: those held first (in the order given), then every other one a product takes. */
export function pickerCcys(held: readonly string[], input: CompareInput): { held: string[]; others: string[] } {
  const offered = comparableCcys(input);
  const heldOnce = [...new Set(held)].filter((c) => offered.includes(c));
  return { held: heldOnce, others: offered.filter((c) => !heldOnce.includes(c)) };
}
