/**
 * Test-only: OKX's rate limits with shorter windows, so that the tests of a flow (buy, redeem, refresh) need not
 * wait out OKX's real limits, e.g. two Dual Investment trades a minute, against a simulator on this machine.
 * Only code sets it (OkxClient's and Simulator's `rateLimitScale` options, the extension's test API): no setting
 * or environment variable does, and the client honours it only against a loopback address, so that nothing can
 * make it send to OKX faster than OKX's real limits allow.
 */
import type { Environment } from './environments';
import type { RateLimit } from './endpoints';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether `environment` is a server on this machine (a simulator), never one of OKX's hosts. */
export function isLoopback(environment: Environment): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(environment.baseUrl).hostname);
  } catch {
    return false;
  }
}

/**
 * The window scale a client may use: `requested` (0 < scale ≤ 1) against a loopback address, else 1, OKX's
 * real limits. Anything out of range keeps the real limits too.
 */
export function clientRateLimitScale(environment: Environment, requested: number | undefined): number {
  if (requested === undefined || !(requested > 0 && requested <= 1) || !isLoopback(environment)) return 1;
  return requested;
}

/** `limit` with its window multiplied by `scale` (the same count of requests per shorter window). */
export function scaleRateLimit(limit: RateLimit, scale: number): RateLimit {
  return scale === 1 ? limit : { ...limit, windowMs: limit.windowMs * scale };
}
