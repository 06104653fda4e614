/**
 * The one outcome model of every money move, with no `vscode` import so that it is unit-tested in plain Node.
 *
 * A money request ends in one of three outcomes:
 * - **done**: OKX answered that it did it (an acknowledgement naming the order), or its records show it;
 * - **not done**: OKX refused it (a documented business error), the request provably never left, or OKX's
 *   records of the very request say it failed;
 * - **unknown**: 50004, a timeout, a 5xx, a connection lost after sending, an empty or odd acknowledgement,
 *   or a look-up that does not find the request *yet*. Unknown is never told as not done: it is looked up
 *   again, over time, by the request's own key (client order id, quote id, order state), never by amount.
 */
import type { Certainty } from './reconcile';

export type OutcomeState = 'done' | 'not-done' | 'unknown';

/** What a look-up (or an acknowledgement) says of a request. */
export interface Finding {
  readonly state: OutcomeState;
  /** What was found, e.g. "order 123 (Earning)." */
  readonly detail: string;
  /**
   * 'certain' (the default): by an id OKX keeps or the very order's state. 'probable': by what changed (a
   * balance) where OKX keeps no id for the request; the user is told it is only probable.
   */
  readonly certainty?: Certainty;
}

/** How a look-up is found again after a window reload: a registered kind and plain-text parameters. */
export interface LookupRef {
  readonly kind: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * When the request is looked up after an unclear answer, in ms after the answer: at once, then after 2, 5,
 * 10, 20 and 40 s. OKX's records of a late completion usually show within seconds; what is still unknown
 * after this window is kept as pending and checked in the background.
 */
export const CHECK_SCHEDULE_MS: readonly number[] = [0, 2_000, 5_000, 10_000, 20_000, 40_000];

/** How often a pending request is checked in the background: after 30 s, then less and less often. */
export const PENDING_CHECK_MS: readonly number[] = [30_000, 60_000, 120_000, 300_000, 600_000];

export interface CheckOptions {
  /** Offsets from the start, in ms (default CHECK_SCHEDULE_MS). */
  readonly schedule?: readonly number[];
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Stops the checking (the user cancelled it): what is known then is returned. */
  readonly cancelled?: () => boolean;
  /** Told before each look-up: its number (1-based) and how many there are. */
  readonly onAttempt?: (attempt: number, of: number) => void;
}

const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Looks the request up at each offset of the schedule until a look-up settles it (done or not done). A look-up
 * that fails (the network, a rate limit) counts as "still unknown" and the next one is tried. Returns the
 * settling finding, or the last unknown one (with the last failure's text when every look-up failed).
 */
export async function checkOverTime(look: () => Promise<Finding>, options: CheckOptions = {}): Promise<Finding & { readonly checks: number }> {
  const schedule = options.schedule ?? CHECK_SCHEDULE_MS;
  const sleep = options.sleep ?? sleepMs;
  const now = options.now ?? Date.now;
  const started = now();
  let last: Finding = { state: 'unknown', detail: '' };
  let checks = 0;
  for (const [index, offset] of schedule.entries()) {
    const wait = started + offset - now();
    if (wait > 0) await sleep(wait);
    if (options.cancelled?.() === true) break;
    options.onAttempt?.(index + 1, schedule.length);
    checks += 1;
    try {
      last = await look();
    } catch (error) {
      last = { state: 'unknown', detail: error instanceof Error ? error.message : String(error) };
    }
    if (last.state !== 'unknown') break;
  }
  return { ...last, checks };
}
