/**
 * Client-side rate limiting that keeps every endpoint inside OKX's documented limits, so a burst is spread out
 * instead of answered with 50011.
 *
 * Each (key, endpoint) bucket admits at most `count` requests per `windowMs`. A slot is held from the moment a
 * request is sent until `windowMs` after its response arrived. Since a request reaches the server after it is
 * sent and before its response arrives, any two requests `count` apart then reach the server at least
 * `windowMs` apart, whatever the network delay: the server's count never exceeds the limit. The price is one
 * round trip per window, which is what "close to the minimum time" allows.
 */
import type { RateLimit } from './endpoints';

interface Slot {
  doneAt: number | undefined;
}

class Bucket {
  readonly slots: Slot[] = [];
  /** Admissions are first come, first served. */
  tail: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private woken: Promise<void> | undefined;

  changed(): Promise<void> {
    this.woken ??= new Promise((resolve) => (this.wake = resolve));
    return this.woken;
  }

  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    this.woken = undefined;
    wake?.();
  }
}

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Call when the response (or failure) arrived. */
export type Release = () => void;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: LimiterClock = realClock) {}

  /** Waits until a request may be sent under `limit` in bucket `key`. */
  acquire(key: string, limit: RateLimit): Promise<Release> {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = new Bucket();
      this.buckets.set(key, bucket);
    }
    const turn = bucket.tail.then(() => this.admit(bucket, limit));
    bucket.tail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /**
   * How long a request in bucket `key` would wait now, in milliseconds, without taking a slot: 0 when one is
   * free; the window when every slot is still in flight (how long those take is not known).
   */
  waitMs(key: string, limit: RateLimit): number {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return 0;
    const now = this.clock.now();
    const live = bucket.slots.filter((slot) => slot.doneAt === undefined || slot.doneAt + limit.windowMs > now);
    if (live.length < limit.count) return 0;
    const finished = live.map((slot) => slot.doneAt).filter((doneAt): doneAt is number => doneAt !== undefined);
    return finished.length === 0 ? limit.windowMs : Math.max(0, Math.min(...finished) + limit.windowMs - now);
  }

  private async admit(bucket: Bucket, limit: RateLimit): Promise<Release> {
    for (;;) {
      const now = this.clock.now();
      // Forget slots whose window has passed.
      for (let i = bucket.slots.length - 1; i >= 0; i--) {
        const doneAt = bucket.slots[i]?.doneAt;
        if (doneAt !== undefined && doneAt + limit.windowMs <= now) {
          bucket.slots.splice(i, 1);
        }
      }
      if (bucket.slots.length < limit.count) {
        const slot: Slot = { doneAt: undefined };
        bucket.slots.push(slot);
        return () => {
          if (slot.doneAt === undefined) {
            slot.doneAt = this.clock.now();
            bucket.notify();
          }
        };
      }
      const finished = bucket.slots.map((slot) => slot.doneAt).filter((doneAt): doneAt is number => doneAt !== undefined);
      if (finished.length > 0) {
        await this.clock.sleep(Math.min(...finished) + limit.windowMs - now);
      } else {
        // Every slot is still in flight: wait for one to come back.
        await bucket.changed();
      }
    }
  }
}
