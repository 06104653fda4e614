/**
 * What the client is made with (the environment, the key, timeouts, retries, a shared limiter, clocks for
 * tests) and what it tells its listeners (each request for the log, each read it is about to send again).
 */
import type { EndpointId } from './endpoints';
import type { Environment } from './environments';
import type { OkxError } from './errors';
import type { RateLimiter } from './rateLimiter';
import type { FetchLike } from './transport';

export interface Credentials {
  readonly apiKey: string;
  readonly secretKey: string;
  readonly passphrase: string;
}

export interface RetryPolicy {
  /** Attempts in all for a read (the first included). */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * The longest Retry-After a read waits for before trying again; when OKX asks for longer, the read fails at
   * once with an error that says when to try again.
   */
  readonly maxRetryAfterMs: number;
}

/** One line for the request log: never a header, a body or a secret. */
export interface RequestEvent {
  readonly endpoint: EndpointId;
  readonly method: string;
  /** Path and query as sent. */
  readonly path: string;
  readonly attempt: number;
  readonly httpStatus: number | undefined;
  /** OKX's code ('0' on success), when an OKX response came back. */
  readonly code: string | undefined;
  readonly durationMs: number;
  readonly error: OkxError | undefined;
}

/** A read about to be sent again after a wait, so that whoever is waiting can be told until when. */
export interface RetryEvent {
  readonly endpoint: EndpointId;
  readonly method: string;
  readonly path: string;
  /** The attempt that failed. */
  readonly attempt: number;
  readonly delayMs: number;
  /** When it is sent again, in local epoch milliseconds (the `now` clock). */
  readonly at: number;
  /** Why: the failed attempt's error ('rate-limit' when OKX said too many requests). */
  readonly error: OkxError;
}

export interface ClientOptions {
  readonly environment: Environment;
  readonly credentials?: Credentials;
  /** Per request; default 10 000 ms. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Share one limiter between clients of the same account (and for the per-IP public limits). */
  readonly limiter?: RateLimiter;
  readonly fetch?: FetchLike;
  /** Wall clock for signing timestamps; default Date.now. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Source of backoff jitter, in [0, 1). */
  readonly random?: () => number;
  readonly onRequest?: (event: RequestEvent) => void;
  readonly onRetry?: (event: RetryEvent) => void;
  /**
   * Test-only (see ./testRateLimits): OKX's rate-limit windows multiplied by this, 0 < scale ≤ 1. Honoured only
   * against a loopback address (a simulator); against any other host the client keeps OKX's real limits.
   */
  readonly rateLimitScale?: number;
}
