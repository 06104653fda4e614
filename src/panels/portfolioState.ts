/**
 * What the Portfolio panel shows: the Overview's figures as pictures and text (allocation by product and by
 * currency, what comes next), and the savings' earnings per day from OKX's hourly lending history, the one
 * Earn product OKX keeps a history of earnings for. The history is paged once and kept for the connection.
 */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { OkxClient, Pager } from '../okx/client';
import type { LendingRecord } from '../okx/types';
import type { Portfolio } from '../portfolio/portfolio';
import { OverviewView, apyText, missingText, productName, relativeTime, upcomingText } from '../views/overviewView';
import { percent, share, time, usd, withCcy } from '../views/nodes';
import type { DayPoint, EarningsRange, PortfolioState, Row, Slice } from './protocol';

const DAY_MS = 86_400_000;

/**
 * The savings lending history (every currency, newest first), read page by page only as far back as a chart
 * has asked for, and kept: a longer range continues where a shorter one stopped; a shorter one needs nothing.
 */
export class EarningsHistory {
  private records: LendingRecord[] = [];
  private pager: Pager<LendingRecord> | undefined;
  /** The oldest time the records reach back to (OKX time, ms); Infinity before the first page. */
  private reached = Number.POSITIVE_INFINITY;
  private loading: Promise<void> | undefined;
  private error: unknown;

  constructor(private readonly client: () => OkxClient | undefined) {}

  clear(): void {
    this.records = [];
    this.pager = undefined;
    this.reached = Number.POSITIVE_INFINITY;
    this.error = undefined;
  }

  /** Records since `since`, whether more are on their way, and the last failure. */
  get(since: number): { records: LendingRecord[]; complete: boolean; error: string | undefined } {
    return {
      records: this.records.filter((r) => Number(r.ts) >= since),
      complete: this.reached <= since || this.pager?.done === true,
      error: this.error === undefined ? undefined : errorText(this.error),
    };
  }

  /** Pages back until `since` is covered, calling `update` after each page; one load at a time. */
  load(since: number, update: () => void): Promise<void> {
    if (this.get(since).complete) return Promise.resolve();
    const client = this.client();
    if (client === undefined || !client.hasCredentials) return Promise.resolve();
    this.loading ??= (async () => {
      this.error = undefined;
      this.pager ??= client.savings.lendingHistory({ limit: '100' });
      try {
        while (!this.pager.done && this.reached > since) {
          const page = await this.pager.next();
          this.records.push(...page);
          const oldest = page.at(-1);
          if (oldest !== undefined) this.reached = Math.min(this.reached, Number(oldest.ts));
          update();
        }
      } catch (error) {
        this.error = error;
      } finally {
        this.loading = undefined;
      }
      update();
    })();
    return this.loading;
  }
}

/** Savings earnings per UTC day in USD at today's prices, the last `range` days (today included), oldest first. */
export function earningsPerDay(records: readonly LendingRecord[], prices: ReadonlyMap<string, string>, range: number, now: number): { points: { ts: number; usd: string }[]; unpriced: string[] } {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const first = today - (range - 1) * DAY_MS;
  const days = new Map<number, string>();
  for (let day = first; day <= today; day += DAY_MS) days.set(day, '0');
  const unpriced = new Set<string>();
  for (const r of records) {
    const day = Math.floor(Number(r.ts) / DAY_MS) * DAY_MS;
    const sum = days.get(day);
    if (sum === undefined || !D.isPlainDecimal(r.earnings)) continue;
    const price = prices.get(r.ccy);
    if (price === undefined) unpriced.add(r.ccy);
    else days.set(day, D.add(sum, D.mul(r.earnings, price)));
  }
  return { points: [...days.entries()].map(([ts, value]) => ({ ts, usd: value })), unpriced: [...unpriced] };
}

export function buildPortfolioState(portfolio: Portfolio, history: EarningsHistory, range: EarningsRange, now: number): PortfolioState {
  const { overview: o, failed } = OverviewView.compute(portfolio);
  const prices = (() => {
    const state = portfolio.get('prices');
    return 'data' in state && state.data !== undefined ? state.data.usd : new Map<string, string>();
  })();
  const slice = (label: string, s: { usd: string; share: string; amt?: string }, ccy?: string): Slice => ({
    label,
    share: s.share,
    text: `${ccy === undefined || s.amt === undefined ? '' : `${withCcy(s.amt, ccy)} · `}${usd(s.usd)} · ${share(s.share)}`,
  });
  const totals: Row[] = [
    [vscode.l10n.t('Holdings'), o.holdings.complete ? usd(o.holdings.usd) : vscode.l10n.t('{0} (incomplete)', usd(o.holdings.usd))],
    [vscode.l10n.t('Earned in 24 hours'), o.earned24h.complete ? usd(o.earned24h.usd) : vscode.l10n.t('{0} (incomplete)', usd(o.earned24h.usd))],
    [vscode.l10n.t('Earned in total'), o.earnedTotal.complete ? usd(o.earnedTotal.usd) : vscode.l10n.t('{0} (incomplete)', usd(o.earnedTotal.usd))],
    [vscode.l10n.t('Weighted APY'), apyText(o.apy)],
    ...(o.loans === undefined || o.loans.orders === 0 ? [] : [[vscode.l10n.t('Loans net'), usd(o.loans.netUsd)] as Row]),
    ...(o.valuation === undefined ? [] : [[vscode.l10n.t("OKX's valuation of the Earn account"), vscode.l10n.t('{0}; on-chain earn and savings here: {1} ({2} apart)', usd(o.valuation.okxUsd), usd(o.valuation.oursUsd), percent(o.valuation.difference))] as Row]),
  ];
  const since = Math.floor(now / DAY_MS) * DAY_MS - (range - 1) * DAY_MS;
  const got = history.get(since);
  const perDay = earningsPerDay(got.records, prices, range, now);
  const format = new Intl.DateTimeFormat(vscode.env.language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const points: DayPoint[] = perDay.points.map((p) => ({ ts: p.ts, usd: p.usd, text: usd(p.usd), day: format.format(new Date(p.ts)) }));
  const without = o.positions.some((p) => p.product === 'onchain') || o.positions.some((p) => p.product === 'eth' || p.product === 'sol');
  const notes = [
    without ? vscode.l10n.t('OKX keeps no history of earnings for on-chain earn or ETH and SOL staking, only what each has earned so far (in "Earned in total"): they have no curve here.') : '',
    perDay.unpriced.length === 0 ? '' : vscode.l10n.t('Left out for want of a USD price: {0}.', perDay.unpriced.join(', ')),
  ].filter((n) => n !== '');
  const missing = [...new Set([...o.holdings.missing, ...failed])];
  const missingList = missingText(missing);
  return {
    kind: 'portfolio',
    title: vscode.l10n.t('Portfolio'),
    totals,
    byProduct: o.byProduct.map((p) => slice(productName(p.key as Parameters<typeof productName>[0]), p)),
    byCurrency: o.byCurrency.map((c) => slice(c.key, c, c.key)),
    incomplete: missing.length === 0 ? '' : vscode.l10n.t('Not counted: {0}.', missingList),
    earnings: {
      range,
      label: vscode.l10n.t('Simple Earn (savings) lending earnings per day, in USD at today\'s prices'),
      points,
      loading: !got.complete && got.error === undefined,
      note: notes.join(' '),
      error: got.error,
    },
    upcoming: o.upcoming.map((e): Row => [`${relativeTime(e.at, now)} (${time(String(e.at))})`, upcomingText(e)]),
    updated: time(String(now)),
    error: failed.length === 0 ? undefined : vscode.l10n.t('Some figures could not be loaded: see the Overview view.'),
  };
}
