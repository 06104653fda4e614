/** What the product panel shows, built from the portfolio and the public rate histories. */
import * as vscode from 'vscode';
import * as D from '../decimal';
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import { syncLendingRates, syncStakingApy, type RateHistoryStore, type RateProduct, type RateSeries } from '../portfolio/historyCache';
import type { AreaId, Portfolio } from '../portfolio/portfolio';
import { stakingRateFraction } from '../portfolio/stakingRate';
import { percent, time, withCcy } from '../views/nodes';
import { daysText, orderStateLabel, termLabel } from '../views/stakingView';
import { offerBuyableNow, offerStateText, redeemPeriodText } from '../views/productsView';
import { DAILY_BANDS_FROM, dailyBands } from './chartSeries';
import type { DualOrder, DualProduct } from '../okx/types';
import { dualProductName } from '../views/dualLabels';
import { loadOkusdApr, stableApySeries } from './newerSeries';
import type { ChartPoint, ProductAction, ProductState, RangeDays, Row } from './protocol';

/** The portfolio areas a product panel is built from. */
export const PRODUCT_AREAS: readonly AreaId[] = ['offers', 'onchain', 'eth', 'sol', 'savings', 'market'];

export type ProductTarget =
  | { kind: 'onchain'; productId: string }
  | { kind: 'eth' }
  | { kind: 'sol' }
  | { kind: 'savings'; ccy: string }
  | { kind: 'okusd' }
  | { kind: 'stable'; ccy: string }
  | DualTarget;

/** A Dual Investment order (followed by its ordId as the portfolio refreshes), or a product on offer. */
export type DualTarget = { kind: 'dual'; order: DualOrder } | { kind: 'dual'; product: DualProduct };

/** The targets whose page is built by ./newerState (OKUSD, Stable Rewards, Dual Investment). */
export type NewerTarget = Extract<ProductTarget, { kind: 'okusd' | 'stable' | 'dual' }>;

export function isNewer(target: ProductTarget): target is NewerTarget {
  return target.kind === 'okusd' || target.kind === 'stable' || target.kind === 'dual';
}

export function productKey(target: ProductTarget): string {
  switch (target.kind) {
    case 'onchain': return `product:onchain:${target.productId}`;
    case 'savings': return `product:savings:${target.ccy}`;
    case 'stable': return `product:stable:${target.ccy}`;
    case 'dual': return 'order' in target ? `product:dual:order:${target.order.ordId}` : `product:dual:product:${target.product.productId}`;
    default: return `product:${target.kind}`;
  }
}

/** The portfolio areas a product's page is built from (a change in one of them redraws it). */
export function productAreas(target: ProductTarget): readonly AreaId[] {
  return target.kind === 'okusd' ? ['okusd'] : target.kind === 'stable' ? ['stable'] : target.kind === 'dual' ? ['dual'] : PRODUCT_AREAS;
}

export function productTitle(target: ProductTarget): string {
  switch (target.kind) {
    case 'onchain': return vscode.l10n.t('On-chain earn {0}', target.productId);
    case 'eth': return vscode.l10n.t('ETH staking');
    case 'sol': return vscode.l10n.t('SOL staking');
    case 'savings': return vscode.l10n.t('{0} savings', target.ccy);
    case 'okusd': return vscode.l10n.t('OKUSD');
    case 'stable': return vscode.l10n.t('{0} · Stable Rewards', target.ccy);
    case 'dual': {
      const of = 'order' in target ? target.order : target.product;
      return of === undefined ? vscode.l10n.t('Dual Investment') : dualProductName(of);
    }
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A series whose newest points were fetched this recently is not asked for again. */
const FRESH_MS = 60_000;
/** After a failure, a render does not try again sooner than this. */
const RETRY_MS = 10_000;

export interface ChartEntry {
  points: ChartPoint[];
  loading: boolean;
  error: string | undefined;
  /** What is known reaches back over the whole range (kept from before, or fetched). */
  covered: boolean;
}

/** Where a series is kept between sessions, and under which host (see portfolio/historyCache). */
export interface ChartStore {
  readonly history: RateHistoryStore;
  readonly host: () => string;
}

interface SeriesState {
  series: RateSeries | undefined;
  /** The oldest time any range asked for. */
  since: number;
  running: Promise<void> | undefined;
  syncedAt: number | undefined;
  failedAt: number | undefined;
  error: string | undefined;
  update: () => void;
}

/** The targets with a rate history. */
type Charted = Exclude<ProductTarget, { kind: 'onchain' | 'dual' }>;
/** The histories kept between sessions (OKUSD's and Stable Rewards' are short: fetched again each session). */
type Kept = Extract<Charted, { kind: 'eth' | 'sol' | 'savings' }>;
const kept = (target: Charted): target is Kept => target.kind === 'eth' || target.kind === 'sol' || target.kind === 'savings';
/** Stable Rewards' APY history goes back 100 days at most. */
const STABLE_DAYS = 100;

function seriesKey(target: Kept): { product: RateProduct; ccy: string } {
  return target.kind === 'savings' ? { product: 'savings', ccy: target.ccy } : { product: target.kind, ccy: target.kind.toUpperCase() };
}

/**
 * Rate histories, one series per product (and savings currency), each range a view of it. ETH/SOL APY comes
 * daily in one request; savings lending rates come hourly, 100 a page, so a year is 88 pages that arrive a few at
 * a time (OKX allows 6 requests a second to this public endpoint) and the chart is redrawn as they come. Kept
 * between sessions in `store`: a chart opened again shows what was kept at once and fetches only what is newer.
 */
export class ChartCache {
  private readonly series = new Map<string, SeriesState>();

  constructor(
    private readonly client: () => OkxClient | undefined,
    private readonly store?: ChartStore,
  ) {}

  clear(): void {
    this.series.clear();
  }

  get(target: ProductTarget, range: RangeDays): ChartEntry | undefined {
    if (target.kind === 'onchain' || target.kind === 'dual') return undefined;
    const state = this.series.get(productKey(target));
    if (state === undefined) return undefined;
    const since = this.now() - range * DAY;
    const points = (state.series?.points ?? []).filter((p) => p.ts >= since);
    return { points, loading: state.running !== undefined, error: state.error, covered: covers(state.series, since) };
  }

  /** Loads a range's history when it is not known and fresh yet; `update` is called as points arrive and when done. */
  load(target: ProductTarget, range: RangeDays, update: () => void): void {
    if (target.kind === 'onchain' || target.kind === 'dual') return;
    const client = this.client();
    if (client === undefined) return;
    const key = productKey(target);
    const since = Date.now() + client.clockOffsetMs - range * DAY;
    let state = this.series.get(key);
    if (state === undefined) {
      state = { series: undefined, since, running: undefined, syncedAt: undefined, failedAt: undefined, error: undefined, update };
      this.series.set(key, state);
    }
    state.update = update;
    state.since = Math.min(state.since, since);
    if (state.running !== undefined || upToDate(state)) return;
    if (state.failedAt !== undefined && Date.now() - state.failedAt < RETRY_MS) return;
    state.running = this.sync(state, target, client);
  }

  private now(): number {
    return Date.now() + (this.client()?.clockOffsetMs ?? 0);
  }

  private async sync(state: SeriesState, target: Charted, client: OkxClient): Promise<void> {
    if (!kept(target)) return this.syncNewer(state, target, client);
    const key = { host: this.store?.host() ?? '', ...seriesKey(target) };
    try {
      if (state.series === undefined && this.store !== undefined) {
        state.series = await this.store.history.read(key);
        if (state.series !== undefined) state.update();
      }
      // A longer range asked for while this ran is loaded before it ends.
      while (!upToDate(state)) {
        const options = {
          now: Date.now() + client.clockOffsetMs,
          since: state.since,
          cached: state.series,
          newer: !fresh(state),
          onProgress: (series: RateSeries) => {
            state.series = series;
            state.update();
          },
        };
        const series = target.kind === 'savings' ? await syncLendingRates(client, target.ccy, options) : await syncStakingApy(client, target.kind, options);
        state.series = series;
        state.syncedAt = Date.now();
        if (this.store !== undefined) await this.store.history.write(key, series, options.now);
      }
      state.error = undefined;
      state.failedAt = undefined;
    } catch (error) {
      state.error = errorText(error);
      state.failedAt = Date.now();
    } finally {
      state.running = undefined;
      state.update();
    }
  }

  /**
   * OKUSD's APR (daily, 100 snapshots a page, newest first) or a Stable Rewards coin's APY (one request of 100
   * days): fetched again whole when stale or a longer range is asked for, never kept on disk.
   */
  private async syncNewer(state: SeriesState, target: Exclude<Charted, Kept>, client: OkxClient): Promise<void> {
    try {
      while (!upToDate(state)) {
        const now = Date.now() + client.clockOffsetMs;
        const since = state.since;
        const series =
          target.kind === 'okusd'
            ? await loadOkusdApr(client.okusd.aprHistory({ limit: '100' }), now, since, (s) => {
                state.series = s;
                state.update();
              })
            : stableApySeries(await client.stableRewards.apyHistory({ ccy: target.ccy, days: String(STABLE_DAYS) }), now, STABLE_DAYS);
        // Stable Rewards has nothing older than its 100 days: a longer range is as covered as it can be.
        state.series = target.kind === 'stable' ? { ...series, start: true } : series;
        state.syncedAt = Date.now();
      }
      state.error = undefined;
      state.failedAt = undefined;
    } catch (error) {
      state.error = errorText(error);
      state.failedAt = Date.now();
    } finally {
      state.running = undefined;
      state.update();
    }
  }
}

/**
 * The host a kept history belongs to: any environment by its base URL, demo trading apart from live, and the
 * sandbox by name (its simulator's port changes every session; its curves are the same every time).
 */
export function historyHost(environment: string, client: OkxClient | undefined): string {
  if (environment === 'sandbox') return 'sandbox';
  return client === undefined ? '' : `${client.environment.baseUrl}${client.environment.simulated ? ' (demo trading)' : ''}`;
}

function covers(series: RateSeries | undefined, since: number): boolean {
  return series !== undefined && (series.start || series.from <= since);
}

function fresh(state: SeriesState): boolean {
  return state.syncedAt !== undefined && Date.now() - state.syncedAt < FRESH_MS;
}

function upToDate(state: SeriesState): boolean {
  return fresh(state) && covers(state.series, state.since);
}

/** The ranges Stable Rewards' 100 days of APY can show. */
export const STABLE_RANGES: readonly RangeDays[] = [7, 30, 90];

export function chartFor(target: ProductTarget, range: RangeDays, entry: ChartEntry | undefined): ProductState['chart'] {
  if (target.kind === 'onchain') return { unavailable: vscode.l10n.t('OKX publishes no APY history for on-chain earn products.') };
  if (target.kind === 'dual') return { unavailable: vscode.l10n.t('OKX publishes no yield history for Dual Investment products: each product has its own fixed yield.') };
  const bands = target.kind === 'savings' && range >= DAILY_BANDS_FROM;
  const label =
    target.kind === 'okusd' ? vscode.l10n.t('OKUSD APR (daily)')
    : target.kind === 'stable' ? vscode.l10n.t('{0} Stable Rewards APY at your VIP level (daily)', target.ccy)
    : target.kind !== 'savings' ? vscode.l10n.t('{0} staking APY (daily)', target.kind === 'eth' ? 'ETH' : 'SOL')
    : bands ? vscode.l10n.t("{0} lending rate: what savers earn (each day's average, with its lowest and highest hour)", target.ccy)
    : vscode.l10n.t('{0} lending rate: what savers earn (hourly)', target.ccy);
  const note =
    entry?.error !== undefined ? vscode.l10n.t('Could not load the history: {0}', entry.error)
    : target.kind === 'savings' && range === 365 && entry?.covered !== true ? vscode.l10n.t('A year of hourly rates takes about 15 seconds to load.')
    : target.kind === 'stable' ? vscode.l10n.t('OKX keeps the last 100 days of this history.')
    : '';
  const points = entry?.points ?? [];
  return {
    label,
    range,
    points: bands ? dailyBands(points) : points,
    step: target.kind === 'savings' && !bands ? 'hour' : 'day',
    loading: entry === undefined || entry.loading,
    note,
    ...(target.kind === 'stable' ? { ranges: STABLE_RANGES } : {}),
  };
}

export function buildProductState(target: Exclude<ProductTarget, NewerTarget>, portfolio: Portfolio, chart: ChartEntry | undefined, range: RangeDays): ProductState {
  const data = <K extends 'offers' | 'onchain' | 'eth' | 'sol' | 'savings' | 'market'>(area: K) => {
    const state = portfolio.get(area);
    return 'data' in state ? state.data : undefined;
  };
  const failed = PRODUCT_AREAS.map((a) => portfolio.get(a)).find((s) => s.status === 'error');
  const error = failed?.status === 'error' ? errorText(failed.error) : undefined;
  const updated = time(String(Date.now()));
  let title = productTitle(target);
  let subtitle = '';
  let facts: Row[] = [];
  let position: Row[] = [];
  const actions: ProductAction[] = [];

  if (target.kind === 'onchain') {
    const offer = data('offers')?.offers.find((o) => o.productId === target.productId);
    const orders = data('onchain')?.orders.filter((o) => o.productId === target.productId) ?? [];
    if (offer !== undefined) {
      title = `${offer.ccy} · ${offer.protocol}`;
      subtitle = vscode.l10n.t('On-chain earn · {0}', termLabel(offer.term));
      facts = [
        [vscode.l10n.t('Estimated APY'), percent(offer.apy)],
        [vscode.l10n.t('Term'), termLabel(offer.term)],
        [vscode.l10n.t('Subscription limits'), offer.investData.map((i) => vscode.l10n.t('{0} to {1}', withCcy(i.minAmt, i.ccy), withCcy(i.maxAmt, i.ccy))).join(', ')],
        [vscode.l10n.t('Available to invest'), offer.investData.map((i) => withCcy(i.bal, i.ccy)).join(', ')],
        [vscode.l10n.t('Redemption period'), redeemPeriodText(offer.redeemPeriod)],
        [vscode.l10n.t('Early redemption'), offer.term === '0' ? vscode.l10n.t('not applicable (flexible)') : offer.earlyRedeem ? vscode.l10n.t('allowed') : vscode.l10n.t('not allowed')],
        [vscode.l10n.t('Fast redemption daily limit'), offer.fastRedemptionDailyLimit === '' ? vscode.l10n.t('none') : offer.fastRedemptionDailyLimit],
        [vscode.l10n.t('Earns'), offer.earningData.map((e) => e.ccy).join(', ')],
        [vscode.l10n.t('State'), offerStateText(offer)],
        [vscode.l10n.t('Protocol'), offer.protocol],
        [vscode.l10n.t('Product ID'), offer.productId],
      ];
      if (offerBuyableNow(offer)) actions.push('purchase');
    }
    // An order whose offer is no longer listed still names its product.
    const [named] = orders;
    if (offer === undefined && named !== undefined) title = `${named.ccy} · ${named.protocol}`;
    for (const order of orders) {
      position.push([
        vscode.l10n.t('Order {0} · {1}', order.ordId, orderStateLabel(order.state)),
        `${order.investData.map((i) => withCcy(i.amt, i.ccy)).join(' + ')} · ${vscode.l10n.t('earned {0}', order.earningData.map((e) => withCcy(e.earnings, e.ccy)).join(', '))}`,
      ]);
    }
    if (orders.some((o) => o.state === '1')) actions.push('redeem');
  } else if (target.kind === 'eth' || target.kind === 'sol') {
    const token = target.kind === 'eth' ? 'BETH' : 'OKSOL';
    const base = target.kind === 'eth' ? 'ETH' : 'SOL';
    const market = data('market');
    const apy = target.kind === 'eth' ? market?.ethApy : market?.solApy;
    const product = target.kind === 'eth' ? data('eth')?.product : data('sol')?.product;
    const latest = stakingRateFraction(product?.rate, apy?.rate);
    subtitle = vscode.l10n.t('Stake {0}, receive {1} 1:1', base, token);
    facts = [
      [vscode.l10n.t('APY today'), apy === undefined ? '' : percent(apy.rate)],
      [vscode.l10n.t('Latest APY (product info)'), latest === undefined ? '' : percent(latest)],
      [vscode.l10n.t('You receive'), vscode.l10n.t('{0}, 1:1, with daily rewards', token)],
      [vscode.l10n.t('Minimum stake'), product?.minAmt === undefined || product.minAmt === '' ? '' : withCcy(product.minAmt, base)],
      [vscode.l10n.t('Standard redemption takes'), product?.redemptDays === undefined || product.redemptDays === '' ? '' : daysText(product.redemptDays)],
    ];
    if (target.kind === 'eth') {
      const eth = data('eth');
      if (eth?.product !== undefined) facts.push([vscode.l10n.t('Fast redemption daily limit'), withCcy(eth.product.fastRedemptionDailyLimit, token)]);
      if (eth?.balance !== undefined) {
        position = [
          [vscode.l10n.t('Staked'), withCcy(eth.balance.amt, token)],
          [vscode.l10n.t('Latest reward'), withCcy(eth.balance.latestInterestAccrual, token)],
          [vscode.l10n.t('Total rewards'), withCcy(eth.balance.totalInterestAccrual, token)],
          ...eth.pendingRedemptions.map((r): Row => [vscode.l10n.t('Redeeming'), `${withCcy(r.amt, token)} · ${vscode.l10n.t('expected {0}', time(r.estCompletedTime))}`]),
        ];
      }
    } else {
      const sol = data('sol');
      if (sol !== undefined) {
        facts.push([vscode.l10n.t('Fast redemption'), vscode.l10n.t('{0} of {1} available today', withCcy(sol.product.fastRedemptionAvail, base), withCcy(sol.product.fastRedemptionDailyLimit, base))]);
        if (sol.balance !== undefined) {
          position = [
            [vscode.l10n.t('Staked'), withCcy(sol.balance.amt, token)],
            [vscode.l10n.t('Latest reward'), withCcy(sol.balance.latestInterestAccrual, token)],
            [vscode.l10n.t('Total rewards'), withCcy(sol.balance.totalInterestAccrual, token)],
          ];
        }
      }
    }
    actions.push('purchase');
    const staked = target.kind === 'eth' ? data('eth')?.balance?.amt : data('sol')?.balance?.amt;
    if (staked !== undefined && D.isPlainDecimal(staked) && D.isPositive(staked)) actions.push('redeem');
  } else {
    const market = data('market');
    const rate = market?.lendingRates.find((r) => r.ccy === target.ccy);
    const latest = market?.latestRates.find((r) => r.ccy === target.ccy);
    const balance = data('savings')?.balances.find((b) => b.ccy === target.ccy);
    subtitle = vscode.l10n.t('Simple Earn flexible: lent to margin traders, hourly interest');
    // What savers earn (lending rate) first; OKX's summary figures are what borrowers pay, and say so.
    facts = [
      [vscode.l10n.t('Lending rate, last hour (what savers earn)'), latest?.lendingRate === undefined || latest.lendingRate === '' ? '' : percent(latest.lendingRate)],
      ...(rate === undefined ? [] : [
        [vscode.l10n.t('Borrowing rate, next (estimated)'), percent(rate.estRate)] as Row,
        [vscode.l10n.t('Borrowing rate, last'), percent(rate.preRate)] as Row,
        [vscode.l10n.t('Borrowing rate, 24-hour average'), percent(rate.avgRate)] as Row,
      ]),
    ];
    if (balance !== undefined) {
      position = [
        [vscode.l10n.t('Amount'), withCcy(balance.amt, balance.ccy)],
        [vscode.l10n.t('Lent'), withCcy(balance.loanAmt, balance.ccy)],
        [vscode.l10n.t('Pending'), withCcy(balance.pendingAmt, balance.ccy)],
        [vscode.l10n.t('Earnings'), withCcy(balance.earnings, balance.ccy)],
        [vscode.l10n.t('Your minimum lending rate'), percent(balance.rate)],
      ];
    }
    actions.push('purchase');
    if (balance !== undefined && D.isPositive(balance.amt)) actions.push('redeem');
  }
  // The buttons carry the names the menus and the palette give the same actions.
  const actionLabels =
    target.kind === 'eth' ? { purchase: vscode.l10n.t('Stake ETH for BETH…'), redeem: vscode.l10n.t('Redeem BETH…') }
    : target.kind === 'sol' ? { purchase: vscode.l10n.t('Stake SOL for OKSOL…'), redeem: vscode.l10n.t('Redeem OKSOL…') }
    : target.kind === 'savings' ? { purchase: vscode.l10n.t('Subscribe…'), redeem: vscode.l10n.t('Redeem…') }
    : undefined;
  return { kind: 'product', title, subtitle, facts, position, chart: chartFor(target, range, chart), actions, ...(actionLabels === undefined ? {} : { actionLabels }), updated, error };
}
