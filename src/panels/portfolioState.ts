/**
 * What the Portfolio panel shows: the Overview's figures as pictures and text (allocation by product and by
 * currency, what comes next), and earnings per day from the two Earn products OKX keeps a history of earnings
 * for: Simple Earn's hourly lending records and OKUSD's daily rewards (./earningsHistory, ./earningsSeries).
 * While the portfolio is read again, the figures are the last ones read, marked as refreshing: never a zero that
 * stands for "not read yet".
 */
import * as vscode from 'vscode';
import type { OverviewInput } from '../portfolio/overview';
import { computeOverview, type Overview } from '../portfolio/overview';
import type { AreaId, Portfolio } from '../portfolio/portfolio';
import { OVERVIEW_AREAS, apyText, missingText, productName, relativeTime, upcomingText } from '../views/overviewView';
import { percent, share, time, usd as usdOnly } from '../views/nodes';
import { portfolioMoney, type Money } from '../views/unitText';
import type { EarningsHistory } from './earningsHistory';
import { EARNING_PRODUCTS, earningsPerDay, rangeStart } from './earningsSeries';
import { figureRow, shown } from './figures';
import type { DayPoint, EarningsRange, PortfolioState, Row, Slice } from './protocol';

export interface CurrentOverview {
  readonly overview: Overview;
  /** Areas whose last read failed (left out, and said so). */
  readonly failed: readonly AreaId[];
  /** Areas being read again: counted with what they had; the oldest of those figures' time, when any. */
  readonly refreshing: { readonly since: number } | undefined;
  /** Areas being read for the first time: nothing to show for them yet. */
  readonly pending: readonly AreaId[];
}

/**
 * The Overview's figures from the last data of every area: one being read again counts with what it had (the
 * panel says it is refreshing), one read for the first time or failed is left out (and said so).
 */
export function currentOverview(portfolio: Pick<Portfolio, 'get'>, now: number): CurrentOverview {
  const input: Record<string, unknown> = { now };
  const failed: AreaId[] = [];
  const pending: AreaId[] = [];
  let since: number | undefined;
  for (const area of OVERVIEW_AREAS) {
    const state = portfolio.get(area);
    if (state.status === 'error') failed.push(area);
    else if (state.status === 'ready') input[area] = state.data;
    else if (state.status === 'loading' && state.data !== undefined) {
      input[area] = state.data;
      since = Math.min(since ?? Number.POSITIVE_INFINITY, state.updatedAt ?? now);
    } else if (state.status === 'loading') pending.push(area);
  }
  return { overview: computeOverview(input as OverviewInput), failed, refreshing: since === undefined ? undefined : { since }, pending };
}

export function buildPortfolioState(portfolio: Pick<Portfolio, 'get'>, history: Pick<EarningsHistory, 'get'>, range: EarningsRange, now: number): PortfolioState {
  const { overview: o, failed, refreshing, pending } = currentOverview(portfolio, now);
  const prices = (() => {
    const state = portfolio.get('prices');
    return 'data' in state && state.data !== undefined ? state.data.usd : new Map<string, string>();
  })();
  // Totals and shares in the user's unit (okxEarn.valuationUnit); OKX's own valuation stays in USD, as OKX gives it.
  const money = portfolioMoney(portfolio);
  const usd = money.text;
  const slice = (label: string, s: { usd: string; share: string; amt?: string }, ccy?: string): Slice => {
    const { text, title } = shown((f) => `${ccy === undefined || s.amt === undefined ? '' : `${f.amount(s.amt, ccy)} · `}${usd(s.usd)} · ${share(s.share)}`);
    return { label, share: s.share, text, ...(title === '' ? {} : { title }) };
  };
  // Areas never read yet: their figures are not zeros, they are not known yet.
  const loading = pending.length > 0;
  const total = (t: { usd: string; complete: boolean }): string =>
    loading ? vscode.l10n.t('loading…') : t.complete ? usd(t.usd) : vscode.l10n.t('{0} (incomplete)', usd(t.usd));
  const totals: Row[] = [
    [vscode.l10n.t('Holdings'), total(o.holdings)],
    [vscode.l10n.t('Earned in 24 hours'), total(o.earned24h)],
    [vscode.l10n.t('Earned in total'), total(o.earnedTotal)],
    [vscode.l10n.t('Weighted APY'), loading ? vscode.l10n.t('loading…') : apyText(o.apy)],
    ...(o.loans === undefined || o.loans.orders === 0 ? [] : [[vscode.l10n.t('Loans net'), usd(o.loans.netUsd)] as Row]),
    ...(o.valuation === undefined ? [] : [[vscode.l10n.t("OKX's valuation of the Earn account"), vscode.l10n.t('{0}; on-chain earn and savings here: {1} ({2} apart)', usdOnly(o.valuation.okxUsd), usdOnly(o.valuation.oursUsd), percent(o.valuation.difference))] as Row]),
    [vscode.l10n.t('Valued'), money.note],
  ];
  const without = o.positions.some((p) => p.product === 'onchain') || o.positions.some((p) => p.product === 'eth' || p.product === 'sol');
  const missing = [...new Set([...o.holdings.missing.filter((m) => !pending.includes(m as AreaId)), ...failed])];
  return {
    kind: 'portfolio',
    title: vscode.l10n.t('Portfolio'),
    refreshing:
      loading ? vscode.l10n.t('Loading the portfolio…')
      : refreshing === undefined ? ''
      : vscode.l10n.t('Refreshing… the figures below are those read at {0}.', time(String(refreshing.since))),
    totals,
    byProduct: loading ? [] : o.byProduct.map((p) => slice(productName(p.key as Parameters<typeof productName>[0]), p)),
    byCurrency: loading ? [] : o.byCurrency.map((c) => slice(c.key, c, c.key)),
    incomplete: missing.length === 0 ? '' : vscode.l10n.t('Not counted: {0}.', missingText(missing)),
    earnings: earnings(history, prices, range, now, without, money),
    upcoming: o.upcoming.map((e): Row => figureRow(`${relativeTime(e.at, now)} (${time(String(e.at))})`, (f) => upcomingText(e, f.amount))),
    updated: time(String(now)),
    error: failed.length === 0 ? undefined : vscode.l10n.t('Some figures could not be loaded: see the Overview view.'),
  };
}

function earnings(history: Pick<EarningsHistory, 'get'>, prices: ReadonlyMap<string, string>, range: EarningsRange, now: number, without: boolean, money: Money): PortfolioState['earnings'] {
  const usd = money.text;
  const got = history.get(rangeStart(range, now));
  const perDay = earningsPerDay(got.all, prices, range, now);
  const format = new Intl.DateTimeFormat(vscode.env.language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const points: DayPoint[] = perDay.days.map((d) => ({
    ts: d.ts,
    usd: d.usd,
    parts: d.parts,
    text: d.usd === undefined ? vscode.l10n.t('no data') : usd(d.usd),
    partsText: Object.fromEntries(EARNING_PRODUCTS.map((p) => [p, d.parts[p] === undefined ? '' : usd(d.parts[p] ?? '0')])),
    day: format.format(new Date(d.ts)),
  }));
  const notes = [
    without ? vscode.l10n.t('OKX keeps no history of earnings for on-chain earn or ETH and SOL staking, only what each has earned so far (in "Earned in total"): they have no curve here.') : '',
    perDay.unpriced.length === 0 ? '' : vscode.l10n.t('Left out for want of a USD price: {0}.', perDay.unpriced.join(', ')),
  ].filter((n) => n !== '');
  const loading = !got.complete && got.error === undefined;
  const none = points.every((p) => p.usd === undefined);
  return {
    range,
    label: money.unit === 'USD' || money.missing
      ? vscode.l10n.t("Simple Earn (savings) lending earnings and OKUSD's daily rewards, per day, in USD at today's prices")
      : vscode.l10n.t("Simple Earn (savings) lending earnings and OKUSD's daily rewards, per day, in {0} at today's index prices", money.unit),
    series: EARNING_PRODUCTS.map((key) => ({ key, label: productName(key) })),
    points,
    loading,
    refreshing: got.refreshing,
    empty:
      !none || loading ? ''
      : perDay.latest === undefined ? vscode.l10n.t('No earnings recorded in this range, nor before it.')
      : vscode.l10n.t('No earnings recorded in this range. The latest were on {0}.', new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(perDay.latest))),
    note: notes.join(' '),
    error: got.error,
  };
}

