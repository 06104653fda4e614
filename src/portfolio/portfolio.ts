/**
 * What the user has in OKX Earn, as last loaded: one state per area (on-chain orders, ETH staking, SOL
 * staking, savings, loans, offers, market rates), each loaded on its own so that one failing area leaves the
 * others intact. Views read it and never call the network themselves. No `vscode` import.
 */
import type { OkxClient, Pager } from '../okx/client';
import type { OkxError } from '../okx/errors';
import type * as T from '../okx/types';
import { Emitter } from './emitter';
import { usdPrices } from './prices';
import { loanKey, orderParam } from './risk';
import { dualProductOf, historyScope, pendingEthRedemption, pendingStandardRedemption } from './scopes';

export interface AreaData {
  onchain: { orders: T.ActiveOrder[] };
  eth: { balance: T.StakingBalance | undefined; product: T.EthProductInfo | undefined; pendingRedemptions: T.StakingHistoryRecord[] };
  sol: { balance: T.StakingBalance | undefined; product: T.SolProductInfo };
  savings: { balances: T.SavingsBalance[] };
  /**
   * `maxRedeem`: per order (its loanKey) and collateral currency, how much collateral OKX would give back now
   * ("0" when none); an order or currency missing there could not be asked (the menus then still offer it).
   */
  loans: { loans: T.LoanInfo[]; maxRedeem?: ReadonlyMap<string, ReadonlyMap<string, string>> };
  offers: { offers: T.Offer[] };
  market: {
    /** OKX's summary: BORROWING rates (what borrowers pay). */
    lendingRates: T.LendingRateSummary[];
    /** The latest hour's rates per currency, with `lendingRate`: what savers earn. */
    latestRates: T.LendingRatePoint[];
    ethApy: T.RatePoint | undefined;
    solApy: T.RatePoint | undefined;
  };
  /** USD index prices (public), one request for every currency: what the Overview values holdings at. */
  prices: { usd: ReadonlyMap<string, string> };
  /** OKX's own valuation of the account, in USD: the Overview's cross-check. */
  valuation: { valuation: T.AssetValuation | undefined };
  /** The last 24 hours of savings lending records (hourly, every currency): the savings' 24-hour earnings. */
  recent: { lending: T.LendingRecord[]; since: number };
  /**
   * OKUSD: the holding and its earnings, today's quotas, the latest APR and daily reward, and the standard
   * redemptions still on their way (D+5/D+6).
   */
  okusd: {
    account: T.OkusdAccount | undefined;
    limits: T.OkusdLimits | undefined;
    apr: T.OkusdAprPoint | undefined;
    latestReward: T.OkusdReward | undefined;
    pendingRedemptions: T.OkusdRedemption[];
  };
  /** Stable Rewards: each rewards-bearing stablecoin held, and its latest daily APY (public, per currency). */
  stable: { holdings: T.StableRewardsHolding[]; apy: ReadonlyMap<string, T.StableRewardsApyPoint> };
  /** Dual Investment: the newest orders (one page of 100), open and settled; `open` are those not yet settled. */
  dual: { orders: T.DualOrder[] };
  /** Dual Investment: the currency pairs on offer (each pair once per direction). */
  dualPairs: { pairs: T.DualCurrencyPair[] };
}

export type AreaId = keyof AreaData;
export const AREA_IDS: readonly AreaId[] = ['onchain', 'eth', 'sol', 'savings', 'loans', 'offers', 'market', 'prices', 'valuation', 'recent', 'okusd', 'stable', 'dual', 'dualPairs'];

/** Areas that need an API key; `market` and `prices` are public. */
export const PRIVATE_AREAS: ReadonlySet<AreaId> = new Set(['onchain', 'eth', 'sol', 'savings', 'loans', 'offers', 'valuation', 'recent', 'okusd', 'stable', 'dual', 'dualPairs']);

/** Dual Investment orders whose money is still in the product (not settled, redeemed or rejected). */
const DUAL_CLOSED: ReadonlySet<string> = new Set(['settled', 'redeemed', 'rejected']);
export function dualOrderOpen(order: T.DualOrder): boolean {
  return !DUAL_CLOSED.has(order.state);
}

const DAY_MS = 86_400_000;
/** At most this many pages of lending history for the last 24 hours (100 records a page). */
const RECENT_PAGES = 5;

export type AreaState<K extends AreaId> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly data?: AreaData[K]; readonly updatedAt?: number }
  | { readonly status: 'ready'; readonly data: AreaData[K]; readonly updatedAt: number }
  | { readonly status: 'error'; readonly error: OkxError | Error; readonly data?: AreaData[K]; readonly updatedAt?: number };

type Loaders = { [K in AreaId]: (client: OkxClient) => Promise<AreaData[K]> };

const LOADERS: Loaders = {
  onchain: async (c) => ({ orders: await c.onchain.activeOrders() }),
  eth: async (c) => {
    const [balance, product, pending] = await Promise.all([
      c.eth.balance(),
      c.eth.productInfo(),
      c.eth.history({ type: 'redeem', status: 'pending' }).next(),
    ]);
    return { balance: balance[0], product: product[0], pendingRedemptions: pending.filter(pendingEthRedemption) };
  },
  sol: async (c) => {
    const [balance, product] = await Promise.all([c.sol.balance(), c.sol.productInfo()]);
    return { balance: balance[0], product };
  },
  savings: async (c) => ({ balances: await c.savings.balance() }),
  loans: async (c) => {
    const loans = await c.loan.info();
    const maxRedeem = new Map<string, ReadonlyMap<string, string>>();
    await Promise.all(
      loans.map(async (loan) => {
        const byCcy = new Map<string, string>();
        await Promise.all(
          loan.collateralData.map(async ({ ccy }) => {
            // Only a hint for the menus: a failure here must not fail the loans.
            const max = (await c.loan.maxCollateralRedeem({ ccy, ...orderParam(loan) }).catch(() => [])).find((m) => m.ccy === ccy);
            if (max !== undefined) byCcy.set(ccy, max.maxRedeemAmt);
          }),
        );
        maxRedeem.set(loanKey(loan), byCcy);
      }),
    );
    return { loans, maxRedeem };
  },
  offers: async (c) => ({ offers: await c.onchain.offers() }),
  prices: async (c) => ({ usd: await usdPrices(c) }),
  valuation: async (c) => ({ valuation: (await c.account.assetValuation({ ccy: 'USD' }))[0] }),
  recent: async (c) => {
    // Newest first: read until a record is older than a day (OKX's time, as far as this client knows it).
    const since = Date.now() + c.clockOffsetMs - DAY_MS;
    const pager = c.savings.lendingHistory({ limit: '100' });
    const lending: T.LendingRecord[] = [];
    for (let pages = 0; pages < RECENT_PAGES && !pager.done; pages++) {
      const page = await pager.next();
      lending.push(...page.filter((r) => Number(r.ts) >= since));
      if (page.some((r) => Number(r.ts) < since)) break;
    }
    return { lending, since };
  },
  okusd: async (c) => {
    const [account, limits, apr, rewards, pending] = await Promise.all([
      c.okusd.account(),
      c.okusd.limits(),
      c.okusd.aprHistory({ limit: '1' }).next(),
      c.okusd.rewardsHistory({ limit: '1' }).next(),
      // Fast redemptions settle at once: only standard ones can still be on their way.
      c.okusd.redeemHistory({ type: 'standard', limit: '100' }).next(),
    ]);
    return { account: account[0], limits: limits[0], apr: apr[0], latestReward: rewards[0], pendingRedemptions: pending.filter(pendingStandardRedemption) };
  },
  stable: async (c) => {
    const [balance] = await c.stableRewards.balance();
    const holdings = balance?.details ?? [];
    const apy = new Map<string, T.StableRewardsApyPoint>();
    await Promise.all(
      holdings.map(async ({ ccy }) => {
        // The APY adds to the holding; a failure here must not hide it.
        const [latest] = await c.stableRewards.apyHistory({ ccy, days: '1' }).catch(() => []);
        if (latest !== undefined) apy.set(ccy, latest);
      }),
    );
    return { holdings, apy };
  },
  dual: async (c) => ({ orders: await c.dual.orderHistory({ limit: '100' }).next() }),
  dualPairs: async (c) => ({ pairs: await c.dual.currencyPairs() }),
  market: async (c) => {
    // Without a currency, one history page holds every currency's latest hour, whatever the limit.
    const [lendingRates, latestRates, eth, sol] = await Promise.all([
      c.savings.lendingRateSummary(),
      c.savings.lendingRateHistory({ limit: '1' }).next(),
      c.eth.apyHistory({ days: '1' }),
      c.sol.apyHistory({ days: '1' }),
    ]);
    return { lendingRates, latestRates, ethApy: eth[0], solApy: sol[0] };
  },
};

/** A history list that grows a page at a time ("Load more"). */
export class HistoryList<R> {
  readonly items: R[] = [];
  error: OkxError | Error | undefined;
  private loading: Promise<void> | undefined;

  /** `keep`: what the list's name promises (./scopes); a record outside it is dropped, never shown under it. */
  constructor(private readonly pager: Pager<R>, private readonly keep: (record: R) => boolean = () => true) {}

  get done(): boolean {
    return this.pager.done;
  }

  get started(): boolean {
    return this.items.length > 0 || this.pager.done || this.error !== undefined;
  }

  /** Fetches the next page (once, however often it is asked while in flight). */
  loadMore(): Promise<void> {
    this.loading ??= this.pager
      .next()
      .then(
        (page) => {
          this.items.push(...page.filter(this.keep));
          this.error = undefined;
        },
        (error: unknown) => {
          this.error = error instanceof Error ? error : new Error(String(error));
        },
      )
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}

/** The record type of each history the views can page through. */
export interface HistoryRecords {
  onchain: T.HistoricOrder;
  eth: T.StakingHistoryRecord;
  sol: T.StakingHistoryRecord;
  savings: T.LendingRecord;
  loan: T.LoanHistoryRecord;
  interest: T.InterestAccrual;
  okusdSubscribe: T.OkusdSubscription;
  okusdRedeem: T.OkusdRedemption;
  okusdRewards: T.OkusdReward;
  dual: T.DualOrder;
}

export type HistoryKind = keyof HistoryRecords;

const PAGE = '20';

/** `scope` narrows a history: the savings currency, or the loan order (`ordId`) for loan history and interest. */
const PAGERS: { [K in HistoryKind]: (client: OkxClient, scope: string | undefined) => Pager<HistoryRecords[K]> } = {
  onchain: (c) => c.onchain.orderHistory({ limit: PAGE }),
  eth: (c) => c.eth.history({ limit: PAGE }),
  sol: (c) => c.sol.history({ limit: PAGE }),
  savings: (c, ccy) => c.savings.lendingHistory({ ccy, limit: PAGE }),
  loan: (c, ordId) => c.loan.history({ limit: PAGE, ...(ordId === undefined ? {} : { ordId }) }),
  // Interest is hourly: a page of 100 (OKX's most) is about four days, shown by day.
  interest: (c, ordId) => c.loan.interestAccrued({ limit: '100', ...(ordId === undefined ? {} : { ordId }) }),
  // OKX lists standard redemptions unless asked for fast ones: the scope says which ('standard' by default).
  okusdSubscribe: (c) => c.okusd.subscribeHistory({ limit: PAGE }),
  okusdRedeem: (c, type) => c.okusd.redeemHistory({ limit: PAGE, type: type === 'fast' ? 'fast' : 'standard' }),
  okusdRewards: (c) => c.okusd.rewardsHistory({ limit: PAGE }),
  dual: (c) => c.dual.orderHistory({ limit: PAGE }),
};

export class Portfolio {
  private readonly states = new Map<AreaId, AreaState<AreaId>>();
  private readonly inFlight = new Map<AreaId, Promise<void>>();
  /** One load per area queued behind the one in flight, for refreshes that must read after they were asked. */
  private readonly queued = new Map<AreaId, Promise<void>>();
  private readonly histories = new Map<string, unknown>();
  /** Dual Investment products per pair and direction, read once per connection (or after `resetDualProducts`). */
  private readonly dualProductLists = new Map<string, Promise<T.DualProduct[] | Error>>();
  private readonly changed = new Emitter<readonly AreaId[]>();
  private generation = 0;
  readonly onDidChange = this.changed.event;

  constructor(private client: OkxClient | undefined) {}

  get hasClient(): boolean {
    return this.client !== undefined;
  }

  get hasCredentials(): boolean {
    return this.client?.hasCredentials === true;
  }

  /** A new connection (environment, profile or key): everything loaded so far is forgotten. */
  setClient(client: OkxClient | undefined): void {
    this.client = client;
    this.generation += 1;
    this.states.clear();
    this.inFlight.clear();
    this.queued.clear();
    this.histories.clear();
    this.dualProductLists.clear();
    this.changed.fire(AREA_IDS);
  }

  get<K extends AreaId>(area: K): AreaState<K> {
    return (this.states.get(area) ?? { status: 'idle' }) as AreaState<K>;
  }

  /** Loads an area that has never been loaded; resolves when it is ready or failed. */
  ensure(area: AreaId): Promise<void> {
    return this.get(area).status === 'idle' ? this.refresh([area]) : (this.inFlight.get(area) ?? Promise.resolve());
  }

  /**
   * Reloads the given areas, all at once; an area already loading is not asked twice. With `fresh` (after
   * something changed at OKX, e.g. a purchase), every area is read after this call: one already loading was
   * asked before the change, so one more load is queued behind it, shared by every fresh refresh asked
   * meanwhile. So an area is never loaded more than twice at a time, however often it is asked.
   */
  async refresh(areas: readonly AreaId[], options: { readonly fresh?: boolean } = {}): Promise<void> {
    await Promise.all(areas.map((area) => (options.fresh === true ? this.loadAfter(area) : this.load(area))));
  }

  /** A load that starts after now: the one in flight (which started earlier) is waited for, then one more. */
  private loadAfter(area: AreaId): Promise<void> {
    const running = this.inFlight.get(area);
    if (running === undefined) return this.load(area);
    const waiting = this.queued.get(area);
    if (waiting !== undefined) return waiting;
    const generation = this.generation;
    const next: Promise<void> = running.then(() => {
      if (this.queued.get(area) === next) this.queued.delete(area);
      // A load started after `running` finished began after this was asked, so joining it is fresh enough.
      return generation === this.generation ? this.load(area) : undefined;
    });
    this.queued.set(area, next);
    return next;
  }

  private load(area: AreaId): Promise<void> {
    const running = this.inFlight.get(area);
    if (running !== undefined) return running;
    const client = this.client;
    if (client === undefined || (PRIVATE_AREAS.has(area) && !client.hasCredentials)) return Promise.resolve();
    const generation = this.generation;
    const previous = this.get(area);
    const kept = 'data' in previous && previous.data !== undefined ? { data: previous.data, updatedAt: previous.updatedAt } : {};
    this.states.set(area, { status: 'loading', ...kept });
    this.changed.fire([area]);
    const loader = LOADERS[area] as (c: OkxClient) => Promise<AreaData[AreaId]>;
    const done = loader(client)
      .then(
        (data) => {
          if (generation === this.generation) {
            this.states.set(area, { status: 'ready', data, updatedAt: Date.now() });
            // Products are re-quoted as the market moves: a refresh of the pairs reads them again when shown.
            if (area === 'dualPairs') this.dualProductLists.clear();
          }
        },
        (error: unknown) => {
          if (generation === this.generation) {
            this.states.set(area, { status: 'error', error: error instanceof Error ? error : new Error(String(error)), ...kept });
          }
        },
      )
      .finally(() => {
        if (generation === this.generation) {
          this.inFlight.delete(area);
          this.changed.fire([area]);
        }
      });
    this.inFlight.set(area, done);
    return done;
  }

  /**
   * A history list (savings: of one currency; loan history and interest: of one order), kept until the
   * connection changes or `resetHistory` drops it.
   */
  history<K extends HistoryKind>(kind: K, scope?: string): HistoryList<HistoryRecords[K]> | undefined {
    const client = this.client;
    if (client === undefined || !client.hasCredentials) return undefined;
    const key = `${kind}:${scope ?? ''}`;
    let list = this.histories.get(key) as HistoryList<HistoryRecords[K]> | undefined;
    if (list === undefined) {
      list = new HistoryList(PAGERS[kind](client, scope), historyScope(kind, scope));
      this.histories.set(key, list);
    }
    return list;
  }

  /** Forgets a history (of every scope, without one) so that it starts again from the newest record. */
  resetHistory(kind: HistoryKind, scope?: string): void {
    for (const key of [...this.histories.keys()]) {
      if (scope === undefined ? key.startsWith(`${kind}:`) : key === `${kind}:${scope}`) this.histories.delete(key);
    }
  }

  /** The Dual Investment products on offer for a pair in one direction, or the error that kept them. */
  dualProducts(pair: Pick<T.DualCurrencyPair, 'baseCcy' | 'quoteCcy' | 'optType'>): Promise<T.DualProduct[] | Error> {
    const client = this.client;
    if (client === undefined || !client.hasCredentials || (pair.optType !== 'C' && pair.optType !== 'P')) return Promise.resolve([]);
    const key = `${pair.baseCcy}-${pair.quoteCcy}-${pair.optType}`;
    let list = this.dualProductLists.get(key);
    if (list === undefined) {
      list = client.dual.products({ baseCcy: pair.baseCcy, quoteCcy: pair.quoteCcy, optType: pair.optType === 'C' ? 'C' : 'P' }).then((products) => products.filter(dualProductOf(pair))).catch((error: unknown) => {
        // A failure is not kept: the next look asks again.
        this.dualProductLists.delete(key);
        return error instanceof Error ? error : new Error(String(error));
      });
      this.dualProductLists.set(key, list);
    }
    return list;
  }

  /** Forgets the Dual Investment products read so far (they are re-quoted every few minutes). */
  resetDualProducts(): void {
    this.dualProductLists.clear();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

