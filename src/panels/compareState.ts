/**
 * What the Compare panel shows for one currency: every product that takes it (../portfolio/compare's ranking),
 * each row in words: the rate and which rate it is, term and lock-up, how the money comes back, the minimum,
 * what can be lost, and its button. The "compare" chat tool writes the same rows as text.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type * as T from '../okx/types';
import { COMPARE_AREAS, rankOptions, pickerCcys, type CompareInput, type CompareOption, type RateKind } from '../portfolio/compare';
import type { Portfolio } from '../portfolio/portfolio';
import { feeRate, percent, time } from '../views/nodes';
import { daysText } from '../views/stakingView';
import { offerStateText, redeemPeriodText } from '../views/productsView';
import { dualDirectionLabel } from '../views/dualLabels';
import { shownFigures } from './figures';
import type { CompareRow, CompareState } from './protocol';

const DAY_MS = 86_400_000;

/** Which rate a figure is, in words. */
export function rateKindText(kind: RateKind): string {
  switch (kind) {
    case 'lendingRate': return vscode.l10n.t('lending rate savers earned in the last hour');
    case 'estimatedApy': return vscode.l10n.t("OKX's estimated APY");
    case 'stakingApy': return vscode.l10n.t('staking APY today');
    case 'okusdApr': return vscode.l10n.t('latest daily APR');
    case 'dualYield': return vscode.l10n.t('annualised yield of the best product on offer, if the strike is not reached');
  }
}

/** The product's name in a row: "Simple Earn savings", "On-chain earn · Aave V3", "Dual Investment · BTC/USDT · Buy low". */
export function optionName(option: CompareOption): string {
  switch (option.product) {
    case 'savings': return vscode.l10n.t('Simple Earn savings');
    case 'onchain': return vscode.l10n.t('On-chain earn · {0}', option.offer.protocol);
    case 'eth': return vscode.l10n.t('ETH staking (BETH)');
    case 'sol': return vscode.l10n.t('SOL staking (OKSOL)');
    case 'okusd': return vscode.l10n.t('OKUSD');
    case 'dual': return vscode.l10n.t('Dual Investment · {0}/{1} · {2}', option.pair.baseCcy, option.pair.quoteCcy, dualDirectionLabel(option.pair));
  }
}

const amount = (value: string, ccy: string): string => shownFigures.amount(value, ccy);
const FLEXIBLE = (): string => vscode.l10n.t('Flexible: no lock-up');

/** One option as a row of the panel. `loading`: the pair's products are being read (Dual Investment). */
export function compareRow(option: CompareOption, now: number, loading = false): CompareRow {
  const rate = option.rate !== undefined ? percent(option.rate) : loading ? vscode.l10n.t('reading…') : vscode.l10n.t('none given now');
  const base = { id: option.id, product: optionName(option), rate, rateKind: rateKindText(option.rateKind) };
  const min = (text: string | undefined): string => (option.min === undefined ? (text ?? vscode.l10n.t('none stated by OKX')) : amount(option.min, option.ccy));
  switch (option.product) {
    case 'savings':
      return {
        ...base, term: FLEXIBLE(),
        payback: vscode.l10n.t('Redeem any time, back to the funding account; interest is paid hourly'),
        min: min(undefined),
        risk: vscode.l10n.t('The rate changes every hour with borrowing demand; only what is lent earns, and only at or above your minimum lending rate'),
        action: vscode.l10n.t('Subscribe…'), note: '',
      };
    case 'onchain': {
      const o = option.offer;
      const fixed = o.term !== '0' && o.term !== '';
      const until = fixed && /^\d+$/.test(o.term) ? time(String(now + Number(o.term) * DAY_MS)) : '';
      const period = redeemPeriodText(o.redeemPeriod);
      const earns = o.earningData.map((e) => e.ccy).filter((c) => c !== option.ccy);
      return {
        ...base,
        term: fixed ? vscode.l10n.t('{0}, locked until about {1}', daysText(o.term), until) : FLEXIBLE(),
        payback: (fixed
          ? (o.earlyRedeem ? vscode.l10n.t('At the end of the term (early redemption allowed); it arrives {0} after redeeming', period) : vscode.l10n.t('At the end of the term; it arrives {0} after', period))
          : vscode.l10n.t('Redeem any time; it arrives {0} after redeeming', period)) + (earns.length === 0 ? '' : ` · ${vscode.l10n.t('part of the earnings paid in {0}', earns.join(', '))}`),
        min: min(undefined),
        risk: fixed && !o.earlyRedeem
          ? vscode.l10n.t('Locked until about {0}: it cannot be redeemed early; the APY is an estimate and the protocol ({1}) carries its own risk', until, o.protocol)
          : vscode.l10n.t('The APY is an estimate that moves; the protocol ({0}) carries its own risk', o.protocol),
        action: option.buyable ? vscode.l10n.t('Purchase…') : undefined,
        note: option.buyable ? '' : offerStateText(o),
      };
    }
    case 'eth':
    case 'sol': {
      const days = option.redemptDays === undefined ? vscode.l10n.t('the redemption period') : daysText(option.redemptDays);
      return {
        ...base,
        term: vscode.l10n.t('Flexible: no lock-up; you hold {0}, 1:1', option.token),
        payback: vscode.l10n.t('A standard redemption takes {0}; fast redemption at once, within a daily limit', days),
        min: min(undefined),
        risk: vscode.l10n.t('Rewards follow the network\'s staking yield; beyond the fast-redemption limit the money is back only after {0}', days),
        action: option.product === 'eth' ? vscode.l10n.t('Stake ETH for BETH…') : vscode.l10n.t('Stake SOL for OKSOL…'),
        note: '',
      };
    }
    case 'okusd': {
      const limits = option.limits;
      const fee = (rate: string | undefined): string => (rate === undefined || rate === '' ? '' : ` (${vscode.l10n.t('fee {0}', feeRate(rate))})`);
      const left = limits?.subLimit.maxSubAmt;
      return {
        ...base,
        term: FLEXIBLE(),
        payback: vscode.l10n.t('Fast redemption at once{0}; standard after 5 calendar days (D+5, or D+6 from 16:00 UTC+8){1}; in USDT', fee(limits?.fastRedeemLimit.feeRate), fee(limits?.stdRedeemLimit.feeRate)),
        min: left === undefined ? amount(option.min ?? '1', 'USDT') : vscode.l10n.t("{0}; {1} left of today's quota", amount(option.min ?? '1', 'USDT'), amount(left, 'USDT')),
        risk: vscode.l10n.t('Redemption fees; daily quotas limit how much can be subscribed and redeemed fast'),
        action: option.buyable ? vscode.l10n.t('Subscribe OKUSD…') : undefined,
        note: option.buyable ? '' : vscode.l10n.t("Today's quota is used up"),
      };
    }
    case 'dual':
      return dualRow(option, base, loading);
  }
}

function dualRow(option: Extract<CompareOption, { product: 'dual' }>, base: Pick<CompareRow, 'id' | 'product' | 'rate' | 'rateKind'>, loading: boolean): CompareRow {
  const { pair, best } = option;
  const sellHigh = pair.optType === 'C';
  const term =
    option.open === 0 ? (loading ? vscode.l10n.t('reading…') : vscode.l10n.t('no product open now'))
    : option.firstExpiry === option.lastExpiry ? vscode.l10n.t('Until expiry ({0}); locked', time(option.firstExpiry ?? ''))
    : vscode.l10n.t('Until expiry: {0} products, {1} to {2}; locked', String(option.open), time(option.firstExpiry ?? ''), time(option.lastExpiry ?? ''));
  const strike = (p: T.DualProduct): string => shownFigures.price(p.strike, p.quoteCcy);
  return {
    ...base,
    term,
    payback: sellHigh
      ? vscode.l10n.t('At expiry, with the yield: in {0}, or in {1} at the strike if {0} ends at or above it', pair.baseCcy, pair.quoteCcy)
      : vscode.l10n.t('At expiry, with the yield: in {0}, or in {1} at the strike if {1} ends at or below it', pair.quoteCcy, pair.baseCcy),
    min: option.min === undefined ? (loading ? vscode.l10n.t('reading…') : vscode.l10n.t('none stated by OKX')) : amount(option.min, option.ccy),
    risk: sellHigh
      ? vscode.l10n.t('Converted to {0} at the strike{1} if {2} rises to it: any rise beyond is given up', pair.quoteCcy, best === undefined ? '' : ` (${strike(best)})`, pair.baseCcy)
      : vscode.l10n.t('Converted to {0} at the strike{1} if {0} falls to it: worth less than paid if it falls further', pair.baseCcy, best === undefined ? '' : ` (${strike(best)})`),
    action: option.buyable ? vscode.l10n.t('Buy…') : undefined,
    note: option.buyable ? '' : vscode.l10n.t('No product of this pair can be bought now'),
  };
}

/** That the rates are today's, and that a button only opens the product's own flow. */
export function honestText(updatedAt: number | undefined): string {
  return vscode.l10n.t(
    "Rates as OKX gives them now ({0}): they change (savings every hour, Dual Investment with every quote) and are not promised. Each button opens that product's own flow, which asks the amount and asks you to confirm before anything is sent.",
    time(String(updatedAt ?? Date.now())),
  );
}

/** The compare input from what the portfolio holds now (an area not loaded is left out). */
export function compareInputOf(portfolio: Portfolio, now: number, dualProducts?: ReadonlyMap<string, readonly T.DualProduct[]>): CompareInput {
  const data = <K extends 'market' | 'offers' | 'eth' | 'sol' | 'okusd' | 'dualPairs'>(area: K) => {
    const state = portfolio.get(area);
    return 'data' in state ? state.data : undefined;
  };
  return { market: data('market'), offers: data('offers'), eth: data('eth'), sol: data('sol'), okusd: data('okusd'), dualPairs: data('dualPairs'), dualProducts, now };
}

/** The currencies the user holds, as the portfolio knows them (Earn positions and the accounts' balances). */
export function heldCcys(portfolio: Portfolio, extra: readonly string[] = []): string[] {
  const data = <K extends 'savings' | 'onchain' | 'eth' | 'sol' | 'okusd'>(area: K) => {
    const state = portfolio.get(area);
    return 'data' in state ? state.data : undefined;
  };
  const positive = (v: string | undefined): boolean => v !== undefined && D.isPlainDecimal(v) && D.isPositive(v);
  return [...new Set([
    ...extra,
    ...(data('savings')?.balances ?? []).filter((b) => positive(b.amt)).map((b) => b.ccy),
    ...(data('onchain')?.orders ?? []).map((o) => o.ccy),
    ...(positive(data('eth')?.balance?.amt) ? ['ETH'] : []),
    ...(positive(data('sol')?.balance?.amt) ? ['SOL'] : []),
    ...(positive(data('okusd')?.account?.amt) ? ['USDT'] : []),
  ])];
}

/** The Compare panel's state for `ccy`. `loadingDual`: the pairs whose products are being read now. */
export function buildCompareState(ccy: string, portfolio: Portfolio, input: CompareInput, held: readonly string[], loadingDual: ReadonlySet<string>): CompareState {
  const options = rankOptions(ccy, input);
  const failed = COMPARE_AREAS.map((a) => portfolio.get(a)).find((s) => s.status === 'error');
  const loading = options.some((o) => o.product === 'dual' && loadingDual.has(o.id));
  const updatedAt = input.market === undefined ? undefined : (() => {
    const s = portfolio.get('market');
    return 'updatedAt' in s ? s.updatedAt : undefined;
  })();
  const picker = pickerCcys(held, input);
  return {
    kind: 'compare',
    title: vscode.l10n.t('Compare: {0}', ccy),
    ccy,
    held: picker.held,
    others: picker.others,
    honest: honestText(updatedAt),
    rows: options.map((o) => compareRow(o, input.now, loadingDual.has(o.id))),
    empty: options.length === 0 ? vscode.l10n.t('No Earn product OKX offers now takes {0}.', ccy) : '',
    loading: loading ? vscode.l10n.t('Reading the Dual Investment products on offer…') : '',
    updated: time(String(Date.now())),
    error: failed?.status === 'error' ? errorText(failed.error) : undefined,
  };
}

/** The ranking as text, one product per paragraph (the "compare" chat tool). */
export function compareText(ccy: string, rows: readonly CompareRow[], honest: string): string {
  if (rows.length === 0) return vscode.l10n.t('No Earn product OKX offers now takes {0}.', ccy);
  const lines = rows.map((r, i) => [
    `${String(i + 1)}. ${r.product}: ${r.rate} (${r.rateKind})${r.note === '' ? '' : ` · ${r.note}`}`,
    `   ${vscode.l10n.t('Term and lock-up')}: ${r.term}`,
    `   ${vscode.l10n.t('How the money comes back')}: ${r.payback}`,
    `   ${vscode.l10n.t('Minimum')}: ${r.min}`,
    `   ${vscode.l10n.t('What can be lost')}: ${r.risk}`,
  ].join('\n'));
  return [vscode.l10n.t('Every product that takes {0}, the highest rate first:', ccy), ...lines, honest].join('\n\n');
}
