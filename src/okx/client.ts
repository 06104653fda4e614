/**
 * The OKX v5 Financial Product client: signs, sends (node-fetch, so VS Code's proxy settings apply), parses,
 * maps errors, stays inside the rate limits, corrects for clock drift, times out, retries reads, and never
 * resends a request that moves money (the one exception: after 50102, which OKX answers before acting, it is
 * signed again with OKX's time and sent once more). It never follows a redirect, and everything it throws is
 * an OkxError with a category.
 */
import { ENDPOINTS, type DataOf, type EndpointId, type EndpointSpec, type ParamsOf, type RateLimit } from './endpoints';
import type { ClientOptions, Credentials, RequestEvent, RetryEvent, RetryPolicy } from './clientOptions';
import type { Environment } from './environments';
import { LOCAL_MESSAGES, OkxError } from './errors';
import { interpretAnswer, notPrepared, retryAfterMs, transportFailure, unclear, unexpected, type Attempt, type WireResponse } from './attemptOutcome';
import { RateLimiter } from './rateLimiter';
import { clientRateLimitScale, scaleRateLimit } from './testRateLimits';
import { redactor } from './redact';
import { buildQuery, isoTimestamp, sign } from './signing';
import { keepAliveFetch, type FetchLike } from './transport';
import { pagerFor, type PagedEndpoint, type Pager } from './pager';
import { accountCalls, dualCalls, ethCalls, loanCalls, okusdCalls, onchainCalls, savingsCalls, solCalls, stableRewardsCalls } from './productCalls';

export type { FetchLike } from './transport';
export type { ClientOptions, Credentials, RequestEvent, RetryEvent, RetryPolicy } from './clientOptions';
/** Also where callers found them before the pager had a file of its own. */
export type { Pager, PagedEndpoint } from './pager';
import type * as T from './types';

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4000, maxRetryAfterMs: 5000 };

/** Amount-free fields that name the currency a request is about, for messages like "Insufficient BTC balance". */
function currencyOf(params: object): string | undefined {
  const p = params as { ccy?: unknown; collateralCcy?: unknown; borrowCcy?: unknown; loanData?: { ccy?: unknown }; investData?: { ccy?: unknown }[] };
  for (const value of [p.ccy, p.collateralCcy, p.borrowCcy, p.loanData?.ccy, p.investData?.[0]?.ccy]) {
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  }
  return undefined;
}

export class OkxClient {
  readonly #credentials: Credentials | undefined;
  readonly #environment: Environment;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #limiter: RateLimiter;
  readonly #fetch: FetchLike;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #onRequest: ((event: RequestEvent) => void) | undefined;
  readonly #onRetry: ((event: RetryEvent) => void) | undefined;
  /** 1 (OKX's real limits) unless a test asked for shorter windows against a simulator. */
  readonly #rateLimitScale: number;
  /** Server time minus local time, in ms, learnt from /api/v5/public/time. */
  #clockOffsetMs = 0;

  constructor(options: ClientOptions) {
    this.#environment = options.environment;
    this.#credentials = options.credentials;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#limiter = options.limiter ?? new RateLimiter();
    this.#fetch = options.fetch ?? keepAliveFetch;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#random = options.random ?? Math.random;
    this.#onRequest = options.onRequest;
    this.#onRetry = options.onRetry;
    this.#rateLimitScale = clientRateLimitScale(options.environment, options.rateLimitScale);
  }

  get environment(): Environment {
    return this.#environment;
  }

  get hasCredentials(): boolean {
    return this.#credentials !== undefined;
  }

  /** Current estimate of server time minus local time, in ms. */
  get clockOffsetMs(): number {
    return this.#clockOffsetMs;
  }

  /** Keeps the key, secret and passphrase out of console.log, util.inspect and JSON. */
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.#environment.baseUrl, simulated: this.#environment.simulated, hasCredentials: this.hasCredentials };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `OkxClient ${JSON.stringify(this.toJSON())}`;
  }

  // ------------------------------------------------------------------ products (each product's calls: ./productCalls)

  readonly onchain = onchainCalls(this);
  readonly eth = ethCalls(this);
  readonly sol = solCalls(this);
  readonly savings = savingsCalls(this);
  readonly loan = loanCalls(this);
  readonly stableRewards = stableRewardsCalls(this);
  readonly okusd = okusdCalls(this);
  readonly dual = dualCalls(this);
  readonly account = accountCalls(this);

  /**
   * How long a request to `id` would wait for OKX's rate limit now (0: it would be sent at once). For requests
   * that must not wait blindly, such as a trade on a quote that expires.
   */
  sendableInMs(id: EndpointId): number {
    return this.#limiter.waitMs(this.limiterKey(id), this.rateLimit(id));
  }

  /** The limit this client keeps for `id`: OKX's, or a test's shorter windows against a simulator. */
  rateLimit(id: EndpointId): RateLimit {
    return scaleRateLimit(ENDPOINTS[id].rateLimit, this.#rateLimitScale);
  }

  private limiterKey(id: EndpointId): string {
    return `${ENDPOINTS[id].rateLimit.scope === 'ip' ? 'ip' : `user:${this.#credentials?.apiKey ?? ''}`}:${id}`;
  }

  /** OKX's clock (public, unsigned). */
  serverTime(): Promise<T.ServerTime[]> {
    return this.call('publicTime', {});
  }

  /** Measures the offset between this machine's clock and OKX's, and signs with OKX's time from then on. */
  async syncClock(): Promise<number> {
    const sentAt = this.#now();
    const [time] = await this.call('publicTime', {}, { clockRetry: false });
    const receivedAt = this.#now();
    const serverMs = Number(time?.ts);
    if (!Number.isFinite(serverMs)) {
      throw new OkxError({ category: 'unavailable', template: LOCAL_MESSAGES.badShape, args: { detail: 'no ts in /api/v5/public/time' } });
    }
    this.#clockOffsetMs = Math.round(serverMs - (sentAt + receivedAt) / 2);
    return this.#clockOffsetMs;
  }

  /** A history endpoint, one page at a time, newest first. */
  pages<K extends PagedEndpoint>(id: K, params: ParamsOf<K>): Pager<DataOf<K>[number]> {
    return pagerFor(id, params, (pageParams) => this.call(id, pageParams));
  }

  // ------------------------------------------------------------------ the wire

  /** Calls one endpoint and returns its `data`, or throws an OkxError (never anything else). */
  async call<K extends EndpointId>(id: K, params: ParamsOf<K>, options: { clockRetry?: boolean } = {}): Promise<DataOf<K>> {
    const spec = ENDPOINTS[id];
    const credentials = this.#credentials;
    if (spec.auth === 'private' && credentials === undefined) {
      throw new OkxError({ category: 'auth', template: 'No API key is set.', endpoint: id });
    }
    let requestPath: string;
    let body: string;
    try {
      // Built once: the same text is signed and sent on every attempt.
      requestPath = spec.method === 'GET' ? `${spec.path}${buildQuery(params)}` : spec.path;
      body = spec.method === 'POST' ? JSON.stringify(params) : '';
    } catch (error) {
      throw notPrepared(id, error);
    }
    const limiterKey = this.limiterKey(id);
    const ccy = currencyOf(params);
    let clockRetried = options.clockRetry === false;

    for (let attempt = 1; ; attempt++) {
      const release = await this.#limiter.acquire(limiterKey, this.rateLimit(id));
      const started = performance.now();
      let outcome: Attempt;
      try {
        outcome = await this.attempt(id, spec, requestPath, body, ccy);
      } catch (error) {
        // A safety net: attempt() turns every failure it knows into an outcome. Whatever else went wrong, the
        // request may have been sent, so a money move is an unknown outcome.
        outcome = spec.moneyMoving
          ? { kind: 'fail', status: undefined, retry: 'no', error: new OkxError({ category: 'unknown-outcome', template: LOCAL_MESSAGES.unknownOutcome, endpoint: id }) }
          : { kind: 'fail', status: undefined, retry: 'no', error: unexpected(id, error) };
      } finally {
        release();
      }
      this.report(() =>
        this.#onRequest?.({
          endpoint: id,
          method: spec.method,
          path: requestPath,
          attempt,
          httpStatus: outcome.status,
          code: outcome.kind === 'ok' ? '0' : outcome.error.code,
          durationMs: performance.now() - started,
          error: outcome.kind === 'fail' ? outcome.error : undefined,
        }),
      );
      if (outcome.kind === 'ok') {
        return outcome.data as DataOf<K>;
      }
      if (outcome.retry === 'clock' && !clockRetried) {
        // 50102 means OKX refused the request before acting on it: resync, re-sign and send once more. The only
        // case in which a money-moving request is sent a second time.
        clockRetried = true;
        await this.syncClock();
        continue;
      }
      if (outcome.retry === 'yes' && !spec.moneyMoving && attempt < this.#retry.maxAttempts) {
        const asked = outcome.retryAfterMs;
        if (asked !== undefined && asked > this.#retry.maxRetryAfterMs) {
          // OKX asks for a longer pause than anyone should wait behind a spinner: say when to try again instead.
          const { error } = outcome;
          throw new OkxError({
            category: error.category === 'unavailable' ? 'unavailable' : 'rate-limit',
            template: LOCAL_MESSAGES.waitTooLong,
            args: { seconds: String(Math.ceil(asked / 1000)) },
            ...(error.code === undefined ? {} : { code: error.code }),
            ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
            ...(error.okxMessage === undefined ? {} : { okxMessage: error.okxMessage }),
            endpoint: id,
            retryAt: this.#now() + asked,
          });
        }
        const delayMs = asked ?? this.backoffMs(attempt);
        const event: RetryEvent = { endpoint: id, method: spec.method, path: requestPath, attempt, delayMs, at: this.#now() + delayMs, error: outcome.error };
        this.report(() => this.#onRetry?.(event));
        await this.#sleep(delayMs);
        continue;
      }
      throw outcome.error;
    }
  }

  /** Calls a listener; a listener's own failure never changes what a request came to. */
  private report(notify: () => void): void {
    try {
      notify();
    } catch {
      // ignored: logging must not turn a success into a failure
    }
  }

  /** Full jitter: a random wait up to base·2^(attempt-1), capped. */
  private backoffMs(attempt: number): number {
    const ceiling = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(this.#random() * ceiling);
  }

  private async attempt(id: EndpointId, spec: EndpointSpec, requestPath: string, body: string, ccy: string | undefined): Promise<Attempt> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const secrets: string[] = [];
    if (this.#environment.simulated) {
      headers['x-simulated-trading'] = '1';
    }
    const credentials = this.#credentials;
    if (spec.auth === 'private' && credentials !== undefined) {
      secrets.push(credentials.secretKey, credentials.passphrase, credentials.apiKey);
      try {
        const timestamp = isoTimestamp(this.#now() + this.#clockOffsetMs);
        const signature = sign(credentials.secretKey, timestamp, spec.method, requestPath, body);
        headers['OK-ACCESS-KEY'] = credentials.apiKey;
        headers['OK-ACCESS-SIGN'] = signature;
        headers['OK-ACCESS-TIMESTAMP'] = timestamp;
        headers['OK-ACCESS-PASSPHRASE'] = credentials.passphrase;
        secrets.push(signature);
      } catch (error) {
        return { kind: 'fail', status: undefined, retry: 'no', error: notPrepared(id, error, redactor(secrets)) };
      }
    }
    const redact = redactor(secrets);

    let wire: WireResponse;
    try {
      wire = await this.send(`${this.#environment.baseUrl}${requestPath}`, spec.method, headers, body);
    } catch (error) {
      return transportFailure(id, spec, error, redact, this.#timeoutMs);
    }
    try {
      return interpretAnswer(id, spec, wire, ccy, redact, () => this.#now());
    } catch (error) {
      // Nothing in interpretAnswer() should throw; if something does, the answer was not understood.
      return spec.moneyMoving
        ? unclear(id, wire.status)
        : { kind: 'fail', status: wire.status, retry: 'no', error: unexpected(id, error, redact) };
    }
  }

  private async send(url: string, method: string, headers: Record<string, string>, body: string): Promise<WireResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      const response = await this.#fetch(url, { method, headers, signal: controller.signal, redirect: 'manual', ...(method === 'POST' ? { body } : {}) });
      const text = await response.text();
      return { status: response.status, text, retryAfterMs: retryAfterMs(response.headers.get('retry-after'), this.#now()) };
    } finally {
      clearTimeout(timer);
    }
  }
}
