/**
 * What the chat tools answer: short plain text a model can quote, crypto amounts exactly as OKX states them, USD
 * values to the cent and said to be at index prices, rates as percentages; always naming the environment and
 * profile it comes from; never a key, secret or passphrase (nothing here ever sees one). Every phrase goes
 * through `t` (vscode.l10n.t in the extension; the unit tests pass the English templates through). No `vscode`
 * import.
 */
import * as D from '../decimal';
import type * as T from '../okx/types';
import { formatAmount, formatFixed, formatPercent, formatShare } from '../portfolio/format';
import { offerHasNoRoom } from '../portfolio/offers';
import type { EarningsByProduct } from '../portfolio/earningsByProduct';
import type { Overview, Upcoming } from '../portfolio/overview';
import { formatInUnit, fromUsd, unitRate, type IndexPrices, type ValuationUnit } from '../portfolio/valuationUnit';
import type { LtvLevel } from '../portfolio/risk';

/**
 * A translator: `vscode.l10n` in the extension (the calls are written `l10n.t('…')` so that the string
 * extractor finds them), or the English templates filled in, in the unit tests.
 */
export interface L10n {
  t(template: string, ...args: string[]): string;
}

const amt = (value: string, ccy: string): string => `${D.isPlainDecimal(value) ? D.trim(value) : value} ${ccy}`;
const usd = (value: string): string => `${formatFixed(value, 2)} USD`;
const pct = (fraction: string): string => formatPercent(fraction, 2);
/** An LTV as the chat has always given it: two places at most, rounded down (an LTV never reads higher than it is). */
const ltvPct = (fraction: string): string => (D.isPlainDecimal(fraction) ? `${formatAmount(D.roundDown(D.mul(fraction, '100'), 2))}%` : fraction);
const day = (ms: number | string): string => (/^\d+$/.test(String(ms)) ? new Date(Number(ms)).toISOString().replace(/\.\d{3}Z$/, 'Z') : '');
function loansLine(l10n: L10n, loans: { orders: number; collateralUsd: string; debtUsd: string; netUsd: string }, money: (usdValue: string) => string): string {
  const [collateral, debt, net] = [money(loans.collateralUsd), money(loans.debtUsd), money(loans.netUsd)];
  return loans.orders === 1
    ? l10n.t('1 order; collateral {0}, borrowed {1}, net {2}', collateral, debt, net)
    : l10n.t('{0} orders; collateral {1}, borrowed {2}, net {3}', String(loans.orders), collateral, debt, net);
}

/** "Label:" above a list, or "Label: none" when it is empty. */
const heading = (label: string, empty: boolean, none: string): string => (empty ? `${label}: ${none}` : `${label}:`);

/** "(Sandbox)" or "(Production, profile main)": where every answer comes from. */
export function whereText(l10n: L10n, environment: string, profile: string | undefined): string {
  return profile === undefined ? l10n.t('OKX Earn, {0}', environment) : l10n.t('OKX Earn, {0}, profile {1}', environment, profile);
}

export function noKeyText(l10n: L10n): string {
  return l10n.t('No OKX API key is set in this VS Code window. Run "OKX Earn: Set API Key…" (a Read-only key is enough to read; Trade is needed to move money), or "OKX Earn: Try the Sandbox" to try everything with simulated money.');
}

export const productLabel = (l10n: L10n, product: string): string =>
  ({
    onchain: l10n.t('On-chain earn'), eth: l10n.t('ETH staking'), sol: l10n.t('SOL staking'), savings: l10n.t('Simple Earn (savings)'),
    okusd: l10n.t('OKUSD'), stable: l10n.t('Stable Rewards'), dual: l10n.t('Dual Investment'), autoEarn: l10n.t('Auto-earn'),
  })[product] ?? product;

function upcomingLine(l10n: L10n, e: Upcoming): string {
  const what =
    e.kind === 'ethRedemption' ? l10n.t('{0} redeemed to ETH', amt(e.amt, e.ccy))
    : e.kind === 'onchainRedemption' ? l10n.t('{0} back from on-chain earn (order {1})', amt(e.amt, e.ccy), e.ref)
    : e.kind === 'okusdRedemption' ? l10n.t('{0} from OKUSD standard redemption {1}', amt(e.amt, e.ccy), e.ref)
    : e.kind === 'dualExpiry' ? l10n.t('Dual Investment order {0} ({1}) expires and settles', e.ref, amt(e.amt, e.ccy))
    : l10n.t('fixed term of order {0} ({1}) ends', e.ref, amt(e.amt, e.ccy));
  return `${day(e.at)}: ${what}`;
}

/** What the portfolio answer adds when the extension has it: the user's unit (okxEarn.valuationUnit) and earnings per product. */
export interface PortfolioExtras {
  readonly unit: ValuationUnit;
  /** The USD index prices the unit's own price is read from. */
  readonly prices: IndexPrices | undefined;
  readonly byProduct?: EarningsByProduct;
}

/** The header's word on the unit: USD at index prices, or the unit and the index price it was converted at. */
function unitLine(l10n: L10n, extras: PortfolioExtras | undefined): { line: string; money: (usdValue: string) => string } {
  const unit = extras?.unit ?? 'USD';
  const rate = unitRate(unit, extras?.prices);
  if (rate === undefined) return { line: `${l10n.t('USD values at OKX index prices.')} ${l10n.t('OKX gives no {0}-USD index price now: the values are in USD, not {0}.', unit)}`, money: usd };
  if (rate.unit === 'USD') return { line: l10n.t('USD values at OKX index prices.'), money: usd };
  const at = rate.at === undefined ? '' : ` (${day(rate.at)})`;
  return {
    line: l10n.t('Values in {0}: USD at OKX index prices, divided by the {1} index {2}{3}.', unit, rate.instId, D.trim(rate.price), at),
    money: (usdValue) => formatInUnit(fromUsd(usdValue, rate), unit),
  };
}

function byProductLines(l10n: L10n, e: EarningsByProduct, money: (usdValue: string) => string): { yesterday: string[]; total: string[] } {
  const yesterday = [
    `${l10n.t('Earned yesterday ({0} UTC)', day(e.day.from).slice(0, 10))}: ${money(e.yesterday.usd)}${e.yesterday.complete ? '' : ` ${l10n.t('(incomplete: {0} not counted)', e.yesterday.missing.join(', '))}`}`,
    ...e.yesterday.rows.map((r) => `- ${productLabel(l10n, r.product)}: ${
      r.kind === 'noDailyFigure' ? (r.product === 'dual' ? l10n.t('no daily figure (paid at expiry)') : l10n.t('no daily figure (OKX gives totals only)'))
      : r.kind === 'unknown' ? l10n.t('not read')
      : `${money(r.usd)} (${r.amounts.map((a) => amt(a.amt, a.ccy)).join(' + ') || '0'}${r.basis === 'latestReward' ? `; ${l10n.t("OKX's latest daily reward, undated")}` : ''})`
    }`),
  ];
  const total = e.total.map((r) => `- ${productLabel(l10n, r.product)}: ${r.paidAtExpiry ? l10n.t('paid at expiry') : `${money(r.usd)} (${r.amounts.map((a) => amt(a.amt, a.ccy)).join(' + ') || '0'})`}`);
  return { yesterday, total };
}

export function portfolioText(l10n: L10n, where: string, o: Overview, extras?: PortfolioExtras): string {
  const incomplete = (total: { complete: boolean; missing: readonly string[] }): string => (total.complete ? '' : ` ${l10n.t('(incomplete: {0} not counted)', total.missing.join(', '))}`);
  const { line, money } = unitLine(l10n, extras);
  const byProduct = extras?.byProduct === undefined ? undefined : byProductLines(l10n, extras.byProduct, money);
  const lines = [
    `${l10n.t('Portfolio')} (${where}). ${line}`,
    `${l10n.t('Holdings')}: ${money(o.holdings.usd)}${incomplete(o.holdings)}`,
    ...o.byProduct.map((p) => `- ${productLabel(l10n, p.key)}: ${money(p.usd)} (${formatShare(p.share)})`),
    `${l10n.t('Earned in the last 24 hours')}: ${money(o.earned24h.usd)}${incomplete(o.earned24h)} ${l10n.t('(savings, ETH/SOL staking and OKUSD; on-chain earn and Stable Rewards report totals only, Dual Investment pays at expiry)')}`,
    ...(byProduct?.yesterday ?? []),
    `${l10n.t('Earned in total')}: ${money(o.earnedTotal.usd)}${incomplete(o.earnedTotal)}`,
    ...(byProduct?.total ?? []),
    `${l10n.t('Holdings-weighted APY')}: ${o.apy.value === undefined ? l10n.t('unknown') : pct(o.apy.value)}${o.apy.complete ? '' : ` ${l10n.t('(incomplete)')}`}`,
    ...(o.loans === undefined || o.loans.orders === 0 ? [] : [`${l10n.t('Loans')}: ${loansLine(l10n, o.loans, money)}`]),
    ...(o.valuation === undefined ? [] : [`${l10n.t("OKX's own valuation of the Earn account")}: ${usd(o.valuation.okxUsd)} (${o.valuation.disagrees ? l10n.t('{0} apart: more than 1 %', pct(o.valuation.difference)) : l10n.t('agrees within 1 %')})`]),
    heading(l10n.t('What comes next'), o.upcoming.length === 0, l10n.t('nothing scheduled')),
    ...o.upcoming.map((e) => `- ${upcomingLine(l10n, e)}`),
  ];
  return lines.join('\n');
}

export interface PositionsData {
  readonly onchain?: readonly T.ActiveOrder[];
  readonly eth?: T.StakingBalance;
  readonly sol?: T.StakingBalance;
  readonly savings?: readonly T.SavingsBalance[];
  readonly loans?: readonly T.LoanInfo[];
  readonly okusd?: { readonly account: T.OkusdAccount | undefined; readonly apr: string | undefined };
  readonly stable?: readonly (T.StableRewardsHolding & { readonly apy: string | undefined })[];
  /** Dual Investment orders with both outcomes already in words. */
  readonly dual?: readonly { readonly order: T.DualOrder; readonly outcomes: readonly string[] }[];
}

export function positionsText(l10n: L10n, where: string, data: PositionsData): string {
  const lines = [`${l10n.t('Positions')} (${where}):`];
  if (data.onchain !== undefined) {
    lines.push(heading(l10n.t('On-chain earn orders'), data.onchain.length === 0, l10n.t('none')));
    for (const o of data.onchain) {
      lines.push(`- ${l10n.t('order {0}: {1} in {2} · {3}, state {4}, APY {5}, earned {6}', o.ordId, o.investData.map((i) => amt(i.amt, i.ccy)).join(' + '), o.ccy, o.protocol, o.state, pct(o.apy), o.earningData.map((e) => amt(e.earnings, e.ccy)).join(', ') || '0')}`);
    }
  }
  for (const [label, balance] of [[l10n.t('ETH staking'), data.eth], [l10n.t('SOL staking'), data.sol]] as const) {
    if (balance === undefined) continue;
    lines.push(`${label}: ${l10n.t('{0}; latest daily reward {1}; total rewards {2}', amt(balance.amt, balance.ccy), amt(balance.latestInterestAccrual, balance.ccy), amt(balance.totalInterestAccrual, balance.ccy))}`);
  }
  if (data.savings !== undefined) {
    lines.push(heading(l10n.t('Simple Earn (savings)'), data.savings.length === 0, l10n.t('none')));
    for (const s of data.savings) {
      lines.push(`- ${l10n.t('{0}: {1} in savings, {2} lent, {3} pending, earned {4}, minimum lending rate {5}', s.ccy, amt(s.amt, s.ccy), amt(s.loanAmt, s.ccy), amt(s.pendingAmt, s.ccy), amt(s.earnings, s.ccy), pct(s.rate))}`);
    }
  }
  if (data.loans !== undefined) {
    lines.push(heading(l10n.t('Flexible loan orders'), data.loans.length === 0, l10n.t('none')));
    for (const l of data.loans) lines.push(`- ${loanLine(l10n, l)}`);
  }
  if (data.okusd !== undefined) {
    const a = data.okusd.account;
    lines.push(`OKUSD: ${a === undefined ? l10n.t('none') : l10n.t('{0}; earned {1} in total; APR {2}', amt(a.amt, a.ccy), amt(a.totalEarnAccrual, 'USDT'), data.okusd.apr === undefined ? l10n.t('unknown') : pct(data.okusd.apr))}`);
  }
  if (data.stable !== undefined) {
    lines.push(heading(l10n.t('Stable Rewards'), data.stable.length === 0, l10n.t('none')));
    for (const h of data.stable) {
      lines.push(`- ${l10n.t('{0}: {1} held, earned {2}, APY {3}, {4}', h.ccy, amt(h.amt, h.ccy), amt(h.totalEarnAccrual, h.ccy), h.apy === undefined ? l10n.t('unknown') : pct(h.apy), h.state === 'earning' ? l10n.t('earning') : l10n.t('not earning'))}`);
    }
    lines.push(l10n.t('(Stable Rewards: OKX has no API to subscribe or redeem since 2026-07-14; buying or selling the coin on OKX does it.)'));
  }
  if (data.dual !== undefined) {
    lines.push(heading(l10n.t('Dual Investment orders'), data.dual.length === 0, l10n.t('none')));
    for (const { order: o, outcomes } of data.dual) {
      const settled = o.settleSz !== '' ? l10n.t('; paid {0} at {1}', amt(o.settleSz, o.settleCcy), amt(o.settlePx, o.quoteCcy)) : ` ${outcomes.join(' ')}`;
      lines.push(`- ${l10n.t('order {0}: {1}, {2} invested, strike {3}, APY {4}, state {5}, expires {6}', o.ordId, o.productId, amt(o.notionalSz, o.notionalCcy), amt(o.strike, o.quoteCcy), pct(o.annualizedYield), o.state, /^\d+$/.test(o.expTime) ? day(Number(o.expTime)) : o.expTime)}${settled}`);
    }
  }
  return lines.join('\n');
}

function loanLine(l10n: L10n, l: T.LoanInfo): string {
  return l10n.t('order {0}: borrowed {1}; collateral {2}; LTV {3}, margin call at {4}, liquidation at {5}{6}',
    l.ordId, l.loanData.map((d) => amt(d.amt, d.ccy)).join(' + '), l.collateralData.map((c) => amt(c.amt, c.ccy)).join(', '),
    ltvPct(l.curLTV), pct(l.marginCallLTV), pct(l.liqLTV),
    l.riskWarningData.liqPx === '' ? '' : l10n.t('; liquidation price {0} ({1})', D.trim(l.riskWarningData.liqPx), l.riskWarningData.instId));
}

export interface LoanRisk {
  readonly loan: T.LoanInfo;
  readonly level: LtvLevel;
  /** The what-if, when one was asked for. */
  readonly whatIf?: { readonly ccy: string; readonly change: string; readonly ltv: string | undefined; readonly level: LtvLevel | undefined; readonly reason?: string };
}

export function levelText(l10n: L10n, level: LtvLevel): string {
  return { safe: l10n.t('safe'), warning: l10n.t('near margin call'), marginCall: l10n.t('at or over margin call'), liquidation: l10n.t('at liquidation') }[level];
}

export function loanRiskText(l10n: L10n, where: string, risks: readonly LoanRisk[]): string {
  if (risks.length === 0) return `${l10n.t('Flexible loans')} (${where}): ${l10n.t('no loan order.')}`;
  const lines = [`${l10n.t('Flexible loan orders')} (${where}):`];
  for (const r of risks) {
    lines.push(`- ${loanLine(l10n, r.loan)}: ${levelText(l10n, r.level)}`);
    const w = r.whatIf;
    if (w !== undefined) {
      lines.push(
        w.ltv === undefined
          ? `  ${l10n.t('if {0} changes by {1}%: {2}', w.ccy, w.change, w.reason ?? l10n.t('cannot be said'))}`
          : `  ${l10n.t('if {0} changes by {1}%: LTV {2}, {3}', w.ccy, w.change, ltvPct(w.ltv), w.level === undefined ? '' : levelText(l10n, w.level))}`,
      );
    }
  }
  return lines.join('\n');
}

export function offersText(l10n: L10n, where: string, ccy: string | undefined, offers: readonly T.Offer[], staking: { eth?: string; sol?: string }, savings: readonly { ccy: string; lendingRate: string }[]): string {
  const sorted = [...offers].filter((o) => D.isPlainDecimal(o.apy)).sort((a, b) => D.cmp(b.apy, a.apy));
  const lines = [`${ccy === undefined ? l10n.t('Earn products by APY') : l10n.t('Earn products for {0} by APY', ccy)} (${where}):`];
  for (const o of sorted) {
    const term = o.term === '0' ? l10n.t('flexible') : l10n.t('{0}-day fixed term', o.term);
    const state = o.state !== 'purchasable' ? ` (${o.state === 'sold_out' ? l10n.t('sold out') : l10n.t('suspended')})` : offerHasNoRoom(o) ? ` (${l10n.t('nothing can be subscribed now: the maximum is below the minimum')})` : '';
    lines.push(`- ${l10n.t('on-chain earn {0} · {1} (product {2}): APY {3}, {4}, from {5} to {6}{7}', o.ccy, o.protocol, o.productId, pct(o.apy), term, o.investData.map((i) => amt(i.minAmt, i.ccy)).join(', '), o.investData.map((i) => amt(i.maxAmt, i.ccy)).join(', '), state)}`);
  }
  if (staking.eth !== undefined) lines.push(`- ${l10n.t('ETH staking (BETH): APY {0} today', pct(staking.eth))}`);
  if (staking.sol !== undefined) lines.push(`- ${l10n.t('SOL staking (OKSOL): APY {0} today', pct(staking.sol))}`);
  for (const s of savings) lines.push(`- ${l10n.t('Simple Earn {0}: savers earned {1} in the last hour (lending rate)', s.ccy, pct(s.lendingRate))}`);
  if (lines.length === 1) lines.push(l10n.t('No product found.'));
  return lines.join('\n');
}

/** Dual Investment products of one pair and direction, nearest expiry first, with what a product pays either way. */
export function dualProductsText(l10n: L10n, where: string, pair: string, direction: string, products: readonly T.DualProduct[]): string {
  const lines = [`${l10n.t('Dual Investment {0} · {1}, on offer', pair, direction)} (${where}):`];
  const sorted = [...products].sort((a, b) => Number(a.expTime) - Number(b.expTime) || D.cmp(a.strike, b.strike));
  for (const p of sorted) {
    lines.push(`- ${l10n.t('product {0}: strike {1}, APY {2}, yield for the term {3}, expires {4}, invest {5} to {6} in steps of {7}, buy until {8}', p.productId, amt(p.strike, p.quoteCcy), pct(p.annualizedYield), pct(p.absYield), day(p.expTime), amt(p.minSize, p.notionalCcy), amt(p.maxSize, p.notionalCcy), p.stepSz, day(p.tradeEndTime))}`);
  }
  if (sorted.length === 0) lines.push(l10n.t('No product found.'));
  else lines.push(dualRuleText(l10n, sorted[0]));
  return lines.join('\n');
}

/** How Dual Investment pays, said once with the first product's figures. */
function dualRuleText(l10n: L10n, p: T.DualProduct | undefined): string {
  if (p === undefined) return '';
  return p.notionalCcy === p.baseCcy
    ? l10n.t('Sell high: you invest {0}; at expiry, at or above the strike you receive {1} (principal and yield converted at the strike), below it {0} back with the yield.', p.baseCcy, p.quoteCcy)
    : l10n.t('Buy low: you invest {0}; at expiry, at or below the strike you receive {1} (principal and yield converted at the strike), above it {0} back with the yield.', p.quoteCcy, p.baseCcy);
}

export function rateHistoryText(l10n: L10n, where: string, label: string, points: readonly { ts: string; rate: string }[]): string {
  const valid = points.filter((p) => D.isPlainDecimal(p.rate)).sort((a, b) => Number(a.ts) - Number(b.ts));
  const first = valid[0];
  const last = valid.at(-1);
  if (first === undefined || last === undefined) return `${label} (${where}): ${l10n.t('no data.')}`;
  const min = valid.reduce((m, p) => (D.lt(p.rate, m.rate) ? p : m), first);
  const max = valid.reduce((m, p) => (D.gt(p.rate, m.rate) ? p : m), first);
  const average = D.div(D.sum(valid.map((p) => p.rate)), String(valid.length), 8);
  return [
    `${label} (${where}), ${valid.length === 1 ? l10n.t('1 point, at {0}', day(first.ts)) : l10n.t('{0} points from {1} to {2}', String(valid.length), day(first.ts), day(last.ts))}:`,
    `- ${l10n.t('latest {0}; average {1}; lowest {2} ({3}); highest {4} ({5}); first {6}', pct(last.rate), pct(average), pct(min.rate), day(min.ts), pct(max.rate), day(max.ts), pct(first.rate))}`,
  ].join('\n');
}

export function historyText(l10n: L10n, where: string, label: string, lines: readonly string[], more: boolean): string {
  return [`${label} (${where}):`, ...(lines.length === 0 ? [l10n.t('no records in that time.')] : lines.map((l) => `- ${l}`)), ...(more ? [l10n.t('(more records exist: ask for a shorter time or a larger limit)')] : [])].join('\n');
}

/** One history record as text: its time (ISO 8601, UTC) and its figures as OKX gave them. */
export function recordLine(record: Readonly<Record<string, unknown>>, timeField: string): string {
  const time = record[timeField];
  const when = day(typeof time === 'string' ? time : '');
  const rest = Object.entries(record)
    .filter(([key, value]) => key !== timeField && typeof value === 'string' && value !== '')
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
  return `${when}: ${rest}`;
}

export interface ActionReport {
  readonly done: boolean;
  /** What became of the money move once sent, with the message the user was shown. */
  readonly outcome?: { readonly state: 'done' | 'not-done' | 'unknown'; readonly message: string };
  readonly confirmation: 'none' | 'confirmed' | 'declined';
  readonly problems: readonly string[];
  readonly said: readonly { readonly kind: 'info' | 'warning' | 'error'; readonly message: string }[];
}

/** What became of an action tool's run, as the model should relay it. */
export function actionText(l10n: L10n, where: string, what: string, report: ActionReport): string {
  const said = report.said.map((s) => s.message).join(' ');
  if (report.problems.length > 0) return `${l10n.t('Not sent: {0}', what)} (${where}). ${report.problems.join(' ')}${said === '' ? '' : ` ${said}`}`;
  if (report.confirmation === 'declined') return `${l10n.t('Not sent: {0}', what)} (${where}). ${l10n.t("The user declined it in OKX Earn's confirmation.")}`;
  // Once sent, the first words are the outcome: done, not done, or unknown (never "not done" for unknown).
  const outcome = report.outcome;
  if (outcome?.state === 'unknown') {
    return `${l10n.t("Unknown whether it was carried out: {0}. Don't send it again: it is kept as pending and checked with OKX.", what)} (${where}). ${said}`.trim();
  }
  if (outcome?.state === 'not-done') return `${l10n.t('Not done: {0}', what)} (${where}). ${said}`.trim();
  if (outcome?.state === 'done' || report.done) return `${l10n.t('Done: {0}', what)} (${where}). ${said}`.trim();
  if (report.confirmation === 'none') return `${l10n.t('Not sent: {0}', what)} (${where}). ${said}`.trim();
  return `${l10n.t('{0}: not carried out', what)} (${where}). ${said}`.trim();
}
