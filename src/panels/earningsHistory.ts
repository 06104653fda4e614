/**
 * The histories the Portfolio panel's "Earnings per day" is drawn from: Simple Earn's lending records (every
 * currency, one a currency an hour) and OKUSD's daily rewards, each read page by page (newest first) only as far
 * back as a chart has asked for, and kept for the connection: a longer range continues where a shorter one
 * stopped; a shorter one needs nothing. A refresh reads them again from the newest page, showing the records
 * from before until the first new page is in (never an empty chart meanwhile).
 */
import { errorText } from '../messages';
import type { OkxClient } from '../okx/client';
import type { Pager } from '../okx/pager';
import type { EarningRecord } from './earningsSeries';

/** The pages of one history, newest first (OkxClient's pagers). */
export interface Pages<R> {
  readonly done: boolean;
  next(): Promise<readonly R[]>;
}

export interface HistoryView<R> {
  /** The records since `since`. */
  readonly records: readonly R[];
  /** Every record read so far (the newest of them says when the latest was, in range or not). */
  readonly all: readonly R[];
  /** Whether the records reach back to `since` (or to the start of the history). */
  readonly complete: boolean;
  /** Whether these are the records from before a refresh that is still reading the first new page. */
  readonly refreshing: boolean;
  readonly error: string | undefined;
}

/** One history, paged back on demand. */
export class PagedHistory<R> {
  private records: R[] = [];
  private pager: Pages<R> | undefined;
  /** The oldest time the records reach back to; Infinity before the first page. */
  private reached = Number.POSITIVE_INFINITY;
  /** The oldest time any chart asked for since the last (re)start. */
  private wanted = Number.POSITIVE_INFINITY;
  private loading: Promise<void> | undefined;
  private error: unknown;
  /** What was shown before a refresh, until its first page is in. */
  private previous: { records: R[]; reached: number; done: boolean } | undefined;
  /** Bumped by clear() and restart(): a load from before stops and its pages are dropped. */
  private generation = 0;

  constructor(
    private readonly open: () => Pages<R> | undefined,
    private readonly tsOf: (record: R) => number,
  ) {}

  /** Forgets everything (another connection). */
  clear(): void {
    this.reset();
    this.previous = undefined;
  }

  /** Reads again from the newest page; what was read stays on show until the first new page is in. */
  restart(): void {
    if (this.previous === undefined && this.reached !== Number.POSITIVE_INFINITY) {
      this.previous = { records: this.records, reached: this.reached, done: this.pager?.done === true };
    }
    this.reset();
  }

  private reset(): void {
    this.generation += 1;
    this.records = [];
    this.pager = undefined;
    this.reached = Number.POSITIVE_INFINITY;
    this.wanted = Number.POSITIVE_INFINITY;
    this.loading = undefined;
    this.error = undefined;
  }

  get(since: number): HistoryView<R> {
    const shown = this.previous ?? { records: this.records, reached: this.reached, done: this.pager?.done === true };
    return {
      records: shown.records.filter((r) => this.tsOf(r) >= since),
      all: shown.records,
      complete: shown.reached <= since || shown.done,
      refreshing: this.previous !== undefined,
      error: this.error === undefined ? undefined : errorText(this.error),
    };
  }

  /** Pages back until `since` is covered, calling `update` after each page and at the end; one load at a time. */
  load(since: number, update: () => void): Promise<void> {
    this.wanted = Math.min(this.wanted, since);
    this.update = update;
    if (this.previous === undefined && this.get(since).complete) return Promise.resolve();
    if (this.loading !== undefined) return this.loading;
    const pager = (this.pager ??= this.open());
    if (pager === undefined) return Promise.resolve();
    const generation = this.generation;
    const current = (): boolean => generation === this.generation;
    this.loading = (async () => {
      this.error = undefined;
      try {
        while (current() && !pager.done && this.reached > this.wanted) {
          const page = await pager.next();
          if (!current()) return;
          this.records.push(...page);
          this.previous = undefined;
          const oldest = page.at(-1);
          if (oldest !== undefined) this.reached = Math.min(this.reached, this.tsOf(oldest));
          if (page.length === 0) break;
          this.update();
        }
      } catch (error) {
        if (current()) this.error = error;
      } finally {
        if (current()) {
          this.loading = undefined;
          // A refresh whose first page failed shows what it had, with the error.
          if (this.error !== undefined) this.previous = undefined;
          this.update();
        }
      }
    })();
    return this.loading;
  }

  private update: () => void = () => undefined;
}

export interface EarningsView {
  /** The records since `since`, of every product. */
  readonly records: readonly EarningRecord[];
  /** Every record read, of every product (the newest says when the latest earning was). */
  readonly all: readonly EarningRecord[];
  readonly complete: boolean;
  readonly refreshing: boolean;
  readonly error: string | undefined;
}

/** Simple Earn's lending records and OKUSD's daily rewards, as earning records. */
export class EarningsHistory {
  private readonly savings: PagedHistory<EarningRecord>;
  private readonly okusd: PagedHistory<EarningRecord>;

  constructor(client: () => OkxClient | undefined) {
    const keyed = (): OkxClient | undefined => {
      const c = client();
      return c?.hasCredentials === true ? c : undefined;
    };
    this.savings = new PagedHistory<EarningRecord>(() => mapPages(keyed()?.savings.lendingHistory({ limit: '100' }), (r): EarningRecord => ({ product: 'savings', ccy: r.ccy, amt: r.earnings, ts: Number(r.ts) })), (r) => r.ts);
    this.okusd = new PagedHistory<EarningRecord>(() => mapPages(keyed()?.okusd.rewardsHistory({ limit: '100' }), (r): EarningRecord => ({ product: 'okusd', ccy: r.ccy, amt: r.earnAmt, ts: Number(r.ts) })), (r) => r.ts);
  }

  clear(): void {
    this.savings.clear();
    this.okusd.clear();
  }

  restart(): void {
    this.savings.restart();
    this.okusd.restart();
  }

  get(since: number): EarningsView {
    const views = [this.savings.get(since), this.okusd.get(since)];
    return {
      records: views.flatMap((v) => v.records),
      all: views.flatMap((v) => v.all),
      complete: views.every((v) => v.complete),
      refreshing: views.some((v) => v.refreshing),
      error: views.find((v) => v.error !== undefined)?.error,
    };
  }

  load(since: number, update: () => void): Promise<void> {
    return Promise.all([this.savings.load(since, update), this.okusd.load(since, update)]).then(() => undefined);
  }
}

/** A pager whose records are turned into another shape as they come. */
function mapPages<R, S>(pager: Pager<R> | undefined, map: (record: R) => S): Pages<S> | undefined {
  if (pager === undefined) return undefined;
  return {
    get done() {
      return pager.done;
    },
    next: async () => (await pager.next()).map(map),
  };
}
