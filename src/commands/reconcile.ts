/**
 * Finding out what became of a money move whose answer was lost or unclear, for the money-action runner and
 * every flow that moves money. No `vscode` import: tested in plain Node.
 *
 * - By an id OKX keeps (order id, our `tag`, `clOrdId`) wherever there is one: such a match is certain.
 * - Otherwise by what the request said (type, currency, amount) inside the time it can have been recorded
 *   in: such a match is only probable (two identical actions look the same), and the user is told so.
 * - A history is paged until that time window is covered, never just its first page.
 */
import type { Pager } from '../okx/pager';
import { OkxError } from '../okx/errors';

/** 'certain': matched by an id or by the state of the very order; 'probable': by amount and time only. */
export type Certainty = 'certain' | 'probable';

/** What reconciliation found out. Without `certainty`, it counts as 'probable' (the cautious wording). */
export interface Reconciled {
  readonly happened: boolean;
  /** What was found, e.g. "order 123 (Earning)." */
  readonly detail: string;
  readonly certainty?: Certainty;
}

/**
 * OKX refuses a request whose timestamp is more than 30 s from its clock; one second more for rounding. So a
 * request it carried out was signed at most this long after OKX's own time of it.
 */
export const OKX_TIMESTAMP_TOLERANCE_MS = 31_000;

/** When an unknown-outcome request was sent, in OKX's time, and so when a record of it can be dated. */
export interface SendWindow {
  /** When the request was handed to the client, in OKX's time (as corrected by the client's clock offset). */
  readonly sentAt: number;
  /** The earliest OKX time a record of the request can carry: `sentAt` less OKX's timestamp tolerance. */
  readonly since: number;
}

/** The window of a request handed to the client at local time `sentLocal`, with the client's clock offset now. */
export function sendWindow(sentLocal: number, clockOffsetMs: number): SendWindow {
  const sentAt = sentLocal + clockOffsetMs;
  return { sentAt, since: sentAt - OKX_TIMESTAMP_TOLERANCE_MS };
}

export interface HistorySearch<R> {
  /** The earliest OKX time (ms) the record can carry, usually `SendWindow.since`. */
  readonly since: number;
  /** The record's OKX time in ms (e.g. `requestTime`, `ts`); records are newest first. */
  timeOf(record: R): string | number | undefined;
  /** The request's own record, by an id OKX keeps: a match is certain, wherever it is in the window. */
  byId?(record: R): boolean;
  /** A record like the request's (same type, currency, amount), dated in the window: a match is probable. */
  byAmount?(record: R): boolean;
  /** At most this many pages are read (default 10); a window still not covered then is an error. */
  readonly maxPages?: number;
}

export interface HistoryMatch<R> {
  readonly record: R;
  readonly certainty: Certainty;
  /** Records that matched by amount in the window (0 when matched by id): more than 1 means it could be either. */
  readonly lookalikes: number;
}

function millis(value: string | number | undefined): number | undefined {
  const ms = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Pages a newest-first history until a record older than `since` shows the window is covered (or the history
 * ends), and finds the request's record: by id first (certain), else the newest lookalike by amount (probable).
 * Undefined when neither is in the window. Throws an OkxError when the window is not covered within
 * `maxPages`, rather than claim the request is not there.
 */
export async function findInHistory<R>(pager: Pager<R>, search: HistorySearch<R>): Promise<HistoryMatch<R> | undefined> {
  const lookalikes: R[] = [];
  const maxPages = search.maxPages ?? 10;
  for (let pages = 0; ; pages++) {
    if (pager.done) break;
    if (pages === maxPages) {
      throw new OkxError({ category: 'other', template: 'The history is too long to check here: look for the request on OKX.' });
    }
    const page = await pager.next();
    let covered = false;
    for (const record of page) {
      if (search.byId?.(record) === true) return { record, certainty: 'certain', lookalikes: 0 };
      const at = millis(search.timeOf(record));
      if (at !== undefined && at < search.since) {
        covered = true;
        continue;
      }
      if (search.byAmount?.(record) === true) lookalikes.push(record);
    }
    if (covered) break;
  }
  const [newest] = lookalikes;
  return newest === undefined ? undefined : { record: newest, certainty: 'probable', lookalikes: lookalikes.length };
}

/**
 * The ids of a newest-first history's records dated within OKX's timestamp tolerance of `serverNow`: what is
 * there before a request is sent, so that a look-up afterwards never takes one of them for the request.
 */
export async function recentRecordIds<R>(pager: Pager<R>, serverNow: number, timeOf: (record: R) => string | number | undefined, idOf: (record: R) => string): Promise<string> {
  const ids: string[] = [];
  await findInHistory(pager, { since: serverNow - OKX_TIMESTAMP_TOLERANCE_MS, timeOf, byAmount: (record) => (ids.push(idOf(record)), false) });
  return ids.join(',');
}
