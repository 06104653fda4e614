/**
 * What the user has in OKX Earn, as last loaded: one state per area (on-chain orders, ETH staking, SOL
 * staking, savings, loans, offers, market rates), each loaded on its own so that one failing area leaves the
 * others intact. Views read it and never call the network themselves. No `vscode` import.
 */
import type { OkxClient } from '../okx/client';
import type { Pager } from '../okx/pager';
import type { OkxError } from '../okx/errors';
import type * as T from '../okx/types';
import { AREA_IDS, PRIVATE_AREAS, type AreaData, type AreaId, type HistoryKind, type HistoryRecords } from './areas';
import { freshForMs } from './areaEndpoints';
import type { LoadContext, LoansSeen } from './areaLoaders';
import { Emitter } from './emitter';
import { collateralLookups, type FollowUpStore } from './followUpMemory';

export { AREA_IDS, PRIVATE_AREAS, type AreaData, type AreaId, type HistoryKind, type HistoryRecords } from './areas';
import { dualProductOf, historyScope } from './scopes';

/** Dual Investment orders whose money is still in the product (not settled, redeemed or rejected). */
const DUAL_CLOSED: ReadonlySet<string> = new Set(['settled', 'redeemed', 'rejected']);
export function dualOrderOpen(order: T.DualOrder): boolean {
  return !DUAL_CLOSED.has(order.state);
}

export type AreaState<K extends AreaId> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly data?: AreaData[K]; readonly updatedAt?: number }
  | { readonly status: 'ready'; readonly data: AreaData[K]; readonly updatedAt: number }
  | { readonly status: 'error'; readonly error: OkxError | Error; readonly data?: AreaData[K]; readonly updatedAt?: number };

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

  constructor(
    private client: OkxClient | undefined,
    /** The clock `updatedAt` and freshness are read on (tests pass their own). */
    private readonly now: () => number = Date.now,
    /** Where this account's per-order and per-coin look-ups are kept for the next session (./followUpMemory). */
    private followUpStore?: FollowUpStore,
  ) {}

  get hasClient(): boolean {
    return this.client !== undefined;
  }

  get hasCredentials(): boolean {
    return this.client?.hasCredentials === true;
  }

  /**
   * A new connection (environment, profile or key): everything loaded so far is forgotten. `followUps`: where
   * this account's look-ups are kept between sessions, if anywhere.
   */
  setClient(client: OkxClient | undefined, followUps?: FollowUpStore): void {
    this.client = client;
    this.followUpStore = followUps;
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

  /** Shows the areas' data again as it is (how it is shown changed, e.g. the valuation unit): nothing is read. */
  reshow(areas: readonly AreaId[]): void {
    this.changed.fire(areas);
  }

  /** Loads an area that has never been loaded; resolves when it is ready or failed. */
  ensure(area: AreaId): Promise<void> {
    return this.get(area).status === 'idle' ? this.refresh([area]) : (this.inFlight.get(area) ?? Promise.resolve());
  }

  /**
   * Reloads the given areas, all at once; an area already loading is not asked twice, and one whose data is
   * younger than its endpoints' rate window (`isFresh`) is not asked again. With `fresh` (after something
   * changed at OKX, e.g. a purchase), every area is read after this call, however young its data: one already
   * loading was asked before the change, so one more load is queued behind it, shared by every fresh refresh
   * asked meanwhile. So an area is never loaded more than twice at a time, however often it is asked.
   */
  async refresh(areas: readonly AreaId[], options: { readonly fresh?: boolean } = {}): Promise<void> {
    await Promise.all(areas.map((area) => (options.fresh === true ? this.loadAfter(area) : this.isFresh(area) ? Promise.resolve() : this.load(area))));
  }

  /**
   * Whether an area's data is younger than the longest rate window of the endpoints it reads (./areaLoaders):
   * asked again now, OKX would answer no sooner than that window allows, and hardly anything else.
   */
  isFresh(area: AreaId): boolean {
    const state = this.get(area);
    return state.status === 'ready' && this.client !== undefined && this.now() - state.updatedAt < freshForMs(area, this.client);
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
    // What the loader is given is taken now; the loaders themselves load with the first refresh (./areaLoaders).
    const context = this.context(client, 'data' in previous ? previous.data : undefined);
    const done = import('./areaLoaders')
      .then(({ LOADERS }) => (LOADERS[area] as (context: LoadContext<AreaId>) => Promise<AreaData[AreaId]>)(context))
      .then(
        (data) => {
          if (generation === this.generation) {
            this.states.set(area, { status: 'ready', data, updatedAt: this.now() });
            this.keepFollowUps(area);
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

  /** After the loans or the Stable Rewards coins loaded: what the next session's first refresh asks alongside. */
  private keepFollowUps(area: AreaId): void {
    const store = this.followUpStore;
    if (store === undefined || (area !== 'loans' && area !== 'stable')) return;
    const kept = store.read();
    const loans = this.get('loans');
    const stable = this.get('stable');
    store.write({
      collateral: area === 'loans' && 'data' in loans && loans.data !== undefined ? collateralLookups(loans.data.loans) : (kept?.collateral ?? []),
      stableCcys: area === 'stable' && 'data' in stable && stable.data !== undefined ? stable.data.holdings.map((h) => h.ccy) : (kept?.stableCcys ?? []),
    });
  }

  /** What a loader is given: the client, what its area held, and the loan orders (for their limits). */
  private context(client: OkxClient, previous: AreaData[AreaId] | undefined): LoadContext<AreaId> {
    const loans = this.get('loans');
    const store = this.followUpStore;
    return {
      client,
      previous,
      loansShown: 'data' in loans ? loans.data?.loans : undefined,
      // Read only by the loaders that use it (the loan limits, the Stable Rewards coins).
      get remembered() {
        return store?.read();
      },
      loans: async (): Promise<LoansSeen | undefined> => {
        // After a fresh load queued behind the one in flight, if any: the orders as they are now.
        await (this.queued.get('loans') ?? this.inFlight.get('loans') ?? this.ensure('loans'));
        const state = this.get('loans');
        return 'data' in state && state.data !== undefined && state.updatedAt !== undefined ? { loans: state.data.loans, at: state.updatedAt } : undefined;
      },
    };
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

