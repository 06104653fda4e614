/**
 * Paging through OKX's history endpoints: which endpoints page, and the pager that asks for one page after
 * another (older each time) from a cursor in the records.
 */
import { ENDPOINTS, type DataOf, type ParamsOf } from './endpoints';
import { LOCAL_MESSAGES, OkxError } from './errors';

/** The history endpoints: those with a `cursor` in the endpoint table (a unit test keeps the two in step). */
export type PagedEndpoint =
  | 'onchainOrderHistory'
  | 'ethHistory'
  | 'solHistory'
  | 'savingsLendingHistory'
  | 'savingsLendingRateHistory'
  | 'loanHistory'
  | 'loanInterestAccrued'
  | 'okusdSubscribeHistory'
  | 'okusdRedeemHistory'
  | 'okusdRewardsHistory'
  | 'okusdAprHistory'
  | 'dualOrderHistory';

/**
 * Pages through a history endpoint on demand: each `next()` fetches the records older than the last one seen.
 * `done` turns true once a page comes back shorter than the page size.
 *
 * With `ties` (a cursor that is a time several records can share: savings lending has one record per currency
 * per hour, all at the hour), OKX's `after` — strictly older than the cursor — would lose the rest of a group
 * that a page ends inside. Each page is then asked from just after the last time read (`after` = that time
 * + 1 ms) and the records of that time already returned are skipped. A page made only of that one time means
 * more than a page of records share it: they cannot be read page by page without loss, so that throws.
 */
export class Pager<R> {
  #after: string | undefined;
  #done = false;
  /** With ties: the records (as JSON) already returned at the boundary time, with how often each was. */
  #seen = new Map<string, number>();

  constructor(
    private readonly fetchPage: (after: string | undefined) => Promise<R[]>,
    private readonly cursorOf: (record: R) => string | undefined,
    private readonly pageSize: number,
    private readonly ties = false,
  ) {}

  get done(): boolean {
    return this.#done;
  }

  async next(): Promise<R[]> {
    if (this.#done) {
      return [];
    }
    return this.ties ? this.#nextWithTies() : this.#nextStrict();
  }

  async #nextStrict(): Promise<R[]> {
    const page = await this.fetchPage(this.#after);
    const last = page[page.length - 1];
    const cursor = last === undefined ? undefined : this.cursorOf(last);
    if (page.length < this.pageSize || cursor === undefined || cursor === this.#after) {
      this.#done = true;
    }
    this.#after = cursor;
    return page;
  }

  async #nextWithTies(): Promise<R[]> {
    const boundary = this.#after;
    const page = await this.fetchPage(boundary === undefined ? undefined : (BigInt(boundary) + 1n).toString());
    const seen = new Map(this.#seen);
    const fresh = page.filter((record) => {
      if (this.cursorOf(record) !== boundary) return true;
      const key = JSON.stringify(record);
      const times = seen.get(key) ?? 0;
      if (times === 0) return true;
      seen.set(key, times - 1);
      return false;
    });
    const last = page[page.length - 1];
    const cursor = last === undefined ? undefined : this.cursorOf(last);
    if (page.length < this.pageSize || cursor === undefined || !/^\d{1,16}$/.test(cursor)) {
      // A short page is the end; a record without a time leaves nothing to ask the next page from.
      this.#done = true;
      return fresh;
    }
    if (cursor === boundary) {
      this.#done = true;
      throw new OkxError({
        category: 'unavailable',
        template: LOCAL_MESSAGES.tiedPage,
        args: { count: String(this.pageSize), time: new Date(Number(cursor)).toISOString() },
      });
    }
    this.#after = cursor;
    this.#seen = new Map();
    for (const record of page) {
      if (this.cursorOf(record) !== cursor) continue;
      const key = JSON.stringify(record);
      this.#seen.set(key, (this.#seen.get(key) ?? 0) + 1);
    }
    return fresh;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<R[]> {
    while (!this.#done) {
      const page = await this.next();
      if (page.length > 0) {
        yield page;
      }
    }
  }
}

/**
 * A history endpoint's pager: `fetchPage` sends one request (the client's `call`), this works out the cursor,
 * the page size and the bound of the next page from the endpoint table.
 */
export function pagerFor<K extends PagedEndpoint>(id: K, params: ParamsOf<K>, fetchPage: (params: ParamsOf<K>) => Promise<DataOf<K>>): Pager<DataOf<K>[number]> {
  const cursor = ENDPOINTS[id].cursor;
  if (cursor === undefined) {
    throw new Error(`${id} is not a paged endpoint`);
  }
  const pageSize = Number(params.limit ?? String(ENDPOINTS[id].defaultLimit ?? 100));
  const pageBy = ENDPOINTS[id].pageBy ?? 'after';
  // The next page's bound. `after` and `endId` are strictly older than the cursor; `end` is an inclusive time,
  // paged as a time several records can share (below): the pager asks from the last time + 1 ms, so `end` is
  // that minus 1 ms — the last time itself, whose records already read the pager skips.
  const older = (cursorValue: string): Partial<Record<'after' | 'end' | 'endId', string>> =>
    pageBy === 'end' ? { end: (BigInt(cursorValue) - 1n).toString() } : { [pageBy]: cursorValue };
  return new Pager<DataOf<K>[number]>(
    async (after) => {
      const page: DataOf<K> = await fetchPage(after === undefined ? params : { ...params, ...older(after) });
      return page;
    },
    (record) => {
      const value = (record as unknown as Record<string, unknown>)[cursor];
      return typeof value === 'string' && value !== '' ? value : undefined;
    },
    pageSize,
    // A time can be shared by several records (savings: one per currency per hour, unless one currency is
    // asked for; OKUSD orders placed in the same millisecond); an order id or a reference id is not.
    pageBy === 'end' || (cursor === 'ts' || cursor === 'requestTime') && !(typeof (params as { ccy?: unknown }).ccy === 'string' && (params as { ccy: string }).ccy !== ''),
  );
}
